package org.compactreview.tracking.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.compactreview.identity.CurrentUser;
import org.compactreview.platform.Page;
import org.compactreview.platform.PageRequest;
import org.compactreview.tracking.CycleOverviewRow;
import org.compactreview.tracking.CyclesOverview;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@PreAuthorize("hasAnyRole('SECRETARIAT', 'MANAGER')")
@Tag(name = "Tracking", description = "Cycle board and consolidated summary (secretariat, managers)")
class CyclesOverviewController {

    private final CyclesOverview overview;

    CyclesOverviewController(CyclesOverview overview) {
        this.overview = overview;
    }

    @GetMapping("/api/v1/cycles/overview")
    @Operation(
            summary = "Every cycle (annual and conference), newest first, paged: reports per stage, % submitted "
                    + "on time (first submission by the due date, of all reports), % accepted at first "
                    + "submission (of the first submissions decided), median days from opening to first "
                    + "submission and from first submission to acceptance, open escalations (managers' "
                    + "follow-up tasks) and reports overdue now. A figure with nothing to count is null. "
                    + "Secretariat and managers only.")
    Page<CycleOverviewRow> overview(
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "" + PageRequest.DEFAULT_SIZE) int size,
            CurrentUser user) {
        return overview.overview(user, new PageRequest(page, size));
    }
}
