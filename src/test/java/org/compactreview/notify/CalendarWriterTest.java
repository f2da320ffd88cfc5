package org.compactreview.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import org.junit.jupiter.api.Test;

/** The feed's own iCalendar writer, read back by a strict parser. */
class CalendarWriterTest {

    private static final Instant NOW = Instant.parse("2027-01-10T09:00:00Z");

    @Test
    void arabicAndChineseSummariesSurviveFoldingWithoutACutCharacter() {
        String arabic =
                "الموعد النهائي: تقديم التقرير المرحلي – الجمهورية العربية السورية، المملكة الأردنية الهاشمية؛ مصر";
        String chinese = "截止：提交进展报告 – 大不列颠及北爱尔兰联合王国，中华人民共和国；阿拉伯埃及共和国 \\ 测试";
        String emoji = "Due: report 🗓️ ".repeat(8).strip();
        List<CalendarEvent> events = List.of(
                new CalendarEvent("task-1@compact-review", NOW, null, arabic, "سطر أول\nسطر ثان", "http://x/1"),
                new CalendarEvent("task-2@compact-review", NOW, null, chinese, "第一行\n第二行,;", "http://x/2"),
                new CalendarEvent(
                        "meeting-3@compact-review", null, LocalDate.of(2027, 5, 20), emoji, "d", "http://x/3"));

        String text = CalendarWriter.write("Compact Review: مصر", events, Map.of(), NOW);

        for (String line : text.split("\r\n")) {
            assertThat(line.getBytes(StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75);
            // A cut character would have become U+FFFD on the way back, or an unpaired surrogate.
            assertThat(new String(line.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8))
                    .isEqualTo(line);
        }
        assertThat(text).contains("\r\n ");
        CalendarDocument feed = CalendarDocument.parse(text);
        assertThat(CalendarDocument.valueOf(feed.event("task-1@compact-review"), Property.SUMMARY))
                .isEqualTo(arabic);
        assertThat(CalendarDocument.valueOf(feed.event("task-1@compact-review"), Property.DESCRIPTION))
                .isEqualTo("سطر أول\nسطر ثان");
        assertThat(CalendarDocument.valueOf(feed.event("task-2@compact-review"), Property.SUMMARY))
                .isEqualTo(chinese);
        assertThat(CalendarDocument.valueOf(feed.event("task-2@compact-review"), Property.DESCRIPTION))
                .isEqualTo("第一行\n第二行,;");
        Component meeting = feed.event("meeting-3@compact-review");
        assertThat(CalendarDocument.valueOf(meeting, Property.SUMMARY)).isEqualTo(emoji);
        assertThat(CalendarDocument.valueOf(meeting, Property.DTSTART)).isEqualTo("20270520");
        assertThat(CalendarDocument.valueType(meeting, Property.DTSTART)).contains("DATE");
        assertThat(CalendarDocument.valueOf(meeting, Property.DTEND)).isEqualTo("20270521");
    }

    @Test
    void aFeedWithoutEventsIsStillAValidCalendar() {
        CalendarDocument feed =
                CalendarDocument.parse(CalendarWriter.write("Compact Review: new", List.of(), Map.of(), NOW));
        assertThat(feed.events).isEmpty();
    }

    @Test
    void textValuesAreEscapedAndTimesAreUtc() {
        assertThat(CalendarWriter.text("a,b;c\\d\ne\r\nf\u0001")).isEqualTo("a\\,b\\;c\\\\d\\ne\\nf");
        String text = CalendarWriter.write(
                "n",
                List.of(new CalendarEvent("task-9@compact-review", NOW, null, "s", "d", "http://x/9")),
                Map.of("task-9@compact-review", new CalendarWriter.Revision(4, Instant.parse("2027-01-09T08:07:06Z"))),
                NOW);
        assertThat(text)
                .contains("\r\nDTSTART:20270110T090000Z\r\n")
                .contains("\r\nDTSTAMP:20270110T090000Z\r\n")
                .contains("\r\nLAST-MODIFIED:20270109T080706Z\r\n")
                .contains("\r\nSEQUENCE:4\r\n")
                .doesNotContain("DTEND");
        CalendarDocument.parse(text);
    }
}
