package org.compactreview.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.compactreview.platform.InvalidInputException;
import org.compactreview.platform.InvalidInputException.FieldProblem;

/**
 * What the audit list is narrowed to; every part is optional. {@code objectType} is the stored
 * code ({@link AuditObjectType#code()}); {@code from} and {@code to} are whole days in UTC, both
 * included; {@code reason} is found anywhere in the reason, in any case.
 */
public record AuditFilter(
        String actor, String action, String objectType, String objectId, LocalDate from, LocalDate to, String reason) {

    public static final AuditFilter NONE = new AuditFilter(null, null, null, null, null, null, null);

    /** Longest reason text searched for; longer input is refused rather than cut. */
    public static final int MAX_REASON_TEXT = 200;

    public AuditFilter {
        actor = blankToNull(actor);
        action = blankToNull(action);
        objectType = blankToNull(objectType);
        objectId = blankToNull(objectId);
        reason = blankToNull(reason);
    }

    /**
     * A filter from what a caller typed: the kind of object in any case ({@code REPORT},
     * {@code capacity_request}), the action in any case; refused with one message per field.
     */
    public static AuditFilter of(
            String actor,
            String action,
            String objectTypeName,
            String objectId,
            LocalDate from,
            LocalDate to,
            String reason) {
        List<FieldProblem> problems = new ArrayList<>();
        String objectType = null;
        if (blankToNull(objectTypeName) != null) {
            objectType = AuditObjectType.parse(objectTypeName)
                    .map(AuditObjectType::code)
                    .orElse(null);
            if (objectType == null) {
                problems.add(new FieldProblem(
                        "objectType",
                        "validation.audit.object-type",
                        String.join(
                                ", ",
                                Arrays.stream(AuditObjectType.values())
                                        .map(AuditObjectType::code)
                                        .toList())));
            }
        }
        checkLength(problems, "actor", actor, 64);
        checkLength(problems, "action", action, 64);
        checkLength(problems, "objectId", objectId, 64);
        checkLength(problems, "reason", reason, MAX_REASON_TEXT);
        if (from != null && to != null && to.isBefore(from)) {
            problems.add(new FieldProblem("to", "validation.audit.period"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new AuditFilter(
                trim(actor),
                action == null ? null : action.trim().toUpperCase(java.util.Locale.ROOT),
                objectType,
                trim(objectId),
                from,
                to,
                trim(reason));
    }

    /** The first instant of the period, or null. */
    Instant fromInstant() {
        return from == null ? null : from.atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    /** The first instant after the period (its last day included), or null. */
    Instant untilInstant() {
        return to == null ? null : to.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    private static void checkLength(List<FieldProblem> problems, String field, String value, int max) {
        if (value != null && value.trim().length() > max) {
            problems.add(new FieldProblem(field, "validation.audit.too-long", max));
        }
    }

    private static String trim(String value) {
        return value == null ? null : value.trim();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
