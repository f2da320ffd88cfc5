package org.compactreview.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every message exists in every language, with the same placeholders, and formats cleanly. */
class MessagesTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d}");

    @ParameterizedTest
    @ValueSource(strings = {"ar", "fr", "es"})
    void everyKeyIsTranslatedWithTheSamePlaceholders(String language) throws Exception {
        Properties english = load("messages.properties");
        Properties translated = load("messages_" + language + ".properties");
        assertThat(translated.stringPropertyNames()).isEqualTo(english.stringPropertyNames());
        for (String key : english.stringPropertyNames()) {
            assertThat(placeholders(translated.getProperty(key)))
                    .as(language + ": " + key)
                    .isEqualTo(placeholders(english.getProperty(key)));
            String formatted = new MessageFormat(translated.getProperty(key)).format(new Object[] {"A", "B", "C"});
            assertThat(formatted).as(language + ": " + key).doesNotContain("{");
            assertThat(translated.getProperty(key)).as(language + ": " + key).isNotBlank();
            assertThat(translated.getProperty(key))
                    .as(language + ": " + key + " (a literal apostrophe is written '')")
                    .doesNotContainPattern("(?<!')'(?!')");
        }
    }

    /** A key written twice keeps only its last text: the first one's callers silently show the other. */
    @ParameterizedTest
    @ValueSource(strings = {"", "_ar", "_fr", "_es"})
    void noKeyIsWrittenTwice(String suffix) throws Exception {
        List<String> keys = new ArrayList<>();
        try (var in = MessagesTest.class.getClassLoader().getResourceAsStream("messages" + suffix + ".properties")) {
            new Properties() {
                @Override
                public synchronized Object put(Object key, Object value) {
                    keys.add((String) key);
                    return super.put(key, value);
                }
            }.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        assertThat(keys.stream()
                        .filter(key -> Collections.frequency(keys, key) > 1)
                        .distinct())
                .as("keys written twice in messages" + suffix)
                .isEmpty();
    }

    private static String placeholders(String message) {
        Matcher matcher = PLACEHOLDER.matcher(message);
        return matcher.results().map(r -> r.group()).sorted().distinct().collect(Collectors.joining());
    }

    private static Properties load(String name) throws Exception {
        Properties properties = new Properties();
        try (var in = MessagesTest.class.getClassLoader().getResourceAsStream(name)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
