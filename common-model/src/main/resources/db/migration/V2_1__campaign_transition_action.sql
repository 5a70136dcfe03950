-- registration-api: what each recorded approval step did. The from and to states alone cannot tell apart the
-- submission, approval and rejection of a new version while an approved version stays live: each of them leaves an
-- APPROVED campaign APPROVED. The version the step concerns is campaign_version_id.
alter table campaign_transition add column action text;

-- steps recorded before this column existed: every one of them is told apart by its states
update campaign_transition set action = case
    when from_state is null then 'SUBMITTED'
    when to_state = 'REJECTED' then 'REJECTED'
    when to_state = 'SUSPENDED' then 'SUSPENDED'
    when to_state = 'ENDED' then 'ENDED'
    when from_state = 'SUSPENDED' and to_state = 'APPROVED' then 'RESUMED'
    when to_state = 'APPROVED' then 'APPROVED'
    else 'SUBMITTED' end;

alter table campaign_transition
    alter column action set not null,
    add constraint campaign_transition_action_check
        check (action in ('SUBMITTED', 'APPROVED', 'REJECTED', 'SUSPENDED', 'RESUMED', 'ENDED')),
    add constraint campaign_transition_states_check
        check (to_state in ('PENDING_APPROVAL', 'APPROVED', 'REJECTED', 'SUSPENDED', 'ENDED')
               and (from_state is null or from_state in ('PENDING_APPROVAL', 'APPROVED', 'REJECTED', 'SUSPENDED', 'ENDED'))),
    -- a refusal, a suspension and an ending always say why
    add constraint campaign_transition_reason_given
        check (action not in ('REJECTED', 'SUSPENDED', 'ENDED') or reason is not null);

-- merchants list their own campaigns, approvers list them by state, newest change first
create index campaign_by_merchant on campaign (merchant_id, updated_at);
create index campaign_by_state on campaign (state, updated_at);
