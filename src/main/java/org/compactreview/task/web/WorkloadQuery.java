package org.compactreview.task.web;

import java.util.Locale;
import java.util.Set;
import org.compactreview.task.TaskSort;
import org.compactreview.task.WorkloadFilter;
import org.compactreview.task.WorkloadRow;
import org.springframework.util.StringUtils;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The workload pages' filters, sort and page as they travel in the URL: every link, form and
 * redirect of the team list and the workload view is built from it, so that the filters stay
 * across every action. Unknown sort values fall back to the default order. Public, with public
 * methods, because the templates call them (SpEL reaches public members only).
 */
public record WorkloadQuery(
        Long cycleId,
        String process,
        String taskKey,
        String participant,
        String region,
        String assignee,
        Boolean overdue,
        String sort,
        String dir,
        int page,
        String group) {

    public static final String PEOPLE = "people";
    public static final String PARTICIPANTS = "participants";

    public WorkloadQuery {
        process = blankToNull(process);
        taskKey = blankToNull(taskKey);
        participant = blankToNull(participant);
        region = blankToNull(region);
        assignee = blankToNull(assignee);
        sort = blankToNull(sort);
        dir = "desc".equals(dir) ? "desc" : blankToNull(dir) == null ? null : "asc";
        group = PARTICIPANTS.equals(group) ? PARTICIPANTS : PEOPLE;
    }

    public WorkloadFilter filter() {
        return new WorkloadFilter(
                cycleId == null ? Set.of() : Set.of(cycleId),
                process,
                taskKey,
                participant == null ? Set.of() : Set.of(participant),
                region,
                assignee,
                Boolean.TRUE.equals(overdue) ? Boolean.TRUE : null);
    }

    public TaskSort taskSort() {
        return parse(TaskSort.class, sort, TaskSort.DUE);
    }

    public WorkloadRow.Sort rowSort() {
        return parse(WorkloadRow.Sort.class, sort, WorkloadRow.Sort.OPEN);
    }

    /** Descending when asked; counts sort most first unless asked otherwise. */
    public boolean descending(boolean byDefault) {
        return dir == null ? byDefault : dir.equals("desc");
    }

    /** This query's URL on a page ({@code /team} or {@code /workload}). */
    public String path(String base) {
        return build(base, java.util.Map.of());
    }

    /** Another page of the same list. */
    public String page(String base, int page) {
        return build(base, java.util.Map.of("page", page));
    }

    /** The same filters on a page, in that page's default order, from its first page. */
    public String fresh(String base) {
        return build(base, unordered());
    }

    /** {@link #fresh(String)}, with one filter set: a row of the workload view opens its tasks. */
    public String fresh(String base, String name, String value) {
        java.util.Map<String, Object> changes = unordered();
        changes.put(name, value);
        return build(base, changes);
    }

    /** The workload view grouped by people or by participants, from its first page. */
    public String grouped(String group) {
        java.util.Map<String, Object> changes = unordered();
        changes.put("group", group);
        return build("/workload", changes);
    }

    /** The link of a column heading: sorts by it, or turns the order round if it sorts by it already. */
    public String sortPath(String base, String column) {
        boolean current = column.equalsIgnoreCase(sort);
        java.util.Map<String, Object> changes = new java.util.HashMap<>();
        changes.put("sort", column.toLowerCase(Locale.ROOT));
        changes.put("dir", current && !"desc".equals(dir) ? "desc" : "asc");
        changes.put("page", null);
        return build(base, changes);
    }

    private static java.util.Map<String, Object> unordered() {
        java.util.Map<String, Object> changes = new java.util.HashMap<>();
        changes.put("sort", null);
        changes.put("dir", null);
        changes.put("page", null);
        return changes;
    }

    private String build(String base, java.util.Map<String, Object> changes) {
        UriComponentsBuilder url = UriComponentsBuilder.fromPath(base);
        java.util.Map<String, Object> params = new java.util.LinkedHashMap<>();
        params.put("cycleId", cycleId);
        params.put("process", process);
        params.put("taskKey", taskKey);
        params.put("participant", participant);
        params.put("region", region);
        params.put("assignee", assignee);
        params.put("overdue", Boolean.TRUE.equals(overdue) ? Boolean.TRUE : null);
        params.put("group", base.equals("/workload") && PARTICIPANTS.equals(group) ? group : null);
        params.put("sort", sort);
        params.put("dir", dir);
        params.put("page", page == 0 ? null : page);
        changes.forEach((name, value) -> params.put(name, "group".equals(name) && PEOPLE.equals(value) ? null : value));
        params.forEach((name, value) -> {
            if (value != null) {
                url.queryParam(name, value);
            }
        });
        return url.encode().build().toUriString();
    }

    /** The aria-sort of a column heading: ascending, descending or none. */
    public String ariaSort(String column) {
        if (!column.equalsIgnoreCase(sort)) {
            return "none";
        }
        return "desc".equals(dir) ? "descending" : "ascending";
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, E fallback) {
        if (value == null) {
            return fallback;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(value)) {
                return constant;
            }
        }
        return fallback;
    }

    private static String blankToNull(String value) {
        return StringUtils.hasText(value) ? value.trim() : null;
    }
}
