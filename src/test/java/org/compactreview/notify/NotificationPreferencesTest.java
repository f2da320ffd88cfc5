package org.compactreview.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.ZoneId;
import org.compactreview.platform.InvalidInputException;
import org.junit.jupiter.api.Test;

/** The rules of the settings: every wrong field named at once; only known zones and hours of a day. */
class NotificationPreferencesTest {

    @Test
    void aRightDraftBecomesSettings() {
        assertThat(NotificationPreferences.validate(new PreferencesDraft("DAILY_DIGEST", false, "Pacific/Auckland", 0)))
                .isEqualTo(new NotificationSettings(Delivery.DAILY_DIGEST, false, ZoneId.of("Pacific/Auckland"), 0));
        assertThat(NotificationPreferences.validate(new PreferencesDraft("IMMEDIATE", true, "UTC", 23))
                        .digestHour())
                .isEqualTo(23);
    }

    @Test
    void everyWrongFieldIsNamed() {
        InvalidInputException refused = catchThrowableOfType(
                InvalidInputException.class,
                () -> NotificationPreferences.validate(new PreferencesDraft("WEEKLY", null, "Mars/Olympus", 24)));
        assertThat(refused.fieldProblems())
                .extracting(InvalidInputException.FieldProblem::field)
                .containsExactly("delivery", "reminders", "timeZone", "digestHour");
        assertThat(catchThrowableOfType(
                                InvalidInputException.class,
                                () -> NotificationPreferences.validate(new PreferencesDraft(null, true, null, -1)))
                        .fieldProblems())
                .extracting(InvalidInputException.FieldProblem::field)
                .containsExactly("delivery", "timeZone", "digestHour");
    }

    @Test
    void onlyRemindersCanBeTurnedOff() {
        assertThat(NotificationPreferences.optionalKinds()).containsExactly("DUE_REMINDER");
    }
}
