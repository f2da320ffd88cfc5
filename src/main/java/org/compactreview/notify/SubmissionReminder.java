package org.compactreview.notify;

import java.util.Date;
import org.compactreview.identity.Groups;
import org.compactreview.report.ReportQueries;
import org.compactreview.report.ReportService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reminds a participant's focal points that their report is due: a notice for each (the bell) and
 * a mail through the outbox, each in the language they chose. Only reports never submitted are
 * reminded: a report returned for revision already told its focal points by the return. Called
 * from the reminder's job; a retried job reminds nobody twice (the event key).
 */
@Service
public class SubmissionReminder {

    private final ReportService reports;
    private final ReportQueries reportQueries;
    private final Notifications notifications;

    SubmissionReminder(ReportService reports, ReportQueries reportQueries, Notifications notifications) {
        this.reports = reports;
        this.reportQueries = reportQueries;
        this.notifications = notifications;
    }

    /** Returns how many focal points were reminded. */
    @Transactional
    public int remind(long cycleId, String participantCode, Date due) {
        if (!reports.awaitingFirstSubmission(cycleId, participantCode)) {
            return 0;
        }
        Notice notice = Notice.of(
                        NoticeKind.DUE_REMINDER, "reminder:" + cycleId + ":" + participantCode + ":" + due.toInstant())
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
