-- Why a change was made, as its author gave it: a reassignment, a new due date, a hidden post.
-- Searchable by actor and action in the audit list (issue 12).
alter table audit_event add column reason varchar(1000);
create index audit_event_by_actor on audit_event (actor, occurred_at);
create index audit_event_by_action on audit_event (action, occurred_at);
