package org.compactreview.report.api;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.compactreview.identity.CurrentUser;
import org.compactreview.report.EntryAuthor;
import org.compactreview.report.FollowUpView;
import org.compactreview.report.FollowUps;
import org.compactreview.report.Report;
import org.compactreview.report.ReportEntry;
import org.compactreview.report.ReportService;
import org.compactreview.report.ReportVersion;
import org.compactreview.report.ValidationDecision;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/reports")
@Tag(name = "Reports", description = "Progress reports: draft, submit, validate, versions")
class ReportController {

    private final ReportService reports;
    private final FollowUps followUps;

    ReportController(ReportService reports, FollowUps followUps) {
        this.reports = reports;
        this.followUps = followUps;
    }

    @GetMapping
    @Operation(
            summary = "Reports the caller may see: a focal point's own participants' (all cycles), or for "
                    + "secretariat and managers one cycle's or one participant's")
    List<Report> list(
            CurrentUser user,
            @RequestParam(required = false) Long cycleId,
            @RequestParam(required = false) String participant) {
        return reports.list(user, cycleId, participant);
    }

    @GetMapping("/{id}")
    @Operation(
            summary = "A report with one entry per objective, the secretariat's last return comment and, per "
                    + "objective, the follow-up items of adopted declarations that apply to its participant "
                    + "(those naming it and those for everyone), as the report form shows them")
    ReportDetail get(@PathVariable long id, CurrentUser user) {
        Report report = reports.get(id, user);
        // A contributor sees the follow-up items of its own sections only.
        java.util.Set<Integer> shown =
                report.entries().stream().map(ReportEntry::objective).collect(java.util.stream.Collectors.toSet());
        List<FollowUpView> items = followUps.items(report.participantCode()).stream()
                .filter(item -> shown.contains(item.objective()))
                .toList();
        return new ReportDetail(report, items, reports.authors(id, user));
    }

    @PutMapping("/{id}")
    @PreAuthorize("hasAnyRole('FOCAL_POINT', 'CONTRIBUTOR')")
    @ApiResponse(responseCode = "200", description = "OK", useReturnTypeSchema = true)
    @ApiResponse(
            responseCode = "409",
            description =
                    "Stale lockVersion (conflict), the report is not editable in its status, or a concurrent save (concurrent-change)")
    @Operation(
            summary = "Save draft entries (the participant's focal points, or a contributor for its delegated "
                    + "sections: any other objective answers 404). Entries not sent are kept. "
                    + "Texts are limited to 4000 characters; ratings are 0-4. lockVersion must be the "
                    + "version last read: a save answers 409 (stale) when an entry it changes was changed by "
                    + "someone else since that version; entries nobody else changed are saved.")
    Report saveDraft(@PathVariable long id, @Valid @RequestBody DraftRequest request, CurrentUser user) {
        return reports.saveDraft(id, user, request.lockVersion(), request.entries());
    }

    @PostMapping("/{id}/submit")
    @PreAuthorize("hasRole('FOCAL_POINT')")
    @ApiResponse(responseCode = "200", description = "OK", useReturnTypeSchema = true)
    @ApiResponse(
            responseCode = "409",
            description = "Already submitted or not editable in its status, stale lockVersion, or sections still "
                    + "delegated to a contributor (take them back first) (conflict)")
    @Operation(
            summary = "Submit the report (every objective must be rated); the submitted version is kept. "
                    + "Submitting twice or someone else's report answers 409 or 404.")
    Report submit(@PathVariable long id, @RequestBody(required = false) SubmitRequest request, CurrentUser user) {
        return reports.submit(id, user, request == null ? null : request.lockVersion());
    }

    @PostMapping("/{id}/validation")
    @PreAuthorize("hasRole('SECRETARIAT')")
    @ApiResponse(responseCode = "200", description = "OK", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "409", description = "The report is not submitted (conflict)")
    @Operation(summary = "Accept or return a submitted report (secretariat); a return needs a comment")
    Report validate(@PathVariable long id, @Valid @RequestBody ValidationRequest request, CurrentUser user) {
        return reports.validate(id, user, request.decision(), request.comment());
    }

    @GetMapping("/{id}/versions")
    @Operation(summary = "Every submitted version as submitted, with the decision taken on it")
    List<ReportVersion> versions(@PathVariable long id, CurrentUser user) {
        return reports.versions(id, user);
    }

    /** A report and the follow-up items it reports against, ordered by objective. */
    record ReportDetail(
            @JsonUnwrapped Report report,
            List<FollowUpView> followUpItems,
            @Schema(description = "Who last wrote each entry (focal point or contributor), and when")
                    List<EntryAuthor> entryAuthors) {}

    record DraftRequest(@NotNull Integer lockVersion, @NotNull List<ReportEntry> entries) {}

    record SubmitRequest(@Schema(description = "Optional: refuse if the report changed since") Integer lockVersion) {}

    record ValidationRequest(@NotNull ValidationDecision decision, String comment) {}
}
