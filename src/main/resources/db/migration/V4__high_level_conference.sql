-- The five-yearly high-level conference: a review cycle of its own kind whose participants are
-- regional bodies; regional reviews are reports of those bodies.

alter table review_cycle drop constraint review_cycle_kind_check;
alter table review_cycle add constraint review_cycle_kind_check
    check (kind in ('ANNUAL_REVIEW', 'HIGH_LEVEL_CONFERENCE'));
alter table review_cycle drop constraint review_cycle_status_check;
alter table review_cycle add constraint review_cycle_status_check
    check (status in ('OPEN', 'CONSOLIDATED', 'MEETING_PREPARED', 'COMPILATION', 'CONSULTATION', 'NEGOTIATION', 'CLOSED'));
alter table review_cycle add column conference_date date;

-- A regional review has, per objective: summary of progress (achievements), good practices,
-- challenges (obstacles) and recommendations (priorities); no rating.
alter table report add column regional boolean not null default false;
alter table report_entry add column good_practices text;

create table conference_progress_report (
    cycle_id    bigint      primary key references review_cycle (id),
    narrative   text        not null,
    compiled_by varchar(64) not null,
    compiled_at timestamptz not null
);

create table stakeholder_submission (
    id                bigserial    primary key,
    cycle_id          bigint       not null references review_cycle (id),
    stakeholder_group varchar(32)  not null check (stakeholder_group in ('CIVIL_SOCIETY', 'LOCAL_AUTHORITY', 'PRIVATE_SECTOR', 'MIGRANT_ORGANISATION', 'OTHER')),
    organisation      varchar(200) not null,
    submission        text         not null,
    recorded_by       varchar(64)  not null,
    recorded_at       timestamptz  not null
);
create index stakeholder_submission_by_cycle on stakeholder_submission (cycle_id);

-- Every draft of the progress declaration is kept, numbered per conference.
create table declaration_draft (
    cycle_id   bigint      not null references review_cycle (id),
    number     integer     not null,
    text       text        not null,
    created_by varchar(64) not null,
    created_at timestamptz not null,
    primary key (cycle_id, number)
);

-- Commitments of an adopted declaration, reviewed by the following annual cycles.
-- An empty responsible list means every participant.
create table follow_up_item (
    id               bigserial      primary key,
    cycle_id         bigint         not null references review_cycle (id),
    objective_number smallint       not null references objective (number),
    text             text           not null,
    responsible      varchar(16)[]  not null default '{}',
    created_at       timestamptz    not null
);
create index follow_up_item_by_objective on follow_up_item (objective_number);

-- Members of regional bodies whose membership is not a UN region (UN regional commissions follow
-- the member states' region). The Arab Regional Consultative Process: the League of Arab States'
-- UN member states.
create table regional_body_member (
    body_code   varchar(16) not null references participant (code),
    member_code varchar(16) not null references participant (code),
    primary key (body_code, member_code)
);
insert into regional_body_member (body_code, member_code)
select 'ARCP', code from participant
where code in ('DZA', 'BHR', 'COM', 'DJI', 'EGY', 'IRQ', 'JOR', 'KWT', 'LBN', 'LBY', 'MRT', 'MAR', 'OMN', 'QAT',
               'SAU', 'SOM', 'SDN', 'SYR', 'TUN', 'ARE', 'YEM');
