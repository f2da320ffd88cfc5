package org.compactreview.task;

import java.util.Optional;

/**
 * Which report a participant's task belongs to, found by the branch's business keys (cycle and
 * participant). Implemented by the report module, which owns the report table; the task module
 * names no report type, so the two form no cycle.
 */
public interface TaskReports {

    Optional<Long> reportId(long cycleId, String participantCode);
}
