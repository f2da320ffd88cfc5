package org.compactreview.tracking;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One cycle on the cycles overview: its reports per stage (drafts, with the secretariat,
 * returned, accepted, closed without a submission: not submitted or closed while revised), its
 * KPIs ({@code null} when there is nothing to count, see {@link CycleKpis}), the managers' open
 * follow-up tasks and the reports overdue now.
 */
public record CycleOverviewRow(
        long id,
        String kind,
        String period,
        String status,
        Instant openedAt,
        Instant submissionDue,
        int reports,
        int drafts,
        int submitted,
        int returned,
        int accepted,
        int closedUnsubmitted,
        BigDecimal onTimePercent,
        BigDecimal acceptedAtFirstPercent,
        BigDecimal medianDaysToSubmission,
        BigDecimal medianDaysToAcceptance,
        long openEscalations,
        int overdueNow) {}
