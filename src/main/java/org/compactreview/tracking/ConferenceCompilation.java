package org.compactreview.tracking;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.compactreview.capacity.CapacityService;
import org.compactreview.framework.RoundTables;
import org.compactreview.platform.NotFoundException;
import org.compactreview.report.ReportQueries;
import org.compactreview.report.ReportQueries.ObjectiveMedian;
import org.compactreview.report.ReportQueries.RegionalAchievement;
import org.compactreview.tracking.CycleCalendar.AnnualCycle;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the system assembles for a conference's progress report, per round table and objective:
 * the rating trend across the annual cycles of the conference's period, the accepted regional
 * reviews' summaries, and the capacity-building requests still open. Each part is read in one
 * batch from the module that owns it (cycles, reports, capacity requests), not once per objective.
 *
 * <p>The annual cycles of a period "2026-2030" are those whose period is a year from 2026 to
 * 2030; for any other period, the annual cycles opened since the previous conference.
 */
@Service
public class ConferenceCompilation {

    private final CycleCalendar calendar;
    private final ReportQueries reports;
    private final CapacityService capacity;
    private final RoundTables roundTables;

    ConferenceCompilation(
            CycleCalendar calendar, ReportQueries reports, CapacityService capacity, RoundTables roundTables) {
        this.calendar = calendar;
        this.reports = reports;
        this.capacity = capacity;
        this.roundTables = roundTables;
    }

    @Transactional(readOnly = true)
    public Compiled compile(long conferenceId) {
        String period = calendar.conferencePeriod(conferenceId)
                .orElseThrow(() -> new NotFoundException("conference", conferenceId));
        List<AnnualCycle> cycles = calendar.annualCyclesOf(conferenceId, period);
        Map<Long, Integer> order = new java.util.HashMap<>();
        Map<Long, String> periods = cycles.stream().collect(Collectors.toMap(AnnualCycle::id, AnnualCycle::period));
        for (int i = 0; i < cycles.size(); i++) {
            order.put(cycles.get(i).id(), i);
        }
        Map<Integer, List<TrendPoint>> trends = reports
                .medians(cycles.stream().map(AnnualCycle::id).toList())
                .stream()
                .sorted(Comparator.comparing((ObjectiveMedian m) -> order.get(m.cycleId())))
                .collect(Collectors.groupingBy(
                        ObjectiveMedian::objective,
                        Collectors.mapping(
                                m -> new TrendPoint(periods.get(m.cycleId()), m.medianRating(), m.reportsCounted()),
                                Collectors.toList())));
        Map<Integer, List<RegionalSummary>> regional = reports.acceptedRegionalAchievements(conferenceId).stream()
                .collect(Collectors.groupingBy(
                        RegionalAchievement::objective,
                        Collectors.mapping(
                                a -> new RegionalSummary(a.regionalBody(), a.achievements()), Collectors.toList())));
        Map<Integer, Long> openRequests = capacity.openRequestsByObjective();
        List<Group> groups = roundTables.roundTables().stream()
                .map(group -> new Group(
                        group.number(),
                        group.objectives().stream()
                                .map(objective -> new ObjectiveCompiled(
                                        objective,
                                        trends.getOrDefault(objective, List.of()),
                                        regional.getOrDefault(objective, List.of()),
                                        openRequests.getOrDefault(objective, 0L)))
                                .toList()))
                .toList();
        return new Compiled(period, cycles.size(), groups);
    }

    /** The compiled material of a conference. */
    public record Compiled(String period, int annualCycles, List<Group> roundTables) {}

    /** One round table: its number (title: message {@code roundtable.N}) and objectives. */
    public record Group(int number, List<ObjectiveCompiled> objectives) {}

    /** One objective: its trend, the regional summaries and how many support requests are open. */
    public record ObjectiveCompiled(
            int objective,
            List<TrendPoint> trend,
            List<RegionalSummary> regionalSummaries,
            long openCapacityRequests) {}

    /** The median rating and number of accepted reports of one annual cycle. */
    public record TrendPoint(String period, BigDecimal medianRating, int reportsCounted) {}

    /** A regional body's summary of progress on the objective. */
    public record RegionalSummary(String regionalBody, String summary) {}
}
