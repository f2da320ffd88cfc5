package org.compactreview.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing: after 5 wrong passwords for a username within 15 minutes, that
 * username cannot sign in for 15 minutes, whatever password is given. The answer stays the same
 * generic failure as for a wrong password, so it tells an attacker nothing about which usernames
 * exist. Per node; wall-clock time.
 */
@Component
class SignInThrottle {

    static final int MAX_FAILURES = 5;
    static final Duration WINDOW = Duration.ofMinutes(15);

    private final Map<String, Failures> failures = new ConcurrentHashMap<>();
    private final Clock clock = Clock.systemUTC();

    boolean blocked(String username) {
        Failures f = failures.get(key(username));
        return f != null && f.count() >= MAX_FAILURES && f.since().plus(WINDOW).isAfter(clock.instant());
    }

    /** Guessing with many made-up usernames must not fill the memory. */
    static final int MAX_TRACKED = 50_000;

    @EventListener
    void failed(AuthenticationFailureBadCredentialsEvent event) {
        Instant now = clock.instant();
        if (failures.size() >= MAX_TRACKED) {
            failures.values().removeIf(f -> f.since().plus(WINDOW).isBefore(now));
            if (failures.size() >= MAX_TRACKED) {
                failures.clear();
            }
        }
        failures.compute(
                key(event.getAuthentication().getName()),
                (k, f) -> f == null || f.since().plus(WINDOW).isBefore(now)
                        ? new Failures(1, now)
                        : new Failures(f.count() + 1, f.since()));
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        failures.remove(key(event.getAuthentication().getName()));
    }

    private static String key(String username) {
        return username == null ? "" : username.trim().toLowerCase();
    }

    private record Failures(int count, Instant since) {}
}
