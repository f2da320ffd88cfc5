package org.compactreview.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.validate.ValidationResult;

/**
 * A feed as a strict parser reads it (ical4j, relaxed parsing off, the default): every event by
 * its UID. Parsing fails on a malformed line; validation must find no error.
 */
final class CalendarDocument {

    final Calendar calendar;
    final Map<String, Component> events = new LinkedHashMap<>();

    private CalendarDocument(Calendar calendar) {
        this.calendar = calendar;
        for (Component component : calendar.<net.fortuna.ical4j.model.component.CalendarComponent>getComponents()) {
            if (component.getName().equals(Component.VEVENT)) {
                events.put(value(component, Property.UID).orElseThrow(), component);
            }
        }
    }

    static CalendarDocument parse(String text) {
        assertThat(text).startsWith("BEGIN:VCALENDAR\r\n").endsWith("END:VCALENDAR\r\n");
        // Every line ends with CRLF; a lone LF or CR is not allowed.
        assertThat(text.replace("\r\n", "")).doesNotContain("\n").doesNotContain("\r");
        try {
            Calendar calendar = new CalendarBuilder().build(new StringReader(text));
            ValidationResult result = calendar.validate();
            assertThat(result.hasErrors()).as(result.toString()).isFalse();
            return new CalendarDocument(calendar);
        } catch (Exception e) {
            throw new AssertionError("not a valid iCalendar document: " + e + "\n" + text, e);
        }
    }

    Component event(String uid) {
        assertThat(events).as("events of the feed").containsKey(uid);
        return events.get(uid);
    }

    static Optional<String> value(Component component, String name) {
        return component.<Property>getProperties().stream()
                .filter(p -> p.getName().equals(name))
                .map(Property::getValue)
                .findFirst();
    }

    static String valueOf(Component component, String name) {
        return value(component, name).orElseThrow(() -> new AssertionError("no " + name + " in " + component));
    }

    /** The VALUE parameter of a property (DATE for an all-day event), or empty. */
    static Optional<String> valueType(Component component, String name) {
        return component.<Property>getProperties().stream()
                .filter(p -> p.getName().equals(name))
                .findFirst()
                .flatMap(p -> p.getParameter("VALUE"))
                .map(parameter -> ((net.fortuna.ical4j.model.Parameter) parameter).getValue());
    }
}
