package org.compactreview.task;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.compactreview.framework.FrameworkCatalog;
import org.compactreview.framework.Participant;
import org.compactreview.identity.CurrentUser;
import org.compactreview.identity.Role;
import org.compactreview.identity.UserDirectory;
import org.compactreview.platform.ForbiddenException;
import org.compactreview.platform.Page;
import org.compactreview.platform.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The managers' and the secretariat's view of every team's open work: the tasks, filtered, sorted
 * and paged, and their counts per person and per participant. Nobody else sees it (403): a focal
 * point sees its own tasks in its inbox only.
 */
@Service
public class Workload {

    private final WorkloadRepository repository;
    private final WorkloadCriteria criteria;
    private final TaskCycles cycles;
    private final FrameworkCatalog framework;
    private final UserDirectory users;
    private final Clock clock;

    Workload(
            WorkloadRepository repository,
            WorkloadCriteria criteria,
            TaskCycles cycles,
            FrameworkCatalog framework,
            UserDirectory users,
            Clock clock) {
        this.repository = repository;
        this.criteria = criteria;
        this.cycles = cycles;
        this.framework = framework;
        this.users = users;
        this.clock = clock;
    }

    /** A page of the open tasks matching the filter, each with its cycle's period. */
    @Transactional(readOnly = true)
    public Page<WorkItem> tasks(
            CurrentUser user, WorkloadFilter filter, TaskSort sort, boolean descending, PageRequest page) {
        checkManagesWork(user);
        List<String> byName = sort == TaskSort.PARTICIPANT
                ? framework.participants().stream()
                        .map(Participant::code)
                        .sorted(framework.byParticipantName())
                        .toList()
                : List.of();
        Page<WorkItem> tasks =
                repository.page(criteria.of(filter), sort.orderBy(descending), byName, page, clock.instant());
        return withPeriods(tasks);
    }

    /** The open work per person (assignee); tasks nobody holds yet are one row with a null key. */
    @Transactional(readOnly = true)
    public Page<WorkloadRow> byPerson(
            CurrentUser user, WorkloadFilter filter, WorkloadRow.Sort sort, boolean descending, PageRequest page) {
        checkManagesWork(user);
        List<WorkloadRepository.Count> counts = repository.countsBy("assignee", criteria.of(filter), clock.instant());
        Map<String, String> names = users.displayNames(counts.stream()
                .map(WorkloadRepository.Count::key)
                .filter(Objects::nonNull)
                .collect(Collectors.toSet()));
        return rows(counts, key -> key == null ? null : names.getOrDefault(key, key), sort, descending, page);
    }

    /** The open work per participant; tasks of no participant (a cycle's own) are one row with a null key. */
    @Transactional(readOnly = true)
    public Page<WorkloadRow> byParticipant(
            CurrentUser user, WorkloadFilter filter, WorkloadRow.Sort sort, boolean descending, PageRequest page) {
        checkManagesWork(user);
        List<WorkloadRepository.Count> counts =
                repository.countsBy("participant_code", criteria.of(filter), clock.instant());
        return rows(
                counts,
                key -> key == null
                        ? null
                        : framework.participant(key).map(Participant::name).orElse(key),
                sort,
                descending,
                page);
    }

    /** The cycles that have open tasks, newest first, by id with their periods. */
    @Transactional(readOnly = true)
    public Map<Long, String> cyclesWithOpenTasks(CurrentUser user) {
        checkManagesWork(user);
        return cycles.periods(repository.cycleIds());
    }

    /** The people who hold open tasks, with their display names, by name. */
    @Transactional(readOnly = true)
    public Map<String, String> assignees(CurrentUser user) {
        checkManagesWork(user);
        Map<String, String> names = users.displayNames(repository.assignees());
        return names.entrySet().stream()
                .sorted(Map.Entry.<String, String>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .collect(Collectors.toMap(
                        Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, java.util.LinkedHashMap::new));
    }

    /** Display names of the assignees of some tasks, by username (a username stands for itself if unknown). */
    @Transactional(readOnly = true)
    public Map<String, String> assigneeNames(List<WorkItem> items) {
        Set<String> usernames = new HashSet<>();
        items.forEach(item -> {
            if (item.assignee() != null) {
                usernames.add(item.assignee());
            }
        });
        return users.displayNames(usernames);
    }

    static void checkManagesWork(CurrentUser user) {
        if (!(user.has(Role.MANAGER) || user.has(Role.SECRETARIAT))) {
            throw new ForbiddenException("problem.task.all-teams-not-allowed");
        }
    }

    private Page<WorkItem> withPeriods(Page<WorkItem> tasks) {
        Set<Long> ids = tasks.items().stream()
                .map(WorkItem::cycleId)
                .filter(Objects::nonNull)
                .collect(Collectors.toSet());
        Map<Long, String> periods = cycles.periods(ids);
        return tasks.map(item -> item.cycleId() == null ? item : withPeriod(item, periods.get(item.cycleId())));
    }

    static WorkItem withPeriod(WorkItem item, String period) {
        return new WorkItem(
                item.id(),
                item.taskKey(),
                item.name(),
                item.cycleId(),
                period,
                item.participantCode(),
                item.reportId(),
                item.candidateGroup(),
                item.assignee(),
                item.dueAt(),
                item.overdue(),
                item.createdAt(),
                item.capacityRequestId(),
                item.ownInstance());
    }

    private Page<WorkloadRow> rows(
            List<WorkloadRepository.Count> counts,
            java.util.function.Function<String, String> name,
            WorkloadRow.Sort sort,
            boolean descending,
            PageRequest page) {
        Instant now = clock.instant();
        Comparator<WorkloadRow> byName =
                Comparator.comparing(WorkloadRow::name, Comparator.nullsFirst(Comparator.naturalOrder()));
        Comparator<WorkloadRow> order =
                switch (sort) {
                    case OPEN -> Comparator.comparingLong(WorkloadRow::open);
                    case OVERDUE -> Comparator.comparingLong(WorkloadRow::overdue);
                    case OLDEST -> Comparator.comparingLong(WorkloadRow::oldestAgeDays);
                    case NAME -> byName;
                };
        List<WorkloadRow> rows = counts.stream()
                .map(c -> new WorkloadRow(
                        c.key(),
                        name.apply(c.key()),
                        c.open(),
                        c.overdue(),
                        c.oldest(),
                        Math.max(0, Duration.between(c.oldest(), now).toDays())))
                .sorted((descending ? order.reversed() : order).thenComparing(byName))
                .toList();
        List<WorkloadRow> items =
                rows.stream().skip(page.offset()).limit(page.size()).toList();
        return new Page<>(items, page.page(), page.size(), rows.size());
    }
}
