package org.compactreview.cycle.process;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.compactreview.cycle.CycleKind;
import org.compactreview.cycle.CycleService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** {@code Task_OpenAnnualCycle} and {@code Task_OpenConference}: the cadence opens a cycle. */
@Configuration(proxyBeanMethods = false)
class OpenScheduledCycleDelegates {

    @Bean
    JavaDelegate openScheduledAnnualCycle(CycleService cycles) {
        return execution -> cycles.openScheduled(CycleKind.ANNUAL_REVIEW);
    }

    @Bean
    JavaDelegate openScheduledConference(CycleService cycles) {
        return execution -> cycles.openScheduled(CycleKind.HIGH_LEVEL_CONFERENCE);
    }
}
