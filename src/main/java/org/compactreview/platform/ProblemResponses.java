package org.compactreview.platform;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;

/**
 * Documents the problem answers each operation really gives, read from the handler method: 400
 * when it takes a body or a typed parameter (invalid input, malformed body, wrong type), 401 and
 * 429 and 503 always (every call may sign in with a password and reads the database), 403 when {@code @PreAuthorize} limits
 * it to roles, 404 when it addresses an object by path. 409 depends on the object's state and is
 * declared with {@code @ApiResponse} on the operations that can answer it; this class gives every
 * declared error its problem body. {@code ApiContractIT} checks the result against real answers.
 */
class ProblemResponses implements OperationCustomizer {

    static final String PROBLEM_SCHEMA = "Problem";

    private static final String PROBLEM_JSON = "application/problem+json";

    private static final Map<String, String> DESCRIPTIONS = Map.of(
            "400",
                    "Invalid input (invalid-input, with one entry per field in errors) or a malformed body "
                            + "(malformed-body)",
            "401", "Not signed in, or wrong credentials (unauthenticated)",
            "403", "The caller's role may not use this operation (forbidden)",
            "404", "No such object, or one outside the caller's participants (not-found)",
            "409",
                    "Refused in the object's current state, or changed by someone else meanwhile (conflict, "
                            + "concurrent-change)",
            "429",
                    "Too many failed sign-ins from this client (too-many-sign-ins); retry after Retry-After "
                            + "seconds",
            "503", "The database is out of reach (unavailable); retry after Retry-After seconds");

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        List<MethodParameter> parameters = Arrays.asList(handler.getMethodParameters());
        boolean takesInput =
                parameters.stream().anyMatch(p -> p.hasParameterAnnotation(RequestBody.class) || typedParameter(p));
        boolean limitedToRoles = AnnotatedElementUtils.hasAnnotation(handler.getMethod(), PreAuthorize.class)
                || AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), PreAuthorize.class);
        boolean addressesObject = parameters.stream().anyMatch(p -> p.hasParameterAnnotation(PathVariable.class));
        Map<String, Boolean> answers = new TreeMap<>(Map.of(
                "400",
                takesInput,
                "401",
                true,
                "403",
                limitedToRoles,
                "404",
                addressesObject,
                "429",
                true,
                "503",
                true));
        answers.forEach((status, answered) -> {
            if (answered && !responses.containsKey(status)) {
                responses.addApiResponse(status, new ApiResponse());
            }
        });
        responses.forEach((status, response) -> {
            if (status.startsWith("4") || status.startsWith("5")) {
                describe(status, response);
            }
        });
        operation.setResponses(sorted(responses));
        return operation;
    }

    /** A path or query parameter that Spring converts: a value of the wrong type answers 400. */
    private static boolean typedParameter(MethodParameter parameter) {
        boolean bound = parameter.hasParameterAnnotation(PathVariable.class)
                || parameter.hasParameterAnnotation(RequestParam.class);
        return bound && !String.class.equals(parameter.getParameterType());
    }

    private static void describe(String status, ApiResponse response) {
        if (response.getDescription() == null || response.getDescription().isBlank()) {
            response.setDescription(DESCRIPTIONS.getOrDefault(status, "Problem"));
        }
        response.setContent(new Content()
                .addMediaType(
                        PROBLEM_JSON,
                        new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM_SCHEMA))));
        if (status.equals("401")) {
            response.addHeaderObject(
                    "WWW-Authenticate",
                    new Header()
                            .description("Basic, or Bearer with error=\"invalid_token\" for a refused API token")
                            .schema(new StringSchema()));
        }
        if (status.equals("503") || status.equals("429")) {
            response.addHeaderObject(
                    "Retry-After", new Header().description("Seconds to wait").schema(new IntegerSchema()));
        }
    }

    private static ApiResponses sorted(ApiResponses responses) {
        ApiResponses sorted = new ApiResponses();
        new TreeMap<>(responses).forEach(sorted::addApiResponse);
        return sorted;
    }

    /** RFC 7807 as the app writes it ({@code Problems}, {@code ProblemHandler}). */
    static Schema<?> problemSchema() {
        ObjectSchema fieldError = new ObjectSchema();
        fieldError.addProperty("field", new StringSchema());
        fieldError.addProperty("message", new StringSchema());
        fieldError.setRequired(List.of("field", "message"));
        ObjectSchema problem = new ObjectSchema();
        problem.description("RFC 7807 problem document");
        problem.addProperty(
                "type",
                new StringSchema()
                        .format("uri")
                        .description("Stable type: urn:compact-review:problem:<not-found|conflict|invalid-input|"
                                + "malformed-body|concurrent-change|forbidden|unauthenticated|unavailable|internal|too-large|"
                                + "unsupported-type>"));
        problem.addProperty("title", new StringSchema().description("In the caller's language"));
        problem.addProperty("status", new IntegerSchema());
        problem.addProperty("detail", new StringSchema().description("In the caller's language"));
        problem.addProperty("instance", new StringSchema().format("uri"));
        problem.addProperty(
                "errors", new ArraySchema().items(fieldError).description("For invalid-input: one per field"));
        problem.setRequired(List.of("type", "title", "status"));
        return problem;
    }
}
