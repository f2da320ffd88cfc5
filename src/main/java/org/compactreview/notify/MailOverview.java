package org.compactreview.notify;

import java.time.Instant;
import java.util.Map;
import org.compactreview.platform.Page;

/**
 * The outbox as operators watch it: how many mails stand in each status (PENDING is the backlog),
 * when the backlog's oldest mail was due (null: nothing waits), and a page of the incidents.
 */
public record MailOverview(Map<String, Integer> counts, Instant oldestDue, Page<MailIncident> incidents) {}
