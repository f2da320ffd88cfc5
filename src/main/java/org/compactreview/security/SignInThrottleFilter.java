package org.compactreview.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a sign-in that the throttle says must wait, before its password is checked: a form
 * sign-in goes back to the sign-in page saying how long to wait; an API call with HTTP Basic gets
 * 429 with {@code Retry-After}. Either way the answer is the same for known and unknown usernames.
 */
final class SignInThrottleFilter extends OncePerRequestFilter {

    private static final String BASIC = "Basic ";
    private static final RequestMatcher FORM_SIGN_IN =
            PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/login");

    private final SignInThrottle throttle;
    private final ProblemSecurityHandlers problems;

    SignInThrottleFilter(SignInThrottle throttle, ProblemSecurityHandlers problems) {
        this.throttle = throttle;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean form = FORM_SIGN_IN.matches(request);
        String username = form ? request.getParameter("username") : basicUsername(request);
        if (username != null) {
            Optional<Duration> wait = throttle.wait(username, ClientAddress.of(request));
            if (wait.isPresent()) {
                long minutes = Math.max(1, (wait.get().toSeconds() + 59) / 60);
                if (form) {
                    response.sendRedirect(request.getContextPath() + "/login?throttled=" + minutes);
                } else {
                    problems.tooManySignIns(request, response, wait.get());
                }
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private static String basicUsername(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BASIC, 0, BASIC.length())) {
            return null;
        }
        try {
            String decoded = new String(
                    Base64.getDecoder().decode(header.substring(BASIC.length()).strip()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? null : decoded.substring(0, colon);
        } catch (IllegalArgumentException e) {
            return null; // Spring Security's Basic filter answers a malformed header itself.
        }
    }
}
