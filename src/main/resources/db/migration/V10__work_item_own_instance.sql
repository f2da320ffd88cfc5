-- Whether the work item's task runs in a process instance of its own participant (a participant
-- review, since issue 11), rather than in one branch of a cycle's multi-instance (the earlier
-- versions, still finishing). In an instance of its own a completion's routing variable
-- (the validation's decision) is written with the completion itself, at the instance; in a
-- branch it must stay on the task's own execution, which costs a lookup of the task first.
alter table work_item add column own_instance boolean not null default false;
