package org.compactreview.report.web;

import java.util.List;
import org.compactreview.framework.FrameworkCatalog;
import org.compactreview.identity.CurrentUser;
import org.compactreview.platform.ConflictException;
import org.compactreview.platform.InvalidInputException;
import org.compactreview.platform.Problems;
import org.compactreview.report.DelegationService;
import org.compactreview.report.SectionDelegation;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Section delegation on pages: a contributor's "My sections" (its starting page) and hand-back;
 * a focal point's delegate and take-back buttons on the report form. Refusals come back to the
 * page they were made on as a message.
 */
@Controller
class DelegationPagesController {

    static final String MY_SECTIONS = "report/my-sections";

    private final DelegationService delegations;
    private final FrameworkCatalog framework;
    private final Problems problems;

    DelegationPagesController(DelegationService delegations, FrameworkCatalog framework, Problems problems) {
        this.delegations = delegations;
        this.framework = framework;
        this.problems = problems;
    }

    @GetMapping("/my-sections")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    String mySections(CurrentUser user, Model model) {
        List<SectionDelegation> mine = delegations.mine(user);
        model.addAttribute("open", mine.stream().filter(SectionDelegation::open).toList());
        model.addAttribute(
                "past", mine.stream().filter(d -> !d.open()).limit(50).toList());
        model.addAttribute("participantNames", participantNames());
        return MY_SECTIONS;
    }

    @PostMapping("/reports/{id}/delegations")
    @PreAuthorize("hasRole('FOCAL_POINT')")
    String delegate(
            @PathVariable long id,
            @RequestParam(required = false) String delegate,
            @RequestParam(required = false) List<Integer> objectives,
            @RequestParam(required = false) String note,
            CurrentUser user,
            RedirectAttributes redirect) {
        try {
            delegations.delegate(id, user, delegate, objectives, note);
            redirect.addFlashAttribute("flash", "flash.delegation.created");
        } catch (InvalidInputException | ConflictException refused) {
            redirect.addFlashAttribute("flashError", problems.describe(refused));
        }
        return "redirect:/reports/" + id + "#delegations";
    }

    /** No role rule: only the delegation's contributor finds it (anyone else gets 404). */
    @PostMapping("/delegations/{id}/return")
    String handBack(@PathVariable long id, CurrentUser user, RedirectAttributes redirect) {
        try {
            delegations.handBack(id, user);
            redirect.addFlashAttribute("flash", "flash.delegation.returned");
        } catch (ConflictException refused) {
            redirect.addFlashAttribute("flashError", problems.describe(refused));
        }
        return "redirect:/my-sections";
    }

    @PostMapping("/delegations/{id}/revoke")
    @PreAuthorize("hasRole('FOCAL_POINT')")
    String revoke(
            @PathVariable long id,
            @RequestParam(required = false) String reason,
            @RequestParam(required = false) Long reportId,
            CurrentUser user,
            RedirectAttributes redirect) {
        try {
            SectionDelegation revoked = delegations.revoke(id, user, reason);
            redirect.addFlashAttribute("flash", "flash.delegation.revoked");
            return "redirect:/reports/" + revoked.reportId() + "#delegations";
        } catch (InvalidInputException | ConflictException refused) {
            // Back to the report the button was on (the form says which); the history otherwise.
            redirect.addFlashAttribute("flashError", problems.describe(refused));
            return reportId == null ? "redirect:/reports" : "redirect:/reports/" + reportId + "#delegations";
        }
    }

    private java.util.Map<String, String> participantNames() {
        java.util.Map<String, String> names = new java.util.HashMap<>();
        framework.participants().forEach(p -> names.put(p.code(), p.name()));
        return names;
    }
}
