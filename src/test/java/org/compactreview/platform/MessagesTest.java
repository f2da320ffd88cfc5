package org.compactreview.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every message exists in every UI language ({@link UiLanguages}), with the same arguments,
 * once, and formats cleanly with the formatter the application uses (ICU, {@link
 * IcuMessageSource}) for every count a plural form may pick.
 */
class MessagesTest {

    /** The arguments a message uses: {@code {0}} and {@code {0, plural, ...}} both use 0. */
    private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)\\s*[,}]");

    /** Counts that land in every plural category of Russian and Arabic. */
    private static final List<Integer> COUNTS = List.of(0, 1, 2, 3, 5, 11, 21, 101, 1000);

    static Stream<String> translations() {
        return UiLanguages.translatedTags().stream();
    }

    static Stream<String> languages() {
        return UiLanguages.tags().stream();
    }

    @ParameterizedTest
    @MethodSource("translations")
    void everyKeyIsTranslatedWithTheSameArguments(String language) throws Exception {
        Properties english = load("messages.properties");
        Properties translated = load(file(language));
        assertThat(translated.stringPropertyNames()).isEqualTo(english.stringPropertyNames());
        for (String key : english.stringPropertyNames()) {
            assertThat(arguments(translated.getProperty(key)))
                    .as(language + ": " + key)
                    .isEqualTo(arguments(english.getProperty(key)));
            assertThat(translated.getProperty(key)).as(language + ": " + key).isNotBlank();
        }
    }

    @ParameterizedTest
    @MethodSource("languages")
    void everyMessageFormatsForEveryCount(String language) throws Exception {
        Properties messages = load(file(language));
        Locale locale = Locale.forLanguageTag(language);
        for (String key : messages.stringPropertyNames()) {
            String pattern = messages.getProperty(key);
            assertThat(pattern)
                    .as(language + ": " + key + " (a literal apostrophe is written '')")
                    .doesNotContainPattern("(?<!')'(?!')");
            for (int count : COUNTS) {
                Object[] args = {count, count, count, count, count};
                assertThatCode(() -> IcuMessageSource.create(pattern, locale).format(args))
                        .as(language + ": " + key)
                        .doesNotThrowAnyException();
                assertThat(IcuMessageSource.create(pattern, locale).format(args))
                        .as(language + ": " + key)
                        .doesNotContain("{")
                        .doesNotContain("#");
            }
        }
    }

    /** A key written twice is read once, silently: the last line wins. */
    @ParameterizedTest
    @MethodSource("languages")
    void noKeyIsWrittenTwice(String language) throws Exception {
        List<String> keys = new ArrayList<>();
        try (InputStream in = resource(file(language))) {
            new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#") && line.contains("="))
                    .forEach(line ->
                            keys.add(line.substring(0, line.indexOf('=')).trim()));
        }
        Set<String> seen = new HashSet<>();
        assertThat(keys.stream().filter(k -> !seen.add(k)).toList())
                .as(file(language))
                .isEmpty();
    }

    private static String file(String language) {
        return UiLanguages.DEFAULT.tag().equals(language)
                ? "messages.properties"
                : "messages_" + language + ".properties";
    }

    private static String arguments(String message) {
        Matcher matcher = ARGUMENT.matcher(message);
        return matcher.results().map(r -> r.group(1)).sorted().distinct().collect(Collectors.joining(","));
    }

    private static InputStream resource(String name) {
        InputStream in = MessagesTest.class.getClassLoader().getResourceAsStream(name);
        assertThat(in).as(name).isNotNull();
        return in;
    }

    private static Properties load(String name) throws Exception {
        Properties properties = new Properties();
        try (var in = resource(name)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
