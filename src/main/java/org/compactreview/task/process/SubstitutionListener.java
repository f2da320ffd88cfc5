package org.compactreview.task.process;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.compactreview.task.Substitutions;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * A task created for, or assigned to, someone out of office goes on to their substitute
 * ({@link Substitutions#assigned}). Only a task with an assignee costs a look-up; the engine's
 * own creations of candidate-group tasks cost nothing.
 */
@Component
public class SubstitutionListener implements TaskListener {

    // Looked up when a task is assigned, not when the engine (which the service needs) is built.
    private final ObjectProvider<Substitutions> substitutions;

    SubstitutionListener(ObjectProvider<Substitutions> substitutions) {
        this.substitutions = substitutions;
    }

    @Override
    public void notify(DelegateTask task) {
        if (task.getAssignee() == null) {
            return;
        }
        Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
        substitutions
                .getObject()
                .assigned(task.getId(), task.getAssignee(), signedIn == null ? null : signedIn.getName());
    }
}
