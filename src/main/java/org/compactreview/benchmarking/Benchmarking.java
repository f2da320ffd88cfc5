package org.compactreview.benchmarking;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.compactreview.benchmarking.BenchmarkMath.Ratings;
import org.compactreview.benchmarking.Benchmarks.BenchmarkCycle;
import org.compactreview.benchmarking.Benchmarks.CycleBenchmark;
import org.compactreview.benchmarking.Benchmarks.ParticipantProfile;
import org.compactreview.benchmarking.Benchmarks.ProfileCell;
import org.compactreview.benchmarking.Benchmarks.ProfileRow;
import org.compactreview.benchmarking.Benchmarks.RegionBenchmark;
import org.compactreview.cycle.AnnualCycles;
import org.compactreview.framework.FrameworkCatalog;
import org.compactreview.framework.Objective;
import org.compactreview.framework.Participant;
import org.compactreview.identity.CurrentUser;
import org.compactreview.identity.Role;
import org.compactreview.platform.ForbiddenException;
import org.compactreview.platform.NotFoundException;
import org.compactreview.report.AcceptedRatings;
import org.compactreview.report.AcceptedRatings.AcceptedEntry;
import org.compactreview.report.ReportQueries;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Benchmarking for the secretariat and managers (they follow the cycles up, like the cycles
 * overview). Only accepted national reports of annual cycles count; a cycle is compared with the
 * previous annual cycle that has accepted reports.
 */
@Service
public class Benchmarking {

    private final AnnualCycles annualCycles;
    private final AcceptedRatings ratings;
    private final ReportQueries reports;
    private final FrameworkCatalog catalog;

    Benchmarking(AnnualCycles annualCycles, AcceptedRatings ratings, ReportQueries reports, FrameworkCatalog catalog) {
        this.annualCycles = annualCycles;
        this.ratings = ratings;
        this.reports = reports;
        this.catalog = catalog;
    }

    /** The annual cycles with accepted reports, newest first (the cycle picker). */
    @Transactional(readOnly = true)
    public List<BenchmarkCycle> cycles(CurrentUser user) {
        check(user);
        List<BenchmarkCycle> oldestFirst = benchmarkedCycles();
        List<BenchmarkCycle> newestFirst = new ArrayList<>(oldestFirst);
        java.util.Collections.reverse(newestFirst);
        return newestFirst;
    }

    /** The cycle to show when none is asked for: the latest with accepted reports. */
    @Transactional(readOnly = true)
    public Optional<Long> latestCycle(CurrentUser user) {
        return cycles(user).stream().findFirst().map(BenchmarkCycle::id);
    }

    @Transactional(readOnly = true)
    public CycleBenchmark cycle(CurrentUser user, long cycleId) {
        check(user);
        Scope scope = scope(cycleId);
        List<Participant> group = group(scope);
        List<Objective> objectives = catalog.objectives();
        return new CycleBenchmark(
                scope.cycle(),
                scope.previous(),
                group.size(),
                scope.current().byParticipant().size(),
                BenchmarkMath.objectives(objectives, group, scope.current(), scope.previous_()),
                BenchmarkMath.regions(objectives, group, scope.current(), scope.previous_()),
                BenchmarkMath.participants(objectives, group, scope.current(), scope.previous_()),
                BenchmarkMath.support(objectives, group, scope.current()));
    }

    @Transactional(readOnly = true)
    public RegionBenchmark region(CurrentUser user, long cycleId, String region) {
        check(user);
        if (!catalog.memberStateRegions().contains(region)) {
            throw new NotFoundException("region", region);
        }
        Scope scope = scope(cycleId);
        List<Participant> members =
                group(scope).stream().filter(p -> region.equals(p.region())).toList();
        List<Objective> objectives = catalog.objectives();
        int accepted = (int)
                members.stream().filter(p -> scope.current().reported(p.code())).count();
        return new RegionBenchmark(
                region,
                scope.cycle(),
                scope.previous(),
                accepted,
                BenchmarkMath.objectives(objectives, members, scope.current(), scope.previous_()),
                BenchmarkMath.participants(objectives, members, scope.current(), scope.previous_()));
    }

    @Transactional(readOnly = true)
    public ParticipantProfile participant(CurrentUser user, String code) {
        check(user);
        Participant participant =
                catalog.participant(code).orElseThrow(() -> new NotFoundException("participant", code));
        List<BenchmarkCycle> cycles = benchmarkedCycles();
        Map<Long, Map<Integer, AcceptedEntry>> entries = new HashMap<>();
        for (AcceptedEntry entry : ratings.ofParticipant(
                code, cycles.stream().map(BenchmarkCycle::id).toList())) {
            entries.computeIfAbsent(entry.cycleId(), id -> new HashMap<>()).put(entry.objective(), entry);
        }
        List<ProfileRow> rows = new ArrayList<>();
        for (Objective objective : catalog.objectives()) {
            List<ProfileCell> cells = new ArrayList<>();
            Integer before = null;
            for (BenchmarkCycle cycle : cycles) {
                AcceptedEntry entry = entries.getOrDefault(cycle.id(), Map.of()).get(objective.number());
                if (entry == null) {
                    cells.add(ProfileCell.NONE);
                    before = null;
                    continue;
                }
                cells.add(new ProfileCell(
                        true,
                        entry.rating(),
                        entry.supportNeeded(),
                        Change.between(before, entry.rating()),
                        entry.achievements(),
                        entry.obstacles(),
                        entry.priorities(),
                        entry.reportId(),
                        entry.version()));
                before = entry.rating();
            }
            rows.add(new ProfileRow(objective.number(), objective.shortTitle(), cells));
        }
        return new ParticipantProfile(participant.code(), participant.name(), participant.region(), cycles, rows);
    }

    private List<BenchmarkCycle> benchmarkedCycles() {
        List<AnnualCycles.AnnualCycle> all = annualCycles.all();
        Set<Long> withAccepted = Set.copyOf(ratings.cyclesWithAcceptedReports(
                all.stream().map(AnnualCycles.AnnualCycle::id).toList()));
        return all.stream()
                .filter(c -> withAccepted.contains(c.id()))
                .map(c -> new BenchmarkCycle(c.id(), c.period()))
                .toList();
    }

    /** The cycle, its predecessor and their ratings; an unknown or unbenchmarked cycle is not found. */
    private Scope scope(long cycleId) {
        List<BenchmarkCycle> cycles = benchmarkedCycles();
        int at = -1;
        for (int i = 0; i < cycles.size(); i++) {
            if (cycles.get(i).id() == cycleId) {
                at = i;
            }
        }
        if (at < 0) {
            throw new NotFoundException("cycle", cycleId);
        }
        BenchmarkCycle cycle = cycles.get(at);
        BenchmarkCycle previous = at > 0 ? cycles.get(at - 1) : null;
        List<Long> ids = previous == null ? List.of(cycle.id()) : List.of(cycle.id(), previous.id());
        Map<Long, List<AcceptedRatings.AcceptedRating>> byCycle = new HashMap<>();
        for (AcceptedRatings.AcceptedRating rating : ratings.ofCycles(ids)) {
            byCycle.computeIfAbsent(rating.cycleId(), id -> new ArrayList<>()).add(rating);
        }
        Ratings current = Ratings.of(byCycle.getOrDefault(cycle.id(), List.of()));
        Ratings before = previous == null ? Ratings.NONE : Ratings.of(byCycle.getOrDefault(previous.id(), List.of()));
        return new Scope(cycle, previous, current, before);
    }

    /** The cycle's participants and those with an accepted report in the previous cycle, by name. */
    private List<Participant> group(Scope scope) {
        Set<String> codes =
                new LinkedHashSet<>(reports.participantsOf(scope.cycle().id()));
        codes.addAll(scope.previous_().byParticipant().keySet());
        return codes.stream()
                .map(catalog::participant)
                .flatMap(Optional::stream)
                .sorted(Comparator.comparing(Participant::name))
                .toList();
    }

    private static void check(CurrentUser user) {
        if (!user.has(Role.SECRETARIAT) && !user.has(Role.MANAGER)) {
            throw new ForbiddenException("problem.benchmarking.forbidden");
        }
    }

    private record Scope(BenchmarkCycle cycle, BenchmarkCycle previous, Ratings current, Ratings previous_) {}
}
