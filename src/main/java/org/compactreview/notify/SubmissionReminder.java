package org.compactreview.notify;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.compactreview.cycle.CycleService;
import org.compactreview.identity.Groups;
import org.compactreview.report.ReportQueries;
import org.compactreview.report.ReportService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reminds a participant's focal points that their report is due: a notice for each (the bell) and
 * a mail through the outbox, each in the language they chose. Only reports never submitted are
 * reminded: a report returned for revision already told its focal points by the return. Called
 * from the reminder loop's job ({@link ReminderSchedule} decides which day is sent and when the
 * loop looks again); a retried job reminds nobody twice: the event key names the cycle, the
 * participant, the due date and the day ({@code reminder:<cycle>:<participant>:<due>:<days>d}).
 */
@Service
public class SubmissionReminder {

    private final ReportService reports;
    private final ReportQueries reportQueries;
    private final Notifications notifications;
    private final CycleService cycles;
    private final Clock clock;

    SubmissionReminder(
            ReportService reports,
            ReportQueries reportQueries,
            Notifications notifications,
            CycleService cycles,
            Clock clock) {
        this.reports = reports;
        this.reportQueries = reportQueries;
        this.notifications = notifications;
        this.cycles = cycles;
        this.clock = clock;
    }

    /**
     * What the loop does next: remind now (maybe), then wait until {@code nextAt}, or end. {@code
     * remindedDays} is the smallest day reminded of so far in this review (null: none).
     */
    public record Step(int reminded, Integer remindedDays, Instant nextAt) {
        public boolean more() {
            return nextAt != null;
        }
    }

    /** One step of the reminder loop of a participant's review whose report is due at {@code due}. */
    @Transactional
    public Step remind(long cycleId, String participantCode, Date due, Integer remindedDays) {
        if (!reports.awaitingFirstSubmission(cycleId, participantCode)) {
            return new Step(0, remindedDays, null); // submitted: the loop ends
        }
        List<Integer> days = cycles.get(cycleId).reminderDays();
        if (days == null) {
            // One reminder at the cycle's reminder date (opened with a date, or before issue 15).
            String key = "reminder:" + cycleId + ":" + participantCode + ":" + due.toInstant();
            return new Step(send(key, cycleId, participantCode, due), remindedDays, null);
        }
        ReminderSchedule schedule = ReminderSchedule.of(days, due.toInstant(), clock.instant(), remindedDays);
        int reminded = 0;
        Integer nowReminded = remindedDays;
        if (schedule.sends()) {
            String key = "reminder:" + cycleId + ":" + participantCode + ":" + due.toInstant() + ":"
                    + schedule.sendDays() + "d";
            reminded = send(key, cycleId, participantCode, due);
            nowReminded = schedule.sendDays();
        }
        return new Step(reminded, nowReminded, schedule.nextAt());
    }

    /** Returns how many focal points were reminded. */
    private int send(String eventKey, long cycleId, String participantCode, Date due) {
        Notice notice = Notice.of(NoticeKind.DUE_REMINDER, eventKey)
                .participant(participantCode)
                .cycle(cycleId)
                .due(due.toInstant())
                .link(reportQueries
                        .reportId(cycleId, participantCode)
                        .map(id -> "/reports/" + id)
                        .orElse("/inbox"));
        return notifications.notifyGroup(notice, Groups.focalPointsOf(participantCode));
    }
}
