/**
 * People hear about their work: notices in the app's bell and mails through a transactional
 * outbox ({@link org.compactreview.notify.Notifications}, {@link org.compactreview.notify.MailRelay}),
 * reminders, escalations, digests, and each user's personal calendar feed (.ics) behind a secret
 * token that can be rotated. See docs/notifications.md and docs/calendar-feed.md.
 */
package org.compactreview.notify;
