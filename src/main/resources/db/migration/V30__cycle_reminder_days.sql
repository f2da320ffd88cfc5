-- Issue 15: a cycle reminds its focal points several times, a number of whole days before the
-- submission due date (for example {14,7,1}). reminder_at stays the date of the first reminder.
-- Null: the cycle has one reminder only, at reminder_at (cycles opened before this version, and
-- cycles opened with a reminder date instead of reminder days).
alter table review_cycle add column reminder_days integer[];
alter table review_cycle add constraint review_cycle_reminder_days_size
    check (reminder_days is null or cardinality(reminder_days) between 1 and 5);
