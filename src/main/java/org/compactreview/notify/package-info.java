/**
 * Reminders and escalation mails; mail steps run as retried jobs so a failed send surfaces as an
 * incident. Each user's personal calendar feed (.ics), behind a secret token that can be rotated.
 */
package org.compactreview.notify;
