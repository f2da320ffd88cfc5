package org.compactreview.platform;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.ResolvableDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.function.Predicate;
import org.springframework.stereotype.Component;

/**
 * Refuses, while a JSON body is read, what the database could not store: a string with NUL
 * anywhere (in any field, list or map value) and a date outside {@link StorableInput}'s years.
 * The refusal carries the JSON path, so that the caller gets a 400 naming the field instead of
 * the database's refusal (which would look like a conflict).
 */
@Component
class StorableInputModule extends SimpleModule {

    StorableInputModule() {
        super("compact-review-storable-input");
        addDeserializer(String.class, new StorableString());
        setDeserializerModifier(new BoundedDates());
    }

    /** A value the database cannot store, refused with a message code; Jackson adds the path. */
    static final class RefusedValue extends JsonMappingException {
        private final transient String messageCode;
        private final transient Object[] arguments;

        RefusedValue(JsonParser parser, String messageCode, Object... arguments) {
            super(parser, "refused value: " + messageCode);
            this.messageCode = messageCode;
            this.arguments = arguments;
        }

        String messageCode() {
            return messageCode;
        }

        Object[] arguments() {
            return arguments.clone();
        }
    }

    private static final class StorableString extends StdScalarDeserializer<String> {
        StorableString() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = StringDeserializer.instance.deserialize(parser, context);
            if (!StorableInput.storable(text)) {
                throw new RefusedValue(parser, StorableInput.UNSTORABLE_TEXT);
            }
            return text;
        }
    }

    private static final class BoundedDates extends BeanDeserializerModifier {
        @Override
        public JsonDeserializer<?> modifyDeserializer(
                DeserializationConfig config, BeanDescription description, JsonDeserializer<?> deserializer) {
            Class<?> type = description.getBeanClass();
            if (type == Instant.class) {
                return new Bounded<>(deserializer, (Instant i) -> StorableInput.inRange(i));
            }
            if (type == LocalDate.class) {
                return new Bounded<>(deserializer, (LocalDate d) -> StorableInput.inRange(d));
            }
            return deserializer;
        }
    }

    /** Jackson's own date deserializer, then the domain's bound. */
    private static final class Bounded<T> extends JsonDeserializer<T>
            implements ContextualDeserializer, ResolvableDeserializer {
        private final JsonDeserializer<?> delegate;
        private final Predicate<T> inRange;

        Bounded(JsonDeserializer<?> delegate, Predicate<T> inRange) {
            this.delegate = delegate;
            this.inRange = inRange;
        }

        @Override
        @SuppressWarnings("unchecked")
        public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            T value = (T) delegate.deserialize(parser, context);
            if (!inRange.test(value)) {
                throw new RefusedValue(parser, StorableInput.DATE_OUT_OF_RANGE, StorableInput.yearBounds());
            }
            return value;
        }

        @Override
        public JsonDeserializer<?> createContextual(DeserializationContext context, BeanProperty property)
                throws JsonMappingException {
            JsonDeserializer<?> contextual =
                    delegate instanceof ContextualDeserializer c ? c.createContextual(context, property) : delegate;
            return contextual == delegate ? this : new Bounded<>(contextual, inRange);
        }

        @Override
        public void resolve(DeserializationContext context) throws JsonMappingException {
            if (delegate instanceof ResolvableDeserializer r) {
                r.resolve(context);
            }
        }

        @Override
        public Class<?> handledType() {
            return delegate.handledType();
        }
    }
}
