package org.compactreview.platform.web;

import java.time.Instant;
import java.time.LocalDate;
import org.compactreview.platform.DateTexts;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * {@code ${@dates.dateTime(x)}} in templates: {@link DateTexts} in the request's language.
 */
@Component("dates")
public class Dates {

    private final DateTexts texts;

    public Dates(DateTexts texts) {
        this.texts = texts;
    }

    public String dateTime(Instant instant) {
        return texts.dateTime(instant, LocaleContextHolder.getLocale());
    }

    public String date(Instant instant) {
        return texts.date(instant, LocaleContextHolder.getLocale());
    }

    public String date(LocalDate date) {
        return texts.date(date, LocaleContextHolder.getLocale());
    }
}
