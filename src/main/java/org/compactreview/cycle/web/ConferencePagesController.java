package org.compactreview.cycle.web;

import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.compactreview.cycle.ConferenceService;
import org.compactreview.cycle.CycleKind;
import org.compactreview.cycle.CycleService;
import org.compactreview.cycle.OpenCycleRequest;
import org.compactreview.cycle.ReviewCycle;
import org.compactreview.cycle.StakeholderSubmission;
import org.compactreview.framework.FrameworkCatalog;
import org.compactreview.framework.ParticipantKind;
import org.compactreview.identity.CurrentUser;
import org.compactreview.platform.Confirmations;
import org.compactreview.platform.ConflictException;
import org.compactreview.platform.InvalidInputException;
import org.compactreview.platform.NotFoundException;
import org.compactreview.platform.PageRequest;
import org.compactreview.platform.PageSteps;
import org.compactreview.platform.Problems;
import org.compactreview.task.TaskGateway;
import org.compactreview.task.WorkItem;
import org.compactreview.task.WorkItemFilter;
import org.compactreview.tracking.ConferenceCompilation;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The conference pages: open a conference, and its steps after the regional reviews. */
@Controller
@PreAuthorize("hasAnyRole('SECRETARIAT', 'MANAGER')")
class ConferencePagesController {

    static final String NEW = "cycle/conference-new";
    static final String STEPS = "cycle/conference";

    private final CycleService cycles;
    private final ConferenceService conferences;
    private final ConferenceCompilation compilation;
    private final TaskGateway tasks;
    private final FrameworkCatalog framework;
    private final Problems problems;
    private final PageSteps steps;
    private final Confirmations confirmations;

    ConferencePagesController(
            CycleService cycles,
            ConferenceService conferences,
            ConferenceCompilation compilation,
            TaskGateway tasks,
            FrameworkCatalog framework,
            Problems problems,
            PageSteps steps,
            Confirmations confirmations) {
        this.cycles = cycles;
        this.conferences = conferences;
        this.compilation = compilation;
        this.tasks = tasks;
        this.framework = framework;
        this.problems = problems;
        this.steps = steps;
        this.confirmations = confirmations;
    }

    @GetMapping("/conferences/new")
    @PreAuthorize("hasRole('SECRETARIAT')")
    String newConference(Model model) {
        return showNew(model, "", "", "", Set.of(), null);
    }

    @PostMapping("/conferences/new")
    @PreAuthorize("hasRole('SECRETARIAT')")
    String open(
            @RequestParam(defaultValue = "") String period,
            @RequestParam(defaultValue = "") String due,
            @RequestParam(defaultValue = "") String conferenceDate,
            @RequestParam(required = false) Set<String> regions,
            CurrentUser user,
            Model model,
            RedirectAttributes redirect) {
        Set<String> chosen = regions == null ? Set.of() : regions;
        try {
            ReviewCycle cycle = cycles.open(
                    new OpenCycleRequest(
                            CycleKind.HIGH_LEVEL_CONFERENCE,
                            period.trim(),
                            chosen.isEmpty() ? null : List.copyOf(chosen),
                            PageSteps.date("due", due).atTime(23, 59, 59).toInstant(ZoneOffset.UTC),
                            null,
                            null,
                            PageSteps.date("conferenceDate", conferenceDate)),
                    user);
            redirect.addFlashAttribute("flash", "flash.cycle.opened");
            return "redirect:/cycles/" + cycle.id();
        } catch (InvalidInputException | ConflictException refused) {
            return showNew(model, period, due, conferenceDate, chosen, problems.describe(refused));
        }
    }

    @GetMapping("/conferences/{id}")
    String steps(@PathVariable long id, CurrentUser user, Model model) {
        ReviewCycle cycle = cycles.get(id);
        if (cycle.kind() != CycleKind.HIGH_LEVEL_CONFERENCE) {
            throw new NotFoundException("conference", id);
        }
        List<String> open = tasks
                .list(user, new WorkItemFilter(true, id, null, null, null, null), new PageRequest(0, 200))
                .items()
                .stream()
                .map(WorkItem::taskKey)
                .toList();
        model.addAttribute("cycle", cycle);
        model.addAttribute("openSteps", open);
        model.addAttribute("record", conferences.record(id));
        model.addAttribute("compiled", compilation.compile(id));
        model.addAttribute("groups", StakeholderSubmission.StakeholderGroup.values());
        model.addAttribute(
                "followUps",
                conferences.followUpItems(null, null).stream()
                        .filter(item -> item.conferenceId() == id)
                        .toList());
        return STEPS;
    }

    @PostMapping("/conferences/{id}/progress-report")
    String compile(
            @PathVariable long id,
            @RequestParam(defaultValue = "") String narrative,
            CurrentUser user,
            RedirectAttributes redirect) {
        return steps.run(
                redirect,
                "/conferences/" + id,
                "flash.conference.saved",
                () -> conferences.compile(id, user, narrative));
    }

    @PostMapping("/conferences/{id}/stakeholder-submissions")
    String submission(
            @PathVariable long id,
            @RequestParam(required = false) StakeholderSubmission.StakeholderGroup group,
            @RequestParam(defaultValue = "") String organisation,
            @RequestParam(defaultValue = "") String submission,
            CurrentUser user,
            RedirectAttributes redirect) {
        return steps.run(
                redirect,
                "/conferences/" + id,
                "flash.conference.saved",
                () -> conferences.addSubmission(id, user, group, organisation, submission));
    }

    @PostMapping("/conferences/{id}/consultation/close")
    String closeConsultation(
            @PathVariable long id,
            @RequestParam(defaultValue = "false") boolean confirmed,
            CurrentUser user,
            Model model,
            RedirectAttributes redirect) {
        if (!confirmed) {
            // No stakeholder can be heard after this (issue 14: it closed on one click).
            return confirmations.ask(
                    model,
                    "confirm.consultation.title",
                    "confirm.consultation",
                    cycles.get(id).period(),
                    "/conferences/" + id);
        }
        return steps.run(
                redirect,
                "/conferences/" + id,
                "flash.conference.saved",
                () -> conferences.finishConsultation(id, user));
    }

    @PostMapping("/conferences/{id}/negotiation")
    String negotiate(
            @PathVariable long id,
            @RequestParam(defaultValue = "") String text,
            @RequestParam(defaultValue = "false") boolean agree,
            CurrentUser user,
            RedirectAttributes redirect) {
        return steps.run(
                redirect,
                "/conferences/" + id,
                "flash.conference.saved",
                () -> conferences.negotiate(id, user, text, agree));
    }

    private String showNew(
            Model model, String period, String due, String conferenceDate, Set<String> chosen, String error) {
        model.addAttribute("period", period);
        model.addAttribute("due", due);
        model.addAttribute("conferenceDate", conferenceDate);
        model.addAttribute("chosen", chosen);
        model.addAttribute(
                "bodies",
                framework.participants().stream()
                        .filter(p -> p.kind() != ParticipantKind.MEMBER_STATE)
                        .toList());
        model.addAttribute("formError", error);
        return NEW;
    }
}
