package org.compactreview.cycle.process;

import java.util.List;
import org.compactreview.report.ReportQueries;
import org.springframework.stereotype.Component;

/**
 * {@code ${cycleParticipants.of(cycleId)}}: the multi-instance collection of the participant
 * review in the earlier versions of {@code annualReview} and {@code highLevelConference}, which
 * the cycles opened on them still evaluate. Read from the cycle's reports so that no list is
 * stored as a process variable.
 */
@Component("cycleParticipants")
public class CycleParticipants {

    private final ReportQueries reports;

    CycleParticipants(ReportQueries reports) {
        this.reports = reports;
    }

    public List<String> of(Long cycleId) {
        return reports.participantsOf(cycleId);
    }
}
