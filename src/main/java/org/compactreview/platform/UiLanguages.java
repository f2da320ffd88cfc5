package org.compactreview.platform;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The languages of the interface, in one place: the locale resolver offers and honours these,
 * the layout's language menu lists them, the user form lets an administrator choose one, and
 * every test that loops over languages reads this list.
 *
 * <p>The order is the United Nations' own order of its six official languages (Arabic,
 * Chinese, English, French, Russian, Spanish: alphabetical in English), as un.org lists them.
 * English stays the default and the fallback, whatever its place in the menu. Each language is
 * named in itself (a reader looks for the name of their own language), so the names are data
 * here, not translations in the message files.
 *
 * <p>Templates reach the list as {@code @uiLanguages} (a bean, so that error pages without a
 * controller's model see it too).
 */
@Component("uiLanguages")
public final class UiLanguages {

    /** One language of the interface: its BCP 47 tag, its own name, and its writing direction. */
    public record UiLanguage(String tag, String nativeName, boolean rightToLeft) {

        public Locale locale() {
            return Locale.forLanguageTag(tag);
        }

        /** The value of an HTML {@code dir} attribute. */
        public String direction() {
            return rightToLeft ? "rtl" : "ltr";
        }
    }

    /** English: the default language and the one every message exists in first. */
    public static final UiLanguage DEFAULT = new UiLanguage("en", "English", false);

    private static final List<UiLanguage> ALL = List.of(
            new UiLanguage("ar", "العربية", true),
            // Simplified Chinese, the form the UN uses; zh-Hans, zh-CN and also zh-TW browsers get it.
            new UiLanguage("zh", "中文", false),
            DEFAULT,
            new UiLanguage("fr", "Français", false),
            new UiLanguage("ru", "Русский", false),
            new UiLanguage("es", "Español", false));

    private static final List<Locale> LOCALES =
            ALL.stream().map(UiLanguage::locale).toList();

    private static final List<String> TAGS = ALL.stream().map(UiLanguage::tag).toList();

    /** Every UI language, in menu order. */
    public static List<UiLanguage> all() {
        return ALL;
    }

    /** The tags of every UI language, in menu order ({@code ar, zh, en, fr, ru, es}). */
    public static List<String> tags() {
        return TAGS;
    }

    /** The tags of the languages translated from English: every UI language but the default. */
    public static List<String> translatedTags() {
        return TAGS.stream().filter(t -> !t.equals(DEFAULT.tag())).toList();
    }

    public static List<Locale> locales() {
        return LOCALES;
    }

    /** The UI language of a locale's language ({@code zh-CN} is {@code zh}), if it is one. */
    public static Optional<UiLanguage> find(Locale locale) {
        if (locale == null) {
            return Optional.empty();
        }
        return ALL.stream().filter(l -> l.tag().equals(locale.getLanguage())).findFirst();
    }

    /** Whether a stored or submitted tag names a UI language exactly ({@code zh}, not {@code zh-CN}). */
    public static boolean isTag(String tag) {
        return tag != null && TAGS.contains(tag);
    }

    /** The UI language of a locale, English for any other. */
    public static UiLanguage of(Locale locale) {
        return find(locale).orElse(DEFAULT);
    }

    /** The {@code dir} attribute for a page in this locale. */
    public static String direction(Locale locale) {
        return of(locale).direction();
    }

    public static boolean isRightToLeft(Locale locale) {
        return of(locale).rightToLeft();
    }
}
