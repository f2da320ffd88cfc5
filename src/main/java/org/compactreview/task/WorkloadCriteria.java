package org.compactreview.task;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.compactreview.framework.FrameworkCatalog;
import org.springframework.stereotype.Component;

/** A workload filter as the work item table can answer it: region and process become sets. */
@Component
class WorkloadCriteria {

    private final FrameworkCatalog framework;

    WorkloadCriteria(FrameworkCatalog framework) {
        this.framework = framework;
    }

    WorkloadRepository.Criteria of(WorkloadFilter filter) {
        Set<String> keys = null;
        if (filter.process() != null) {
            keys = new HashSet<>(TaskProcesses.taskKeysOf(filter.process()).orElse(List.of()));
        }
        if (filter.taskKey() != null) {
            keys = keys == null ? Set.of(filter.taskKey()) : intersection(keys, Set.of(filter.taskKey()));
        }
        Set<String> participants = filter.participants().isEmpty() ? null : filter.participants();
        if (filter.region() != null) {
            Set<String> region = framework.participantsOfRegion(filter.region());
            participants = participants == null ? region : intersection(participants, region);
        }
        return new WorkloadRepository.Criteria(
                filter.cycleIds().isEmpty() ? null : filter.cycleIds(),
                keys,
                participants,
                filter.assignee(),
                filter.overdue());
    }

    private static Set<String> intersection(Set<String> a, Set<String> b) {
        Set<String> both = new HashSet<>(a);
        both.retainAll(b);
        return both;
    }
}
