-- Issue 15: people hear about their work (module notify, docs/notifications.md).

-- What happened, for whom: one row per event and recipient, shown in the app's bell and, for
-- those who get mail, the content of a mail. The event key with the username is the idempotency
-- key: an event told twice (a retried job, a listener called again) adds nothing.
create table notice (
    id               bigserial    primary key,
    username         varchar(64)  not null,
    kind             varchar(40)  not null,
    event_key        varchar(200) not null,
    link             varchar(300),
    participant_code varchar(16),
    cycle_id         bigint,
    task_key         varchar(64),
    due_at           timestamptz,
    detail           text,
    other_user       varchar(64),
    created_at       timestamptz  not null,
    read_at          timestamptz,
    constraint notice_once_per_event unique (event_key, username)
);
create index notice_by_user on notice (username, created_at desc, id desc);
create index notice_unread on notice (username) where read_at is null;

-- The transactional outbox: the business transaction writes the mail here; the relay (every node,
-- claims by row lock with SKIP LOCKED and a lease) sends it after the commit. The message id is
-- the mail's Message-ID header: the same mail sent again after a node died mid-send carries the
-- same id, so the receiving side sees one message.
--   PENDING  to send at next_attempt_at (after a failure: later, with back-off)
--   HELD     waits for the recipient's daily digest
--   DIGESTED went out inside the digest mail digest_id
--   SENT     accepted by the mail server
--   FAILED   refused on every attempt: an incident for an operator (retry from the admin page)
--   SKIPPED  not sent: the recipient has no address, was disabled, or opted out meanwhile
create table mail_outbox (
    id              bigserial    primary key,
    message_id      varchar(250) not null,
    username        varchar(64)  not null,
    notice_id       bigint       references notice (id),
    status          varchar(16)  not null,
    attempts        integer      not null default 0,
    next_attempt_at timestamptz  not null,
    claimed_by      varchar(100),
    claimed_until   timestamptz,
    last_error      varchar(500),
    digest_id       bigint       references mail_outbox (id),
    created_at      timestamptz  not null,
    sent_at         timestamptz,
    constraint mail_outbox_message_once unique (message_id)
);
create index mail_outbox_due on mail_outbox (next_attempt_at, id) where status = 'PENDING';
create index mail_outbox_held on mail_outbox (username) where status = 'HELD';
create index mail_outbox_by_digest on mail_outbox (digest_id) where digest_id is not null;
create index mail_outbox_failed on mail_outbox (id) where status = 'FAILED';

-- Each user's choices; a user without a row has the defaults (immediate mail, reminders on, UTC,
-- digest at 07:00). The unsubscribe token lets a mail's link turn optional mails off without
-- signing in.
create table notification_settings (
    username          varchar(64) primary key,
    delivery          varchar(16) not null default 'IMMEDIATE',
    reminders         boolean     not null default true,
    time_zone         varchar(64) not null default 'UTC',
    digest_hour       integer     not null default 7,
    last_digest_on    date,
    unsubscribe_token varchar(64),
    updated_at        timestamptz,
    constraint notification_settings_token_once unique (unsubscribe_token)
);
