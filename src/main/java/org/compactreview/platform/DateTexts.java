package org.compactreview.platform;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DecimalStyle;
import java.time.format.FormatStyle;
import java.time.format.TextStyle;
import java.util.Locale;
import org.compactreview.platform.web.Figures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The one home of how dates are shown, on pages ({@code ${@dates.dateTime(x)}} through {@link
 * org.compactreview.platform.web.Dates}), in exports and in the audit trail (docs/i18n-names.md):
 *
 * <ul>
 *   <li>in the reader's language (CLDR's patterns), with the digits of {@link Figures}
 *       (Arabic-Indic in Arabic, Latin in every other language);
 *   <li>Arabic writes the month's name ({@code FormatStyle.LONG}): CLDR's medium Arabic date is
 *       all digits and slashes with right-to-left marks, which reads as a code;
 *   <li>a time is joined to its date by the message {@code dates.date-time} (an Arabic comma in
 *       Arabic, not CLDR's Latin one) and followed by its time zone's name in the reader's language,
 *       since a time means nothing without it; a date alone carries no zone;
 *   <li>in UTC, the zone in which the due-date and absence forms read the times typed: users have
 *       no time zone of their own yet; when they do, it replaces UTC here (and in those forms).
 * </ul>
 */
@Component
public class DateTexts {

    private final MessageSource messages;
    private final ZoneId zone;

    @Autowired
    public DateTexts(MessageSource messages) {
        this(messages, ZoneOffset.UTC);
    }

    /** In another zone: for the tests, until the forms that read times read them in a user's zone. */
    public DateTexts(MessageSource messages, ZoneId zone) {
        this.messages = messages;
        // The offset Z has no name in any language; the zone UTC has one in each.
        this.zone = ZoneOffset.UTC.equals(zone) ? ZoneId.of("UTC") : zone;
    }

    /** A date and time, with its zone's name, in a language. */
    public String dateTime(Instant instant, Locale locale) {
        if (instant == null) {
            return "";
        }
        String date = dateFormat(locale).format(instant);
        String time = localized(DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT), locale)
                .format(instant);
        return messages.getMessage(
                "dates.date-time", new Object[] {date, time, zone.getDisplayName(TextStyle.FULL, locale)}, locale);
    }

    /** The day of an instant, in a language, without a zone. */
    public String date(Instant instant, Locale locale) {
        return instant == null ? "" : dateFormat(locale).format(instant);
    }

    /** A day, in a language. */
    public String date(LocalDate date, Locale locale) {
        return date == null ? "" : dateFormat(locale).format(date);
    }

    private DateTimeFormatter dateFormat(Locale locale) {
        FormatStyle style = "ar".equals(locale.getLanguage()) ? FormatStyle.LONG : FormatStyle.MEDIUM;
        return localized(DateTimeFormatter.ofLocalizedDate(style), locale);
    }

    private DateTimeFormatter localized(DateTimeFormatter formatter, Locale locale) {
        Locale withDigits = Figures.withDigits(locale);
        return formatter
                .withLocale(withDigits)
                .withDecimalStyle(DecimalStyle.of(withDigits))
                .withZone(zone);
    }
}
