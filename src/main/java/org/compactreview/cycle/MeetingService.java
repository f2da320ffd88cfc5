package org.compactreview.cycle;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.compactreview.audit.AuditLog;
import org.compactreview.identity.CurrentUser;
import org.compactreview.platform.ConflictException;
import org.compactreview.platform.NotFoundException;
import org.compactreview.process.AnnualReviewModel;
import org.compactreview.task.TaskGateway;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The secretariat's two meeting steps after consolidation. */
@Service
public class MeetingService {

    private final CycleRepository cycles;
    private final TaskGateway tasks;
    private final AuditLog audit;

    MeetingService(CycleRepository cycles, TaskGateway tasks, AuditLog audit) {
        this.cycles = cycles;
        this.tasks = tasks;
        this.audit = audit;
    }

    @Transactional
    public ReviewCycle prepare(long cycleId, CurrentUser user, LocalDate meetingDate, String agenda) {
        ReviewCycle before = inStatus(cycleId, CycleStatus.CONSOLIDATED);
        cycles.updateMeetingPreparation(cycleId, meetingDate, agenda);
        tasks.complete(AnnualReviewModel.TASK_PREPARE_ANNUAL_MEETING, cycleId, null, user, Map.of());
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("status", CycleStatus.MEETING_PREPARED);
        after.put("meetingDate", meetingDate);
        after.put("agenda", agenda);
        audit.record("MEETING_PREPARED", "cycle", cycleId, Map.of("status", before.status()), after);
        return cycles.find(cycleId).orElseThrow();
    }

    @Transactional
    public ReviewCycle recordOutcomes(long cycleId, CurrentUser user, String outcomes, List<String> decisions) {
        ReviewCycle before = inStatus(cycleId, CycleStatus.MEETING_PREPARED);
        cycles.updateMeetingOutcomes(cycleId, outcomes, decisions);
        tasks.complete(AnnualReviewModel.TASK_RECORD_MEETING_OUTCOMES, cycleId, null, user, Map.of());
        audit.record(
                "MEETING_OUTCOMES_RECORDED",
                "cycle",
                cycleId,
                Map.of("status", before.status()),
                Map.of("outcomes", outcomes, "decisions", decisions));
        return cycles.find(cycleId).orElseThrow();
    }

    private ReviewCycle inStatus(long cycleId, CycleStatus expected) {
        ReviewCycle cycle = cycles.lock(cycleId).orElseThrow(() -> new NotFoundException("cycle", cycleId));
        if (cycle.status() != expected) {
            throw new ConflictException("problem.cycle.wrong-status", cycle.status(), expected);
        }
        return cycle;
    }
}
