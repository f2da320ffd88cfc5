/**
 * Discussion around the follow-up: comment threads on reports (per objective where given) and
 * tasks, evidence attached to report entries, capacity-building progress updates and tasks
 * (stored in PostgreSQL, type checked by content, streamed), and the continuous dialogue: an open
 * thread per cycle and objective, moderated by the secretariat. Who may see a comment or an
 * attachment is decided by the module that owns the object it belongs to.
 */
package org.compactreview.discussion;
