package org.compactreview.task;

import java.util.Collection;
import java.util.Map;

/**
 * The periods of review cycles, by cycle id, for the workload view: a cycle is shown by its
 * period, not its number. Implemented by the cycle module, which owns the cycle table; the task
 * module names no cycle type, so the two form no cycle.
 */
public interface TaskCycles {

    Map<Long, String> periods(Collection<Long> cycleIds);
}
