package org.compactreview.platform;

/** The request is valid but the object's state does not allow it (answered with 409). */
public class ConflictException extends ProblemException {

    public ConflictException(String messageCode, Object... arguments) {
        super("conflict", messageCode, arguments);
    }
}
