package org.compactreview.cycle.process;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code ${cycleParticipants.of(cycleId)}}: the multi-instance collection of the participant
 * review, read from the cycle's reports so that no list is stored as a process variable.
 */
@Component("cycleParticipants")
public class CycleParticipants {

    private final JdbcClient jdbc;

    CycleParticipants(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<String> of(Long cycleId) {
        return jdbc.sql("select participant_code from report where cycle_id = ? order by participant_code")
                .param(cycleId)
                .query(String.class)
                .list();
    }
}
