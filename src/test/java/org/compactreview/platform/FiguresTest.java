package org.compactreview.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Locale;
import org.compactreview.platform.web.Figures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;

/** Figures in the reader's language: Arabic-Indic digits in Arabic, a dash for none. */
class FiguresTest {

    private final Figures figures = new Figures();

    @AfterEach
    void reset() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void englishUsesLatinDigits() {
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        assertThat(figures.count(1234)).isEqualTo("1,234");
        assertThat(figures.decimal(new BigDecimal("31.0"))).isEqualTo("31.0");
        assertThat(figures.percent(new BigDecimal("66.7"))).isEqualTo("66.7%");
        assertThat(figures.percent(null)).isEqualTo(Figures.NONE);
        assertThat(figures.decimal(null)).isEqualTo(Figures.NONE);
    }

    @Test
    void arabicUsesArabicIndicDigits() {
        LocaleContextHolder.setLocale(Locale.forLanguageTag("ar"));
        assertThat(figures.count(12)).isEqualTo("١٢");
        assertThat(figures.decimal(new BigDecimal("6.5"))).startsWith("٦").endsWith("٥");
        assertThat(figures.percent(new BigDecimal("30.0"))).contains("٣٠");
    }

    @Test
    void chineseAndRussianUseLatinDigits() {
        LocaleContextHolder.setLocale(Locale.forLanguageTag("zh"));
        assertThat(figures.count(1234)).isEqualTo("1,234");
        LocaleContextHolder.setLocale(Locale.forLanguageTag("ru"));
        assertThat(figures.decimal(new BigDecimal("6.5"))).isEqualTo("6,5");
        assertThat(figures.count(12)).isEqualTo("12");
    }

    @Test
    void frenchUsesItsDecimalComma() {
        LocaleContextHolder.setLocale(Locale.FRENCH);
        assertThat(figures.decimal(new BigDecimal("6.5"))).isEqualTo("6,5");
    }
}
