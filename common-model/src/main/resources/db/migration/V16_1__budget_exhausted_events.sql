-- A campaign's budget running out is recorded in coupon-server's usage log (docs/merchant-operations.md, "When a budget
-- runs out"): the statement of the use that ran a campaign-wide limit out appends a BUDGET_EXHAUSTED event, so it
-- commits or rolls back with the use. It names the limit by its stable code (e.g. DAILY_LIMIT_REACHED) and the local
-- date its period started (none for the campaign's total budget). A per-card limit running out is not recorded: it is
-- the card's, not the campaign's. registration-api's webhook dispatcher reads these events, through column grants as
-- it reads the other uses (never the card token), and sends them as campaign.budget_exhausted.

-- The count of uses with which a campaign's count last ran out, null while it has not since it last had room given
-- back: the use whose upsert sets it is the one that ran the budget out, so racing tills record it exactly once per
-- period even when a money budget's uses differ in discount (a later, smaller use may still fit in what is left).
alter table campaign_budget_count add column ran_out_at_uses int;

alter domain till_event_type drop constraint till_event_type_check;
alter domain till_event_type add constraint till_event_type_check
    check (value in ('SEARCHED', 'MATCHED', 'RESERVED', 'CONFIRMED', 'RELEASED', 'EXPIRED', 'REVERSED', 'BUDGET_EXHAUSTED'));

-- a domain's check, not the table's, as the log's other columns (V5_4)
create domain budget_limit_code as text
    check (value in ('CAMPAIGN_BUDGET_EXHAUSTED', 'DAILY_LIMIT_REACHED', 'WEEKLY_LIMIT_REACHED', 'MONTHLY_LIMIT_REACHED'));

alter table usage_event
    add column budget_limit        budget_limit_code,
    add column budget_period_start date;

grant select (budget_limit, budget_period_start) on usage_event to coupons_registration;
-- the dispatcher's look for events not yet fanned out reads only recent exhaustions of this kind
create index usage_event_exhaustions_by_time on usage_event (occurred_at) where type = 'BUDGET_EXHAUSTED';
