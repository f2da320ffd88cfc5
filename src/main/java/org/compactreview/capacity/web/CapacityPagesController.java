package org.compactreview.capacity.web;

import java.math.BigDecimal;
import java.util.List;
import org.compactreview.capacity.Assessment;
import org.compactreview.capacity.CapacityFilter;
import org.compactreview.capacity.CapacityRequest;
import org.compactreview.capacity.CapacityService;
import org.compactreview.capacity.CapacityStage;
import org.compactreview.capacity.SupportPlan;
import org.compactreview.capacity.UpdateStatus;
import org.compactreview.framework.FrameworkCatalog;
import org.compactreview.identity.CurrentUser;
import org.compactreview.platform.Confirmations;
import org.compactreview.platform.InvalidInputException;
import org.compactreview.platform.PageSteps;
import org.compactreview.task.TaskGateway;
import org.compactreview.task.WorkItem;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Capacity-building pages: the request list, one request with the step due now, practices. */
@Controller
class CapacityPagesController {

    static final String LIST = "capacity/list";
    static final String DETAIL = "capacity/detail";
    static final String PRACTICES = "capacity/practices";
    /** Issue 14: 50 to a page, like the other lists that grow with the participants. */
    static final int PAGE_SIZE = 50;

    private final CapacityService capacity;
    private final TaskGateway tasks;
    private final FrameworkCatalog framework;
    private final PageSteps steps;
    private final Confirmations confirmations;

    CapacityPagesController(
            CapacityService capacity,
            TaskGateway tasks,
            FrameworkCatalog framework,
            PageSteps steps,
            Confirmations confirmations) {
        this.capacity = capacity;
        this.tasks = tasks;
        this.framework = framework;
        this.steps = steps;
        this.confirmations = confirmations;
    }

    @GetMapping("/capacity")
    String list(
            CurrentUser user,
            @RequestParam(required = false) Integer objective,
            @RequestParam(required = false) String region,
            @RequestParam(required = false) CapacityStage stage,
            @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        CapacityFilter filter = new CapacityFilter(objective, StringUtils.hasText(region) ? region : null, stage, null);
        String search = StringUtils.hasText(q) ? q.trim() : null;
        model.addAttribute(
                "requests",
                capacity.page(user, filter, search, new org.compactreview.platform.PageRequest(page, PAGE_SIZE)));
        model.addAttribute("search", search);
        model.addAttribute("pageLink", pageLink(filter, search));
        model.addAttribute("filter", filter);
        model.addAttribute("stages", CapacityStage.values());
        model.addAttribute("regions", regions());
        return LIST;
    }

    @GetMapping("/capacity/{id}")
    String detail(@PathVariable long id, CurrentUser user, Model model) {
        CapacityRequest request = capacity.get(id, user);
        List<WorkItem> open = tasks.forRequest(id);
        model.addAttribute("request", request);
        if (!model.containsAttribute("typed")) {
            model.addAttribute("typed", java.util.Map.of());
        }
        model.addAttribute(
                "step",
                open.stream()
                        .filter(item -> !item.formless())
                        .map(WorkItem::taskKey)
                        .findFirst()
                        .orElse(null));
        model.addAttribute("updateStatuses", UpdateStatus.values());
        // Only an assessment may merge a request into another: look for candidates only then.
        model.addAttribute(
                "mergeCandidates",
                request.stage() != CapacityStage.ASSESSMENT
                        ? List.of()
                        : capacity.list(user, new CapacityFilter(request.objective(), null, null, null)).stream()
                                .filter(r -> r.id() != id
                                        && r.stage().open()
                                        && !r.participantCode().equals(request.participantCode()))
                                .toList());
        return DETAIL;
    }

    @PostMapping("/capacity/{id}/assessment")
    String assess(
            @PathVariable long id,
            @RequestParam(required = false) Assessment assessment,
            @RequestParam(required = false) Long mergeInto,
            @RequestParam(required = false) String reason,
            @RequestParam(defaultValue = "false") boolean confirmed,
            CurrentUser user,
            Model model,
            RedirectAttributes redirect) {
        if (assessment == Assessment.DECLINE && !confirmed) {
            // A declined request ends its process (issue 14: it happened on one click).
            return confirmations.ask(
                    model,
                    "confirm.decline.title",
                    "confirm.decline",
                    capacity.get(id, user).participantName(),
                    "/capacity/" + id);
        }
        return steps.run(
                redirect,
                "/capacity/" + id,
                "flash.capacity.saved",
                () -> capacity.assess(id, user, assessment, mergeInto, reason));
    }

    @PostMapping("/capacity/{id}/plan")
    String plan(
            @PathVariable long id,
            @RequestParam(defaultValue = "") String implementingPartner,
            @RequestParam(defaultValue = "") String activities,
            @RequestParam(defaultValue = "") String startDate,
            @RequestParam(defaultValue = "") String endDate,
            @RequestParam(required = false) BigDecimal budget,
            @RequestParam(required = false) String currency,
            @RequestParam(required = false) String fundingSource,
            @RequestParam(defaultValue = "P1M") String reviewInterval,
            CurrentUser user,
            RedirectAttributes redirect) {
        return steps.run(redirect, "/capacity/" + id, "flash.capacity.saved", () -> {
            if (!StringUtils.hasText(implementingPartner) || !StringUtils.hasText(activities)) {
                throw new InvalidInputException("implementingPartner", "validation.capacity.required");
            }
            capacity.agreePlan(
                    id,
                    user,
                    new SupportPlan(
                            implementingPartner.trim(),
                            activities.trim(),
                            PageSteps.date("startDate", startDate),
                            PageSteps.date("endDate", endDate),
                            budget,
                            StringUtils.hasText(currency) ? currency.trim().toUpperCase() : null,
                            StringUtils.hasText(fundingSource) ? fundingSource.trim() : null,
                            reviewInterval.trim()));
        });
    }

    @PostMapping("/capacity/{id}/updates")
    String update(
            @PathVariable long id,
            @RequestParam(required = false) UpdateStatus status,
            @RequestParam(required = false) String done,
            @RequestParam(required = false) String nextSteps,
            CurrentUser user,
            RedirectAttributes redirect) {
        return steps.run(
                redirect,
                "/capacity/" + id,
                "flash.capacity.saved",
                () -> capacity.reportProgress(id, user, status, done, nextSteps));
    }

    @PostMapping("/capacity/{id}/evaluation")
    String evaluate(
            @PathVariable long id,
            @RequestParam(required = false) Integer outcomeRating,
            @RequestParam(required = false) String lessons,
            @RequestParam(defaultValue = "false") boolean publish,
            @RequestParam(required = false) String summary,
            CurrentUser user,
            RedirectAttributes redirect) {
        return steps.run(
                redirect,
                "/capacity/" + id,
                "flash.capacity.saved",
                () -> capacity.evaluate(id, user, outcomeRating, lessons, publish, summary));
    }

    @GetMapping("/practices")
    String practices(@RequestParam(required = false) Integer objective, Model model) {
        model.addAttribute("practices", capacity.practices(objective));
        model.addAttribute("objective", objective);
        return PRACTICES;
    }

    private List<String> regions() {
        return framework.memberStateRegions();
    }

    /** The list's address with its filters (blank ones left out), for the page links. */
    private static String pageLink(CapacityFilter filter, String search) {
        org.springframework.web.util.UriComponentsBuilder link =
                org.springframework.web.util.UriComponentsBuilder.fromPath("/capacity");
        if (filter.objective() != null) {
            link.queryParam("objective", filter.objective());
        }
        if (filter.region() != null) {
            link.queryParam("region", filter.region());
        }
        if (filter.stage() != null) {
            link.queryParam("stage", filter.stage());
        }
        if (search != null) {
            link.queryParam("q", search);
        }
        return link.encode().build().toUriString();
    }
}
