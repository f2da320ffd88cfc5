package org.compactreview.cycle.process;

import org.compactreview.cycle.CadenceProperties;
import org.springframework.stereotype.Component;

/**
 * {@code ${cadence.annualCycle()}} and {@code ${cadence.conferenceCycle()}} in the cadence models'
 * timer start events. The engine evaluates them while it deploys, so this bean needs nothing but
 * configuration.
 */
@Component("cadence")
public class Cadence {

    private final CadenceProperties properties;

    Cadence(CadenceProperties properties) {
        this.properties = properties;
    }

    public String annualCycle() {
        return properties.annual();
    }

    public String conferenceCycle() {
        return properties.conference();
    }
}
