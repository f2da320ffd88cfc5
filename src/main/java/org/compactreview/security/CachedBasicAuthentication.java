package org.compactreview.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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
 * only in this process), so a repeated call costs a map lookup. Any change to a user (disabled,
 * roles, password) forgets that user's entries at once.
 */
class CachedBasicAuthentication implements AuthenticationProvider {

    private static final Duration TTL = Duration.ofSeconds(60);
    private static final int MAX_ENTRIES = 10_000;

    private final AuthenticationProvider delegate;
    private final SecretKeySpec key;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    CachedBasicAuthentication(AuthenticationProvider delegate) {
        this.delegate = delegate;
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
        Entry cached = entries.get(cacheKey);
        if (cached != null && cached.expires().isAfter(now)) {
            return cached.result();
        }
        Authentication result = delegate.authenticate(authentication);
        if (result != null && result.isAuthenticated()) {
            if (entries.size() >= MAX_ENTRIES) {
                entries.clear();
            }
            entries.put(cacheKey, new Entry(result, now.plus(TTL)));
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

    private record Entry(Authentication result, Instant expires) {}
}
