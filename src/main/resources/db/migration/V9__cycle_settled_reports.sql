-- The cycle counts its settled reports (accepted, not submitted, closed) itself: the settling
-- transaction adds one under the cycle's row lock, and the one that reaches participant_count
-- sends the cycle's message. Counting the cycle's reports instead cost one scan of all of them
-- per acceptance, so a completion cost more the more participants a cycle had (benchmark run 7).
-- The backfill below is the one read of report from the cycle side, once, for cycles opened before.
alter table review_cycle add column settled_reports integer not null default 0;
update review_cycle c set settled_reports = (
    select count(*) from report r where r.cycle_id = c.id and r.status not in ('DRAFT', 'SUBMITTED', 'RETURNED'));
