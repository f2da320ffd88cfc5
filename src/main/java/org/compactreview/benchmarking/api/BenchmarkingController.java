package org.compactreview.benchmarking.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.compactreview.benchmarking.Benchmarking;
import org.compactreview.benchmarking.Benchmarks.BenchmarkCycle;
import org.compactreview.benchmarking.Benchmarks.CycleBenchmark;
import org.compactreview.benchmarking.Benchmarks.ParticipantProfile;
import org.compactreview.benchmarking.Benchmarks.RegionBenchmark;
import org.compactreview.identity.CurrentUser;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@PreAuthorize("hasAnyRole('SECRETARIAT', 'MANAGER')")
@Tag(
        name = "Benchmarking",
        description = "Ratings of accepted reports compared across participants, regions and annual cycles "
                + "(secretariat, managers)")
class BenchmarkingController {

    private final Benchmarking benchmarking;

    BenchmarkingController(Benchmarking benchmarking) {
        this.benchmarking = benchmarking;
    }

    @GetMapping("/api/v1/benchmarking/cycles")
    @Operation(summary = "The annual cycles with accepted reports, newest first: the cycles that can be benchmarked.")
    List<BenchmarkCycle> cycles(CurrentUser user) {
        return benchmarking.cycles(user);
    }

    @GetMapping("/api/v1/benchmarking/cycles/{id}")
    @Operation(
            summary = "A cycle's benchmarking from its accepted national reports only: per objective the "
                    + "distribution of ratings (count and % of the rated reports per level 0-4, rated, no "
                    + "rating) and the change from the previous annual cycle with accepted reports (improved, "
                    + "unchanged, regressed; not comparable without a rating in either cycle); the change per "
                    + "region and per participant; the objectives needing most support (most support-needed "
                    + "flags, then most ratings 0-1). 404 for a cycle that is not an annual cycle with "
                    + "accepted reports.")
    CycleBenchmark cycle(@PathVariable long id, CurrentUser user) {
        return benchmarking.cycle(user, id);
    }

    @GetMapping("/api/v1/benchmarking/cycles/{id}/regions/{region}")
    @Operation(
            summary = "A UN region's benchmarking in a cycle: per objective the distribution within the region "
                    + "and its change, and the region's participants with their change.")
    RegionBenchmark region(@PathVariable long id, @PathVariable String region, CurrentUser user) {
        return benchmarking.region(user, id, region);
    }

    @GetMapping("/api/v1/benchmarking/participants/{code}")
    @Operation(
            summary = "A participant's profile: per objective its accepted rating in each benchmarked annual "
                    + "cycle (oldest first), the change from the column before, the support-needed flag and "
                    + "the achievements, obstacles and priorities texts.")
    ParticipantProfile participant(@PathVariable String code, CurrentUser user) {
        return benchmarking.participant(user, code);
    }
}
