package org.compactreview.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.context.MessageSource;

/** The application's messages pick the plural form of the reader's language. */
class IcuMessageSourceTest {

    private static final Locale RUSSIAN = Locale.forLanguageTag("ru");
    private static final Locale ARABIC = Locale.forLanguageTag("ar");

    private final MessageSource messages = new MessagesConfiguration().messageSource();

    /** Russian: one (1, 21, 101), few (2-4, 22-24), many (0, 5-20, 11-14, 25-30 ...). */
    @ParameterizedTest
    @CsvSource({
        "1, Просрочено на 1 день",
        "2, Просрочено на 2 дня",
        "5, Просрочено на 5 дней",
        "11, Просрочено на 11 дней",
        "21, Просрочено на 21 день",
        "101, Просрочено на 101 день"
    })
    void russianHasOneFewAndMany(int days, String expected) {
        assertThat(messages.getMessage("board.overdue-days", new Object[] {days}, RUSSIAN))
                .isEqualTo(expected);
    }

    /**
     * Arabic: zero, one, two, few (3-10), many (11-99), other (100-102 ...), with the digits every
     * other Arabic figure uses (Arabic-Indic, platform.web.Figures).
     */
    @ParameterizedTest
    @CsvSource({"0, ٠ يوم", "1, يوم واحد", "2, يومان", "5, ٥ أيام", "11, ١١ يومًا", "21, ٢١ يومًا", "101, ١٠١ يوم"})
    void arabicHasSixForms(int days, String expected) {
        assertThat(messages.getMessage("workload.days", new Object[] {days}, ARABIC))
                .isEqualTo(expected);
    }

    @Test
    void englishFrenchAndChineseFollowTheirOwnRules() {
        assertThat(List.of(0, 1, 2).stream()
                        .map(n -> messages.getMessage("workload.days", new Object[] {n}, Locale.ENGLISH))
                        .toList())
                .containsExactly("0 days", "1 day", "2 days");
        // French counts zero as singular.
        assertThat(messages.getMessage("workload.days", new Object[] {0}, Locale.FRENCH))
                .isEqualTo("0 jour");
        assertThat(messages.getMessage("workload.days", new Object[] {2}, Locale.FRENCH))
                .isEqualTo("2 jours");
        assertThat(messages.getMessage("workload.days", new Object[] {21}, Locale.forLanguageTag("zh")))
                .isEqualTo("21 天");
    }

    @Test
    void aRegionalTagUsesTheRulesOfItsLanguage() {
        assertThat(messages.getMessage("board.overdue-days", new Object[] {3}, Locale.forLanguageTag("ru-RU")))
                .isEqualTo("Просрочено на 3 дня");
    }

    /** Both formatters read '' as one apostrophe: the rule MessagesTest enforces holds in ICU. */
    @Test
    void aDoubledApostropheIsOneWithOrWithoutArguments() {
        assertThat(messages.getMessage("validation.language", null, Locale.FRENCH))
                .isEqualTo("Choisissez l'une des langues de l'interface.");
        assertThat(messages.getMessage("validation.due-date.too-far", new Object[] {366}, Locale.FRENCH))
                .isEqualTo("La nouvelle échéance peut être au plus à 366 jours d'aujourd'hui.");
    }

    @Test
    void aMissingTranslationFallsBackToEnglishAndAnUnknownCodeToTheDefault() {
        assertThat(messages.getMessage("users.language", null, Locale.forLanguageTag("de")))
                .isEqualTo("Language");
        assertThat(messages.getMessage("no.such.key", new Object[] {2}, "{0} left", Locale.ENGLISH))
                .isEqualTo("2 left");
    }
}
