package org.compactreview.security;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.compactreview.platform.DatabaseUnavailable;
import org.compactreview.platform.ProblemWriter;
import org.compactreview.platform.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

/**
 * 401 and 403 for API callers as problem documents in the caller's language; 503 when the
 * password could not be checked because the database is out of reach.
 */
@Component
class ProblemSecurityHandlers implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final ProblemWriter problemWriter;
    private final Problems problems;
    private final LocaleResolver locales;

    ProblemSecurityHandlers(ProblemWriter problemWriter, Problems problems, LocaleResolver locales) {
        this.problemWriter = problemWriter;
        this.problems = problems;
        this.locales = locales;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException, ServletException {
        if (DatabaseUnavailable.causedBy(e)) {
            // The password could not be checked: not a failed sign-in, a moment without a database,
            // which DatabaseUnavailableFilter answers.
            throw new ServletException("The password could not be checked", e);
        }
        response.setHeader("WWW-Authenticate", "Basic realm=\"Compact Review\"");
        write(request, response, HttpStatus.UNAUTHORIZED, "unauthenticated");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        write(request, response, HttpStatus.FORBIDDEN, "forbidden");
    }

    /** An unknown, expired or revoked API token, or one whose owner is disabled. */
    void invalidToken(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("WWW-Authenticate", "Bearer realm=\"Compact Review\", error=\"invalid_token\"");
        write(request, response, HttpStatus.UNAUTHORIZED, "invalid-token");
    }

    /** The sign-in throttle says this client must wait before it tries this username again. */
    void tooManySignIns(HttpServletRequest request, HttpServletResponse response, Duration wait) throws IOException {
        long seconds = Math.max(1, wait.toSeconds());
        response.setHeader("Retry-After", String.valueOf(seconds));
        problemWriter.write(
                response,
                problems.create(
                        HttpStatus.TOO_MANY_REQUESTS,
                        "too-many-sign-ins",
                        locales.resolveLocale(request),
                        "problem.too-many-sign-ins",
                        (seconds + 59) / 60));
    }

    private void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String type)
            throws IOException {
        problemWriter.write(response, problems.create(status, type, locales.resolveLocale(request), "problem." + type));
    }
}
