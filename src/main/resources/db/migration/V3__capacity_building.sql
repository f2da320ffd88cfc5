-- Capacity-building follow-up: requests raised from accepted reports, their support plans,
-- progress updates, evaluations and the practices published from them.

create table capacity_request (
    id                  bigserial    primary key,
    participant_code    varchar(16)  not null references participant (code),
    objective_number    smallint     not null references objective (number),
    cycle_id            bigint       not null references review_cycle (id),
    report_id           bigint       not null references report (id),
    priorities          text,
    stage               varchar(16)  not null check (stage in ('ASSESSMENT', 'PLANNING', 'IMPLEMENTATION', 'EVALUATION', 'EVALUATED', 'MERGED', 'DECLINED')),
    merged_into         bigint       references capacity_request (id),
    decline_reason      text,
    process_instance_id varchar(64),
    lock_version        integer      not null default 0,
    created_at          timestamptz  not null,
    updated_at          timestamptz  not null,
    unique (report_id, objective_number)
);
create index capacity_request_by_participant on capacity_request (participant_code);
create index capacity_request_by_objective on capacity_request (objective_number, stage);

create table support_plan (
    request_id          bigint        primary key references capacity_request (id),
    implementing_partner varchar(200) not null,
    activities          text          not null,
    start_date          date          not null,
    end_date            date          not null,
    budget              numeric(14, 2),
    currency            varchar(3),
    funding_source      varchar(200),
    review_interval     varchar(16)   not null,
    agreed_by           varchar(64)   not null,
    agreed_at           timestamptz   not null,
    check (end_date >= start_date)
);

create table capacity_update (
    id           bigserial   primary key,
    request_id   bigint      not null references capacity_request (id),
    status       varchar(16) not null check (status in ('ON_TRACK', 'DELAYED', 'BLOCKED')),
    done         text        not null,
    next_steps   text,
    reported_by  varchar(64) not null,
    reported_at  timestamptz not null
);
create index capacity_update_by_request on capacity_update (request_id, reported_at);

create table capacity_evaluation (
    request_id     bigint      primary key references capacity_request (id),
    outcome_rating smallint    not null check (outcome_rating between 1 and 5),
    lessons        text        not null,
    evaluated_by   varchar(64) not null,
    evaluated_at   timestamptz not null
);

create table practice (
    id               bigserial   primary key,
    request_id       bigint      not null unique references capacity_request (id),
    objective_number smallint    not null references objective (number),
    participant_code varchar(16) not null references participant (code),
    summary          text        not null,
    published_at     timestamptz not null
);
create index practice_by_objective on practice (objective_number);

-- Work items of capacity-building tasks point at their request.
alter table work_item add column capacity_request_id bigint references capacity_request (id);
