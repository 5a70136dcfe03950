-- registration-api: "at most one version of a campaign awaits approval" now holds for what a transaction commits
-- rather than for each statement. registration-api persists campaigns with JPA, and Hibernate writes a unit of work's
-- inserts before its updates: a newly submitted version is inserted before the version it withdraws is updated, which
-- the per-statement partial index refused. Every step on a campaign holds the campaign's row lock, so steps never race
-- this rule; the constraint stays as the backstop, checked at commit.
drop index campaign_version_one_pending;

alter table campaign_version
    add constraint campaign_version_one_pending
        exclude using btree (campaign_id with =) where (approval_state = 'PENDING_APPROVAL')
        deferrable initially deferred;
