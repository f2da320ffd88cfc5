package org.compactreview.discussion;

import org.compactreview.platform.ProblemException;

/**
 * An upload refused for what it is: larger than the limit ({@code too-large}, 413) or not one of
 * the accepted types by its content, or named as another type ({@code unsupported-type}, 415).
 */
public class AttachmentRefused extends ProblemException {

    private AttachmentRefused(String type, String messageCode, Object... arguments) {
        super(type, messageCode, arguments);
    }

    static AttachmentRefused tooLarge(long maxBytes) {
        return new AttachmentRefused("too-large", "problem.attachment.too-large", maxBytes / (1024 * 1024));
    }

    static AttachmentRefused unsupportedType(String filename) {
        return new AttachmentRefused(
                "unsupported-type",
                "problem.attachment.unsupported-type",
                filename == null ? "" : filename,
                AttachmentType.acceptedEndings());
    }
}
