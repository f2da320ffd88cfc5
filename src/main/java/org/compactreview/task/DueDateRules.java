package org.compactreview.task;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.compactreview.platform.InvalidInputException.FieldProblem;

/** What a due-date change must satisfy, and where each timer goes: no engine, no database. */
final class DueDateRules {

    static final int MAX_REASON = 1000;

    private DueDateRules() {}

    /** The problems of a change asked at {@code now}, one per field; empty when it may go ahead. */
    static List<FieldProblem> problems(Instant dueAt, String reason, Instant now, Duration maxAhead) {
        List<FieldProblem> problems = new ArrayList<>();
        if (dueAt == null) {
            problems.add(new FieldProblem("dueAt", "validation.due-date.missing"));
        } else if (!dueAt.isAfter(now)) {
            problems.add(new FieldProblem("dueAt", "validation.due-date.past"));
        } else if (dueAt.isAfter(now.plus(maxAhead))) {
            problems.add(new FieldProblem("dueAt", "validation.due-date.too-far", maxAhead.toDays()));
        }
        if (reason == null || reason.isBlank()) {
            problems.add(new FieldProblem("reason", "validation.due-date.reason"));
        } else if (reason.strip().length() > MAX_REASON) {
            problems.add(new FieldProblem("reason", "validation.due-date.reason-length", MAX_REASON));
        }
        return problems;
    }

    /** A timer keeps its offset from the due date: it moves by as much as the due date does. */
    static Instant moved(Instant timer, Instant previousDue, Instant newDue) {
        return timer.plus(Duration.between(previousDue, newDue));
    }
}
