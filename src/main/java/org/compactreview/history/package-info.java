/**
 * The audit trail as people read it: the "History" section of each task, report and user page
 * (for those who may see the object), and the searchable, paged list with its CSV export for the
 * secretariat, managers and administrators. It reads the trail through {@code audit}'s query and
 * names people, participants and values through their owning modules; it writes nothing, and no
 * module depends on it (so it may depend on {@code report}, {@code task} and {@code identity},
 * which {@code audit} itself, written to by all of them, may not).
 */
package org.compactreview.history;
