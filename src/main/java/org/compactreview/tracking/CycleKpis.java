package org.compactreview.tracking;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The arithmetic of the cycles overview, on facts already counted by the modules that own them.
 * Plain code so that every figure is checked on hand-computed fixtures (CycleKpisTest).
 *
 * <p>Definitions (the issue is silent on the denominators; these are the ones a secretariat can
 * explain in a meeting):
 *
 * <ul>
 *   <li>% submitted on time: reports whose first submission came at or before the submission
 *       due date, out of all reports of the cycle (a report never submitted is not on time).
 *   <li>% accepted at first submission: reports whose first submission was accepted as it was,
 *       out of the reports whose first submission has been decided (an undecided one counts in
 *       neither).
 *   <li>median days from opening to first submission, and from first submission to acceptance
 *       (return rounds included), over the reports that reached that point.
 *   <li>overdue now: reports still being drafted or revised after the due date.
 * </ul>
 *
 * A figure with nothing to count is {@code null} (shown as "—"), never a division by zero.
 */
public final class CycleKpis {

    private static final BigDecimal SECONDS_PER_DAY = BigDecimal.valueOf(86_400);

    private CycleKpis() {}

    /** The overview row of one cycle. */
    public static CycleOverviewRow compute(
            CycleCalendar.CycleDates cycle, ReportFacts facts, long openEscalations, Instant now) {
        int reports = facts.total();
        long onTime = facts.firstSubmissions().stream()
                .filter(at -> !at.isAfter(cycle.submissionDue()))
                .count();
        List<Long> toSubmission = facts.firstSubmissions().stream()
                .map(at -> Duration.between(cycle.openedAt(), at).toSeconds())
                .toList();
        boolean pastDue = now.isAfter(cycle.submissionDue());
        return new CycleOverviewRow(
                cycle.id(),
                cycle.kind(),
                cycle.period(),
                cycle.status(),
                cycle.openedAt(),
                cycle.submissionDue(),
                reports,
                facts.drafts(),
                facts.submitted(),
                facts.returned(),
                facts.accepted(),
                facts.closedUnsubmitted(),
                percent(onTime, reports),
                percent(facts.acceptedAtFirst(), facts.firstDecided()),
                medianDays(toSubmission),
                medianDays(facts.secondsToAcceptance()),
                openEscalations,
                pastDue ? facts.drafts() + facts.returned() : 0);
    }

    /** {@code part} of {@code whole} in per cent, one decimal; null when there is no whole. */
    static BigDecimal percent(long part, long whole) {
        if (whole <= 0) {
            return null;
        }
        return BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
    }

    /** The median of durations in seconds, in days with one decimal; null for none. */
    static BigDecimal medianDays(List<Long> seconds) {
        if (seconds.isEmpty()) {
            return null;
        }
        List<Long> sorted = seconds.stream().sorted().toList();
        int n = sorted.size();
        BigDecimal median = n % 2 == 1
                ? BigDecimal.valueOf(sorted.get(n / 2))
                : BigDecimal.valueOf(sorted.get(n / 2 - 1) + sorted.get(n / 2)).divide(BigDecimal.valueOf(2));
        return median.divide(SECONDS_PER_DAY, 1, RoundingMode.HALF_UP);
    }

    /**
     * What the report module counted of one cycle: its reports per status, the instant of each
     * first submission, how many first submissions were decided and accepted as they were, and for
     * each accepted report the seconds from its first submission to its acceptance.
     */
    public record ReportFacts(
            int drafts,
            int submitted,
            int returned,
            int accepted,
            int closedUnsubmitted,
            List<Instant> firstSubmissions,
            int firstDecided,
            int acceptedAtFirst,
            List<Long> secondsToAcceptance) {

        public static final ReportFacts NONE = new ReportFacts(0, 0, 0, 0, 0, List.of(), 0, 0, List.of());

        public int total() {
            return drafts + submitted + returned + accepted + closedUnsubmitted;
        }
    }
}
