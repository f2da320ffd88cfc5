package org.compactreview.platform.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DecimalStyle;
import java.time.format.FormatStyle;
import java.util.Locale;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * {@code ${@dates.dateTime(x)}} in templates: dates in the user's language, with its digits
 * (Arabic-Indic in Arabic), in UTC.
 */
@Component("dates")
public class Dates {

    public String dateTime(Instant instant) {
        return instant == null
                ? ""
                : localized(DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT))
                                .format(instant)
                        + " UTC";
    }

    public String date(Instant instant) {
        return instant == null
                ? ""
                : localized(DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM))
                        .format(instant);
    }

    public String date(LocalDate date) {
        return date == null
                ? ""
                : localized(DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM))
                        .format(date);
    }

    private static DateTimeFormatter localized(DateTimeFormatter formatter) {
        Locale locale = LocaleContextHolder.getLocale();
        return formatter
                .withLocale(locale)
                .withDecimalStyle(DecimalStyle.of(locale))
                .withZone(ZoneOffset.UTC);
    }
}
