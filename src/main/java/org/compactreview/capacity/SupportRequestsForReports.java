package org.compactreview.capacity;

import java.util.List;
import org.compactreview.identity.CurrentUser;
import org.compactreview.report.SupportRequestView;
import org.compactreview.report.SupportRequests;
import org.springframework.stereotype.Component;

/** What the report form shows of a participant's capacity-building requests. */
@Component
class SupportRequestsForReports implements SupportRequests {

    private final CapacityService capacity;

    SupportRequestsForReports(CapacityService capacity) {
        this.capacity = capacity;
    }

    @Override
    public List<SupportRequestView> of(String participantCode, CurrentUser user) {
        return capacity.list(user, new CapacityFilter(null, null, null, participantCode)).stream()
                .map(r ->
                        new SupportRequestView(r.id(), r.objective(), r.stage().name()))
                .toList();
    }
}
