package org.compactreview.history;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What an audit record changed, field by field: before and after are flattened to paths (objects
 * by field name, lists of objects by their identifying field, e.g. a report's entries by
 * objective) and only the paths whose values differ are kept. Lists of plain values (roles,
 * participants) are one field, their items joined. Any shape of record is shown this way, also
 * those of actions added later.
 */
final class ChangeSet {

    /** Fields that identify an item of a list, in the order they are looked for. */
    private static final List<String> ITEM_KEYS = List.of("objective", "id", "number", "username", "code");

    /** Separates the items of a list of plain values. */
    static final String LIST_SEPARATOR = ", ";

    private ChangeSet() {}

    static List<FieldChange> between(JsonNode before, JsonNode after) {
        Map<List<String>, String> was = flatten(before);
        Map<List<String>, String> is = flatten(after);
        Set<List<String>> paths = new LinkedHashSet<>(was.keySet());
        paths.addAll(is.keySet());
        List<FieldChange> changes = new ArrayList<>();
        for (List<String> path : paths) {
            String old = was.get(path);
            String now = is.get(path);
            if (!Objects.equals(emptyToNull(old), emptyToNull(now))) {
                changes.add(new FieldChange(path, old, now));
            }
        }
        return changes;
    }

    static Map<List<String>, String> flatten(JsonNode node) {
        Map<List<String>, String> out = new LinkedHashMap<>();
        if (node != null && !node.isNull()) {
            flatten(node, List.of(), out);
        }
        return out;
    }

    private static void flatten(JsonNode node, List<String> path, Map<List<String>, String> out) {
        if (node.isObject()) {
            node.fields().forEachRemaining(field -> flatten(field.getValue(), append(path, field.getKey()), out));
        } else if (node.isArray()) {
            String key = itemKey(node);
            if (key == null) {
                List<String> items = new ArrayList<>();
                node.forEach(item -> items.add(item.isValueNode() ? item.asText() : item.toString()));
                out.put(path.isEmpty() ? List.of("value") : path, String.join(LIST_SEPARATOR, items));
            } else {
                for (JsonNode item : node) {
                    List<String> itemPath =
                            append(path, key + "=" + item.get(key).asText());
                    item.fields().forEachRemaining(field -> {
                        if (!field.getKey().equals(key)) {
                            flatten(field.getValue(), append(itemPath, field.getKey()), out);
                        }
                    });
                }
            }
        } else {
            out.put(path.isEmpty() ? List.of("value") : path, node.isNull() ? null : node.asText());
        }
    }

    /** The field every item of a list of objects has, by which its items are told apart; null if none. */
    private static String itemKey(JsonNode array) {
        if (array.isEmpty()) {
            return null;
        }
        for (String key : ITEM_KEYS) {
            boolean everyItem = true;
            for (JsonNode item : array) {
                everyItem &=
                        item.isObject() && item.hasNonNull(key) && item.get(key).isValueNode();
            }
            if (everyItem) {
                return key;
            }
        }
        return null;
    }

    private static List<String> append(List<String> path, String segment) {
        List<String> longer = new ArrayList<>(path);
        longer.add(segment);
        return List.copyOf(longer);
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
