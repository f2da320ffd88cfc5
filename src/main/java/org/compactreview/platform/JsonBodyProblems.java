package org.compactreview.platform;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.List;
import java.util.Map;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * The problem of a JSON body that could not be read, naming the field where reading stopped: a
 * value the database cannot store is invalid input; an unknown field or a value of the wrong type
 * is a body of the wrong shape. Plain syntax errors name no field.
 */
final class JsonBodyProblems {

    private JsonBodyProblems() {}

    static ProblemDetail of(Throwable unreadable, Problems problems) {
        JsonMappingException mapping = find(unreadable);
        String field = mapping == null ? "" : path(mapping);
        if (mapping instanceof StorableInputModule.RefusedValue refused) {
            ProblemDetail problem = create(problems, "invalid-input", "problem.invalid-input");
            problem.setProperty("errors", errors(field, text(problems, refused.messageCode(), refused.arguments())));
            return problem;
        }
        ProblemDetail problem = create(problems, "malformed-body", "problem.malformed-body");
        if (!field.isEmpty()) {
            String code = mapping instanceof UnrecognizedPropertyException
                    ? "validation.field.unknown"
                    : "validation.wrong-type";
            problem.setProperty("errors", errors(field, text(problems, code)));
        }
        return problem;
    }

    /** The JSON path as the API names fields elsewhere: {@code entries[0].rating}. */
    static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference step : e.getPath()) {
            if (step.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(step.getFieldName());
            } else if (step.getIndex() >= 0) {
                path.append('[').append(step.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static JsonMappingException find(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonMappingException mapping) {
                return mapping;
            }
        }
        return null;
    }

    private static List<Map<String, String>> errors(String field, String message) {
        return List.of(Map.of("field", field, "message", message));
    }

    private static ProblemDetail create(Problems problems, String type, String code) {
        return problems.create(HttpStatus.BAD_REQUEST, type, LocaleContextHolder.getLocale(), code);
    }

    private static String text(Problems problems, String code, Object... arguments) {
        return problems.text(LocaleContextHolder.getLocale(), code, arguments);
    }
}
