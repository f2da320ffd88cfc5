-- A conference whose declaration is agreed waits for its adoption in its own status, ADOPTION
-- (issue 10): OPEN -> COMPILATION -> CONSULTATION -> NEGOTIATION -> ADOPTION -> CLOSED.
alter table review_cycle drop constraint review_cycle_status_check;
alter table review_cycle add constraint review_cycle_status_check
    check (status in ('OPEN', 'CONSOLIDATED', 'MEETING_PREPARED', 'COMPILATION', 'CONSULTATION', 'NEGOTIATION',
                      'ADOPTION', 'CLOSED'));
