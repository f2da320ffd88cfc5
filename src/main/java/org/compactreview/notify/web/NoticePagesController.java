package org.compactreview.notify.web;

import java.util.Locale;
import org.compactreview.identity.CurrentUser;
import org.compactreview.notify.ShownNotice;
import org.compactreview.notify.UserNotices;
import org.compactreview.platform.Page;
import org.compactreview.platform.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The bell's list: the signed-in user's notices, newest first, 20 a page (the page in the URL);
 * opening one marks it read and goes to what it is about; all can be marked read at once. Every
 * signed-in user has one; nobody reaches another's notice (404).
 */
@Controller
class NoticePagesController {

    static final String LIST = "notify/list";
    static final int PAGE_SIZE = 20;

    private final UserNotices notices;

    NoticePagesController(UserNotices notices) {
        this.notices = notices;
    }

    @GetMapping("/notifications")
    String list(CurrentUser user, @RequestParam(defaultValue = "0") int page, Locale locale, Model model) {
        Page<ShownNotice> shown = notices.page(user, new PageRequest(page, PAGE_SIZE), locale);
        int pages = (int) Math.max(1, (shown.total() + PAGE_SIZE - 1) / PAGE_SIZE);
        if (page >= pages) {
            // A page past the end (notices marked read elsewhere do not shrink the list, but an old
            // bookmark may point past it): the last page rather than an empty one.
            return "redirect:/notifications?page=" + (pages - 1);
        }
        model.addAttribute("notices", shown);
        model.addAttribute("pages", pages);
        model.addAttribute("unread", notices.unread(user));
        model.addAttribute("previousLink", page > 0 ? "/notifications?page=" + (page - 1) : null);
        model.addAttribute("nextLink", page + 1 < pages ? "/notifications?page=" + (page + 1) : null);
        return LIST;
    }

    /** A GET, so that the bell's links work as plain links; it only marks the reader's own notice read. */
    @GetMapping("/notifications/{id}/open")
    String open(CurrentUser user, @PathVariable long id) {
        return "redirect:" + notices.open(user, id);
    }

    @PostMapping("/notifications/read-all")
    String readAll(CurrentUser user, RedirectAttributes redirect) {
        notices.markAllRead(user);
        redirect.addFlashAttribute("flash", "flash.notices.read-all");
        return "redirect:/notifications";
    }
}
