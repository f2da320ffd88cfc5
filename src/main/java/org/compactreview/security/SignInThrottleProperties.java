package org.compactreview.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits of the sign-in throttle (docs/reliability.md, "Sign-in throttle"): failed sign-ins allowed
 * per username from one client address, and per client address over all usernames, within a
 * window; past either, that pair or that address waits for the window's end.
 */
@ConfigurationProperties("compact-review.security.sign-in")
record SignInThrottleProperties(
        @DefaultValue("5") int accountFailures,
        @DefaultValue("20") int clientFailures,
        @DefaultValue("PT15M") Duration window) {}
