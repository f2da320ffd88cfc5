package org.compactreview.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.compactreview.platform.LanguageChoices;
import org.compactreview.platform.UiLanguages;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The language of a request: the user's own choice (remembered in the session and in the user's
 * record, so it follows the user to any browser), else the browser's Accept-Language, else
 * English. API calls follow Accept-Language only, so that a client decides.
 */
class UserLocaleResolver implements LocaleResolver {

    /**
     * What Accept-Language is matched against: the UI languages by their bare language tag, so a
     * region or script ({@code zh-CN}, {@code zh-Hans}, {@code ru-RU}, {@code fr-CA}) falls back to
     * the language by RFC 4647 lookup.
     */
    static final List<Locale> SUPPORTED = UiLanguages.locales();

    private static final String SESSION_KEY = UserLocaleResolver.class.getName();
    private static final String RESOLVED_KEY = SESSION_KEY + ".RESOLVED";

    private final LanguageChoices users;

    UserLocaleResolver(LanguageChoices users) {
        this.users = users;
    }

    /**
     * Spring asks again each time a page reads the locale (every date, every message): the answer
     * is kept for the rest of the request, so the user's stored choice is read once.
     */
    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        if (request.getAttribute(RESOLVED_KEY) instanceof Locale resolved) {
            return resolved;
        }
        Locale resolved = resolve(request);
        request.setAttribute(RESOLVED_KEY, resolved);
        return resolved;
    }

    private Locale resolve(HttpServletRequest request) {
        if (!isApi(request)) {
            HttpSession session = request.getSession(false);
            if (session != null && session.getAttribute(SESSION_KEY) instanceof Locale chosen) {
                return chosen;
            }
            Optional<Locale> stored = storedChoice();
            if (stored.isPresent()) {
                if (session != null) {
                    session.setAttribute(SESSION_KEY, stored.get());
                }
                return stored.get();
            }
        }
        return fromHeader(request);
    }

    @Override
    public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        Locale supported = UiLanguages.of(locale).locale();
        request.getSession().setAttribute(SESSION_KEY, supported);
        request.setAttribute(RESOLVED_KEY, supported);
        // An update of no row when the name is no user of ours.
        signedInName().ifPresent(name -> users.rememberLanguage(name, supported.getLanguage()));
    }

    private Optional<Locale> storedChoice() {
        return signedInName()
                .flatMap(users::chosenLanguage)
                .filter(UiLanguages::isTag)
                .map(Locale::forLanguageTag);
    }

    /** The signed-in user's name; empty for anonymous visitors. */
    private static Optional<String> signedInName() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null
                || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            return Optional.empty();
        }
        return Optional.of(authentication.getName());
    }

    /** Whether the request is for the JSON API, whose callers get problem documents, not pages. */
    static boolean isApi(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }

    /**
     * The best supported language of the request's {@code Accept-Language}, English otherwise;
     * needs neither the session nor the database.
     */
    static Locale fromHeader(HttpServletRequest request) {
        String header = request.getHeader("Accept-Language");
        if (header == null || header.isBlank()) {
            return UiLanguages.DEFAULT.locale();
        }
        try {
            Locale best = Locale.lookup(Locale.LanguageRange.parse(header), SUPPORTED);
            return best == null ? UiLanguages.DEFAULT.locale() : best;
        } catch (IllegalArgumentException malformed) {
            return UiLanguages.DEFAULT.locale();
        }
    }
}
