package org.compactreview.identity;

import java.time.Instant;

/** A personal API token as its owner sees it: never the token itself, which is shown only once. */
public record ApiToken(
        long id, String name, Instant createdAt, Instant expiresAt, Instant lastUsedAt, Instant revokedAt) {

    public boolean activeAt(Instant now) {
        return revokedAt == null && expiresAt.isAfter(now);
    }
}
