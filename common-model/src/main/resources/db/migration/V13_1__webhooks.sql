-- Signed webhooks (docs/merchant-operations.md, "Webhooks"). Each event is recorded by the service that makes the
-- change, in the transaction that makes it, in an event table that service owns:
--   * registration-api: registration_event (new, below): campaign submitted, approved, rejected, suspended, ended,
--     and coupon acquired;
--   * coupon-server: its append-only usage log, usage_event, already written with every use (CONFIRMED: coupon used)
--     and reversal (REVERSED: use reversed), in the statement or transaction of the change;
--   * settlement-relay: its append-only journal, settlement_journal, whose PAYMENT_ANSWERED entry is written in the
--     statement that answers a payment (payment with a coupon applied, when less was charged than asked).
-- registration-api owns merchants, and so their webhook endpoints, the deliveries and the dispatcher: it reads the
-- other owners' event tables through SELECT grants (on the columns it needs only: never a card token) and fans each
-- event out into webhook_delivery, one row per subscribed endpoint and event, each attempt logged in webhook_attempt.

create table registration_event (
    id          uuid        primary key,
    merchant_id uuid        not null references merchant (id),
    type        text        not null check (type in ('campaign.submitted', 'campaign.approved', 'campaign.rejected',
                                                     'campaign.suspended', 'campaign.ended', 'coupon.acquired')),
    occurred_at timestamptz not null,
    -- ids, amounts in minor units with their currency, a card's last four and brand at most
    data        jsonb       not null
);
-- the dispatcher looks for events not yet fanned out over a recent window
create index registration_event_by_time on registration_event (occurred_at);

create table webhook_endpoint (
    id                      uuid        primary key,
    merchant_id             uuid        not null references merchant (id),
    url                     text        not null check (length(url) between 1 and 2000),
    event_types             text[]      not null check (cardinality(event_types) between 1 and 20),
    description             text        check (length(description) between 1 and 200),
    -- the signing secret, encrypted (AES-GCM) with the key from configuration: a reader of the table cannot sign
    secret                  bytea       not null,
    -- after a rotation the secret before it also signs until previous_secret_until
    previous_secret         bytea,
    previous_secret_until   timestamptz,
    created_at              timestamptz not null,
    updated_at              timestamptz not null,
    deleted_at              timestamptz,
    check ((previous_secret is null) = (previous_secret_until is null))
);
create index webhook_endpoint_by_merchant on webhook_endpoint (merchant_id) where deleted_at is null;

create table webhook_delivery (
    id              uuid        primary key,
    endpoint_id     uuid        not null references webhook_endpoint (id),
    event_id        uuid        not null,
    event_type      text        not null,
    occurred_at     timestamptz not null,
    -- the body as it is sent, fixed when the event is fanned out: every attempt signs the same bytes
    body            text        not null,
    state           text        not null check (state in ('PENDING', 'DELIVERED', 'FAILED')),
    attempts        int         not null default 0 check (attempts >= 0),
    next_attempt_at timestamptz not null,
    -- retried until then (24 hours after the event), then marked failed
    give_up_at      timestamptz not null,
    last_error      text        check (length(last_error) <= 500),
    finished_at     timestamptz,
    created_at      timestamptz not null default now(),
    -- fanning out twice writes nothing new
    unique (endpoint_id, event_id),
    check ((state = 'PENDING') = (finished_at is null))
);
create index webhook_delivery_due on webhook_delivery (next_attempt_at) where state = 'PENDING';
create index webhook_delivery_by_endpoint on webhook_delivery (endpoint_id, created_at);
create index webhook_delivery_by_event on webhook_delivery (event_id);

create table webhook_attempt (
    id           bigserial   primary key,
    delivery_id  uuid        not null references webhook_delivery (id),
    attempted_at timestamptz not null,
    status_code  int,
    error        text        check (length(error) <= 500),
    latency_ms   bigint      not null check (latency_ms >= 0),
    check (status_code is not null or error is not null)
);
create index webhook_attempt_by_delivery on webhook_attempt (delivery_id, id);

-- registration-api appends its events, owns the endpoints (deleted softly: their deliveries stay readable), the
-- deliveries and their attempts (append-only).
grant select, insert on registration_event to coupons_registration;
grant select, insert, update on webhook_endpoint, webhook_delivery to coupons_registration;
grant select, insert on webhook_attempt to coupons_registration;
grant usage on sequence webhook_attempt_id_seq to coupons_registration;
-- what the dispatcher reads of the other owners' events, without any card token
grant select (id, occurred_at, type, campaign_id, coupon_id, reservation_id, medium_type, merchant_id, store_id,
              terminal_id, currency, amount_minor, discount_minor) on usage_event to coupons_registration;
grant select (id, payment_id, occurred_at, step) on settlement_journal to coupons_registration;
grant select (id, merchant_id, store_id, terminal_id, transaction_id, card_type, card_brand, card_last_four, currency,
              amount_minor, state, charged_minor) on payment to coupons_registration;
-- the dispatcher's look for events not yet fanned out reads only recent uses, reversals and answered payments
create index usage_event_uses_by_time on usage_event (occurred_at) where type in ('CONFIRMED', 'REVERSED');
create index settlement_journal_answers_by_time on settlement_journal (occurred_at) where step = 'PAYMENT_ANSWERED';
