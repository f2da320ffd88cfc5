package org.compactreview.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import org.compactreview.platform.web.Dates;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * Dates in every UI language: the language's own pattern and digits, an Arabic comma and the time
 * zone's name in Arabic, the zone only where a time is shown.
 */
class DatesTest {

    private static final Instant MORNING = Instant.parse("2027-01-10T09:05:00Z");

    private final Dates dates = new Dates(new DateTexts(messages(), ZoneOffset.UTC));

    @AfterEach
    void reset() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void arabicDatesUseArabicIndicDigitsTheMonthsNameAnArabicCommaAndAnArabicZoneName() {
        in("ar");
        assertThat(dates.date(LocalDate.of(2027, 1, 10))).isEqualTo("١٠ يناير ٢٠٢٧");
        String dateTime = dates.dateTime(MORNING);
        assertThat(dateTime)
                .startsWith("١٠ يناير ٢٠٢٧، ")
                .contains("٩:٠٥")
                .endsWith("(التوقيت العالمي المنسق)")
                .doesNotContainPattern("[0-9,]")
                .doesNotContain("UTC");
    }

    @Test
    void chineseAndRussianUseLatinDigitsAndTheirOwnPatterns() {
        in("zh");
        assertThat(dates.date(MORNING)).isEqualTo("2027年1月10日");
        assertThat(dates.dateTime(MORNING)).startsWith("2027年1月10日 ").endsWith("（协调世界时）");
        in("ru");
        assertThat(dates.date(MORNING)).isEqualTo("10 янв. 2027 г.");
        assertThat(dates.dateTime(MORNING)).isEqualTo("10 янв. 2027 г., 09:05 (Всемирное координированное время)");
    }

    @Test
    void englishFrenchAndSpanishNameTheZoneInTheirLanguage() {
        in("en");
        assertThat(dates.dateTime(MORNING)).isEqualTo("Jan 10, 2027, 9:05 AM (Coordinated Universal Time)");
        in("fr");
        assertThat(dates.date(MORNING)).isEqualTo("10 janv. 2027");
        assertThat(dates.dateTime(MORNING)).isEqualTo("10 janv. 2027 à 09:05 (Temps universel coordonné)");
        in("es");
        assertThat(dates.date(MORNING)).isEqualTo("10 ene 2027");
        assertThat(dates.dateTime(MORNING)).isEqualTo("10 ene 2027, 9:05 (tiempo universal coordinado)");
    }

    @Test
    void timesAreShownInTheConfiguredZone() {
        in("fr");
        Dates paris = new Dates(new DateTexts(messages(), ZoneId.of("Europe/Paris")));
        assertThat(paris.dateTime(MORNING)).startsWith("10 janv. 2027 à 10:05 (");
        assertThat(dates.dateTime(null)).isEmpty();
        assertThat(dates.date((Instant) null)).isEmpty();
    }

    private static void in(String language) {
        LocaleContextHolder.setLocale(Locale.forLanguageTag(language));
    }

    /** The application's messages, configured as application.yml configures them. */
    private static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding(StandardCharsets.UTF_8.name());
        messages.setFallbackToSystemLocale(false);
        messages.setAlwaysUseMessageFormat(true);
        return messages;
    }
}
