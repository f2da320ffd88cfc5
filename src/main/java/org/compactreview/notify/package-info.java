/**
 * People hear about their work: notices in the app's bell and mails through a transactional
 * outbox ({@link org.compactreview.notify.Notifications}, {@link org.compactreview.notify.MailRelay}),
 * reminders, escalations, digests and the calendar feed. See docs/notifications.md.
 */
package org.compactreview.notify;
