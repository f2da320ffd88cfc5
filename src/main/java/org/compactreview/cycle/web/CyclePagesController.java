package org.compactreview.cycle.web;

import java.util.Arrays;
import java.util.List;
import org.compactreview.cycle.CycleService;
import org.compactreview.cycle.MeetingService;
import org.compactreview.framework.FrameworkCatalog;
import org.compactreview.identity.CurrentUser;
import org.compactreview.platform.Confirmations;
import org.compactreview.platform.InvalidInputException;
import org.compactreview.platform.PageRequest;
import org.compactreview.platform.PageSteps;
import org.compactreview.platform.Problems;
import org.compactreview.report.Consolidation;
import org.compactreview.tracking.BoardColumn;
import org.compactreview.tracking.BoardQuery;
import org.compactreview.tracking.CycleBoard;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/** The secretariat's cycle pages: list, open, board, summary and the meeting steps. */
@Controller
@PreAuthorize("hasAnyRole('SECRETARIAT', 'MANAGER', 'ADMIN')")
class CyclePagesController {

    static final String LIST = "cycle/list";
    /** Issue 14: 50 to a page, like the other long lists. */
    static final int LIST_PAGE_SIZE = 50;

    static final String BOARD = "cycle/board";
    static final String SUMMARY = "cycle/summary";

    private final CycleService cycles;
    private final MeetingService meetings;
    private final CycleBoard board;
    private final Consolidation consolidation;
    private final FrameworkCatalog framework;
    private final Problems problems;
    private final PageSteps steps;
    private final Confirmations confirmations;

    CyclePagesController(
            CycleService cycles,
            MeetingService meetings,
            CycleBoard board,
            Consolidation consolidation,
            FrameworkCatalog framework,
            Problems problems,
            PageSteps steps,
            Confirmations confirmations) {
        this.cycles = cycles;
        this.meetings = meetings;
        this.board = board;
        this.consolidation = consolidation;
        this.framework = framework;
        this.problems = problems;
        this.steps = steps;
        this.confirmations = confirmations;
    }

    @GetMapping("/cycles")
    String list(
            @RequestParam(required = false) org.compactreview.cycle.CycleKind kind,
            @RequestParam(required = false) org.compactreview.cycle.CycleStatus status,
            @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        String search = StringUtils.hasText(q) ? q.trim() : null;
        model.addAttribute("cycles", cycles.list(kind, status, search, new PageRequest(page, LIST_PAGE_SIZE)));
        model.addAttribute("kind", kind);
        model.addAttribute("status", status);
        model.addAttribute("search", search);
        model.addAttribute("kinds", org.compactreview.cycle.CycleKind.values());
        model.addAttribute("statuses", org.compactreview.cycle.CycleStatus.values());
        UriComponentsBuilder link = UriComponentsBuilder.fromPath("/cycles");
        if (kind != null) {
            link.queryParam("kind", kind);
        }
        if (status != null) {
            link.queryParam("status", status);
        }
        addIfPresent(link, "q", search);
        model.addAttribute("pageLink", link.encode().build().toUriString());
        return LIST;
    }

    /**
     * The board grid: filters, search and page all in the address (a GET form), so a filtered page
     * can be bookmarked, shared and paged without losing the filters. The old {@code sort}
     * parameter is gone: the board orders overdue rows first, then by name.
     */
    @GetMapping("/cycles/{id}")
    String board(
            @PathVariable long id,
            @RequestParam(required = false) String region,
            @RequestParam(required = false) String stage,
            @RequestParam(required = false) String assignee,
            @RequestParam(defaultValue = "false") boolean overdue,
            @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        BoardQuery query =
                new BoardQuery(region, stage, assignee, overdue, q, new PageRequest(page, BoardQuery.PAGE_SIZE));
        model.addAttribute("cycle", cycles.get(id));
        model.addAttribute("board", board.page(id, query));
        model.addAttribute("query", query);
        model.addAttribute("columns", BoardColumn.values());
        model.addAttribute("unassigned", BoardQuery.UNASSIGNED);
        model.addAttribute("regions", regions());
        model.addAttribute("pageLink", pageLink(id, query));
        return BOARD;
    }

    @GetMapping("/cycles/{id}/summary")
    String summary(@PathVariable long id, Model model) {
        model.addAttribute("cycle", cycles.get(id));
        model.addAttribute("summary", consolidation.summary(id));
        return SUMMARY;
    }

    @PostMapping("/cycles/{id}/meeting/preparation")
    @PreAuthorize("hasRole('SECRETARIAT')")
    String prepare(
            @PathVariable long id,
            @RequestParam(defaultValue = "") String meetingDate,
            @RequestParam(defaultValue = "") String agenda,
            CurrentUser user,
            RedirectAttributes redirect) {
        return steps.run(redirect, "/cycles/" + id, "flash.meeting.prepared", () -> {
            if (!StringUtils.hasText(agenda) || agenda.length() > 20000) {
                throw new InvalidInputException("agenda", "validation.meeting.agenda");
            }
            meetings.prepare(id, user, PageSteps.date("meetingDate", meetingDate), agenda);
        });
    }

    @PostMapping("/cycles/{id}/meeting/outcomes")
    @PreAuthorize("hasRole('SECRETARIAT')")
    String outcomes(
            @PathVariable long id,
            @RequestParam(defaultValue = "") String outcomes,
            @RequestParam(defaultValue = "") String decisions,
            @RequestParam(defaultValue = "false") boolean confirmed,
            CurrentUser user,
            Model model,
            RedirectAttributes redirect) {
        boolean valid = StringUtils.hasText(outcomes) && outcomes.length() <= 20000;
        if (valid && !confirmed) {
            // Recording the outcomes closes the cycle (issue 14: it happened on one click).
            return confirmations.ask(
                    model,
                    "confirm.outcomes.title",
                    "confirm.outcomes",
                    cycles.get(id).period(),
                    "/cycles/" + id);
        }
        return steps.run(redirect, "/cycles/" + id, "flash.meeting.recorded", () -> {
            if (!valid) {
                throw new InvalidInputException("outcomes", "validation.meeting.outcomes");
            }
            List<String> lines = Arrays.stream(decisions.split("\\R"))
                    .map(String::trim)
                    .filter(StringUtils::hasText)
                    .toList();
            meetings.recordOutcomes(id, user, outcomes, lines);
        });
    }

    private List<String> regions() {
        return framework.memberStateRegions();
    }

    /** The board's address with the query's filters (blank ones left out), for the page links. */
    private static String pageLink(long id, BoardQuery query) {
        UriComponentsBuilder link = UriComponentsBuilder.fromPath("/cycles/" + id);
        addIfPresent(link, "region", query.region());
        addIfPresent(link, "stage", query.stage());
        addIfPresent(link, "assignee", query.assignee());
        if (query.overdueOnly()) {
            link.queryParam("overdue", true);
        }
        addIfPresent(link, "q", query.search());
        return link.encode().build().toUriString();
    }

    private static void addIfPresent(UriComponentsBuilder link, String name, String value) {
        if (StringUtils.hasText(value)) {
            link.queryParam(name, value);
        }
    }
}
