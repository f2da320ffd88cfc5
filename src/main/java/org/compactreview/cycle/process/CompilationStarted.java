package org.compactreview.cycle.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.compactreview.cycle.ConferenceService;
import org.compactreview.platform.PostParseListeners;
import org.compactreview.process.AnnualReviewModel;
import org.compactreview.process.ConferenceModel;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Sets a conference's status to COMPILATION when "Compile progress report" begins, that is when
 * the last regional review has ended. Attached when the model is parsed, so the BPMN stays as it
 * is and instances already running get it too; built in, so it runs even when Cockpit skips
 * custom listeners.
 */
@Component
class CompilationStarted extends AbstractProcessEnginePlugin implements ExecutionListener {

    // Lazily: the conference service needs the engine this plugin helps to build.
    private final ObjectProvider<ConferenceService> conferences;

    CompilationStarted(ObjectProvider<ConferenceService> conferences) {
        this.conferences = conferences;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        PostParseListeners.add(configuration, new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
                if (ConferenceModel.TASK_COMPILE_PROGRESS_REPORT.equals(activity.getId())
                        && activity.getProcessDefinition() instanceof ProcessDefinitionEntity definition
                        && ConferenceModel.PROCESS_KEY.equals(definition.getKey())) {
                    activity.addBuiltInListener(ExecutionListener.EVENTNAME_START, CompilationStarted.this);
                }
            }
        });
    }

    @Override
    public void notify(DelegateExecution execution) {
        conferences.getObject().compilationStarted((Long) execution.getVariable(AnnualReviewModel.VAR_CYCLE_ID));
    }
}
