-- Issue 10: what ends sessions at once, what slows password guessing on every node, and personal
-- API tokens for scripts.

-- Raised whenever a user's access changes (enabled, roles, participants, password). A credential
-- check remembered by a node (HTTP Basic) is trusted only while the stamp it saw is unchanged, so
-- a change takes effect on every node at once.
alter table app_user add column security_stamp bigint not null default 0;

-- Failed sign-ins, counted in the database so that every node of a cluster sees the same counts.
-- ACCOUNT: one username from one client address; CLIENT: one client address over all usernames.
create table sign_in_throttle (
    scope        varchar(8)   not null check (scope in ('ACCOUNT', 'CLIENT')),
    throttle_key varchar(400) not null,
    failures     integer      not null,
    window_start timestamptz  not null,
    primary key (scope, throttle_key)
);
create index sign_in_throttle_by_window on sign_in_throttle (window_start);

-- Personal API tokens: only a SHA-256 of the token is stored; the token is shown once.
create table api_token (
    id           bigserial    primary key,
    username     varchar(64)  not null references app_user (username) on delete cascade,
    name         varchar(100) not null,
    token_hash   char(64)     not null unique,
    created_at   timestamptz  not null,
    expires_at   timestamptz  not null,
    last_used_at timestamptz,
    revoked_at   timestamptz
);
create index api_token_by_user on api_token (username, created_at);
