package org.compactreview.cycle.web;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.compactreview.cycle.Commitment;
import org.compactreview.cycle.ConferenceService;
import org.compactreview.cycle.CycleKind;
import org.compactreview.cycle.CycleService;
import org.compactreview.cycle.ReviewCycle;
import org.compactreview.framework.FrameworkCatalog;
import org.compactreview.framework.Participant;
import org.compactreview.identity.CurrentUser;
import org.compactreview.platform.Confirmations;
import org.compactreview.platform.ConflictException;
import org.compactreview.platform.InvalidInputException;
import org.compactreview.platform.NotFoundException;
import org.compactreview.platform.Problems;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Adopting a conference's declaration (issue 14): the commitments as rows of a form, checked row
 * by row with the problem beside its field, then a confirmation page listing what will be
 * recorded; only the confirmed post adopts. "Add a row" is a button of the form (the server sends
 * the form back with one more row), so it needs no script.
 */
@Controller
@PreAuthorize("hasRole('SECRETARIAT')")
class AdoptionPagesController {

    static final String FORM = "cycle/adoption";

    private final CycleService cycles;
    private final ConferenceService conferences;
    private final FrameworkCatalog framework;
    private final Confirmations confirmations;
    private final Problems problems;

    AdoptionPagesController(
            CycleService cycles,
            ConferenceService conferences,
            FrameworkCatalog framework,
            Confirmations confirmations,
            Problems problems) {
        this.cycles = cycles;
        this.conferences = conferences;
        this.framework = framework;
        this.confirmations = confirmations;
        this.problems = problems;
    }

    @InitBinder("form")
    void boundedRows(WebDataBinder binder) {
        binder.setAutoGrowCollectionLimit(CommitmentsForm.MAX_ROWS);
        binder.setAllowedFields("rows[*].objective", "rows[*].text", "rows[*].responsible");
    }

    @GetMapping("/conferences/{id}/adoption")
    String form(@PathVariable long id, Model model) {
        return show(conference(id), CommitmentsForm.empty(), Map.of(), null, model);
    }

    @PostMapping("/conferences/{id}/adoption")
    String adopt(
            @PathVariable long id,
            @ModelAttribute("form") CommitmentsForm form,
            @RequestParam(defaultValue = "") String step,
            @RequestParam(defaultValue = "false") boolean confirmed,
            CurrentUser user,
            Model model,
            RedirectAttributes redirect) {
        ReviewCycle cycle = conference(id);
        if ("add-row".equals(step)) {
            form.addRows(1);
            return show(cycle, form, Map.of(), null, model);
        }
        Map<String, String> errors = new LinkedHashMap<>();
        Locale locale = LocaleContextHolder.getLocale();
        form.problems(framework)
                .forEach((field, problem) -> errors.put(
                        field,
                        problems.text(
                                locale,
                                (String) problem.get(0),
                                problem.subList(1, problem.size()).toArray())));
        if (!errors.isEmpty()) {
            return show(cycle, form, errors, null, model);
        }
        List<Commitment> commitments = form.commitments();
        if (!confirmed) {
            return confirmations.ask(
                    model,
                    "confirm.adoption.title",
                    "confirm.adoption",
                    cycle.period(),
                    "/conferences/" + id,
                    commitments.stream().map(c -> describe(c, locale)).toList());
        }
        try {
            conferences.adopt(id, user, commitments);
        } catch (InvalidInputException | ConflictException refused) {
            return show(cycle, form, Map.of(), problems.describe(refused), model);
        }
        redirect.addFlashAttribute("flash", "flash.conference.saved");
        return "redirect:/conferences/" + id;
    }

    private String show(
            ReviewCycle cycle, CommitmentsForm form, Map<String, String> errors, String formError, Model model) {
        model.addAttribute("cycle", cycle);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("formError", formError);
        model.addAttribute("maxRows", CommitmentsForm.MAX_ROWS);
        model.addAttribute(
                "choices",
                framework.participants().stream()
                        .sorted(Comparator.comparing(
                                Participant::name, java.text.Collator.getInstance(LocaleContextHolder.getLocale())))
                        .toList());
        return FORM;
    }

    private String describe(Commitment commitment, Locale locale) {
        String who = commitment.responsible().isEmpty()
                ? problems.text(locale, "conference.everyone")
                : String.join(
                        ", ",
                        commitment.responsible().stream()
                                .map(code -> framework
                                        .participant(code)
                                        .map(Participant::name)
                                        .orElse(code))
                                .toList());
        return problems.text(locale, "conference.follow-up-item", commitment.objective(), commitment.text(), who);
    }

    private ReviewCycle conference(long id) {
        ReviewCycle cycle = cycles.get(id);
        if (cycle.kind() != CycleKind.HIGH_LEVEL_CONFERENCE) {
            throw new NotFoundException("conference", id);
        }
        return cycle;
    }
}
