package org.compactreview.discussion.web;

import org.compactreview.identity.AppUser;
import org.compactreview.identity.CurrentUser;
import org.compactreview.identity.UserDirectory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The signed-in user for the fragments that other modules' pages include (their controllers do
 * not hand it over): read once per request from the directory by the authenticated name.
 */
@Component
class Viewer {

    private static final String ATTRIBUTE = Viewer.class.getName();

    private final UserDirectory users;

    Viewer(UserDirectory users) {
        this.users = users;
    }

    CurrentUser current() {
        RequestAttributes request = RequestContextHolder.currentRequestAttributes();
        Object cached = request.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        if (cached instanceof CurrentUser user) {
            return user;
        }
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()) {
            throw new org.springframework.security.access.AccessDeniedException("not signed in");
        }
        CurrentUser user = users.find(authentication.getName())
                .filter(AppUser::enabled)
                .map(AppUser::asCurrentUser)
                .orElseThrow(() -> new org.springframework.security.access.AccessDeniedException("unknown user"));
        request.setAttribute(ATTRIBUTE, user, RequestAttributes.SCOPE_REQUEST);
        return user;
    }

    /** A value computed once per request (a fragment included once per objective asks 23 times). */
    @SuppressWarnings("unchecked")
    <T> T once(String key, java.util.function.Supplier<T> compute) {
        RequestAttributes request = RequestContextHolder.currentRequestAttributes();
        String name = ATTRIBUTE + "." + key;
        Object cached = request.getAttribute(name, RequestAttributes.SCOPE_REQUEST);
        if (cached == null) {
            cached = compute.get();
            request.setAttribute(name, cached, RequestAttributes.SCOPE_REQUEST);
        }
        return (T) cached;
    }
}
