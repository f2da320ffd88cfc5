package org.compactreview.identity;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Starts and ends periods out of office on time, on every node that runs background work: a node
 * with Camunda's job executor switched off runs neither timers nor this (the tests switch both
 * off and call {@link Absences#runDue()} after moving the clock). Several nodes poll at once
 * safely: each absence is locked while one node handles it, and the others skip it.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "camunda.bpm.job-execution.enabled", havingValue = "true", matchIfMissing = true)
class AbsenceSchedule {

    private final Absences absences;

    AbsenceSchedule(Absences absences) {
        this.absences = absences;
    }

    @Scheduled(
            fixedDelayString = "${compact-review.absences.poll-interval:PT1M}",
            initialDelayString = "${compact-review.absences.poll-interval:PT1M}")
    void startAndEndDueAbsences() {
        absences.runDue();
    }
}
