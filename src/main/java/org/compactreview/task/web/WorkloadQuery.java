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
 * across every action. Unknown sort values fall back to the default order.
 */
record WorkloadQuery(
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

    static final String PEOPLE = "people";
    static final String PARTICIPANTS = "participants";

    WorkloadQuery {
        process = blankToNull(process);
        taskKey = blankToNull(taskKey);
        participant = blankToNull(participant);
        region = blankToNull(region);
        assignee = blankToNull(assignee);
        sort = blankToNull(sort);
        dir = "desc".equals(dir) ? "desc" : blankToNull(dir) == null ? null : "asc";
        group = PARTICIPANTS.equals(group) ? PARTICIPANTS : PEOPLE;
    }

    WorkloadFilter filter() {
        return new WorkloadFilter(
                cycleId == null ? Set.of() : Set.of(cycleId),
                process,
                taskKey,
                participant == null ? Set.of() : Set.of(participant),
                region,
                assignee,
                Boolean.TRUE.equals(overdue) ? Boolean.TRUE : null);
    }

    TaskSort taskSort() {
        return parse(TaskSort.class, sort, TaskSort.DUE);
    }

    WorkloadRow.Sort rowSort() {
        return parse(WorkloadRow.Sort.class, sort, WorkloadRow.Sort.OPEN);
    }

    /** Descending when asked; counts sort most first unless asked otherwise. */
    boolean descending(boolean byDefault) {
        return dir == null ? byDefault : dir.equals("desc");
    }

    /** This query's URL on a page, with some parameters changed ({@code name, value, ...}; null removes). */
    String path(String base, Object... changes) {
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
        for (int i = 0; i + 1 < changes.length; i += 2) {
            params.put((String) changes[i], changes[i + 1]);
        }
        params.forEach((name, value) -> {
            if (value != null) {
                url.queryParam(name, value);
            }
        });
        return url.encode().build().toUriString();
    }

    /** The link of a column heading: sorts by it, or turns the order round if it sorts by it already. */
    String sortPath(String base, String column) {
        boolean current = column.equalsIgnoreCase(sort);
        String direction = current && !"desc".equals(dir) ? "desc" : "asc";
        return path(base, "sort", column.toLowerCase(Locale.ROOT), "dir", direction, "page", null);
    }

    /** The aria-sort of a column heading: ascending, descending or none. */
    String ariaSort(String column) {
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
