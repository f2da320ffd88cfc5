package org.compactreview.platform;

/**
 * A failure the caller can understand and act on. It carries a stable problem type and a
 * message code resolved in the caller's language; never a stack trace.
 */
public abstract class ProblemException extends RuntimeException {

    private final String type;
    private final String messageCode;
    private final transient Object[] arguments;

    protected ProblemException(String type, String messageCode, Object... arguments) {
        super(messageCode);
        this.type = type;
        this.messageCode = messageCode;
        this.arguments = arguments;
    }

    public String type() {
        return type;
    }

    public String messageCode() {
        return messageCode;
    }

    public Object[] arguments() {
        return arguments.clone();
    }
}
