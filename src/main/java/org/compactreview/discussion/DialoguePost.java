package org.compactreview.discussion;

import java.time.Instant;

/**
 * A post of the continuous dialogue. A hidden post keeps its text for its author and the
 * secretariat; everyone else gets {@code text} null and sees the reason it was hidden.
 */
public record DialoguePost(
        long id,
        long cycleId,
        int objective,
        String author,
        boolean bySecretariat,
        String text,
        Instant createdAt,
        boolean hidden,
        String hiddenBy,
        Instant hiddenAt,
        String hiddenReason) {}
