package org.compactreview.cycle.web;

import java.util.Set;
import org.compactreview.process.AnnualReviewModel;
import org.compactreview.process.ConferenceModel;
import org.compactreview.task.TaskForm;
import org.compactreview.task.WorkItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The cycle's own steps are done on its page: the annual meeting on the board, the conference's on its page. */
@Configuration(proxyBeanMethods = false)
class CycleTaskForms {

    static final Set<String> MEETING_TASKS =
            Set.of(AnnualReviewModel.TASK_PREPARE_ANNUAL_MEETING, AnnualReviewModel.TASK_RECORD_MEETING_OUTCOMES);

    static final Set<String> CONFERENCE_TASKS = Set.of(
            ConferenceModel.TASK_COMPILE_PROGRESS_REPORT,
            ConferenceModel.TASK_CONSULT_STAKEHOLDERS,
            ConferenceModel.TASK_NEGOTIATE_DECLARATION,
            ConferenceModel.TASK_ADOPT_DECLARATION);

    @Bean
    TaskForm annualMeetingForm() {
        return form(MEETING_TASKS, "/cycles/");
    }

    @Bean
    TaskForm conferenceForm() {
        return form(CONFERENCE_TASKS, "/conferences/");
    }

    private static TaskForm form(Set<String> keys, String base) {
        return new TaskForm() {
            @Override
            public Set<String> taskKeys() {
                return keys;
            }

            @Override
            public String path(WorkItem task) {
                return base + task.cycleId();
            }
        };
    }
}
