package org.compactreview.notify.web;

import org.compactreview.notify.NotificationPreferences;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The unsubscribe link of optional mails (reminders), open without signing in: the token in the
 * link is the key (security/SecurityConfiguration permits exactly this path, and takes its post
 * without a form token, since a mail client's RFC 8058 one-click post carries none). The link
 * only asks ("Stop reminder mails?"): a mail scanner that follows links changes nothing; the
 * button or the one-click post turns reminders off. An unknown token is the 404 page.
 */
@Controller
class UnsubscribePagesController {

    static final String PAGE = "notify/unsubscribe";

    private final NotificationPreferences preferences;

    UnsubscribePagesController(NotificationPreferences preferences) {
        this.preferences = preferences;
    }

    @GetMapping("/notifications/unsubscribe/{token}")
    String ask(@PathVariable String token, Model model) {
        preferences.holderOf(token);
        model.addAttribute("token", token);
        model.addAttribute("done", false);
        return PAGE;
    }

    @PostMapping("/notifications/unsubscribe/{token}")
    @ResponseStatus(HttpStatus.OK)
    String unsubscribe(@PathVariable String token, Model model) {
        preferences.unsubscribe(token);
        model.addAttribute("token", token);
        model.addAttribute("done", true);
        return PAGE;
    }
}
