package org.compactreview.security;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Slows password guessing without letting anyone lock a user out (OWASP ASVS 5.0 6.3.1, the OWASP
 * authentication cheat sheet). Failed sign-ins are counted twice, in PostgreSQL so that every node
 * sees the same counts:
 *
 * <ul>
 *   <li>per username and client address ({@code ACCOUNT}): after 5 failures within 15 minutes
 *       that client waits for the rest of the window before trying that username again; the real
 *       user, from their own address, is not affected by guesses from elsewhere;
 *   <li>per client address over all usernames ({@code CLIENT}): after 20 failures within 15
 *       minutes that address may not sign in at all until the window ends, which stops spraying
 *       one password over many usernames.
 * </ul>
 *
 * A successful sign-in clears its username-and-address count, never the address's count (or one
 * valid account would reset a sprayer's budget). Unknown usernames count like known ones, and the
 * answer is the same, so the throttle tells nobody which usernames exist. The client address is
 * the connection's, or the one in {@code X-Forwarded-For} only when the connection comes from a
 * trusted proxy ({@code server.tomcat.remoteip.internal-proxies}, README "Security").
 */
@Component
class SignInThrottle {

    enum Scope {
        ACCOUNT,
        CLIENT
    }

    /** What one failure did: the counts after it, and whether it began a wait. */
    record Failure(int accountFailures, int clientFailures, boolean accountBlocked, boolean clientBlocked) {}

    private static final String COUNT =
            """
            insert into sign_in_throttle (scope, throttle_key, failures, window_start) values (?, ?, 1, ?)
            on conflict (scope, throttle_key) do update set
                failures = case when sign_in_throttle.window_start <= ? then 1 else sign_in_throttle.failures + 1 end,
                window_start = case when sign_in_throttle.window_start <= ? then excluded.window_start
                                    else sign_in_throttle.window_start end
            returning failures
            """;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final SignInThrottleProperties limits;
    private final AtomicLong failuresSinceCleanUp = new AtomicLong();

    SignInThrottle(JdbcClient jdbc, Clock clock, SignInThrottleProperties limits) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.limits = limits;
    }

    /** How long this client must wait before it may try this username again; empty if it may now. */
    Optional<Duration> wait(String username, String address) {
        Instant now = clock.instant();
        Timestamp windowOpen = Timestamp.from(now.minus(limits.window()));
        return jdbc.sql(
                        """
                        select window_start from sign_in_throttle
                        where window_start > ?
                          and ((scope = 'ACCOUNT' and throttle_key = ? and failures >= ?)
                            or (scope = 'CLIENT' and throttle_key = ? and failures >= ?))
                        order by window_start desc limit 1
                        """)
                .params(
                        windowOpen,
                        accountKey(username, address),
                        limits.accountFailures(),
                        address,
                        limits.clientFailures())
                .query(Timestamp.class)
                .optional()
                .map(start -> Duration.between(now, start.toInstant().plus(limits.window())));
    }

    Failure failed(String username, String address) {
        Instant now = clock.instant();
        int account = count(Scope.ACCOUNT, accountKey(username, address), now);
        int client = count(Scope.CLIENT, address, now);
        if (failuresSinceCleanUp.incrementAndGet() % 100 == 0) {
            jdbc.sql("delete from sign_in_throttle where window_start <= ?")
                    .param(Timestamp.from(now.minus(limits.window())))
                    .update();
        }
        return new Failure(account, client, account == limits.accountFailures(), client == limits.clientFailures());
    }

    void succeeded(String username, String address) {
        jdbc.sql("delete from sign_in_throttle where scope = 'ACCOUNT' and throttle_key = ?")
                .param(accountKey(username, address))
                .update();
    }

    private int count(Scope scope, String key, Instant now) {
        Timestamp windowOpen = Timestamp.from(now.minus(limits.window()));
        return jdbc.sql(COUNT)
                .params(scope.name(), key, Timestamp.from(now), windowOpen, windowOpen)
                .query(Integer.class)
                .single();
    }

    private static String accountKey(String username, String address) {
        String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        if (name.length() > 200) {
            name = name.substring(0, 200);
        }
        return name + "|" + address;
    }
}
