package org.compactreview.notify.web;

import org.compactreview.notify.Notifications;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * {@code ${@notices.unread()}} in the layout's top bar: the signed-in user's unread notices. It
 * runs on every page a signed-in user sees, so it is one count on the partial index {@code
 * notice_unread}, asked only when the bar is rendered (not for redirects or API calls), and
 * nothing for a visitor who is not signed in. A page must not fail for its badge: when the
 * database does not answer, the bell shows no count (the page itself reports the outage if it
 * needs the database).
 */
@Component("notices")
public class NoticeBell {

    private static final Logger log = LoggerFactory.getLogger(NoticeBell.class);

    private final Notifications notifications;

    NoticeBell(Notifications notifications) {
        this.notifications = notifications;
    }

    public int unread() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null
                || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            return 0;
        }
        try {
            return notifications.unread(authentication.getName());
        } catch (DataAccessException unavailable) {
            log.debug("The bell's count is not available: {}", unavailable.getMessage());
            return 0;
        }
    }
}
