-- The personal calendar feeds (module notify, docs/calendar-feed.md). One feed per user, found by
-- the SHA-256 (hex) of its secret token: the token itself is never stored, only shown once.
create table calendar_feed (
    username   varchar(64) primary key references app_user (username) on delete cascade,
    token_hash char(64)    not null unique,
    created_at timestamptz not null,
    rotated_at timestamptz
);

-- What the feeds last served of each event (task, meeting, conference), by its UID: when its dates
-- change, SEQUENCE goes up and LAST-MODIFIED moves, so calendar apps update it in place.
create table calendar_event_revision (
    uid         varchar(200) primary key,
    fingerprint varchar(200) not null,
    sequence    integer      not null,
    modified_at timestamptz  not null
);
