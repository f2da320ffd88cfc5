-- Issue 15 (F1): mail incidents an operator can see and send again (module notify, docs/reliability.md).

-- When a mail was given up after its last attempt: the incidents list shows it and sorts by it.
-- Rows that failed before this column existed keep null (the list falls back to their last retry time).
alter table mail_outbox add column failed_at timestamptz;

-- The backlog's oldest due mail, for the operators' page: the partial index mail_outbox_due
-- (next_attempt_at, id) where status = 'PENDING' already answers min(next_attempt_at).
-- The incidents, newest first.
create index mail_outbox_incidents on mail_outbox (failed_at desc, id desc) where status = 'FAILED';
