package org.compactreview.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.compactreview.audit.AuditLog;
import org.compactreview.platform.ConflictException;
import org.compactreview.platform.InvalidInputException;
import org.compactreview.platform.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal API tokens for scripts: a user names a token and its lifetime; the token is shown
 * once, and only its SHA-256 is stored (a token has 256 random bits, so a fast hash is enough:
 * there is nothing to guess from it). A token carries exactly its owner's rights at the time of
 * each call: disabling the owner or revoking the token stops it at the next call, on every node.
 */
@Service
public class ApiTokens {

    /** The authority every token-authenticated call carries besides the owner's roles. */
    public static final String TOKEN_AUTHORITY = "API_TOKEN";

    static final String PREFIX = "crt_";
    static final int DEFAULT_DAYS = 90;
    static final int MAX_DAYS = 366;
    static final int MAX_ACTIVE = 20;
    static final int MAX_NAME = 100;
    /** Last-used times are kept to the minute: a script's every call need not write a row. */
    private static final Duration USE_RESOLUTION = Duration.ofMinutes(1);

    private final ApiTokenRepository tokens;
    private final UserRepository users;
    private final AuditLog audit;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    ApiTokens(ApiTokenRepository tokens, UserRepository users, AuditLog audit, Clock clock) {
        this.tokens = tokens;
        this.users = users;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public IssuedToken create(CurrentUser owner, String name, Integer days) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty() || trimmed.length() > MAX_NAME || trimmed.indexOf('\0') >= 0) {
            throw new InvalidInputException("name", "validation.token.name", MAX_NAME);
        }
        int lifetime = days == null ? DEFAULT_DAYS : days;
        if (lifetime < 1 || lifetime > MAX_DAYS) {
            throw new InvalidInputException("expiresInDays", "validation.token.days", MAX_DAYS);
        }
        Instant now = clock.instant();
        if (tokens.countActive(owner.username(), now) >= MAX_ACTIVE) {
            throw new ConflictException("problem.token.too-many", MAX_ACTIVE);
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        ApiToken token =
                tokens.insert(owner.username(), trimmed, hash(secret), now, now.plus(Duration.ofDays(lifetime)));
        audit.record(
                "TOKEN_CREATED",
                "token",
                token.id(),
                null,
                Map.of("owner", owner.username(), "name", trimmed, "expiresAt", token.expiresAt()));
        return new IssuedToken(token, secret);
    }

    @Transactional(readOnly = true)
    public List<ApiToken> list(CurrentUser owner) {
        return tokens.list(owner.username());
    }

    @Transactional
    public ApiToken revoke(CurrentUser owner, long id) {
        ApiToken revoked = tokens.revoke(owner.username(), id, clock.instant())
                .orElseThrow(() -> new NotFoundException("token", id));
        audit.record("TOKEN_REVOKED", "token", id, null, Map.of("owner", owner.username(), "name", revoked.name()));
        return revoked;
    }

    /**
     * The user a presented token stands for, if it is active and its owner enabled; the first use
     * of a token is audited with the caller's address.
     */
    @Transactional
    public Optional<CurrentUser> authenticate(String secret, String address) {
        if (secret == null || !secret.startsWith(PREFIX) || secret.length() > 200) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Optional<ApiTokenRepository.Use> use = tokens.findActive(hash(secret), now);
        if (use.isEmpty()) {
            return Optional.empty();
        }
        ApiTokenRepository.Use found = use.get();
        if (found.lastUsedAt() == null) {
            if (tokens.markFirstUse(found.id(), now)) {
                audit.recordAs(
                        found.username(), "TOKEN_FIRST_USED", "token", found.id(), null, Map.of("address", address));
            }
        } else if (found.lastUsedAt().plus(USE_RESOLUTION).isBefore(now)) {
            tokens.markUse(found.id(), now);
        }
        return users.find(found.username()).map(AppUser::asCurrentUser);
    }

    static String hash(String secret) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
