package org.compactreview.tracking.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.compactreview.platform.ConflictException;
import org.compactreview.platform.PageRequest;
import org.compactreview.report.Consolidation;
import org.compactreview.report.Consolidation.ObjectiveSummary;
import org.compactreview.tracking.BoardPage;
import org.compactreview.tracking.BoardQuery;
import org.compactreview.tracking.CycleBoard;
import org.compactreview.tracking.ParticipantStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/cycles/{id}")
@PreAuthorize("hasAnyRole('SECRETARIAT', 'MANAGER', 'ADMIN')")
@Tag(name = "Tracking", description = "Cycle board and consolidated summary (secretariat, managers)")
class TrackingController {

    private final CycleBoard board;
    private final Consolidation consolidation;

    TrackingController(CycleBoard board, Consolidation consolidation) {
        this.board = board;
        this.consolidation = consolidation;
    }

    @GetMapping("/status")
    @Operation(
            summary = "One row per participant: stage, report status, due date, overdue flag, assignee; "
                    + "optionally only overdue rows or one stage")
    List<ParticipantStatus> status(
            @PathVariable long id,
            @RequestParam(required = false) Boolean overdue,
            @RequestParam(required = false) String stage) {
        return board.status(id).stream()
                .filter(row -> overdue == null || row.overdue() == overdue)
                .filter(row -> stage == null || stage.equalsIgnoreCase(row.stage()))
                .toList();
    }

    /**
     * The board grid beside {@code /status}, which keeps its unpaged list answer (the cycle status
     * export and older clients read it): the same rows with the column each stands at, filtered,
     * overdue first, paged.
     */
    @GetMapping("/board")
    @Operation(
            summary = "The cycle board: one row per participant with the stage (column) it stands at "
                    + "(DRAFT, SUBMITTED, RETURNED, ACCEPTED, CLOSED), the state of every column (CURRENT, "
                    + "PASSED, NONE), days overdue; overdue rows first, then by name; paged (50 by default). "
                    + "Filters: region, stage (a column), assignee (a username, or '-' for open tasks nobody "
                    + "holds), overdue, q (part of the name or code, case and accents ignored). "
                    + "Secretariat, managers and administrators.")
    BoardPage board(
            @PathVariable long id,
            @RequestParam(required = false) String region,
            @RequestParam(required = false) String stage,
            @RequestParam(required = false) String assignee,
            @RequestParam(defaultValue = "false") boolean overdue,
            @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "" + BoardQuery.PAGE_SIZE) int size) {
        return board.page(id, new BoardQuery(region, stage, assignee, overdue, q, new PageRequest(page, size)));
    }

    @GetMapping("/summary")
    @ApiResponse(responseCode = "200", description = "OK", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "409", description = "The cycle is not consolidated yet (conflict)")
    @Operation(
            summary = "Per objective: count of accepted reports per rating 0-4, median rating and the "
                    + "participants needing support; available once the cycle is consolidated")
    List<ObjectiveSummary> summary(@PathVariable long id) {
        board.status(id); // 404 for an unknown cycle
        List<ObjectiveSummary> summary = consolidation.summary(id);
        if (summary.isEmpty()) {
            throw new ConflictException("problem.cycle.not-consolidated");
        }
        return summary;
    }
}
