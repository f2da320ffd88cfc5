package org.compactreview.platform.web;

import org.springframework.stereotype.Component;

/**
 * Isolates a value inserted into a translated sentence by its own direction, so that an English
 * code inside an Arabic sentence (or an Arabic name inside an English one) neither reorders the
 * words around it nor is reordered by them. Templates call it as {@code ${@bidi.isolate(x)}}.
 *
 * <p>It wraps the value in U+2068 FIRST STRONG ISOLATE and U+2069 POP DIRECTIONAL ISOLATE, the
 * plain-text equivalent of {@code <bdi>}: unlike markup it also works where no element may go
 * (page titles, {@code <option>} texts, {@code aria-label}s) and keeps the sentence escaped by
 * {@code th:text}. Screen readers ignore the two characters.
 */
@Component("bidi")
public class Bidi {

    static final char FIRST_STRONG_ISOLATE = '\u2068';
    static final char POP_DIRECTIONAL_ISOLATE = '\u2069';

    /** The value isolated; nothing (the empty string) for none. */
    public String isolate(Object value) {
        if (value == null) {
            return "";
        }
        return FIRST_STRONG_ISOLATE + value.toString() + POP_DIRECTIONAL_ISOLATE;
    }
}
