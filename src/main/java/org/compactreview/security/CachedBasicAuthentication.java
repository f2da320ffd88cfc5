package org.compactreview.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.compactreview.identity.UserChanged;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

/**
 * HTTP Basic sends the password with every API call, and BCrypt is slow by design (about 70 ms
 * here): checked on every call, it would dominate every API answer. A successful check is
 * remembered for a minute under the username and an HMAC of the password (with a key that lives
 * only in this process), so a repeated call costs a map lookup and one indexed read of the user's
 * security stamp. The stamp is raised by any change of the user's access (disabled, roles,
 * participants, password) on whichever node it is made, so a remembered check stops counting at
 * once on every node.
 */
class CachedBasicAuthentication implements AuthenticationProvider {

    private static final Duration TTL = Duration.ofSeconds(60);
    private static final int MAX_ENTRIES = 10_000;

    private final AuthenticationProvider delegate;
    private final Function<String, Optional<Long>> stamps;
    private final SecretKeySpec key;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    CachedBasicAuthentication(AuthenticationProvider delegate, Function<String, Optional<Long>> stamps) {
        this.delegate = delegate;
        this.stamps = stamps;
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String password = String.valueOf(authentication.getCredentials());
        String cacheKey = authentication.getName() + ":" + hmac(password);
        // Wall-clock time, not the engine clock: tests move the engine clock years ahead.
        Instant now = Instant.now(Clock.systemUTC());
        // Read before the password check: a change committed in between makes the entry stale, never wrong.
        Optional<Long> stamp = stamps.apply(authentication.getName());
        Entry cached = entries.get(cacheKey);
        if (cached != null && cached.expires().isAfter(now) && stamp.isPresent() && cached.stamp() == stamp.get()) {
            return cached.result();
        }
        entries.remove(cacheKey);
        Authentication result = delegate.authenticate(authentication);
        if (result != null && result.isAuthenticated() && stamp.isPresent()) {
            if (entries.size() >= MAX_ENTRIES) {
                entries.clear();
            }
            entries.put(cacheKey, new Entry(result, stamp.get(), now.plus(TTL)));
        }
        return result;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    @EventListener
    void forget(UserChanged changed) {
        entries.keySet().removeIf(k -> k.startsWith(changed.username() + ":"));
    }

    private String hmac(String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return Base64.getEncoder().encodeToString(mac.doFinal(password.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Entry(Authentication result, long stamp, Instant expires) {}
}
