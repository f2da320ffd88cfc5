package org.compactreview.report.web;

import java.util.List;
import java.util.Optional;
import org.compactreview.framework.FrameworkCatalog;
import org.compactreview.framework.RoundTables;
import org.compactreview.identity.CurrentUser;
import org.compactreview.identity.Role;
import org.compactreview.platform.ConflictException;
import org.compactreview.platform.InvalidInputException;
import org.compactreview.platform.Problems;
import org.compactreview.report.FollowUpView;
import org.compactreview.report.FollowUps;
import org.compactreview.report.Report;
import org.compactreview.report.ReportEntry;
import org.compactreview.report.ReportService;
import org.compactreview.report.ReportVersion;
import org.compactreview.report.SupportRequestView;
import org.compactreview.report.SupportRequests;
import org.compactreview.report.ValidationDecision;
import org.compactreview.report.ValidationQueue;
import org.compactreview.report.ValidationQueueQuery;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The progress report pages: the focal points' form (save draft, review, submit), the read-only
 * history, and the secretariat's validation queue with the side-by-side view.
 */
@Controller
class ReportPagesController {

    static final String FORM = "report/form";
    static final String CONFIRM = "report/confirm";
    static final String HISTORY = "report/history";
    static final String VERSION = "report/version";
    static final String QUEUE = "report/queue";
    static final String VALIDATE = "report/validate";

    private final ReportService reports;
    private final FrameworkCatalog framework;
    private final SupportRequests supportRequests;
    private final FollowUps followUps;
    private final RoundTables roundTables;
    private final DelegationPanel delegationPanel;
    private final Problems problems;
    private final ValidationQueue validationQueue;

    ReportPagesController(
            ReportService reports,
            FrameworkCatalog framework,
            SupportRequests supportRequests,
            FollowUps followUps,
            RoundTables roundTables,
            DelegationPanel delegationPanel,
            Problems problems,
            ValidationQueue validationQueue) {
        this.reports = reports;
        this.framework = framework;
        this.supportRequests = supportRequests;
        this.followUps = followUps;
        this.roundTables = roundTables;
        this.delegationPanel = delegationPanel;
        this.problems = problems;
        this.validationQueue = validationQueue;
    }

    /** Binds only the fields the form has (see {@link FormEntries#bindOnlyTheFormsEntries}). */
    @InitBinder("form")
    void bindOnlyTheFormsEntries(WebDataBinder binder) {
        FormEntries.bindOnlyTheFormsEntries(binder, framework);
    }

    @GetMapping("/reports/{id}")
    String form(@PathVariable long id, CurrentUser user, Model model) {
        Report report = reports.get(id, user);
        return showForm(report, ReportForm.of(report), user, model);
    }

    /**
     * Saves the draft and returns to the objective the user was in ({@code anchor}, kept by the
     * page's script), or goes on to the review before submission.
     */
    @PostMapping("/reports/{id}")
    String save(
            @PathVariable long id,
            @ModelAttribute("form") ReportForm form,
            BindingResult errors,
            @RequestParam(defaultValue = "save") String action,
            @RequestParam(required = false) String anchor,
            CurrentUser user,
            Model model,
            RedirectAttributes redirect) {
        Optional<String> outside = FormEntries.outsideTheForm(errors);
        if (outside.isPresent()) {
            model.addAttribute(
                    "formError",
                    problems.text(LocaleContextHolder.getLocale(), "validation.entry.not-on-form", outside.get()));
            return showForm(reports.get(id, user), form, user, model);
        }
        FormEntries.Touched touched = FormEntries.touched(form);
        try {
            reports.saveDraft(id, user, form.getLockVersion(), touched.entries());
        } catch (InvalidInputException invalid) {
            invalid.fieldProblems()
                    .forEach(p -> errors.rejectValue(
                            touched.onTheForm(p.field()), p.messageCode(), p.arguments(), p.messageCode()));
            return showForm(reports.get(id, user), form, user, model);
        } catch (ConflictException stale) {
            model.addAttribute("formError", problems.describe(stale));
            return showForm(reports.get(id, user), form, user, model);
        }
        if ("review".equals(action)) {
            return "redirect:/reports/" + id + "/submit";
        }
        redirect.addFlashAttribute("flash", "flash.report.saved");
        return "redirect:/reports/" + id + FormEntries.returnAnchor(anchor, framework);
    }

    @GetMapping("/reports/{id}/submit")
    String confirm(@PathVariable long id, CurrentUser user, Model model) {
        if (user.has(Role.CONTRIBUTOR)) {
            throw new org.compactreview.platform.ForbiddenException("problem.delegation.contributor-cannot-submit");
        }
        Report report = reports.get(id, user);
        model.addAttribute("report", report);
        model.addAttribute("missing", report.missingObjectives());
        // The whole report as it will be submitted, read-only, grouped as on the form.
        model.addAttribute("groups", roundTables.roundTables());
        model.addAttribute(
                "entries",
                report.entries().stream().collect(java.util.stream.Collectors.toMap(ReportEntry::objective, e -> e)));
        model.addAttribute("titles", titles());
        model.addAttribute("participantName", participantName(report));
        return CONFIRM;
    }

    @PostMapping("/reports/{id}/submit")
    String submit(
            @PathVariable long id,
            @RequestParam int lockVersion,
            CurrentUser user,
            Model model,
            RedirectAttributes redirect) {
        try {
            reports.submit(id, user, lockVersion);
        } catch (InvalidInputException | ConflictException refused) {
            model.addAttribute("formError", problems.describe(refused));
            return confirm(id, user, model);
        }
        redirect.addFlashAttribute("flash", "flash.report.submitted");
        return "redirect:/inbox";
    }

    /**
     * A participant's report history. Focal points see their own participants' (all of them without
     * {@code participant}); the secretariat, managers and administrators any participant's, chosen
     * with {@code participant} (the report form links here with it), and without it a picker, since
     * every participant's reports at once would be the whole database. A participant the caller
     * does not represent, or one that does not exist, is 404 (issue 14: the link answered 403).
     */
    @GetMapping("/reports")
    @PreAuthorize("hasAnyRole('FOCAL_POINT', 'SECRETARIAT', 'MANAGER', 'ADMIN')")
    String history(@RequestParam(required = false) String participant, CurrentUser user, Model model) {
        String code = org.springframework.util.StringUtils.hasText(participant) ? participant.trim() : null;
        if (code != null
                && (framework.participant(code).isEmpty() || !(user.seesAllParticipants() || user.represents(code)))) {
            throw new org.compactreview.platform.NotFoundException("participant", code);
        }
        boolean picker = code == null && user.seesAllParticipants();
        model.addAttribute("reports", picker ? List.of() : reports.list(user, null, code));
        model.addAttribute("participant", code);
        model.addAttribute("picker", user.seesAllParticipants());
        model.addAttribute("participants", user.seesAllParticipants() ? framework.participants() : List.of());
        return HISTORY;
    }

    @GetMapping("/reports/{id}/versions/{version}")
    String version(@PathVariable long id, @PathVariable int version, CurrentUser user, Model model) {
        Report report = reports.get(id, user);
        ReportVersion shown = reports.versions(id, user).stream()
                .filter(v -> v.version() == version)
                .findFirst()
                .orElseThrow(() -> new org.compactreview.platform.NotFoundException("version", version));
        model.addAttribute("report", report);
        model.addAttribute("version", shown);
        model.addAttribute("titles", titles());
        return VERSION;
    }

    /**
     * The validation queue, 50 to a page, filtered by cycle and region and searched by name; every
     * filter is in the address (a GET form), so a filtered page can be bookmarked and paged.
     */
    @GetMapping("/validation")
    @PreAuthorize("hasRole('SECRETARIAT')")
    String queue(
            @RequestParam(required = false) Long cycle,
            @RequestParam(required = false) String region,
            @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "0") int page,
            CurrentUser user,
            Model model) {
        ValidationQueueQuery query = new ValidationQueueQuery(
                cycle, region, q, new org.compactreview.platform.PageRequest(page, ValidationQueueQuery.PAGE_SIZE));
        model.addAttribute("reports", validationQueue.find(query, user));
        model.addAttribute("query", query);
        model.addAttribute("cycles", validationQueue.cycles(user));
        model.addAttribute("regions", framework.memberStateRegions());
        org.springframework.web.util.UriComponentsBuilder link =
                org.springframework.web.util.UriComponentsBuilder.fromPath("/validation");
        if (query.cycleId() != null) {
            link.queryParam("cycle", query.cycleId());
        }
        if (query.region() != null) {
            link.queryParam("region", query.region());
        }
        if (query.search() != null) {
            link.queryParam("q", query.search());
        }
        model.addAttribute("pageLink", link.encode().build().toUriString());
        return QUEUE;
    }

    @GetMapping("/reports/{id}/validate")
    @PreAuthorize("hasRole('SECRETARIAT')")
    String validateForm(@PathVariable long id, CurrentUser user, Model model) {
        Report report = reports.get(id, user);
        List<ReportVersion> versions = reports.versions(id, user);
        ReportVersion current = versions.isEmpty() ? null : versions.get(versions.size() - 1);
        ReportVersion previous = versions.size() < 2 ? null : versions.get(versions.size() - 2);
        model.addAttribute("report", report);
        model.addAttribute("current", current);
        model.addAttribute("previous", previous);
        model.addAttribute("rows", SideBySide.rows(current, previous));
        model.addAttribute("participantName", participantName(report));
        model.addAttribute("titles", titles());
        return VALIDATE;
    }

    @PostMapping("/reports/{id}/validate")
    @PreAuthorize("hasRole('SECRETARIAT')")
    String validate(
            @PathVariable long id,
            @RequestParam(required = false) ValidationDecision decision,
            @RequestParam(required = false) String comment,
            CurrentUser user,
            Model model,
            RedirectAttributes redirect) {
        try {
            reports.decide(id, user, decision, comment);
        } catch (InvalidInputException | ConflictException refused) {
            model.addAttribute("formError", problems.describe(refused));
            model.addAttribute("comment", comment);
            return validateForm(id, user, model);
        }
        redirect.addFlashAttribute(
                "flash", decision == ValidationDecision.ACCEPT ? "flash.report.accepted" : "flash.report.returned");
        return "redirect:/validation";
    }

    private String showForm(Report report, ReportForm form, CurrentUser user, Model model) {
        if (user.has(Role.CONTRIBUTOR)) {
            return showSections(report, form, user, model);
        }
        model.addAttribute("report", report);
        model.addAttribute("form", form);
        model.addAttribute("editable", report.status().editable() && user.represents(report.participantCode()));
        model.addAttribute("groups", roundTables.roundTables());
        delegationPanel.addTo(model, report, user);
        model.addAttribute("sources", report.regional() ? reports.regionalSources(report.id(), user) : List.of());
        model.addAttribute(
                "followUps",
                followUps.items(report.participantCode()).stream()
                        .collect(java.util.stream.Collectors.groupingBy(FollowUpView::objective)));
        model.addAttribute("titles", titles());
        model.addAttribute("participantName", participantName(report));
        FormProgress.addTo(model, form, report, roundTables.roundTables());
        // The participant's capacity-building requests (open and closed) beside each objective.
        model.addAttribute(
                "requests",
                supportRequests.of(report.participantCode(), user).stream()
                        .collect(java.util.stream.Collectors.groupingBy(SupportRequestView::objective)));
        return FORM;
    }

    /**
     * A contributor's form: the same form, with the round tables limited to its sections (the
     * report it gets holds no other entry) and nothing of the participant's other work.
     */
    private String showSections(Report report, ReportForm form, CurrentUser user, Model model) {
        java.util.Set<Integer> sections =
                report.entries().stream().map(ReportEntry::objective).collect(java.util.stream.Collectors.toSet());
        model.addAttribute("report", report);
        model.addAttribute("form", form);
        model.addAttribute("editable", report.status().editable());
        List<RoundTables.Group> groups = roundTables.roundTables().stream()
                .map(g -> new RoundTables.Group(
                        g.number(),
                        g.objectives().stream().filter(sections::contains).toList()))
                .filter(g -> !g.objectives().isEmpty())
                .toList();
        model.addAttribute("groups", groups);
        delegationPanel.addTo(model, report, user);
        model.addAttribute("sources", List.of());
        model.addAttribute("followUps", java.util.Map.of());
        model.addAttribute("requests", java.util.Map.of());
        model.addAttribute("titles", titles());
        model.addAttribute("participantName", participantName(report));
        FormProgress.addTo(model, form, report, groups);
        return FORM;
    }

    private String participantName(Report report) {
        return framework
                .participant(report.participantCode())
                .map(p -> p.name())
                .orElse(report.participantCode());
    }

    private java.util.Map<Integer, String> titles() {
        java.util.Map<Integer, String> titles = new java.util.HashMap<>();
        framework.objectives().forEach(o -> titles.put(o.number(), o.title()));
        return titles;
    }
}
