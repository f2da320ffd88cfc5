package org.compactreview.notify;

import java.time.ZoneId;

/**
 * A user's choices about notices: how mail comes (at once or in a daily digest at
 * {@code digestHour} in their {@code timeZone}) and whether optional mails (reminders) come at
 * all. The bell shows every notice whatever the choice.
 */
public record NotificationSettings(Delivery delivery, boolean reminders, ZoneId timeZone, int digestHour) {

    public static final NotificationSettings DEFAULTS =
            new NotificationSettings(Delivery.IMMEDIATE, true, ZoneId.of("UTC"), 7);
}
