package org.compactreview.report;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.compactreview.framework.FrameworkCatalog;
import org.compactreview.framework.Participant;
import org.compactreview.identity.CurrentUser;
import org.compactreview.identity.Role;
import org.compactreview.platform.Page;
import org.compactreview.report.ReportRepository.ReportRow;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The secretariat's validation queue, paged and filtered (issue 14: with 193 participants one
 * unpaged table was too long to work in). Region and name search are answered from the framework
 * catalog (the participants' names are the catalog's), and become a list of participant codes for
 * the report query: this module does not read the framework's tables.
 */
@Service
public class ValidationQueue {

    private final ReportRepository reports;
    private final FrameworkCatalog framework;

    ValidationQueue(ReportRepository reports, FrameworkCatalog framework) {
        this.reports = reports;
        this.framework = framework;
    }

    /** Submitted reports waiting for the secretariat, oldest first. */
    @Transactional(readOnly = true)
    public Page<QueuedReport> find(ValidationQueueQuery query, CurrentUser user) {
        requireSecretariat(user);
        Set<String> participants = participants(query);
        return reports.withStatus(ReportStatus.SUBMITTED, query.cycleId(), participants, query.page())
                .map(ValidationQueue::queued);
    }

    /** The cycles that have reports waiting, newest first, for the cycle filter. */
    @Transactional(readOnly = true)
    public List<Long> cycles(CurrentUser user) {
        requireSecretariat(user);
        return reports.cyclesWithStatus(ReportStatus.SUBMITTED);
    }

    /** The participants the region and the search allow; null when neither narrows. */
    private Set<String> participants(ValidationQueueQuery query) {
        if (query.region() == null && query.search() == null) {
            return null;
        }
        String wanted = query.search() == null ? null : folded(query.search());
        return framework.participants().stream()
                .filter(p -> query.region() == null || Objects.equals(p.region(), query.region()))
                .filter(p -> wanted == null || matches(p, wanted))
                .map(Participant::code)
                .collect(Collectors.toSet());
    }

    /** Like the board's search: case and accents do not matter ("cote" finds Côte d'Ivoire). */
    private static boolean matches(Participant participant, String wanted) {
        return folded(participant.name()).contains(wanted)
                || folded(participant.code()).equals(wanted);
    }

    private static String folded(String text) {
        return java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT);
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
