-- Section delegation (issue 12, whole-of-government): a focal point hands some objectives of a
-- draft report to a contributor of another ministry, who fills them and hands them back.
-- Our own table, not Camunda task delegation: a delegation names sections of one report, which
-- the engine's tasks know nothing about, and its state is read on every save of the report.

-- The new role. Contributors are scoped by their delegations, never by a candidate group.
alter table user_role drop constraint user_role_role_check;
alter table user_role add constraint user_role_role_check
    check (role in ('FOCAL_POINT', 'SECRETARIAT', 'MANAGER', 'ADMIN', 'CONTRIBUTOR'));

create table section_delegation (
    id           bigserial    primary key,
    report_id    bigint       not null references report (id) on delete cascade,
    objectives   smallint[]   not null check (cardinality(objectives) > 0),
    delegate     varchar(64)  not null references app_user (username),
    delegated_by varchar(64)  not null,
    note         varchar(1000),
    state        varchar(16)  not null default 'OPEN' check (state in ('OPEN', 'RETURNED', 'REVOKED')),
    created_at   timestamptz  not null,
    ended_at     timestamptz,
    ended_by     varchar(64),
    end_reason   varchar(1000)
);
create index section_delegation_by_report on section_delegation (report_id);
create index section_delegation_by_delegate on section_delegation (delegate, state);

-- Who wrote what: each entry's last author, and the report version in which it last changed, so
-- that two people saving different sections of one report at once both keep their work while
-- two saving the same section still get the stale-version conflict.
alter table report_entry add column changed_in integer not null default 0;
alter table report_entry add column updated_by varchar(64);
alter table report_entry add column updated_at timestamptz;
