/**
 * The only module that talks to Camunda's TaskService: inbox, claim, unclaim, reassign and
 * complete, each checked against the caller's candidate groups. Outsiders get "not found".
 */
package org.compactreview.task;
