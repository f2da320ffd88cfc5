package org.compactreview.cycle;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The rules of a cycle's reminder days (issue 15): whole days before the submission due date at
 * which the focal points are reminded, each from {@value #MIN} to {@value #MAX}, distinct, at most
 * {@value #MAX_COUNT}. Kept largest first ({@code [14, 7, 1]}): the first reminder comes first.
 */
public final class ReminderDays {

    public static final int MIN = 1;
    public static final int MAX = 90;
    public static final int MAX_COUNT = 5;

    /** The message of every broken rule: one clear sentence naming them all. */
    public static final String PROBLEM = "validation.cycle.reminder-days";

    private ReminderDays() {}

    /** Whether the days keep the rules (null is not a list of days). */
    public static boolean valid(List<Integer> days) {
        if (days == null || days.isEmpty() || days.size() > MAX_COUNT) {
            return false;
        }
        Set<Integer> seen = new HashSet<>();
        for (Integer day : days) {
            if (day == null || day < MIN || day > MAX || !seen.add(day)) {
                return false;
            }
        }
        return true;
    }

    /** The days, largest first. */
    public static List<Integer> ordered(List<Integer> days) {
        return days.stream().sorted(Comparator.reverseOrder()).toList();
    }

    /**
     * Reads the page form's text ("14, 7, 1"; commas, semicolons, Arabic commas or spaces between
     * the numbers; digits of any script): the days, largest first, or empty when the text breaks a
     * rule.
     */
    public static Optional<List<Integer>> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        List<Integer> days = new ArrayList<>();
        for (String part : text.trim().split("[\\s,;\u060C\u3001\uFF0C]+")) {
            if (part.isEmpty()) {
                continue;
            }
            if (part.length() > 3 || !part.codePoints().allMatch(Character::isDigit)) {
                return Optional.empty();
            }
            int day = 0;
            for (int cp : part.codePoints().toArray()) {
                day = day * 10 + Character.digit(cp, 10);
            }
            days.add(day);
        }
        return valid(days) ? Optional.of(ordered(days)) : Optional.empty();
    }

    /** As the page form shows them: "14, 7, 1". */
    public static String format(List<Integer> days) {
        return days == null ? "" : days.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }
}
