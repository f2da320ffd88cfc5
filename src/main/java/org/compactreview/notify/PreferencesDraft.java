package org.compactreview.notify;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A user's choices as typed (the settings page's form, the API's body): every field as text or
 * null, so that a wrong value is answered field by field ({@link NotificationPreferences}) instead
 * of as a body that could not be read.
 */
public record PreferencesDraft(
        @Schema(
                        description = "IMMEDIATE (each mail at once) or DAILY_DIGEST (one mail a day at digestHour)",
                        allowableValues = {"IMMEDIATE", "DAILY_DIGEST"},
                        requiredMode = Schema.RequiredMode.REQUIRED)
                String delivery,
        @Schema(
                        description = "Whether reminder mails come; assignments, returns and escalations always do",
                        requiredMode = Schema.RequiredMode.REQUIRED)
                Boolean reminders,
        @Schema(
                        description = "An IANA time zone (java.time ZoneId) for the digest hour and the dates in mails",
                        example = "Asia/Tokyo",
                        requiredMode = Schema.RequiredMode.REQUIRED)
                String timeZone,
        @Schema(
                        description = "The hour of the day (0-23, in timeZone) the daily digest is sent",
                        minimum = "0",
                        maximum = "23",
                        requiredMode = Schema.RequiredMode.REQUIRED)
                Integer digestHour) {

    /** The settings as the API shows them. */
    public static PreferencesDraft of(NotificationSettings settings) {
        return new PreferencesDraft(
                settings.delivery().name(),
                settings.reminders(),
                settings.timeZone().getId(),
                settings.digestHour());
    }
}
