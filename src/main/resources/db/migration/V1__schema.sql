-- Compact Review: the application's own tables. Camunda creates its ACT_* tables itself.

create table objective (
    number      smallint primary key check (number between 1 and 99),
    short_title varchar(120) not null,
    title       varchar(400) not null
);

create table objective_sdg_target (
    objective_number smallint   not null references objective (number),
    sdg_target       varchar(8) not null,
    primary key (objective_number, sdg_target)
);

-- A participant is a member state or a regional body (UN regional commission or
-- regional consultative process). Region is the UN M49 region for member states.
create table participant (
    code   varchar(16)  primary key,
    name   varchar(200) not null,
    kind   varchar(32)  not null check (kind in ('MEMBER_STATE', 'REGIONAL_COMMISSION', 'REGIONAL_PROCESS')),
    region varchar(40)
);

create table app_user (
    username      varchar(64)  primary key,
    display_name  varchar(200) not null,
    email         varchar(254),
    password_hash varchar(100) not null,
    enabled       boolean      not null default true,
    locale        varchar(8),
    created_at    timestamptz  not null default now()
);

create table user_role (
    username varchar(64) not null references app_user (username) on delete cascade,
    role     varchar(16) not null check (role in ('FOCAL_POINT', 'SECRETARIAT', 'MANAGER', 'ADMIN')),
    primary key (username, role)
);

create table user_participant (
    username         varchar(64) not null references app_user (username) on delete cascade,
    participant_code varchar(16) not null references participant (code),
    primary key (username, participant_code)
);
create index user_participant_by_participant on user_participant (participant_code);

create table review_cycle (
    id                  bigserial    primary key,
    kind                varchar(32)  not null check (kind in ('ANNUAL_REVIEW')),
    period              varchar(32)  not null,
    status              varchar(16)  not null check (status in ('OPEN', 'CONSOLIDATED', 'MEETING_PREPARED', 'CLOSED')),
    submission_due      timestamptz  not null,
    reminder_at         timestamptz  not null,
    window_closes_at    timestamptz  not null,
    process_instance_id varchar(64),
    opened_by           varchar(64)  not null,
    opened_at           timestamptz  not null,
    closed_at           timestamptz,
    meeting_date        date,
    meeting_agenda      text,
    meeting_outcomes    text,
    meeting_decisions   jsonb,
    unique (kind, period)
);

create table report (
    id               bigserial   primary key,
    cycle_id         bigint      not null references review_cycle (id),
    participant_code varchar(16) not null references participant (code),
    status           varchar(16) not null check (status in ('DRAFT', 'SUBMITTED', 'RETURNED', 'ACCEPTED', 'NOT_SUBMITTED', 'CLOSED')),
    submitted_version integer    not null default 0,
    lock_version     integer     not null default 0,
    return_comment   text,
    updated_at       timestamptz not null,
    updated_by       varchar(64),
    unique (cycle_id, participant_code)
);
create index report_by_participant on report (participant_code);

create table report_entry (
    report_id        bigint      not null references report (id) on delete cascade,
    objective_number smallint    not null references objective (number),
    rating           smallint    check (rating between 0 and 4),
    achievements     text,
    obstacles        text,
    priorities       text,
    support_needed   boolean     not null default false,
    primary key (report_id, objective_number)
);

-- Every submitted version is kept as submitted, whole.
create table report_version (
    report_id    bigint      not null references report (id),
    version      integer     not null,
    submitted_at timestamptz not null,
    submitted_by varchar(64) not null,
    entries      jsonb       not null,
    primary key (report_id, version)
);

create table validation_decision (
    id         bigserial   primary key,
    report_id  bigint      not null references report (id),
    version    integer     not null,
    decision   varchar(8)  not null check (decision in ('ACCEPT', 'RETURN')),
    comment    text,
    decided_by varchar(64) not null,
    decided_at timestamptz not null,
    unique (report_id, version)
);

-- The consolidated summary per objective, computed when the submission phase ends.
create table cycle_objective_summary (
    cycle_id          bigint       not null references review_cycle (id),
    objective_number  smallint     not null references objective (number),
    reports_counted   integer      not null,
    rating_counts     integer[]    not null,
    median_rating     numeric(3, 1),
    support_needed_by varchar(16)[] not null,
    primary key (cycle_id, objective_number)
);

-- Open user tasks as the app sees them: a projection of Camunda's tasks kept by a task
-- listener in the engine's own transaction, so that inbox, scoping and the cycle board
-- are one indexed query on business keys instead of joins over process variables.
create table work_item (
    task_id          varchar(64)  primary key,
    task_key         varchar(64)  not null,
    name             varchar(200) not null,
    cycle_id         bigint       references review_cycle (id),
    participant_code varchar(16)  references participant (code),
    report_id        bigint       references report (id),
    candidate_group  varchar(64),
    assignee         varchar(64),
    due_at           timestamptz,
    created_at       timestamptz  not null
);
create index work_item_by_candidate_group on work_item (candidate_group);
create index work_item_by_assignee on work_item (assignee);
create index work_item_by_cycle on work_item (cycle_id, participant_code);
create index work_item_by_report on work_item (report_id);

create table audit_event (
    id          bigserial    primary key,
    occurred_at timestamptz  not null,
    actor       varchar(64)  not null,
    action      varchar(64)  not null,
    object_type varchar(32)  not null,
    object_id   varchar(64)  not null,
    before      jsonb,
    after       jsonb
);
create index audit_event_by_object on audit_event (object_type, object_id);
create index audit_event_by_time on audit_event (occurred_at);
