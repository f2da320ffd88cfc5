package org.compactreview.notify;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * Writes an iCalendar (RFC 5545) document: CRLF line ends, text values escaped ({@code \ ; ,} and
 * newlines), lines folded at 75 octets without cutting a UTF-8 character (Arabic and Chinese
 * summaries take two and three octets a character), times in UTC ({@code ...Z}), days as
 * {@code VALUE=DATE}. Small enough to own; the tests read its output with a strict parser (ical4j).
 */
final class CalendarWriter {

    static final String PRODUCT = "-//Compact Review//Calendar feed//EN";
    private static final int MAX_OCTETS = 75;
    private static final DateTimeFormatter UTC =
            DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    /** A revision of an event as the feeds served it: see {@link CalendarRevisions}. */
    record Revision(int sequence, Instant modifiedAt) {}

    private final StringBuilder out = new StringBuilder();

    static String write(String name, List<CalendarEvent> events, Map<String, Revision> revisions, Instant now) {
        CalendarWriter writer = new CalendarWriter();
        writer.line("BEGIN:VCALENDAR");
        writer.line("VERSION:2.0");
        writer.line("PRODID:" + PRODUCT);
        writer.line("CALSCALE:GREGORIAN");
        writer.line("X-WR-CALNAME:" + text(name));
        // How often calendar apps that read it should look again (the answer may be cached 5 minutes).
        writer.line("X-PUBLISHED-TTL:PT1H");
        // RFC 5545 wants at least one component: a feed with no event yet (a new focal point) holds
        // the UTC zone, which every time of the feed is in anyway.
        writer.line("BEGIN:VTIMEZONE");
        writer.line("TZID:UTC");
        writer.line("BEGIN:STANDARD");
        writer.line("DTSTART:19700101T000000");
        writer.line("TZOFFSETFROM:+0000");
        writer.line("TZOFFSETTO:+0000");
        writer.line("TZNAME:UTC");
        writer.line("END:STANDARD");
        writer.line("END:VTIMEZONE");
        for (CalendarEvent event : events) {
            Revision revision = revisions.getOrDefault(event.uid(), new Revision(0, now));
            writer.line("BEGIN:VEVENT");
            writer.line("UID:" + text(event.uid()));
            writer.line("DTSTAMP:" + UTC.format(now));
            writer.line("LAST-MODIFIED:" + UTC.format(revision.modifiedAt()));
            writer.line("SEQUENCE:" + revision.sequence());
            if (event.at() != null) {
                // A due time is a moment, not a span: no DTEND (RFC 5545 3.6.1, zero duration).
                writer.line("DTSTART:" + UTC.format(event.at()));
            } else {
                writer.line("DTSTART;VALUE=DATE:" + DAY.format(event.day()));
                writer.line("DTEND;VALUE=DATE:" + DAY.format(event.day().plusDays(1)));
            }
            writer.line("SUMMARY:" + text(event.summary()));
            writer.line("DESCRIPTION:" + text(event.description()));
            writer.line("URL:" + event.url());
            // Deadlines and meetings are shown, but they do not make the user look busy.
            writer.line("TRANSP:TRANSPARENT");
            writer.line("END:VEVENT");
        }
        writer.line("END:VCALENDAR");
        return writer.out.toString();
    }

    /** A TEXT value: backslash, semicolon, comma and line breaks escaped (RFC 5545 3.3.11). */
    static String text(String value) {
        StringBuilder escaped = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> escaped.append("\\\\");
                case ';' -> escaped.append("\\;");
                case ',' -> escaped.append("\\,");
                case '\n' -> escaped.append("\\n");
                case '\r' -> {
                    if (i + 1 >= value.length() || value.charAt(i + 1) != '\n') {
                        escaped.append("\\n");
                    }
                }
                default -> {
                    // Other control characters are not allowed in a TEXT value.
                    if (c >= 0x20 || c == '\t') {
                        escaped.append(c);
                    }
                }
            }
        }
        return escaped.toString();
    }

    /** A content line, folded: after each 75 octets a CRLF and one space, never inside a character. */
    private void line(String content) {
        int octets = 0;
        for (int i = 0; i < content.length(); ) {
            int codePoint = content.codePointAt(i);
            int width = codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
            if (octets + width > MAX_OCTETS) {
                out.append("\r\n ");
                octets = 1;
            }
            out.appendCodePoint(codePoint);
            octets += width;
            i += Character.charCount(codePoint);
        }
        out.append("\r\n");
    }

    /** For tests of the folding itself. */
    static String folded(String content) {
        CalendarWriter writer = new CalendarWriter();
        writer.line(content);
        return writer.out.toString();
    }

    private CalendarWriter() {}
}
