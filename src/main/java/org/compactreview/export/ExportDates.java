package org.compactreview.export;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DecimalStyle;
import java.time.format.FormatStyle;
import java.util.Locale;

/**
 * Dates in an export, in the reader's language and digits, in UTC: the same style as the pages'
 * {@code @dates}, for files built outside a web request's template context.
 */
public final class ExportDates {

    private ExportDates() {}

    public static String date(Instant instant, Locale locale) {
        return instant == null
                ? ""
                : localized(DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM), locale)
                        .format(instant);
    }

    public static String dateTime(Instant instant, Locale locale) {
        return instant == null
                ? ""
                : localized(DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT), locale)
                                .format(instant)
                        + " UTC";
    }

    private static DateTimeFormatter localized(DateTimeFormatter formatter, Locale locale) {
        return formatter
                .withLocale(locale)
                .withDecimalStyle(DecimalStyle.of(locale))
                .withZone(ZoneOffset.UTC);
    }
}
