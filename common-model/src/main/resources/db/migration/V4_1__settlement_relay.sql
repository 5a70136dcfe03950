-- settlement-relay: credit payments with the coupon discount applied inside the card authorization (claims 8, 9, 19).
-- Three tables: the payment and the answer its terminal got; an append-only journal of every step; and an outbox of
-- the follow-ups (reversals, coupon confirmations and releases) that must reach the other side even after a crash.

-- One credit payment from a terminal, keyed by the terminal's own transaction id so a retry can never pay twice.
create table payment (
    id                  uuid primary key,
    merchant_id         uuid        not null references merchant (id),
    store_id            uuid        not null references store (id),
    terminal_id         uuid        not null references terminal (id),
    -- the terminal's gateway principal: coupon-server calls made after the request (follow-ups) are signed as it
    terminal_principal  text        not null check (length(terminal_principal) between 1 and 200),
    transaction_id      text        not null check (transaction_id ~ '^[A-Za-z0-9._:-]{1,64}$'),
    -- SHA-256 of what was asked (card token, expiry, amount, basket): the same transaction id with other content is refused
    request_fingerprint text        not null check (length(request_fingerprint) = 64),
    card_token          text        not null check (length(card_token) = 43),
    card_type           text        not null check (card_type in ('CREDIT', 'DEBIT')),
    card_brand          text        not null,
    card_last_four      text        not null check (card_last_four ~ '^[0-9]{4}$'),
    currency            char(3)     not null,
    amount_minor        bigint      not null check (amount_minor > 0),
    state               text        not null check (state in ('IN_PROGRESS', 'APPROVED', 'DECLINED', 'TIMED_OUT')),
    charged_minor       bigint      check (charged_minor >= 0 and charged_minor <= amount_minor),
    authorization_code  text        check (length(authorization_code) between 1 and 12),
    -- the answer the terminal was given, replayed as it was to any retry
    outcome             jsonb,
    received_at         timestamptz not null,
    -- past this, a payment still in progress is abandoned: its relay died mid-flow; everything it sent is reversed
    deadline_at         timestamptz not null,
    answered_at         timestamptz,
    unique (terminal_id, transaction_id),
    check (deadline_at > received_at),
    check ((state = 'IN_PROGRESS') = (outcome is null)),
    check ((state = 'IN_PROGRESS') = (answered_at is null)),
    check ((state = 'IN_PROGRESS') = (charged_minor is null)),
    check ((state = 'APPROVED') = (authorization_code is not null)),
    check (state <> 'APPROVED' or charged_minor > 0),
    check (state not in ('DECLINED', 'TIMED_OUT') or charged_minor = 0)
);

create index payment_in_progress on payment (deadline_at) where state = 'IN_PROGRESS';

-- Every step of every payment, in order: each authorization sent and its answer, each reversal, each coupon
-- search, reservation, confirmation and release. Written before and after each call, never changed.
create table settlement_journal (
    id                  bigserial primary key,
    payment_id          uuid        not null references payment (id),
    occurred_at         timestamptz not null default clock_timestamp(),
    step                text        not null check (step in (
                            'PAYMENT_RECEIVED', 'PAYMENT_ANSWERED', 'PAYMENT_ABANDONED',
                            'AUTHORIZATION_SENT', 'AUTHORIZATION_APPROVED', 'AUTHORIZATION_DECLINED', 'AUTHORIZATION_UNANSWERED',
                            'REVERSAL_QUEUED', 'REVERSAL_SENT', 'REVERSAL_ACKNOWLEDGED', 'REVERSAL_FAILED', 'REVERSAL_REFUSED',
                            'COUPON_SEARCH_ANSWERED', 'COUPON_SEARCH_UNAVAILABLE',
                            'COUPON_RESERVED', 'COUPON_RESERVATION_FAILED',
                            'COUPON_CONFIRMED', 'COUPON_CONFIRM_FAILED', 'COUPON_RELEASED', 'COUPON_RELEASE_FAILED')),
    -- the relay's id of the authorization message concerned; reversals name the authorization they undo
    authorization_id    uuid,
    leg                 text        check (leg in ('FULL_AMOUNT', 'DISCOUNTED')),
    currency            char(3),
    amount_minor        bigint      check (amount_minor >= 0),
    authorization_code  text,
    response_code       text,
    reservation_id      uuid,
    coupon_codes        text[],
    detail              text        check (length(detail) <= 500),
    check ((currency is null) = (amount_minor is null)),
    check (step not like 'AUTHORIZATION_%' or (authorization_id is not null and leg is not null and amount_minor is not null)),
    check (step not like 'REVERSAL_%' or authorization_id is not null),
    check (step <> 'AUTHORIZATION_APPROVED' or authorization_code is not null)
);

create index settlement_journal_by_payment on settlement_journal (payment_id, id);

create function settlement_journal_is_append_only() returns trigger
    language plpgsql as
$$
begin
    raise exception 'settlement_journal is append-only: % is not allowed', tg_op using errcode = 'P0001';
end;
$$;

create trigger settlement_journal_append_only
    before update or delete on settlement_journal
    for each row execute function settlement_journal_is_append_only();

-- What must still reach the card settlement center or coupon-server, retried until acknowledged. A row is written
-- ARMED before the call it would undo (an authorization) or right after the hold it settles (a coupon reservation);
-- the payment's answer turns it PENDING (send it), CANCELLED (the authorization stands) or, for coupons, decides
-- between confirm and release. A relay that dies mid-payment leaves ARMED rows behind: when the payment's deadline
-- passes they fire as reversals and releases, so nothing stays charged or held that the terminal was not told of.
create table settlement_outbox (
    id                  uuid primary key,
    payment_id          uuid        not null references payment (id),
    action              text        not null check (action in ('REVERSE_AUTHORIZATION', 'CONFIRM_COUPONS', 'RELEASE_COUPONS')),
    authorization_id    uuid        unique,
    leg                 text        check (leg in ('FULL_AMOUNT', 'DISCOUNTED')),
    reservation_id      uuid        unique,
    currency            char(3),
    amount_minor        bigint      check (amount_minor > 0),
    state               text        not null check (state in ('ARMED', 'PENDING', 'DONE', 'CANCELLED', 'FAILED')),
    attempts            int         not null default 0 check (attempts >= 0),
    next_attempt_at     timestamptz not null,
    last_error          text        check (length(last_error) <= 500),
    created_at          timestamptz not null default now(),
    finished_at         timestamptz,
    check ((action = 'REVERSE_AUTHORIZATION')
           = (authorization_id is not null and leg is not null and currency is not null and amount_minor is not null)),
    check ((action = 'REVERSE_AUTHORIZATION') = (reservation_id is null)),
    check (state <> 'CANCELLED' or action = 'REVERSE_AUTHORIZATION'),
    check ((state in ('DONE', 'CANCELLED', 'FAILED')) = (finished_at is not null))
);

create index settlement_outbox_due on settlement_outbox (next_attempt_at) where state = 'PENDING';
create index settlement_outbox_by_payment on settlement_outbox (payment_id);
