package org.compactreview.report;

import java.util.List;
import java.util.Set;
import org.compactreview.framework.ParticipantSearch;
import org.compactreview.identity.CurrentUser;
import org.compactreview.identity.Role;
import org.compactreview.platform.Page;
import org.compactreview.report.ReportRepository.ReportRow;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The secretariat's validation queue, paged and filtered (issue 14: with 193 participants one
 * unpaged table was too long to work in). Region and name search become a list of participant codes
 * ({@link ParticipantSearch}) for the report query: this module does not read the framework's tables.
 */
@Service
public class ValidationQueue {

    private final ReportRepository reports;
    private final ParticipantSearch search;

    ValidationQueue(ReportRepository reports, ParticipantSearch search) {
        this.reports = reports;
        this.search = search;
    }

    /** Submitted reports waiting for the secretariat, oldest first. */
    @Transactional(readOnly = true)
    public Page<QueuedReport> find(ValidationQueueQuery query, CurrentUser user) {
        requireSecretariat(user);
        Set<String> participants = search.matching(query.search(), query.region());
        return reports.withStatus(ReportStatus.SUBMITTED, query.cycleId(), participants, query.page())
                .map(ValidationQueue::queued);
    }

    /** The cycles that have reports waiting, newest first, for the cycle filter. */
    @Transactional(readOnly = true)
    public List<Long> cycles(CurrentUser user) {
        requireSecretariat(user);
        return reports.cyclesWithStatus(ReportStatus.SUBMITTED);
    }

    private static QueuedReport queued(ReportRow row) {
        return new QueuedReport(
                row.id(), row.cycleId(), row.participantCode(), row.submittedVersion(), row.updatedAt());
    }

    private static void requireSecretariat(CurrentUser user) {
        if (!user.has(Role.SECRETARIAT)) {
            throw new AccessDeniedException("secretariat only");
        }
    }
}
