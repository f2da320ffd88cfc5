package org.compactreview.notify;

import java.time.Instant;

/**
 * A mail the relay gave up on after its last attempt, as an operator sees it: whose it was, when it
 * was given up, how often it was tried and why the last try failed (shortened). Never the mail's
 * content: the operator is not its reader.
 */
public record MailIncident(long id, String username, Instant failedAt, int attempts, String lastError) {

    /** How much of the server's last answer the operators' list shows. */
    static final int ERROR_SHOWN = 200;

    static String shorten(String error) {
        if (error == null || error.length() <= ERROR_SHOWN) {
            return error;
        }
        return error.substring(0, ERROR_SHOWN - 1) + "…";
    }
}
