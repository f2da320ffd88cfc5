package org.compactreview.capacity;

import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.compactreview.platform.InvalidInputException;
import org.compactreview.platform.InvalidInputException.FieldProblem;

/** Checks of plans, updates and evaluations; plain code. */
final class CapacityRules {

    static final int MAX_TEXT = 4000;
    static final int MIN_INTERVAL_DAYS = 7;
    static final int MAX_INTERVAL_DAYS = 366;

    private CapacityRules() {}

    static void checkPlan(SupportPlan plan) {
        List<FieldProblem> problems = new ArrayList<>();
        if (plan.endDate() != null && plan.startDate() != null && plan.endDate().isBefore(plan.startDate())) {
            problems.add(new FieldProblem("endDate", "validation.capacity.end-before-start"));
        }
        if (plan.budget() != null && plan.currency() == null) {
            problems.add(new FieldProblem("currency", "validation.capacity.currency-needed"));
        }
        if (!intervalInRange(plan.reviewInterval())) {
            problems.add(new FieldProblem(
                    "reviewInterval", "validation.capacity.interval", MIN_INTERVAL_DAYS, MAX_INTERVAL_DAYS));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    static void checkText(String field, String text, boolean required) {
        if (required && (text == null || text.isBlank())) {
            throw new InvalidInputException(field, "validation.capacity.required");
        }
        if (text != null && text.length() > MAX_TEXT) {
            throw new InvalidInputException(field, "validation.text.too-long", MAX_TEXT);
        }
    }

    static void checkOutcomeRating(Integer rating) {
        if (rating == null || rating < 1 || rating > 5) {
            throw new InvalidInputException("outcomeRating", "validation.capacity.outcome-rating");
        }
    }

    static boolean intervalInRange(String interval) {
        if (interval == null) {
            return false;
        }
        try {
            Period period = Period.parse(interval);
            long days = period.getYears() * 365L + period.getMonths() * 30L + period.getDays();
            return !period.isNegative() && days >= MIN_INTERVAL_DAYS && days <= MAX_INTERVAL_DAYS;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
