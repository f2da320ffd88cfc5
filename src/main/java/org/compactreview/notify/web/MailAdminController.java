package org.compactreview.notify.web;

import org.compactreview.identity.CurrentUser;
import org.compactreview.notify.MailIncidents;
import org.compactreview.platform.ConflictException;
import org.compactreview.platform.PageRequest;
import org.compactreview.platform.Problems;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The operators' mail page: the outbox's counts, the backlog's age, the incidents (paged) and
 * "Send again" for one or all of them. No confirmation: sending again is what the page is for,
 * and a mail already sent keeps its Message-ID, so a receiver keeps one copy.
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class MailAdminController {

    static final String VIEW = "notify/mail-admin";
    static final int PAGE_SIZE = 25;

    private final MailIncidents incidents;
    private final Problems problems;

    MailAdminController(MailIncidents incidents, Problems problems) {
        this.incidents = incidents;
        this.problems = problems;
    }

    @GetMapping("/admin/mail")
    String overview(@RequestParam(defaultValue = "0") int page, CurrentUser caller, Model model) {
        model.addAttribute("overview", incidents.overview(caller, new PageRequest(page, PAGE_SIZE)));
        return VIEW;
    }

    @PostMapping("/admin/mail/{id}/retry")
    String retry(
            @PathVariable long id,
            @RequestParam(defaultValue = "0") int page,
            CurrentUser caller,
            RedirectAttributes redirect) {
        try {
            incidents.retry(id, caller);
            redirect.addFlashAttribute("flash", "flash.mail.retried");
        } catch (ConflictException alreadyQueued) {
            redirect.addFlashAttribute("flashError", problems.describe(alreadyQueued));
        }
        return "redirect:/admin/mail?page=" + page;
    }

    @PostMapping("/admin/mail/retry-failed")
    String retryAll(CurrentUser caller, RedirectAttributes redirect) {
        redirect.addFlashAttribute("retried", incidents.retryAll(caller));
        return "redirect:/admin/mail";
    }
}
