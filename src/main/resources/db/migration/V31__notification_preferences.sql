-- Issue 15, part C: each user's notification preferences (notify/NotificationPreferences,
-- docs/notifications.md "Preferences and digests"). The table is V27's; the rules the settings
-- page and the API check are held by the database too, so that no other path can store a
-- digest hour outside the day or a delivery the digest job does not know.
alter table notification_settings
    add constraint notification_settings_digest_hour check (digest_hour between 0 and 23),
    add constraint notification_settings_delivery check (delivery in ('IMMEDIATE', 'DAILY_DIGEST'));

-- The digest job looks for users whose digest may be due: those with held mails (V27's partial
-- index mail_outbox_held) joined to their settings by username (the primary key). Nothing more.
