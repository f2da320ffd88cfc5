package org.compactreview.notify;

import java.security.SecureRandom;
import java.time.Instant;
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

    /**
     * The user's row, made with the defaults if they had none, locked until the transaction ends:
     * a change of settings and a digest run for the same user wait for each other.
     */
    NotificationSettings lock(String username) {
        jdbc.sql("insert into notification_settings (username) values (?) on conflict (username) do nothing")
                .param(username)
                .update();
        return jdbc.sql(
                        "select delivery, reminders, time_zone, digest_hour from notification_settings where username = ? for update")
                .param(username)
                .query((rs, n) -> new NotificationSettings(
                        Delivery.valueOf(rs.getString("delivery")),
                        rs.getBoolean("reminders"),
                        ZoneId.of(rs.getString("time_zone")),
                        rs.getInt("digest_hour")))
                .single();
    }

    /** Stores the user's choices (the row exists: {@link #lock(String)}). */
    void save(String username, NotificationSettings settings, Instant now) {
        jdbc.sql(
                        """
                        update notification_settings
                        set delivery = ?, reminders = ?, time_zone = ?, digest_hour = ?, updated_at = ?
                        where username = ?
                        """)
                .params(
                        settings.delivery().name(),
                        settings.reminders(),
                        settings.timeZone().getId(),
                        settings.digestHour(),
                        NoticeRepository.ts(now),
                        username)
                .update();
    }

    /** Whose unsubscribe link carries this token. */
    Optional<String> ownerOfToken(String token) {
        if (token == null || token.isBlank() || token.length() > 64) {
            return Optional.empty();
        }
        return jdbc.sql("select username from notification_settings where unsubscribe_token = ?")
                .param(token)
                .query(String.class)
                .optional();
    }
}
