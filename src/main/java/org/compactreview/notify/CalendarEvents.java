package org.compactreview.notify;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.compactreview.cycle.CycleKind;
import org.compactreview.cycle.CycleService;
import org.compactreview.cycle.ReviewCycle;
import org.compactreview.framework.FrameworkCatalog;
import org.compactreview.framework.Participant;
import org.compactreview.identity.CurrentUser;
import org.compactreview.platform.Page;
import org.compactreview.platform.PageRequest;
import org.compactreview.report.ReportQueries;
import org.compactreview.task.TaskForms;
import org.compactreview.task.TaskGateway;
import org.compactreview.task.WorkItem;
import org.compactreview.task.WorkItemFilter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * What one user's calendar feed holds, in the user's language:
 *
 * <ul>
 *   <li>each open task of the user's inbox (assigned to the user or offered to one of the user's
 *       candidate groups, read through {@link TaskGateway#list} exactly as the inbox reads it) that
 *       has a due date, as a moment at the due time; at most {@link #MAX_TASKS}, soonest first;
 *   <li>the annual meeting date and the conference date of each cycle not yet closed that the user
 *       takes part in, as all-day events: the secretariat, managers and administrators take part
 *       in every cycle; a focal point in those opened for one of its participants; anyone else
 *       (a contributor) in none.
 * </ul>
 *
 * Each event links to its page: a task to its form (or the inbox), a cycle to its board for the
 * staff and to the focal point's own report of the cycle otherwise.
 */
@Component
class CalendarEvents {

    /** A feed of a secretariat member lists every report waiting for validation: bounded. */
    static final int MAX_TASKS = 1000;

    private static final int PAGE_SIZE = PageRequest.MAX_SIZE;

    private final TaskGateway tasks;
    private final TaskForms forms;
    private final CycleService cycles;
    private final ReportQueries reports;
    private final FrameworkCatalog framework;
    private final MessageSource messages;
    private final String baseUrl;

    CalendarEvents(
            TaskGateway tasks,
            TaskForms forms,
            CycleService cycles,
            ReportQueries reports,
            FrameworkCatalog framework,
            MessageSource messages,
            @Value("${compact-review.base-url:http://localhost:8080}") String baseUrl) {
        this.tasks = tasks;
        this.forms = forms;
        this.cycles = cycles;
        this.reports = reports;
        this.framework = framework;
        this.messages = messages;
        this.baseUrl = CalendarFeeds.withoutTrailingSlash(baseUrl);
    }

    List<CalendarEvent> of(CurrentUser user, Locale locale) {
        List<CalendarEvent> events = new ArrayList<>();
        addTasks(user, locale, events);
        addCycleDates(user, locale, events);
        return events;
    }

    private void addTasks(CurrentUser user, Locale locale, List<CalendarEvent> events) {
        for (int page = 0; page * PAGE_SIZE < MAX_TASKS; page++) {
            Page<WorkItem> items = tasks.list(user, WorkItemFilter.mine(), new PageRequest(page, PAGE_SIZE));
            for (WorkItem item : items.items()) {
                if (item.dueAt() == null) {
                    return; // the inbox's order: due dates first, soonest first, then the undated
                }
                events.add(taskEvent(item, locale));
            }
            if ((long) (page + 1) * PAGE_SIZE >= items.total()) {
                return;
            }
        }
    }

    private CalendarEvent taskEvent(WorkItem item, Locale locale) {
        String name = messages.getMessage("task." + item.taskKey(), null, item.name(), locale);
        String summary = item.participantCode() == null
                ? message("calendar.event.task", locale, name)
                : message("calendar.event.task-for", locale, name, participantName(item.participantCode(), locale));
        String path = forms.path(item);
        String url = baseUrl + (path == null ? "/inbox" : path);
        String description = item.cyclePeriod() == null
                ? message("calendar.event.open", locale, url)
                : message("calendar.event.cycle", locale, item.cyclePeriod()) + "\n"
                        + message("calendar.event.open", locale, url);
        return new CalendarEvent(
                "task-" + item.id() + "@compact-review", item.dueAt(), null, summary, description, url);
    }

    private void addCycleDates(CurrentUser user, Locale locale, List<CalendarEvent> events) {
        List<ReviewCycle> dated = cycles.unclosedWithEventDates();
        if (dated.isEmpty()) {
            return;
        }
        boolean staff = user.seesAllParticipants();
        Map<Long, Long> ownReports = staff
                ? Map.of()
                : reports.reportsInCycles(
                        user.participants(), dated.stream().map(ReviewCycle::id).toList());
        for (ReviewCycle cycle : dated) {
            if (!staff && !ownReports.containsKey(cycle.id())) {
                continue;
            }
            String url = baseUrl
                    + (!staff
                            ? "/reports/" + ownReports.get(cycle.id())
                            : cycle.kind() == CycleKind.HIGH_LEVEL_CONFERENCE
                                    ? "/conferences/" + cycle.id()
                                    : "/cycles/" + cycle.id());
            String description = message("calendar.event.open", locale, url);
            if (cycle.meetingDate() != null) {
                events.add(new CalendarEvent(
                        "meeting-" + cycle.id() + "@compact-review",
                        null,
                        cycle.meetingDate(),
                        message("calendar.event.meeting", locale, cycle.period()),
                        description,
                        url));
            }
            if (cycle.conferenceDate() != null) {
                events.add(new CalendarEvent(
                        "conference-" + cycle.id() + "@compact-review",
                        null,
                        cycle.conferenceDate(),
                        message("calendar.event.conference", locale, cycle.period()),
                        description,
                        url));
            }
        }
    }

    private String participantName(String code, Locale locale) {
        return framework.participant(code, locale).map(Participant::name).orElse(code);
    }

    private String message(String key, Locale locale, Object... arguments) {
        return messages.getMessage(key, arguments, locale);
    }
}
