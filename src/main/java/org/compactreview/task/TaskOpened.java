package org.compactreview.task;

/**
 * A user task began: a new task, or the next task of a branch (a submitted report's validation, a
 * returned report's new submission). Published inside the engine's command, in its transaction:
 * a listener that writes (the notify module's outbox) commits or rolls back with the task.
 */
public record TaskOpened(WorkItem task) {}
