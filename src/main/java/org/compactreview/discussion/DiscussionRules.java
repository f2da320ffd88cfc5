package org.compactreview.discussion;

import java.text.Normalizer;
import java.util.Locale;
import org.compactreview.platform.InvalidInputException;

/**
 * The rules of what people write and upload: comments and posts of 1-2,000 characters of plain
 * text (line breaks and tabs allowed; NUL, other control characters and the bidi overrides that
 * disguise text refused), reasons of at most 1,000, and file names reduced to a safe last segment.
 */
final class DiscussionRules {

    static final int MAX_TEXT = 2000;
    static final int MAX_REASON = 1000;
    static final int MAX_FILENAME = 160;

    private DiscussionRules() {}

    /** The text as stored (stripped), or a refusal naming the field. */
    static String text(String field, String text, int max) {
        String stripped = text == null ? "" : text.strip();
        if (stripped.isEmpty()) {
            throw new InvalidInputException(field, "validation.discussion.text-required");
        }
        if (stripped.length() > max) {
            throw new InvalidInputException(field, "validation.discussion.text-too-long", max);
        }
        if (stripped.chars().anyMatch(DiscussionRules::forbidden)) {
            throw new InvalidInputException(field, "validation.discussion.control-characters");
        }
        return stripped;
    }

    private static boolean forbidden(int c) {
        return (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')
                || Character.getType(c) == Character.FORMAT && (c == 0x202e || c == 0x202d);
    }

    /**
     * A file name as it may be stored and sent back in {@code Content-Disposition}: its last path
     * segment, NFC, without control characters, quotes, slashes or characters that Windows refuses,
     * without leading dots, at most {@value #MAX_FILENAME} characters with its ending kept. A name
     * that nothing is left of becomes {@code attachment.<ending of its type>}.
     */
    static String filename(String original, AttachmentType type) {
        String name = original == null ? "" : original;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = Normalizer.normalize(name, Normalizer.Form.NFC);
        StringBuilder kept = new StringBuilder();
        name.codePoints()
                .filter(c -> !Character.isISOControl(c) && Character.getType(c) != Character.FORMAT)
                .filter(c -> "<>:\"/\\|?*;%".indexOf(c) < 0)
                .forEach(kept::appendCodePoint);
        name = kept.toString().strip().replaceAll("^[.\\s]+", "").replaceAll("\\s+", " ");
        if (!type.named(name)) {
            name = (name.isEmpty() ? "attachment" : name) + "."
                    + type.extensions().get(0);
        }
        if (name.length() > MAX_FILENAME) {
            String ending = name.substring(name.lastIndexOf('.'));
            name = name.substring(0, MAX_FILENAME - ending.length()) + ending;
        }
        if (name.startsWith(".")) {
            name = "attachment" + name;
        }
        return name;
    }

    /** The ending of a name as sent, in lower case ("" when there is none), for the messages. */
    static String ending(String original) {
        if (original == null) {
            return "";
        }
        int dot = original.lastIndexOf('.');
        return dot < 0 ? "" : original.substring(dot).toLowerCase(Locale.ROOT);
    }
}
