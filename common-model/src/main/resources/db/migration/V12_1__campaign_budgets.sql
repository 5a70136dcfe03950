-- Campaign budgets (issue 17, docs/merchant-operations.md): a campaign's terms may set a total discount budget in
-- minor units of the campaign's currency, and limits on uses per day, ISO week and month, overall and per card,
-- counted in the campaign's time zone. registration-api keeps them with the other terms of a version; coupon-server
-- counts them at the till, in counters it owns, taken by the same statement that takes a use (conditional upserts, so
-- racing tills never overrun a budget) and given back by a release, an expiry or a reversal.

alter table campaign_version
    add column budget_total_minor       bigint check (budget_total_minor > 0),
    add column uses_per_day             int    check (uses_per_day > 0),
    add column uses_per_week            int    check (uses_per_week > 0),
    add column uses_per_month           int    check (uses_per_month > 0),
    add column uses_per_card_per_day    int    check (uses_per_card_per_day > 0),
    add column uses_per_card_per_week   int    check (uses_per_card_per_week > 0),
    add column uses_per_card_per_month  int    check (uses_per_card_per_month > 0),
    add constraint campaign_version_budget_is_a_discount check (budget_total_minor is null or kind = 'DISCOUNT');

-- A campaign's count for one period: the whole campaign (TOTAL, whose start is fixed at 1970-01-01) or the local day,
-- ISO week (starting Monday) or month starting at period_start. The limits are those of the terms the last use was
-- counted under; the checks keep the count within them whatever a statement does.
create table campaign_budget_count (
    campaign_id       uuid   not null references campaign (id),
    period            text   not null check (period in ('TOTAL', 'DAY', 'WEEK', 'MONTH')),
    period_start      date   not null,
    uses              int    not null check (uses >= 0),
    spent_minor       bigint not null check (spent_minor >= 0),
    uses_limit        int    check (uses <= uses_limit),
    spent_limit_minor bigint check (spent_minor <= spent_limit_minor),
    primary key (campaign_id, period, period_start),
    constraint campaign_budget_count_total_has_no_start check ((period = 'TOTAL') = (period_start = date '1970-01-01'))
);

-- One card's uses of a campaign in one local day, ISO week or month: kept with the card's other rows.
create table card_budget_count (
    card_token   card_token not null,
    campaign_id  uuid       not null references campaign (id),
    period       text       not null check (period in ('DAY', 'WEEK', 'MONTH')),
    period_start date       not null,
    uses         int        not null check (uses >= 0),
    uses_limit   int        check (uses <= uses_limit),
    primary key (card_token, campaign_id, period, period_start)
);

-- The use statement refuses itself whole when a budget it counts against has no room; the message names the budgets
-- short (e.g. 'TOTAL,CARD_DAY'), so the till can say which.
create function coupon_budget_complete(short_of text) returns boolean
    language plpgsql as
$$
begin
    if short_of is not null then
        raise exception using errcode = 'CU003', message = short_of;
    end if;
    return true;
end;
$$;

grant select, insert, update on campaign_budget_count, card_budget_count to coupons_till;
