-- The shared schema of the card-linked coupon platform. Every service migrates with this one history at start;
-- Flyway's advisory lock serialises concurrent starts (see docs/architecture.md).
-- Version ranges: 1.x foundation, 2.x registration-api, 3.x coupon-server, 4.x settlement-relay, 5.x gateway.

-- Merchants, their stores and the reception terminals (POS) installed in them.
create table merchant (
    id          uuid primary key,
    name        text        not null check (length(name) between 1 and 200),
    created_at  timestamptz not null default now()
);

create table store (
    id          uuid primary key,
    merchant_id uuid        not null references merchant (id),
    code        text        not null check (code ~ '^[A-Za-z0-9_-]{1,32}$'),
    name        text        not null check (length(name) between 1 and 200),
    mcc         char(4)     not null check (mcc ~ '^[0-9]{4}$'),
    time_zone   text        not null,
    created_at  timestamptz not null default now(),
    unique (merchant_id, code),
    -- lets terminals prove, by foreign key, that they belong to the store's merchant
    unique (id, merchant_id)
);

create table terminal (
    id          uuid primary key,
    merchant_id uuid        not null,
    store_id    uuid        not null,
    code        text        not null check (code ~ '^[A-Za-z0-9_-]{1,32}$'),
    status      text        not null default 'ACTIVE' check (status in ('ACTIVE', 'DECOMMISSIONED')),
    created_at  timestamptz not null default now(),
    unique (store_id, code),
    foreign key (store_id, merchant_id) references store (id, merchant_id)
);

-- A campaign is what a merchant runs and an approver governs; its terms live in versions. Terms never change once
-- approved: an edit is a new version that needs approval again, and coupons keep the version they were acquired under.
create table campaign (
    id              uuid primary key,
    merchant_id     uuid        not null references merchant (id),
    -- typed on a TV remote by digital-broadcast receivers
    short_code      text        not null unique check (short_code ~ '^[A-Z0-9]{4,12}$'),
    state           text        not null check (state in ('PENDING_APPROVAL', 'APPROVED', 'REJECTED', 'SUSPENDED', 'ENDED')),
    -- the version new coupons are acquired under; null until a version is approved
    live_version    int,
    acquired_count  int         not null default 0 check (acquired_count >= 0),
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now()
);

create table campaign_version (
    id                    uuid primary key,
    campaign_id           uuid        not null references campaign (id),
    version               int         not null check (version > 0),
    approval_state        text        not null check (approval_state in ('PENDING_APPROVAL', 'APPROVED', 'REJECTED', 'SUPERSEDED', 'WITHDRAWN')),
    title                 text        not null check (length(title) between 1 and 120),
    description           text        check (length(description) <= 2000),
    kind                  text        not null check (kind in ('DISCOUNT', 'BENEFIT', 'TICKET')),
    currency              char(3),

    discount_type         text        check (discount_type in ('PERCENTAGE', 'FIXED_AMOUNT')),
    discount_basis_points int         check (discount_basis_points between 1 and 10000),
    discount_amount_minor bigint      check (discount_amount_minor > 0),
    discount_cap_minor    bigint      check (discount_cap_minor > 0),

    benefit_type          text        check (benefit_type in ('FREE_ITEM', 'EXTRA_POINTS', 'EXTRA_MILES', 'SERVICE')),
    benefit_description   text        check (length(benefit_description) <= 500),
    benefit_value_minor   bigint      check (benefit_value_minor >= 0),
    benefit_points        bigint      check (benefit_points > 0),

    ticket_event          text        check (length(ticket_event) <= 200),
    ticket_venue          text        check (length(ticket_venue) <= 200),
    ticket_starts_at      timestamptz,

    time_zone             text        not null,
    valid_from            timestamptz not null,
    valid_until           timestamptz not null,
    -- days a coupon stays valid after acquisition; null means until the campaign's window closes
    coupon_validity_days  int         check (coupon_validity_days > 0),

    usable_merchant_ids   uuid[]      not null default '{}',
    usable_store_ids      uuid[]      not null default '{}',
    usable_mccs           text[]      not null default '{}',
    skus                  text[]      not null default '{}',
    product_categories    text[]      not null default '{}',
    min_spend_minor       bigint      check (min_spend_minor > 0),
    accepted_media        text[]      not null check (cardinality(accepted_media) > 0
                                                      and accepted_media <@ array ['CREDIT', 'DEBIT', 'POINT', 'MILEAGE']),
    accepted_brands       text[]      not null default '{}',

    total_cap             int         check (total_cap > 0),
    per_card_limit        int         not null check (per_card_limit > 0),
    uses_per_coupon       int         not null check (uses_per_coupon > 0),
    stacking              text        not null check (stacking in ('STACKABLE', 'EXCLUSIVE')),

    submitted_by          text        not null,
    submitted_at          timestamptz not null default now(),

    unique (campaign_id, version),
    unique (id, campaign_id),
    check (valid_until > valid_from),
    check ((kind = 'DISCOUNT') = (discount_type is not null)),
    check (discount_type is distinct from 'PERCENTAGE' or (discount_basis_points is not null and discount_amount_minor is null)),
    check (discount_type is distinct from 'FIXED_AMOUNT' or (discount_amount_minor is not null and discount_basis_points is null and discount_cap_minor is null)),
    check (kind <> 'DISCOUNT' or currency is not null),
    check (min_spend_minor is null or currency is not null),
    check ((kind = 'BENEFIT') = (benefit_type is not null)),
    check ((kind = 'TICKET') = (ticket_event is not null)),
    check (kind <> 'TICKET' or uses_per_coupon = 1)
);

create unique index campaign_version_one_pending on campaign_version (campaign_id) where approval_state = 'PENDING_APPROVAL';

-- The recorded approval workflow (claims 1 and 11): who moved which campaign from what to what, when and why.
create table campaign_transition (
    id                  bigserial primary key,
    campaign_id         uuid        not null references campaign (id),
    campaign_version_id uuid,
    from_state          text,
    to_state            text        not null,
    actor               text        not null,
    actor_role          text        not null,
    reason              text        check (length(reason) <= 1000),
    occurred_at         timestamptz not null default now(),
    foreign key (campaign_version_id, campaign_id) references campaign_version (id, campaign_id)
);

create index campaign_transition_by_campaign on campaign_transition (campaign_id, occurred_at);

-- Coupons acquired on a usage medium (claims 1 and 7): keyed by the medium's token, never by its number.
create table coupon (
    id                  uuid primary key,
    code                text        not null unique check (code ~ '^[A-Z2-9]{16,32}$'),
    campaign_id         uuid        not null,
    campaign_version_id uuid        not null,
    card_token          text        not null check (length(card_token) = 43),
    medium_type         text        not null check (medium_type in ('CREDIT', 'DEBIT', 'POINT', 'MILEAGE')),
    medium_last_four    text        not null check (length(medium_last_four) = 4),
    card_brand          text,
    program             text,
    channel             text        not null check (channel in ('MOBILE_APP', 'WEB', 'DIGITAL_BROADCAST')),
    state               text        not null default 'ACTIVE' check (state in ('ACTIVE', 'CANCELLED')),
    uses_allowed        int         not null check (uses_allowed > 0),
    -- uses reserved or confirmed; a conditional update keeps it within uses_allowed under concurrency
    uses_held           int         not null default 0 check (uses_held >= 0 and uses_held <= uses_allowed),
    acquired_at         timestamptz not null default now(),
    expires_at          timestamptz not null,
    cancelled_at        timestamptz,
    check (expires_at > acquired_at),
    check ((state = 'CANCELLED') = (cancelled_at is not null)),
    foreign key (campaign_version_id, campaign_id) references campaign_version (id, campaign_id)
);

-- the search at the till starts from the card token
create index coupon_by_card_token on coupon (card_token, expires_at);
create index coupon_by_campaign on coupon (campaign_id);

-- How many coupons of a campaign each medium holds: the per-card limit is a conditional upsert on this row.
create table campaign_card_holding (
    campaign_id uuid not null references campaign (id),
    card_token  text not null check (length(card_token) = 43),
    acquired    int  not null check (acquired > 0),
    primary key (campaign_id, card_token)
);

-- One purchase's use of coupons at a terminal: reserved then confirmed or released, or confirmed at once.
create table reservation (
    id              uuid primary key,
    merchant_id     uuid        not null references merchant (id),
    store_id        uuid        not null references store (id),
    terminal_id     uuid        not null references terminal (id),
    transaction_id  text        not null check (length(transaction_id) between 1 and 64),
    state           text        not null check (state in ('RESERVED', 'CONFIRMED', 'RELEASED', 'EXPIRED', 'REVERSED')),
    currency        char(3)     not null,
    amount_minor    bigint      not null check (amount_minor >= 0),
    discount_minor  bigint      not null check (discount_minor >= 0 and discount_minor <= amount_minor),
    hold_until      timestamptz,
    created_at      timestamptz not null default now(),
    settled_at      timestamptz,
    check ((state = 'RESERVED') = (hold_until is not null))
);

create index reservation_expiring on reservation (hold_until) where state = 'RESERVED';
create index reservation_by_transaction on reservation (terminal_id, transaction_id);

-- Each coupon's use within a reservation (claims 1 and 11).
create table redemption (
    id              uuid primary key,
    reservation_id  uuid        not null references reservation (id),
    coupon_id       uuid        not null references coupon (id),
    campaign_id     uuid        not null references campaign (id),
    state           text        not null check (state in ('RESERVED', 'CONFIRMED', 'RELEASED', 'EXPIRED', 'REVERSED')),
    discount_minor  bigint      not null check (discount_minor >= 0),
    created_at      timestamptz not null default now(),
    settled_at      timestamptz,
    reversed_at     timestamptz,
    reversal_reason text        check (length(reversal_reason) <= 500),
    unique (reservation_id, coupon_id)
);

create index redemption_by_coupon on redemption (coupon_id);

-- The accumulated usage information (claims 2 and 12): an append-only log of every acquisition, search, hit,
-- reservation, use and reversal. Media appear only as tokens.
create table usage_event (
    id             bigserial primary key,
    occurred_at    timestamptz not null default now(),
    type           text        not null check (type in ('ACQUIRED', 'CANCELLED', 'SEARCHED', 'MATCHED', 'RESERVED',
                                                        'CONFIRMED', 'RELEASED', 'EXPIRED', 'REVERSED')),
    campaign_id    uuid,
    coupon_id      uuid,
    search_id      uuid,
    reservation_id uuid,
    card_token     text        check (length(card_token) = 43),
    medium_type    text        check (medium_type in ('CREDIT', 'DEBIT', 'POINT', 'MILEAGE')),
    channel        text        check (channel in ('MOBILE_APP', 'WEB', 'DIGITAL_BROADCAST')),
    merchant_id    uuid,
    store_id       uuid,
    terminal_id    uuid,
    currency       char(3),
    amount_minor   bigint      check (amount_minor >= 0),
    discount_minor bigint      check (discount_minor >= 0),
    matched_count  int         check (matched_count >= 0)
);

create index usage_event_by_campaign on usage_event (campaign_id, occurred_at) where campaign_id is not null;

create function usage_event_is_append_only() returns trigger
    language plpgsql as
$$
begin
    raise exception 'usage_event is append-only: % is not allowed', tg_op using errcode = 'P0001';
end;
$$;

create trigger usage_event_append_only
    before update or delete on usage_event
    for each row execute function usage_event_is_append_only();

-- Outcomes of mutating calls by Idempotency-Key: a retry with the same key replays the first outcome.
create table idempotency_record (
    scope            text        not null,
    idempotency_key  text        not null check (length(idempotency_key) between 1 and 128),
    request_hash     text        not null,
    response_status  int         not null,
    content_type     text,
    location         text,
    response_body    bytea       not null,
    created_at       timestamptz not null default now(),
    primary key (scope, idempotency_key)
);

create index idempotency_record_by_age on idempotency_record (created_at);
