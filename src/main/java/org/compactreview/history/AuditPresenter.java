package org.compactreview.history;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.compactreview.audit.AuditEvent;
import org.compactreview.identity.CurrentUser;
import org.compactreview.identity.Role;
import org.compactreview.platform.DateTexts;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Turns audit records into {@link AuditRow}s in the reader's language. An action, a kind of object
 * or a field without a message of its own is still shown, by its code made readable
 * ({@code TASK_ESCALATED} as "Task escalated", {@code dueAt} as "Due at"), so that the actions of
 * features added later appear at once, in English until they are translated.
 */
@Component
class AuditPresenter {

    private final DateTexts dates;

    /** Longer values are cut here on the pages; the CSV export has them whole. */
    static final int MAX_SHOWN = 400;

    /** Fields that hold a username: shown as the person's name. */
    private static final List<String> PERSON_FIELDS =
            List.of("assignee", "owner", "substitute", "delegate", "delegatedBy", "author", "by", "username");

    private final MessageSource messages;
    private final AuditNames names;

    AuditPresenter(MessageSource messages, AuditNames names, DateTexts dates) {
        this.dates = dates;
        this.messages = messages;
        this.names = names;
    }

    /** The rows of one page; names are looked up once per page, not once per row. */
    List<AuditRow> rows(List<AuditEvent> events, CurrentUser viewer) {
        AuditNames.Lookups lookups = names.forPage(viewer);
        return events.stream().map(event -> row(event, lookups)).toList();
    }

    /** The action in the reader's language, or its code made readable. */
    String actionLabel(String action) {
        return message("audit.action." + action).orElseGet(() -> readable(action));
    }

    private AuditRow row(AuditEvent event, AuditNames.Lookups lookups) {
        List<AuditRow.Change> changes = ChangeSet.between(event.before(), event.after()).stream()
                .map(change -> new AuditRow.Change(
                        fieldLabel(change.path()),
                        value(event.objectType(), change.path(), change.before(), lookups),
                        value(event.objectType(), change.path(), change.after(), lookups)))
                .toList();
        return new AuditRow(
                event.id(),
                event.occurredAt(),
                event.actor(),
                lookups.personName(event.actor()),
                event.action(),
                actionLabel(event.action()),
                message("audit.type." + event.objectType()).orElse(event.objectType()),
                event.objectId(),
                lookups.objectName(event.objectType(), event.objectId()),
                link(event.objectType(), event.objectId(), lookups.viewer()),
                event.reason(),
                changes);
    }

    private static String link(String type, String id, CurrentUser viewer) {
        return switch (type) {
            case "report" -> "/reports/" + id;
            case "cycle" -> viewer.seesAllParticipants() ? "/cycles/" + id : null;
            case "capacity-request" -> "/capacity/" + id;
            case "task" -> "/history/task/" + id;
            case "user" -> viewer.has(Role.ADMIN) ? "/admin/users/" + id : null;
            case "participant" -> viewer.seesAllParticipants() ? "/benchmarking/participants/" + id : null;
            default -> null;
        };
    }

    private String fieldLabel(List<String> path) {
        List<String> parts = new ArrayList<>();
        for (String segment : path) {
            int equals = segment.indexOf('=');
            if (equals > 0) {
                String key = segment.substring(0, equals);
                String value = segment.substring(equals + 1);
                parts.add(message("audit.item." + key, value).orElse(readable(key) + " " + value));
            } else {
                parts.add(message("audit.field." + segment).orElseGet(() -> readable(segment)));
            }
        }
        return String.join(" › ", parts);
    }

    private String value(String objectType, List<String> path, String raw, AuditNames.Lookups lookups) {
        if (raw == null || raw.isEmpty()) {
            return "";
        }
        String field = path.get(path.size() - 1);
        String shown =
                switch (field) {
                    case "status" ->
                        message(statusPrefix(objectType) + raw)
                                .or(() -> message("audit.value." + raw))
                                .orElse(raw);
                    case "stage" -> message("capacity.stage." + raw).orElse(raw);
                    case "decision" -> message("decision." + raw).orElse(raw);
                    case "roles" -> each(raw, role -> message("role." + role).orElse(role));
                    case "participants" -> each(raw, names::participantName);
                    default -> {
                        if (PERSON_FIELDS.contains(field)) {
                            yield lookups.personName(raw);
                        }
                        yield plain(raw);
                    }
                };
        return shown.length() <= MAX_SHOWN ? shown : shown.substring(0, MAX_SHOWN) + "…";
    }

    private static String statusPrefix(String objectType) {
        return switch (objectType) {
            case "cycle" -> "cycle.status.";
            case "capacity-request" -> "capacity.stage.";
            default -> "report.status.";
        };
    }

    private String plain(String raw) {
        if ("true".equals(raw) || "false".equals(raw)) {
            return message("true".equals(raw) ? "users.yes" : "users.no").orElse(raw);
        }
        if (raw.length() >= 20 && raw.length() <= 35 && Character.isDigit(raw.charAt(0)) && raw.contains("T")) {
            try {
                return dateTime(Instant.parse(raw));
            } catch (DateTimeParseException notAnInstant) {
                return raw;
            }
        }
        return raw;
    }

    private static String each(String joined, java.util.function.Function<String, String> name) {
        return Arrays.stream(joined.split(ChangeSet.LIST_SEPARATOR))
                .map(String::trim)
                .map(name)
                .collect(Collectors.joining(ChangeSet.LIST_SEPARATOR));
    }

    private String dateTime(Instant instant) {
        return dates.dateTime(instant, LocaleContextHolder.getLocale());
    }

    /** {@code TASK_DUE_DATE_CHANGED} as "Task due date changed", {@code supportNeeded} as "Support needed". */
    static String readable(String code) {
        String spaced = code.replace('_', ' ')
                .replace('-', ' ')
                .replaceAll("([a-z0-9])([A-Z])", "$1 $2")
                .toLowerCase(Locale.ROOT)
                .trim();
        return spaced.isEmpty() ? code : Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }

    private Optional<String> message(String code, Object... arguments) {
        return Optional.ofNullable(messages.getMessage(code, arguments, null, LocaleContextHolder.getLocale()));
    }
}
