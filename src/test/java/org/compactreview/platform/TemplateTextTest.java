package org.compactreview.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * No visible text is written in a template: every word comes from messages*.properties through
 * th:text, th:placeholder and friends, so that every page exists in the four languages.
 */
class TemplateTextTest {

    /** Text between tags that holds a letter of any script. */
    private static final Pattern TEXT_NODE = Pattern.compile(">([^<]*\\p{L}[^<]*)<");

    /** Attributes a user reads or hears, written literally. */
    private static final Pattern VISIBLE_ATTRIBUTE =
            Pattern.compile("\\s(placeholder|title|alt|aria-label|value)=\"([^\"]*\\p{L}[^\"]*)\"");

    static Stream<Path> templates() throws Exception {
        return Files.walk(Path.of("src/main/resources/templates"))
                .filter(p -> p.toString().endsWith(".html"));
    }

    @ParameterizedTest
    @MethodSource("templates")
    void hasNoHardCodedText(Path template) throws Exception {
        String html = Files.readString(template).replaceAll("(?s)<!--.*?-->", "");
        List<String> found = new ArrayList<>();
        Matcher text = TEXT_NODE.matcher(html);
        while (text.find()) {
            found.add(text.group(1).trim());
        }
        Matcher attribute = VISIBLE_ATTRIBUTE.matcher(html);
        while (attribute.find()) {
            String name = attribute.group(1);
            String value = attribute.group(2);
            boolean technicalValue = name.equals("value") && value.matches("[A-Za-z0-9_/.-]+");
            if (!technicalValue) {
                found.add(name + "=" + value);
            }
        }
        assertThat(found).as(template.toString()).isEmpty();
    }
}
