-- Out of office (issue 12). A person's period away and the substitute who holds their tasks
-- meanwhile: owned by the identity module, which starts and ends each period on time.
create table absence (
    id          bigserial   primary key,
    username    varchar(64) not null references app_user (username),
    substitute  varchar(64) not null references app_user (username),
    starts_at   timestamptz not null,
    ends_at     timestamptz not null,
    -- SCHEDULED (not started yet), ACTIVE (tasks held by the substitute), ENDED, CANCELLED (never started)
    status      varchar(16) not null check (status in ('SCHEDULED', 'ACTIVE', 'ENDED', 'CANCELLED')),
    created_by  varchar(64) not null,
    created_at  timestamptz not null,
    ended_at    timestamptz,
    constraint absence_period check (ends_at > starts_at),
    constraint absence_not_self check (substitute <> username)
);
create index absence_by_user on absence (username, starts_at desc);
create index absence_by_substitute on absence (substitute) where status in ('SCHEDULED', 'ACTIVE');
-- What the scheduler looks for: periods to start and periods to end.
create index absence_to_start on absence (starts_at) where status = 'SCHEDULED';
create index absence_to_end on absence (ends_at) where status = 'ACTIVE';

-- Each task an absence touched, owned by the task module: MOVED to the substitute (and, when the
-- absence ends, RETURNED to the person, KEPT by whoever holds it now, or DONE meanwhile), or
-- STAYED with the person because the substitute may not do it. The end of an absence brings back
-- exactly the MOVED tasks still open and still held by the substitute.
create table task_substitution (
    task_id     varchar(64) not null,
    absence_id  bigint      not null,
    absent_user varchar(64) not null,
    substitute  varchar(64) not null,
    status      varchar(16) not null check (status in ('MOVED', 'STAYED', 'RETURNED', 'KEPT', 'DONE')),
    task_key    varchar(64) not null,
    candidate_group varchar(64),
    participant_code varchar(16),
    moved_at    timestamptz not null,
    settled_at  timestamptz,
    primary key (absence_id, task_id)
);
create index task_substitution_by_task on task_substitution (task_id);
