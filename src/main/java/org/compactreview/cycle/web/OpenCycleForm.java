package org.compactreview.cycle.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.compactreview.cycle.ReminderDays;
import org.compactreview.framework.FrameworkCatalog;
import org.compactreview.framework.Participant;
import org.compactreview.framework.ParticipantKind;

/**
 * The "open an annual review" form: period, due date, reminder days (issue 15: one text field,
 * "14, 7, 1", prefilled with the configured default) and whom the cycle covers. {@code scope} is
 * {@value #ALL} (every member state), {@value #REGION} (the member states of the ticked regions) or
 * {@value #CHOSEN} (the ticked participants); blank until the secretariat chooses, since a default
 * is how a cycle used to cover 193 states by mistake. Ticks that do not belong to the chosen scope
 * are kept in the form (going back keeps them) but do not count.
 */
record OpenCycleForm(
        String period, String due, String reminderDays, String scope, Set<String> regions, Set<String> participants) {

    static final String ALL = "all";
    static final String REGION = "region";
    static final String CHOSEN = "chosen";

    /** As {@code OpenCycleRequest} wants it. */
    private static final Pattern PERIOD = Pattern.compile("[0-9A-Za-z][0-9A-Za-z -]*");

    OpenCycleForm {
        period = period == null ? "" : period.trim();
        due = due == null ? "" : due.trim();
        reminderDays = reminderDays == null ? "" : reminderDays.trim();
        scope = scope == null ? "" : scope;
        regions = regions == null ? Set.of() : new TreeSet<>(regions);
        participants = participants == null ? Set.of() : new TreeSet<>(participants);
    }

    /** Message codes by field, empty when the form may go to its confirmation. */
    Map<String, String> problems(FrameworkCatalog framework) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (period.isEmpty() || period.length() > 32 || !PERIOD.matcher(period).matches()) {
            problems.put("period", "validation.cycle.period");
        }
        try {
            LocalDate.parse(due);
        } catch (DateTimeParseException e) {
            problems.put("due", "validation.cycle.due-date");
        }
        if (reminderDayList().isEmpty()) {
            problems.put("reminderDays", ReminderDays.PROBLEM);
        }
        switch (scope) {
            case ALL -> {}
            case REGION -> {
                if (regions.isEmpty() || !framework.memberStateRegions().containsAll(regions)) {
                    problems.put("regions", "validation.cycle.regions");
                }
            }
            case CHOSEN -> {
                boolean allMemberStates = participants.stream().allMatch(code -> framework
                        .participant(code)
                        .filter(p -> p.kind() == ParticipantKind.MEMBER_STATE)
                        .isPresent());
                if (participants.isEmpty() || !allMemberStates) {
                    problems.put("participants", "validation.participants.empty");
                }
            }
            default -> problems.put("scope", "validation.cycle.scope");
        }
        return problems;
    }

    /** The reminder days, largest first; empty when the text breaks a rule. */
    public List<Integer> reminderDayList() {
        return ReminderDays.parse(reminderDays).orElse(List.of());
    }

    /** The reminder days as the confirmation shows them: "14, 7, 1". */
    public String reminderDaysShown() {
        return ReminderDays.format(reminderDayList());
    }

    /** The member states the cycle will cover, by name. */
    List<Participant> included(FrameworkCatalog framework) {
        return framework.participants().stream()
                .filter(p -> p.kind() == ParticipantKind.MEMBER_STATE)
                .filter(p -> switch (scope) {
                    case ALL -> true;
                    case REGION -> regions.contains(p.region());
                    case CHOSEN -> participants.contains(p.code());
                    default -> false;
                })
                // In the user's language's alphabetical order: Côte d'Ivoire beside Costa Rica.
                .sorted(Comparator.comparing(
                        Participant::name,
                        java.text.Collator.getInstance(
                                org.springframework.context.i18n.LocaleContextHolder.getLocale())))
                .toList();
    }
}
