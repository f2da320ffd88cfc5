package org.compactreview.task;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What other modules read of the open work items, in batches: only the task module names the
 * work item table in SQL. No access check: callers are boards that check their own.
 */
@Service
public class WorkItemQueries {

    private final WorkItemRepository repository;
    private final Clock clock;

    WorkItemQueries(WorkItemRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /** Of each report, its newest open work item of the given task keys, by report id. */
    @Transactional(readOnly = true)
    public Map<Long, WorkItem> latestForReports(Collection<Long> reportIds, Collection<String> taskKeys) {
        return repository.latestForReports(reportIds, taskKeys, clock.instant()).stream()
                .collect(Collectors.toMap(WorkItem::reportId, Function.identity()));
    }

    /** How many participants of a cycle stand at each task key now (one grouped statement). */
    @Transactional(readOnly = true)
    public Map<String, Integer> participantsByTaskKey(long cycleId) {
        return repository.participantsByTaskKey(cycleId).stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** The open work items of a cycle at one task key, ordered by participant code. */
    @Transactional(readOnly = true)
    public List<WorkItem> atTaskKey(long cycleId, String taskKey) {
        return repository.atTaskKey(cycleId, taskKey, clock.instant());
    }

    /**
     * How many work items of the given task key each cycle has open (the managers' follow-ups of
     * overdue reports, for the cycles overview), by cycle id; cycles with none are absent.
     */
    @Transactional(readOnly = true)
    public Map<Long, Long> openByCycle(Collection<Long> cycleIds, String taskKey) {
        return repository.openByCycle(cycleIds, taskKey);
    }
}
