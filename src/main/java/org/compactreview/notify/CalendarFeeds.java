package org.compactreview.notify;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.compactreview.audit.AuditLog;
import org.compactreview.audit.AuditObjectType;
import org.compactreview.identity.AppUser;
import org.compactreview.identity.CurrentUser;
import org.compactreview.identity.UserDirectory;
import org.compactreview.platform.ConflictException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each user's personal calendar feed (docs/calendar-feed.md). Calendar apps cannot sign in, so the
 * feed's address holds a secret token: 32 random bytes, URL-safe base64. Only the token's SHA-256
 * is stored (256 random bits leave nothing to guess from a fast hash), it is shown once, on the
 * answer that created or rotated it, and rotating replaces it: the old address stops at once. A
 * feed is read as its owner at the moment of the request: a disabled owner's feed answers nothing,
 * and what the owner may no longer see is gone from the next fetch.
 */
@Service
public class CalendarFeeds {

    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");

    private final CalendarFeedRepository feeds;
    private final CalendarEvents events;
    private final CalendarRevisions revisions;
    private final UserDirectory users;
    private final AuditLog audit;
    private final MessageSource messages;
    private final Clock clock;
    private final String baseUrl;
    private final SecureRandom random = new SecureRandom();

    CalendarFeeds(
            CalendarFeedRepository feeds,
            CalendarEvents events,
            CalendarRevisions revisions,
            UserDirectory users,
            AuditLog audit,
            MessageSource messages,
            Clock clock,
            @Value("${compact-review.base-url:http://localhost:8080}") String baseUrl) {
        this.feeds = feeds;
        this.events = events;
        this.revisions = revisions;
        this.users = users;
        this.audit = audit;
        this.messages = messages;
        this.clock = clock;
        this.baseUrl = withoutTrailingSlash(baseUrl);
    }

    @Transactional(readOnly = true)
    public Optional<CalendarFeed> find(CurrentUser user) {
        return feeds.find(user.username());
    }

    @Transactional
    public CalendarFeedAddress create(CurrentUser user) {
        String token = newToken();
        if (!feeds.insert(user.username(), hash(token), clock.instant())) {
            throw new ConflictException("problem.calendar.exists");
        }
        CalendarFeed feed = feeds.find(user.username()).orElseThrow();
        audit.record("CALENDAR_FEED_CREATED", type(), user.username(), null, dates(feed));
        return new CalendarFeedAddress(feed, url(token));
    }

    /** A new token for the user's feed: the old address answers 404 from this commit on. */
    @Transactional
    public CalendarFeedAddress rotate(CurrentUser user) {
        CalendarFeed before =
                feeds.find(user.username()).orElseThrow(() -> new ConflictException("problem.calendar.none"));
        String token = newToken();
        feeds.rotate(user.username(), hash(token), clock.instant());
        CalendarFeed after = feeds.find(user.username()).orElseThrow();
        audit.record("CALENDAR_FEED_ROTATED", type(), user.username(), dates(before), dates(after));
        return new CalendarFeedAddress(after, url(token));
    }

    /** Turns the feed off; turning off a feed that is off already changes nothing. */
    @Transactional
    public void turnOff(CurrentUser user) {
        feeds.delete(user.username())
                .ifPresent(before ->
                        audit.record("CALENDAR_FEED_TURNED_OFF", type(), user.username(), dates(before), null));
    }

    /**
     * The iCalendar document of the feed with this token, or nothing when no enabled user has a
     * feed with it (unknown, rotated, turned off): the caller answers 404 without saying which.
     */
    public Optional<String> document(String token) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            return Optional.empty();
        }
        String hash = hash(token);
        Optional<AppUser> owner = feeds.findByHash(hash)
                .filter(match -> MessageDigest.isEqual(
                        match.tokenHash().getBytes(StandardCharsets.US_ASCII),
                        hash.getBytes(StandardCharsets.US_ASCII)))
                .flatMap(match -> users.find(match.username()))
                .filter(AppUser::enabled);
        if (owner.isEmpty()) {
            return Optional.empty();
        }
        AppUser user = owner.get();
        Locale locale = user.locale() == null || user.locale().isBlank()
                ? Locale.ENGLISH
                : Locale.forLanguageTag(user.locale());
        Instant now = clock.instant();
        List<CalendarEvent> list = events.of(user.asCurrentUser(), locale);
        Map<String, CalendarWriter.Revision> stamped = revisions.stamp(list, now);
        String name = messages.getMessage("calendar.feed.name", new Object[] {user.displayName()}, locale);
        return Optional.of(CalendarWriter.write(name, list, stamped, now));
    }

    private String url(String token) {
        return baseUrl + "/calendar/" + token + ".ics";
    }

    private String newToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String withoutTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static String type() {
        return AuditObjectType.CALENDAR_FEED.code();
    }

    /** What the audit trail keeps of a feed: its dates, never its token or the token's hash. */
    private static Map<String, Object> dates(CalendarFeed feed) {
        Map<String, Object> dates = new LinkedHashMap<>();
        dates.put("createdAt", feed.createdAt());
        dates.put("rotatedAt", feed.rotatedAt());
        return dates;
    }
}
