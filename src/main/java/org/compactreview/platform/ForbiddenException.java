package org.compactreview.platform;

/** A step the caller's role does not allow, with the reason in the caller's words (answered with 403). */
public class ForbiddenException extends ProblemException {

    public ForbiddenException(String messageCode, Object... arguments) {
        super("forbidden", messageCode, arguments);
    }
}
