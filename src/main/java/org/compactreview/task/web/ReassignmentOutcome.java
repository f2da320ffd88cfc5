package org.compactreview.task.web;

import java.io.Serializable;
import java.util.List;
import org.compactreview.task.Reassignment;

/**
 * What the team list shows after a reassignment, kept in the flash of the redirect (so in the
 * session store): the counts, and the first {@value #SHOWN} tasks that did not move with why.
 */
public record ReassignmentOutcome(
        String to, String toName, int selected, int moved, List<Reassignment.NotMoved> notMoved, int notMovedTotal)
        implements Serializable {

    static final int SHOWN = 100;

    static ReassignmentOutcome of(Reassignment done) {
        return new ReassignmentOutcome(
                done.to(),
                done.toName(),
                done.selected(),
                done.moved().size(),
                done.notMoved().stream().limit(SHOWN).toList(),
                done.notMoved().size());
    }
}
