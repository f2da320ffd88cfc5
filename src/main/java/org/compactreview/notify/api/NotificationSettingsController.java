package org.compactreview.notify.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.compactreview.identity.CurrentUser;
import org.compactreview.notify.NotificationPreferences;
import org.compactreview.notify.PreferencesDraft;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in user's choices about mail: the same as the settings page. */
@RestController
@RequestMapping("/api/v1/me/notification-settings")
@Tag(name = "Identity", description = "The signed-in user; user administration (administrators)")
class NotificationSettingsController {

    private final NotificationPreferences preferences;

    NotificationSettingsController(NotificationPreferences preferences) {
        this.preferences = preferences;
    }

    @GetMapping
    @Operation(summary = "The caller's notification settings (the defaults until they change them)")
    PreferencesDraft get(CurrentUser user) {
        return PreferencesDraft.of(preferences.of(user));
    }

    @PutMapping
    @Operation(
            summary = "Replace the caller's notification settings",
            description = "Every field is required. Only reminders can be turned off: assignments, returns and "
                    + "escalations always come. Switching from DAILY_DIGEST to IMMEDIATE sends the held mails at "
                    + "once; turning reminders off drops the reminder mails not sent yet.")
    PreferencesDraft put(CurrentUser user, @RequestBody PreferencesDraft request) {
        return PreferencesDraft.of(preferences.update(user, request));
    }
}
