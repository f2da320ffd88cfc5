package org.compactreview.platform;

import java.util.List;

/** Input that breaks a business rule, with one message per offending field (answered with 400). */
public class InvalidInputException extends ProblemException {

    private final List<FieldProblem> fieldProblems;

    public InvalidInputException(List<FieldProblem> fieldProblems) {
        super("invalid-input", "problem.invalid-input");
        this.fieldProblems = List.copyOf(fieldProblems);
    }

    public InvalidInputException(String field, String messageCode, Object... arguments) {
        this(List.of(new FieldProblem(field, messageCode, arguments)));
    }

    public List<FieldProblem> fieldProblems() {
        return fieldProblems;
    }

    /** One field's problem: the JSON path of the field, a message code and its arguments. */
    public record FieldProblem(String field, String messageCode, Object... arguments) {}
}
