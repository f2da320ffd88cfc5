package org.compactreview.notify;

import java.time.Clock;
import java.time.ZoneId;
import java.util.Locale;
import java.util.regex.Pattern;
import org.compactreview.identity.CurrentUser;
import org.compactreview.platform.DateTexts;
import org.compactreview.platform.NotFoundException;
import org.compactreview.platform.Page;
import org.compactreview.platform.PageRequest;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The signed-in user's own notices: the bell's count, the list, opening one (which marks it read)
 * and marking all read. Nobody reaches another's notice: its id answers 404 like one that does
 * not exist. Reading is the reader's own state, not a change of the review's data, so it is not
 * written to the audit trail (the notice keeps its first reading time).
 */
@Service
public class UserNotices {

    /** Where a notice without a usable link opens: the inbox, as in the mails. */
    public static final String FALLBACK_LINK = "/inbox";

    /**
     * An app path: a slash followed by anything but a slash or a backslash (which browsers read as
     * another host: {@code //evil.example}, {@code /\evil.example}), in URL characters only (no
     * spaces, no line breaks that could split a header).
     */
    private static final Pattern APP_PATH =
            Pattern.compile("/[A-Za-z0-9._~%!$&'()*+,;=:@?#-][A-Za-z0-9._~%!$&'()*+,;=:@?#/-]*");

    private final NoticeRepository notices;
    private final NotificationSettingsRepository settings;
    private final NoticeTexts texts;
    private final MessageSource messages;
    private final Clock clock;

    UserNotices(
            NoticeRepository notices,
            NotificationSettingsRepository settings,
            NoticeTexts texts,
            MessageSource messages,
            Clock clock) {
        this.notices = notices;
        this.settings = settings;
        this.texts = texts;
        this.messages = messages;
        this.clock = clock;
    }

    /** The bell's count: one count on the partial index {@code notice_unread}. */
    @Transactional(readOnly = true)
    public int unread(CurrentUser user) {
        return notices.unread(user.username());
    }

    /** One page of the user's notices, newest first, in the reader's language and time zone. */
    @Transactional(readOnly = true)
    public Page<ShownNotice> page(CurrentUser user, PageRequest page, Locale locale) {
        ZoneId zone = settings.find(user.username()).timeZone();
        DateTexts dates = new DateTexts(messages, zone);
        return new Page<>(
                notices.page(user.username(), page.offset(), page.size()).stream()
                        .map(stored -> shown(stored, locale, zone, dates))
                        .toList(),
                page.page(),
                page.size(),
                notices.count(user.username()));
    }

    /** Marks the user's notice read and answers the app path it opens. */
    @Transactional
    public String open(CurrentUser user, long id) {
        StoredNotice notice = own(user, id);
        notices.markRead(id, user.username(), clock.instant());
        return safeLink(notice.notice().link());
    }

    /** Marks the user's notice read (again is harmless: the first reading time stays). */
    @Transactional
    public ShownNotice markRead(CurrentUser user, long id, Locale locale) {
        own(user, id);
        notices.markRead(id, user.username(), clock.instant());
        ZoneId zone = settings.find(user.username()).timeZone();
        return shown(own(user, id), locale, zone, new DateTexts(messages, zone));
    }

    /** Marks every unread notice of the user read; answers how many were unread. */
    @Transactional
    public int markAllRead(CurrentUser user) {
        return notices.markAllRead(user.username(), clock.instant());
    }

    /** The link if it is a path of this app, else the inbox: a notice never redirects elsewhere. */
    public static String safeLink(String link) {
        return link != null && APP_PATH.matcher(link).matches() ? link : FALLBACK_LINK;
    }

    private StoredNotice own(CurrentUser user, long id) {
        return notices.find(id, user.username()).orElseThrow(() -> new NotFoundException("notice", id));
    }

    private ShownNotice shown(StoredNotice stored, Locale locale, ZoneId zone, DateTexts dates) {
        NoticeTexts.Words words = texts.words(stored.notice(), locale, zone);
        return new ShownNotice(
                stored.id(),
                stored.notice().kind(),
                words.subject(),
                words.body(),
                words.detail(),
                words.action(),
                safeLink(stored.notice().link()),
                stored.createdAt(),
                dates.dateTime(stored.createdAt(), locale),
                stored.readAt(),
                stored.unread());
    }
}
