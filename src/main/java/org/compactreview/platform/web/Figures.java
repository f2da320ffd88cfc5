package org.compactreview.platform.web;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Locale;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Numbers as pages show them, in the reader's language: grouping and decimal marks of the
 * language, Arabic-Indic digits in Arabic (as {@link Dates} does for dates). A missing figure
 * (nothing to count, e.g. a percentage of an empty cycle) is shown as an em dash.
 *
 * <p>The digit rule lives in {@link #withDigits(Locale)}, once for figures, counts, dates and the
 * page numbers of message arguments: Arabic pages use Arabic-Indic digits throughout (the Arabic
 * default of CLDR, and what the cycles overview and benchmarking already showed), every other UI
 * language (Chinese and Russian included) Latin digits. docs/i18n-names.md says why.
 */
@Component("figures")
public class Figures {

    /** Shown for a figure with nothing to count; a symbol, the same in every language. */
    public static final String NONE = "\u2014";

    public String count(long value) {
        return format().format(value);
    }

    /** One decimal, or the dash for none. */
    public String decimal(BigDecimal value) {
        if (value == null) {
            return NONE;
        }
        NumberFormat format = format();
        format.setMinimumFractionDigits(1);
        format.setMaximumFractionDigits(1);
        return format.format(value);
    }

    /** A percentage with one decimal and the language's per cent sign, or the dash for none. */
    public String percent(BigDecimal value) {
        if (value == null) {
            return NONE;
        }
        NumberFormat format = NumberFormat.getPercentInstance(locale());
        format.setMinimumFractionDigits(1);
        format.setMaximumFractionDigits(1);
        return format.format(value.movePointLeft(2));
    }

    private static NumberFormat format() {
        return NumberFormat.getNumberInstance(locale());
    }

    private static Locale locale() {
        return withDigits(LocaleContextHolder.getLocale());
    }

    /**
     * The locale with the digits its pages use: Arabic-Indic in Arabic, the language's own else. The
     * one rule for digits: dates, figures and the counts inside messages (platform/IcuMessageSource)
     * follow it.
     */
    public static Locale withDigits(Locale locale) {
        if ("ar".equals(locale.getLanguage())) {
            return new Locale.Builder()
                    .setLocale(locale)
                    .setUnicodeLocaleKeyword("nu", "arab")
                    .build();
        }
        return locale;
    }
}
