package org.compactreview.benchmarking.web;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.compactreview.benchmarking.Benchmarking;
import org.compactreview.benchmarking.BenchmarkingTables;
import org.compactreview.benchmarking.Benchmarks.BenchmarkCycle;
import org.compactreview.benchmarking.Benchmarks.CycleBenchmark;
import org.compactreview.benchmarking.Benchmarks.ParticipantProfile;
import org.compactreview.benchmarking.Benchmarks.RegionBenchmark;
import org.compactreview.identity.CurrentUser;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** Benchmarking pages for the secretariat and managers: a cycle, a region, a participant. */
@Controller
@PreAuthorize("hasAnyRole('SECRETARIAT', 'MANAGER')")
class BenchmarkingPageController {

    static final String CYCLE = "benchmarking/cycle";
    static final String REGION = "benchmarking/region";
    static final String PARTICIPANT = "benchmarking/participant";

    private final Benchmarking benchmarking;
    private final BenchmarkingTables tables;
    private final BenchmarkingCharts charts;

    BenchmarkingPageController(Benchmarking benchmarking, BenchmarkingTables tables, BenchmarkingCharts charts) {
        this.benchmarking = benchmarking;
        this.tables = tables;
        this.charts = charts;
    }

    /** A cycle's figures; without {@code cycle}, the latest annual cycle with accepted reports. */
    @GetMapping("/benchmarking")
    String cycle(@RequestParam Optional<Long> cycle, CurrentUser user, Locale locale, Model model) {
        List<BenchmarkCycle> cycles = benchmarking.cycles(user);
        model.addAttribute("cycles", cycles);
        Optional<Long> selected = cycle.or(() -> cycles.stream().findFirst().map(BenchmarkCycle::id));
        if (selected.isPresent()) {
            CycleBenchmark figures = benchmarking.cycle(user, selected.get());
            model.addAttribute("figures", figures);
            model.addAttribute("tables", tables.ofCycle(figures, locale));
            model.addAttribute("exportBase", "/benchmarking/cycles/" + selected.get());
            model.addAttribute("distributionChart", charts.distribution(figures.objectives(), locale));
            model.addAttribute("regionChart", charts.regions(figures.regions(), locale));
        }
        return CYCLE;
    }

    @GetMapping("/benchmarking/regions/{region}")
    String region(
            @PathVariable String region,
            @RequestParam Optional<Long> cycle,
            CurrentUser user,
            Locale locale,
            Model model) {
        long cycleId = cycle.or(() -> benchmarking.latestCycle(user))
                .orElseThrow(() -> new org.compactreview.platform.NotFoundException("cycle", "latest"));
        RegionBenchmark figures = benchmarking.region(user, cycleId, region);
        model.addAttribute("figures", figures);
        model.addAttribute("tables", tables.ofRegion(figures, locale));
        model.addAttribute("exportBase", "/benchmarking/cycles/" + cycleId + "/regions/" + figures.region());
        model.addAttribute("distributionChart", charts.distribution(figures.objectives(), locale));
        return REGION;
    }

    @GetMapping("/benchmarking/participants/{code}")
    String participant(@PathVariable String code, CurrentUser user, Locale locale, Model model) {
        ParticipantProfile profile = benchmarking.participant(user, code);
        model.addAttribute("profile", profile);
        model.addAttribute("tables", List.of(tables.profile(profile, locale)));
        model.addAttribute("exportBase", "/benchmarking/participants/" + profile.code());
        return PARTICIPANT;
    }
}
