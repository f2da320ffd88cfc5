-- The cycle keeps how many participants it opened with, so that reading a cycle needs no look
-- into the report module's table (modules own their tables; see docs/decisions.md). The
-- backfill below is the one read of report from the cycle side, once, for cycles opened before.
alter table review_cycle add column participant_count integer not null default 0;
update review_cycle c set participant_count = (select count(*) from report r where r.cycle_id = c.id);
alter table review_cycle alter column participant_count drop default;
