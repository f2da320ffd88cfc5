package org.compactreview.audit;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The kinds of object the audit trail records changes of, with the code stored in each record. */
public enum AuditObjectType {
    CYCLE("cycle"),
    REPORT("report"),
    TASK("task"),
    CAPACITY_REQUEST("capacity-request"),
    USER("user"),
    /** A personal API token: created, first used, revoked. */
    TOKEN("token"),
    /** A client address the sign-in throttle stopped. */
    ADDRESS("address"),
    /** A post of the continuous dialogue: posted, hidden by the secretariat. */
    DIALOGUE_POST("dialogue-post"),
    /** A participant (by its code): its benchmarking profile exported. */
    PARTICIPANT("participant"),
    /** A user's personal calendar feed (by username): created, rotated, turned off. */
    CALENDAR_FEED("calendar-feed"),
    /** A user's choices about notices and mail (by username): changed, reminders unsubscribed. */
    NOTIFICATION_SETTINGS("notification-settings"),
    /** A mail of the outbox (by its id): an incident sent again by an administrator (issue 15). */
    MAIL("mail");

    private final String code;

    AuditObjectType(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** In any case, with {@code -} or {@code _}: {@code report}, {@code REPORT}, {@code CAPACITY_REQUEST}. */
    public static Optional<AuditObjectType> parse(String value) {
        String code = value.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        return Arrays.stream(values()).filter(type -> type.code.equals(code)).findFirst();
    }
}
