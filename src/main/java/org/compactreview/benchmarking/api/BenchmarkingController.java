package org.compactreview.benchmarking.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.compactreview.benchmarking.Benchmarking;
import org.compactreview.benchmarking.BenchmarkingExports;
import org.compactreview.benchmarking.Benchmarks.BenchmarkCycle;
import org.compactreview.benchmarking.Benchmarks.CycleBenchmark;
import org.compactreview.benchmarking.Benchmarks.ParticipantProfile;
import org.compactreview.benchmarking.Benchmarks.RegionBenchmark;
import org.compactreview.export.ExportFormat;
import org.compactreview.export.Exports;
import org.compactreview.identity.CurrentUser;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@PreAuthorize("hasAnyRole('SECRETARIAT', 'MANAGER')")
@Tag(
        name = "Benchmarking",
        description = "Ratings of accepted reports compared across participants, regions and annual cycles "
                + "(secretariat, managers)")
class BenchmarkingController {

    private static final String FILE = "One table of the page (its id, e.g. benchmarking-distribution, "
            + "benchmarking-change, benchmarking-regions, benchmarking-support, benchmarking-participants, "
            + "region-participants, benchmarking-profile) as a file: csv (UTF-8 with BOM, formula-looking cells "
            + "neutralised), xlsx or pdf (Arabic shaped, right to left), its cells as the page formats them in the "
            + "caller's language. Audited as EXPORTED. 404 for a table the page does not have.";

    private final Benchmarking benchmarking;
    private final BenchmarkingExports exports;
    private final Exports files;

    BenchmarkingController(Benchmarking benchmarking, BenchmarkingExports exports, Exports files) {
        this.benchmarking = benchmarking;
        this.exports = exports;
        this.files = files;
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

    @GetMapping("/api/v1/benchmarking/cycles/{id}/tables/{table}/export")
    @Operation(summary = "A cycle's benchmarking table. " + FILE)
    @ApiResponse(
            responseCode = "200",
            description = "The file, as an attachment",
            content = @Content(mediaType = "*/*"))
    @ApiResponse(responseCode = "400", description = "No format, or one that is not csv, xlsx or pdf")
    void cycleTable(
            @PathVariable long id,
            @PathVariable String table,
            @RequestParam(required = false) @Parameter(description = "csv, xlsx or pdf; required") String format,
            CurrentUser user,
            HttpServletResponse response)
            throws IOException {
        ExportFormat chosen = ExportFormat.parse(format);
        files.send(exports.ofCycle(user, id, table, chosen, LocaleContextHolder.getLocale()), chosen, response);
    }

    @GetMapping("/api/v1/benchmarking/cycles/{id}/regions/{region}/tables/{table}/export")
    @Operation(summary = "A region's benchmarking table in a cycle. " + FILE)
    @ApiResponse(
            responseCode = "200",
            description = "The file, as an attachment",
            content = @Content(mediaType = "*/*"))
    @ApiResponse(responseCode = "400", description = "No format, or one that is not csv, xlsx or pdf")
    void regionTable(
            @PathVariable long id,
            @PathVariable String region,
            @PathVariable String table,
            @RequestParam(required = false) @Parameter(description = "csv, xlsx or pdf; required") String format,
            CurrentUser user,
            HttpServletResponse response)
            throws IOException {
        ExportFormat chosen = ExportFormat.parse(format);
        files.send(
                exports.ofRegion(user, id, region, table, chosen, LocaleContextHolder.getLocale()), chosen, response);
    }

    @GetMapping("/api/v1/benchmarking/participants/{code}/tables/{table}/export")
    @Operation(summary = "A participant's profile table. " + FILE)
    @ApiResponse(
            responseCode = "200",
            description = "The file, as an attachment",
            content = @Content(mediaType = "*/*"))
    @ApiResponse(responseCode = "400", description = "No format, or one that is not csv, xlsx or pdf")
    void participantTable(
            @PathVariable String code,
            @PathVariable String table,
            @RequestParam(required = false) @Parameter(description = "csv, xlsx or pdf; required") String format,
            CurrentUser user,
            HttpServletResponse response)
            throws IOException {
        ExportFormat chosen = ExportFormat.parse(format);
        files.send(exports.ofParticipant(user, code, table, chosen, LocaleContextHolder.getLocale()), chosen, response);
    }
}
