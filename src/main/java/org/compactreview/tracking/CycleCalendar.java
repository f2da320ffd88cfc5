package org.compactreview.tracking;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.compactreview.platform.Page;
import org.compactreview.platform.PageRequest;

/**
 * The dates and periods of review cycles that tracking reads. Implemented by the cycle module,
 * which owns the cycles (and whose pages show tracking's boards): tracking names no cycle type,
 * so the two form no cycle.
 */
public interface CycleCalendar {

    /** The cycle's submission deadline; empty when there is no such cycle. */
    Optional<Instant> submissionDue(long cycleId);

    /** Any cycle's period ("2027"); empty when there is no such cycle. For the exports' titles and file names. */
    Optional<String> period(long cycleId);

    /** The period of a high-level conference; empty when there is no such conference. */
    Optional<String> conferencePeriod(long conferenceId);

    /**
     * The annual cycles a conference reviews, in the order they were opened: for a period
     * "2026-2030" those whose period is a year from 2026 to 2030; for any other period, the annual
     * cycles opened since the previous conference.
     */
    List<AnnualCycle> annualCyclesOf(long conferenceId, String period);

    /** A page of all cycles, annual and conference, newest (last opened) first. */
    Page<CycleDates> cycles(PageRequest page);

    /** What the cycles overview shows of a cycle itself; kind and status are the enum names. */
    record CycleDates(long id, String kind, String period, String status, Instant openedAt, Instant submissionDue) {}

    /** An annual cycle's id and period. */
    record AnnualCycle(long id, String period) {}
}
