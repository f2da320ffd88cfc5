package org.compactreview.capacity.process;

import org.compactreview.capacity.CapacityService;
import org.springframework.stereotype.Component;

/** {@code ${capacityPlans.ended(requestId)}}: the gateway that ends the progress-update loop. */
@Component("capacityPlans")
public class CapacityPlans {

    private final CapacityService capacity;

    CapacityPlans(CapacityService capacity) {
        this.capacity = capacity;
    }

    public boolean ended(Long requestId) {
        return capacity.planEnded(requestId);
    }
}
