package org.compactreview.task.process;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.compactreview.platform.PostParseListeners;
import org.compactreview.task.WorkItems;
import org.springframework.stereotype.Component;

/**
 * Attaches the work item listener to every user task of every deployed process, so that no
 * model can forget it.
 */
@Component
class WorkItemPlugin extends AbstractProcessEnginePlugin {

    private static final List<String> EVENTS = List.of(
            TaskListener.EVENTNAME_CREATE,
            TaskListener.EVENTNAME_ASSIGNMENT,
            TaskListener.EVENTNAME_UPDATE,
            TaskListener.EVENTNAME_COMPLETE,
            TaskListener.EVENTNAME_DELETE);

    private final WorkItemListener listener;
    private final WorkItems workItems;

    WorkItemPlugin(WorkItemListener listener, WorkItems workItems) {
        this.listener = listener;
        this.workItems = workItems;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<SessionFactory> sessions = configuration.getCustomSessionFactories();
        if (sessions == null) {
            sessions = new ArrayList<>();
            configuration.setCustomSessionFactories(sessions);
        }
        sessions.add(new EndedTasks.Factory(workItems));
        PostParseListeners.add(configuration, new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
                TaskDefinition definition =
                        ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
                EVENTS.forEach(event -> definition.addTaskListener(event, listener));
            }
        });
    }
}
