package org.compactreview.cycle.process;

import java.util.List;
import org.compactreview.cycle.ConferenceService;
import org.compactreview.report.FollowUpView;
import org.compactreview.report.FollowUps;
import org.springframework.stereotype.Component;

/** Gives the report form the follow-up items adopted at conferences. */
@Component
class FollowUpsForReports implements FollowUps {

    private final ConferenceService conferences;

    FollowUpsForReports(ConferenceService conferences) {
        this.conferences = conferences;
    }

    @Override
    public List<FollowUpView> items(String participantCode) {
        return conferences.followUpItems(participantCode, null).stream()
                .map(item -> new FollowUpView(item.objective(), item.conferencePeriod(), item.text()))
                .toList();
    }
}
