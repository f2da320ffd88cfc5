package org.compactreview.platform;

/**
 * The object does not exist or the caller may not know that it exists: both answer 404, so
 * that a focal point cannot probe another participant's ids.
 */
public class NotFoundException extends ProblemException {

    public NotFoundException(String objectType, Object id) {
        super("not-found", "problem.not-found", objectType, String.valueOf(id));
    }
}
