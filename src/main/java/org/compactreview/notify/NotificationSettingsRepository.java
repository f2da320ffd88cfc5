package org.compactreview.notify;

import java.security.SecureRandom;
import java.time.ZoneId;
import java.util.Base64;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class NotificationSettingsRepository {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;

    NotificationSettingsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The user's choices, or the defaults when they made none. */
    NotificationSettings find(String username) {
        return jdbc.sql(
                        "select delivery, reminders, time_zone, digest_hour from notification_settings where username = ?")
                .param(username)
                .query((rs, n) -> new NotificationSettings(
                        Delivery.valueOf(rs.getString("delivery")),
                        rs.getBoolean("reminders"),
                        ZoneId.of(rs.getString("time_zone")),
                        rs.getInt("digest_hour")))
                .optional()
                .orElse(NotificationSettings.DEFAULTS);
    }

    /** The token of the user's unsubscribe link, made on first use. */
    String unsubscribeToken(String username) {
        Optional<String> existing = jdbc.sql(
                        "select unsubscribe_token from notification_settings where username = ? and unsubscribe_token is not null")
                .param(username)
                .query(String.class)
                .optional();
        if (existing.isPresent()) {
            return existing.get();
        }
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        jdbc.sql(
                        """
                        insert into notification_settings (username, unsubscribe_token) values (?, ?)
                        on conflict (username) do update set unsubscribe_token =
                            coalesce(notification_settings.unsubscribe_token, excluded.unsubscribe_token)
                        """)
                .params(username, token)
                .update();
        return jdbc.sql("select unsubscribe_token from notification_settings where username = ?")
                .param(username)
                .query(String.class)
                .single();
    }
}
