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
        return numbers(LocaleContextHolder.getLocale());
    }

    /**
     * The locale numbers of a UI language are written in: the one rule for digits, which the
     * messages (platform/IcuMessageSource formats counts inside sentences) follow too.
     */
    public static Locale numbers(Locale locale) {
        if ("ar".equals(locale.getLanguage())) {
            return new Locale.Builder()
                    .setLocale(locale)
                    .setUnicodeLocaleKeyword("nu", "arab")
                    .build();
        }
        return locale;
    }
}
