-- Comments, evidence (attachments) and the continuous dialogue (module discussion).

-- A comment on a report (optionally naming one of its objectives) or on a task. Whether its
-- author was the secretariat is kept as posted: a returned report shows the secretariat's
-- comments beside the objectives they name.
create table discussion_comment (
    id               bigserial   primary key,
    report_id        bigint      references report (id),
    objective_number smallint    references objective (number),
    task_id          varchar(64),
    author           varchar(64) not null,
    by_secretariat   boolean     not null,
    body             text        not null,
    created_at       timestamptz not null,
    check ((report_id is null) <> (task_id is null)),
    check (objective_number is null or report_id is not null)
);
create index discussion_comment_by_report on discussion_comment (report_id, created_at, id);
create index discussion_comment_by_task on discussion_comment (task_id, created_at, id);

-- Evidence attached to exactly one of: a report entry (report and objective), a
-- capacity-building progress update, a task. The content type is the one the content showed.
create table attachment (
    id                  bigserial    primary key,
    report_id           bigint       references report (id),
    objective_number    smallint     references objective (number),
    capacity_request_id bigint       references capacity_request (id),
    capacity_update_id  bigint       references capacity_update (id),
    task_id             varchar(64),
    filename            varchar(160) not null,
    content_type        varchar(100) not null,
    size_bytes          bigint       not null check (size_bytes > 0),
    sha256              char(64),
    uploaded_by         varchar(64)  not null,
    uploaded_at         timestamptz  not null,
    check (num_nonnulls(report_id, capacity_update_id, task_id) = 1),
    check ((report_id is null) = (objective_number is null)),
    check ((capacity_update_id is null) = (capacity_request_id is null))
);
create index attachment_by_report on attachment (report_id, objective_number);
create index attachment_by_update on attachment (capacity_request_id, capacity_update_id);
create index attachment_by_task on attachment (task_id);

-- The content, in chunks of at most 256 KB written and read one at a time, so that neither an
-- upload nor a download holds a whole file in memory, on any node.
create table attachment_chunk (
    attachment_id bigint  not null references attachment (id) on delete cascade,
    seq           integer not null,
    data          bytea   not null,
    primary key (attachment_id, seq)
);

-- The continuous dialogue: one open thread per cycle and objective.
create table dialogue_post (
    id               bigserial     primary key,
    cycle_id         bigint        not null references review_cycle (id),
    objective_number smallint      not null references objective (number),
    author           varchar(64)   not null,
    by_secretariat   boolean       not null,
    body             text          not null,
    created_at       timestamptz   not null,
    hidden_at        timestamptz,
    hidden_by        varchar(64),
    hidden_reason    varchar(1000),
    check ((hidden_at is null) = (hidden_reason is null))
);
create index dialogue_post_by_thread on dialogue_post (cycle_id, objective_number, created_at, id);
