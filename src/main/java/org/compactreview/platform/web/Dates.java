package org.compactreview.platform.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DecimalStyle;
import java.time.format.FormatStyle;
import java.time.format.TextStyle;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * {@code ${@dates.dateTime(x)}} in templates: the one home of how pages show dates
 * (docs/i18n-names.md).
 *
 * <ul>
 *   <li>in the reader's language (CLDR's patterns), with the digits of {@link Figures}
 *       (Arabic-Indic in Arabic, Latin in every other language);
 *   <li>Arabic writes the month's name ({@code FormatStyle.LONG}): CLDR's medium Arabic date is
 *       all digits and slashes with right-to-left marks, which reads as a code;
 *   <li>a time is joined to its date by the message {@code dates.date-time} (an Arabic comma in
 *       Arabic, not CLDR's Latin one) and followed by its time zone's name in the reader's language,
 *       since a time means nothing without it; a date alone carries no zone;
 *   <li>in the deployment's time zone {@code compact-review.time-zone} (UTC by default). Users have
 *       no time zone of their own yet: when they do, it replaces this one here and nowhere else.
 * </ul>
 */
@Component("dates")
public class Dates {

    private final MessageSource messages;
    private final ZoneId zone;

    public Dates(MessageSource messages, @Value("${compact-review.time-zone:UTC}") ZoneId zone) {
        this.messages = messages;
        // The offset Z has no name in any language; the zone UTC has one in each.
        this.zone = ZoneOffset.UTC.equals(zone) ? ZoneId.of("UTC") : zone;
    }

    public String dateTime(Instant instant) {
        if (instant == null) {
            return "";
        }
        Locale locale = LocaleContextHolder.getLocale();
        String date = dateFormat(locale).format(instant);
        String time = localized(DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT), locale)
                .format(instant);
        return messages.getMessage(
                "dates.date-time", new Object[] {date, time, zone.getDisplayName(TextStyle.FULL, locale)}, locale);
    }

    public String date(Instant instant) {
        return instant == null
                ? ""
                : dateFormat(LocaleContextHolder.getLocale()).format(instant);
    }

    public String date(LocalDate date) {
        return date == null ? "" : dateFormat(LocaleContextHolder.getLocale()).format(date);
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
