package org.compactreview.history;

import java.util.List;

/**
 * One field of an audit record whose value differs between before and after. {@code path} names
 * the field from the record's root, e.g. {@code [objective=3, rating]} for the rating of objective
 * 3 in a report save; a value is null when the field is absent on that side.
 */
record FieldChange(List<String> path, String before, String after) {}
