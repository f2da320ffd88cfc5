package org.compactreview.cycle;

import java.util.List;
import org.compactreview.platform.NotFoundException;
import org.compactreview.report.ReportService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Starts a cycle's participant reviews, one process instance per participant, a batch at a time
 * in alphabetical order of the participants' codes. Each batch runs in one transaction, so a batch
 * that fails starts none of its reviews and is retried as a whole.
 */
@Service
public class ParticipantReviews {

    private final CycleRepository cycles;
    private final ReportService reports;
    private final CycleProcess process;
    private final CycleProperties properties;

    ParticipantReviews(
            CycleRepository cycles, ReportService reports, CycleProcess process, CycleProperties properties) {
        this.cycles = cycles;
        this.reports = reports;
        this.process = process;
        this.properties = properties;
    }

    /** How many reviews have started once a batch is done, and whether that is all of them. */
    public record Started(int count, boolean all) {}

    /** Starts the next batch: the participants after the first {@code alreadyStarted}. */
    @Transactional
    public Started startBatch(long cycleId, int alreadyStarted) {
        ReviewCycle cycle = cycles.find(cycleId).orElseThrow(() -> new NotFoundException("cycle", cycleId));
        List<String> participants = reports.participantsOf(cycleId);
        int to = Math.min(participants.size(), alreadyStarted + Math.max(1, properties.startBatchSize()));
        participants.subList(alreadyStarted, to).forEach(participant -> process.startReview(cycle, participant));
        return new Started(to, to == participants.size());
    }
}
