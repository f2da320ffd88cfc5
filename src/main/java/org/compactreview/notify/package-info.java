/** Reminders and escalation mails; mail steps run as retried jobs so a failed send surfaces as an incident. */
package org.compactreview.notify;
