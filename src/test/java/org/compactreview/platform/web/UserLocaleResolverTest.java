package org.compactreview.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.compactreview.platform.LanguageChoices;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** The browser's language, with a region or a script, lands on a UI language. */
class UserLocaleResolverTest {

    private final UserLocaleResolver resolver = new UserLocaleResolver(new LanguageChoices() {
        @Override
        public Optional<String> chosenLanguage(String username) {
            return Optional.empty();
        }

        @Override
        public void rememberLanguage(String username, String languageTag) {}
    });

    @ParameterizedTest
    @CsvSource({
        "zh-CN, zh",
        "zh-Hans, zh",
        "'zh-Hans-CN,zh;q=0.9,en;q=0.5', zh",
        "zh-TW, zh",
        "ru-RU, ru",
        "'ru,en;q=0.5', ru",
        "ar-EG, ar",
        "fr-CA, fr",
        "es-419, es",
        "'de-DE,ru;q=0.7', ru",
        "de, en",
        "'', en",
        "';;;', en"
    })
    void acceptLanguageLandsOnAUiLanguage(String header, String expected) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/inbox");
        request.addHeader("Accept-Language", header);
        assertThat(UserLocaleResolver.fromHeader(request).toLanguageTag()).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"zh-CN, zh", "ru, ru", "de, en"})
    void theLanguageSwitchKeepsAUiLanguage(String asked, String kept) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/inbox");
        resolver.setLocale(request, new MockHttpServletResponse(), java.util.Locale.forLanguageTag(asked));
        assertThat(resolver.resolveLocale(request).toLanguageTag()).isEqualTo(kept);
    }
}
