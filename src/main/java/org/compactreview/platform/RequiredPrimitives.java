package org.compactreview.platform;

import com.fasterxml.jackson.databind.JavaType;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.media.Schema;
import java.lang.reflect.RecordComponent;
import java.util.Iterator;

/**
 * Marks the primitive components of our answer records (ids, counts, flags) as required in the
 * OpenAPI schemas: a primitive is always written, so a client may rely on it. The request records
 * nested in controllers ({@code .api} packages) are left alone, as is a component whose field says
 * {@code @Schema(requiredMode = NOT_REQUIRED)}: a record that is also sent may leave it out.
 */
class RequiredPrimitives implements ModelConverter {

    @Override
    public Schema<?> resolve(AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
        if (!chain.hasNext()) {
            return null;
        }
        Schema<?> schema = chain.next().resolve(type, context, chain);
        JavaType javaType = Json.mapper().constructType(type.getType());
        Class<?> raw = javaType.getRawClass();
        if (schema == null
                || !raw.isRecord()
                || !raw.getPackageName().startsWith("org.compactreview")
                || raw.getPackageName().endsWith(".api")) {
            return schema;
        }
        Schema<?> model = schema.get$ref() == null
                ? schema
                : context.getDefinedModels()
                        .get(schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1));
        if (model == null || model.getProperties() == null) {
            return schema;
        }
        for (RecordComponent component : raw.getRecordComponents()) {
            boolean listed = model.getRequired() != null && model.getRequired().contains(component.getName());
            if (component.getType().isPrimitive()
                    && model.getProperties().containsKey(component.getName())
                    && !listed
                    && !optional(raw, component)) {
                model.addRequiredItem(component.getName());
            }
        }
        return schema;
    }

    private static boolean optional(Class<?> record, RecordComponent component) {
        try {
            io.swagger.v3.oas.annotations.media.Schema declared = record.getDeclaredField(component.getName())
                    .getAnnotation(io.swagger.v3.oas.annotations.media.Schema.class);
            return declared != null
                    && declared.requiredMode() == io.swagger.v3.oas.annotations.media.Schema.RequiredMode.NOT_REQUIRED;
        } catch (NoSuchFieldException e) {
            return false;
        }
    }
}
