package org.compactreview.notify.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The time zones the settings page offers, grouped by continent or ocean (the first part of an
 * IANA id: Africa, America, Asia...), each with its offset now and its name in the reader's
 * language, so that a user finds "Tokyo" under Asia. UTC comes first. The legacy aliases
 * (US/Eastern, Etc/GMT+5, SystemV/...) are not offered but still accepted from the API.
 */
final class ZoneChoices {

    /** The groups offered, in this order; each has its name in {@code notifications.zones.<group>}. */
    static final List<String> GROUPS = List.of(
            "Africa",
            "America",
            "Antarctica",
            "Arctic",
            "Asia",
            "Atlantic",
            "Australia",
            "Europe",
            "Indian",
            "Pacific");

    record Zone(String id, String label) {}

    record Group(String name, List<Zone> zones) {}

    private ZoneChoices() {}

    static List<Group> of(Locale locale, Instant now) {
        Map<String, List<Zone>> byGroup = new TreeMap<>();
        for (String id : new java.util.TreeSet<>(ZoneId.getAvailableZoneIds())) {
            int slash = id.indexOf('/');
            if (slash < 0 || !GROUPS.contains(id.substring(0, slash))) {
                continue;
            }
            byGroup.computeIfAbsent(id.substring(0, slash), g -> new ArrayList<>())
                    .add(zone(id, id.substring(slash + 1).replace('_', ' ').replace("/", " / "), locale, now));
        }
        List<Group> groups = new ArrayList<>();
        groups.add(new Group("UTC", List.of(zone("UTC", "UTC", locale, now))));
        GROUPS.stream().filter(byGroup::containsKey).forEach(g -> groups.add(new Group(g, byGroup.get(g))));
        return groups;
    }

    private static Zone zone(String id, String place, Locale locale, Instant now) {
        ZoneId zone = ZoneId.of(id);
        ZoneOffset offset = zone.getRules().getOffset(now);
        String utc = "UTC" + (offset.getTotalSeconds() == 0 ? "" : offset.getId());
        String name = zone.getDisplayName(TextStyle.FULL, locale);
        if (place.equals(utc)) {
            return new Zone(id, place + " (" + name + ")");
        }
        return new Zone(id, place + " (" + utc + (place.equals(name) ? "" : ", " + name) + ")");
    }
}
