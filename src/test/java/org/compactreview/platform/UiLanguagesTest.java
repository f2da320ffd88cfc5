package org.compactreview.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.compactreview.platform.UiLanguages.UiLanguage;
import org.junit.jupiter.api.Test;

class UiLanguagesTest {

    @Test
    void theSixUnLanguagesInTheUnOrderEachNamedInItself() {
        assertThat(UiLanguages.tags()).containsExactly("ar", "zh", "en", "fr", "ru", "es");
        assertThat(UiLanguages.all().stream().map(UiLanguage::nativeName))
                .containsExactly("العربية", "中文", "English", "Français", "Русский", "Español");
        assertThat(UiLanguages.translatedTags()).containsExactly("ar", "zh", "fr", "ru", "es");
    }

    @Test
    void onlyArabicIsWrittenRightToLeft() {
        assertThat(UiLanguages.all().stream().filter(UiLanguage::rightToLeft).map(UiLanguage::tag))
                .containsExactly("ar");
        assertThat(UiLanguages.direction(Locale.forLanguageTag("ar-EG"))).isEqualTo("rtl");
        assertThat(UiLanguages.direction(Locale.forLanguageTag("zh-Hans-CN"))).isEqualTo("ltr");
    }

    @Test
    void aLocaleMapsToItsLanguageAndAnyOtherToEnglish() {
        assertThat(UiLanguages.of(Locale.forLanguageTag("zh-CN")).tag()).isEqualTo("zh");
        assertThat(UiLanguages.of(Locale.forLanguageTag("ru-RU")).tag()).isEqualTo("ru");
        assertThat(UiLanguages.of(Locale.GERMAN)).isEqualTo(UiLanguages.DEFAULT);
        assertThat(UiLanguages.of(null)).isEqualTo(UiLanguages.DEFAULT);
    }

    @Test
    void onlyExactTagsAreStored() {
        assertThat(UiLanguages.isTag("zh")).isTrue();
        assertThat(UiLanguages.isTag("zh-CN")).isFalse();
        assertThat(UiLanguages.isTag("de")).isFalse();
        assertThat(UiLanguages.isTag(null)).isFalse();
    }

    @Test
    void theUserFormAcceptsNoneOrAUiLanguage() {
        UiLanguageTag.Check check = new UiLanguageTag.Check();
        assertThat(check.isValid(null, null)).isTrue();
        assertThat(check.isValid("ru", null)).isTrue();
        assertThat(check.isValid("de", null)).isFalse();
        assertThat(check.isValid("", null)).isFalse();
    }
}
