package org.compactreview.report.process;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.compactreview.platform.PostParseListeners;
import org.compactreview.process.ParticipantReviewModel;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Cycles opened before {@code Task_RaiseSupportRequests} existed run an earlier version of their
 * process, in which the accepted branch went straight to the save point on
 * {@code EndEvent_ReportAccepted}, and the requests were raised inside the acceptance. Those
 * definitions get the same step as a start listener on that end event: it runs in the save
 * point's job, as the service task does in the current version, so their accepted reports still
 * raise their capacity-building requests.
 */
@Component
class EarlierAcceptanceSavePoints extends AbstractProcessEnginePlugin {

    private final ObjectProvider<ReportAcceptedDelegate> delegate;

    EarlierAcceptanceSavePoints(ObjectProvider<ReportAcceptedDelegate> delegate) {
        this.delegate = delegate;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        // Resolved when it runs: the delegate's services need the engine this plugin configures.
        ExecutionListener raise = execution -> delegate.getObject().execute(execution);
        PostParseListeners.add(configuration, new AbstractBpmnParseListener() {
            @Override
            public void parseProcess(Element processElement, ProcessDefinitionEntity definition) {
                ActivityImpl end = definition.findActivity(ParticipantReviewModel.END_REPORT_ACCEPTED);
                if (end != null
                        && definition.findActivity(ParticipantReviewModel.TASK_RAISE_SUPPORT_REQUESTS) == null) {
                    end.addListener(ExecutionListener.EVENTNAME_START, raise);
                }
            }
        });
    }
}
