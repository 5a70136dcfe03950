-- settlement-relay: the link to the card settlement center is ISO 8583 (1987) over TCP. The acquirer knows a till by
-- a card acceptor terminal id (field 41, 8 characters) and its merchant by a card acceptor id (field 42, 15), and every
-- message by a system trace audit number (field 11) unique per terminal per day; a reversal names its authorization
-- by the original's STAN and transmission date and time (field 90), so the outbox keeps them to send it later.

-- The card acceptor ids the relay gives a merchant and a terminal on their first payment (a real acquirer's ids can be
-- loaded here instead), and the STANs taken so far today: relays reserve them in blocks, so none is used twice a day.
create table acquirer_merchant (
    merchant_id         uuid primary key references merchant (id),
    card_acceptor_id    text not null unique check (card_acceptor_id ~ '^[0-9A-Za-z ]{15}$')
);

create sequence acquirer_merchant_number maxvalue 999999999999999;

create table acquirer_terminal (
    terminal_id               uuid primary key references terminal (id),
    merchant_id               uuid not null references acquirer_merchant (merchant_id),
    card_acceptor_terminal_id text not null unique check (card_acceptor_terminal_id ~ '^[0-9A-Za-z ]{8}$'),
    -- the UTC day of the STANs reserved, and the highest reserved that day
    stan_day                  date not null,
    stan_reserved             int  not null check (stan_reserved between 0 and 999999)
);

create sequence acquirer_terminal_number maxvalue 99999999;

-- A reversal in the outbox carries the original authorization's trace, its own STAN (the same on every attempt),
-- and, for a partial reversal, the amount that stays authorized. advice: it goes out as an 0420 (then 0421), because
-- its authorization's answer never came; otherwise as an 0400 first.
alter table settlement_outbox
    add column card_acceptor_terminal_id text check (card_acceptor_terminal_id ~ '^[0-9A-Za-z ]{8}$'),
    add column card_acceptor_id          text check (card_acceptor_id ~ '^[0-9A-Za-z ]{15}$'),
    add column original_stan             text check (original_stan ~ '^[0-9]{6}$'),
    add column original_transmitted_at   timestamptz,
    add column retrieval_reference       text check (length(retrieval_reference) = 12),
    add column stan                      text check (stan ~ '^[0-9]{6}$'),
    add column replacement_minor         bigint check (replacement_minor > 0),
    add column advice                    boolean not null default true,
    add constraint settlement_outbox_replacement_below_amount check (replacement_minor < amount_minor),
    -- reversals queued before this version carry no trace; they cannot be sent over ISO 8583 and are left to a person
    add constraint settlement_outbox_reversal_traced check (
        (action = 'REVERSE_AUTHORIZATION')
        = (card_acceptor_terminal_id is not null and card_acceptor_id is not null and original_stan is not null
           and original_transmitted_at is not null and retrieval_reference is not null and stan is not null)) not valid;

-- The journal names each authorization and reversal message as the settlement center knows it.
alter table settlement_journal
    add column stan                text check (stan ~ '^[0-9]{6}$'),
    add column retrieval_reference text check (length(retrieval_reference) = 12);

-- The answers besides approval and decline that field 39 can give: referred to the issuer, and a system error.
alter table payment drop constraint payment_state_check;
alter table payment
    add constraint payment_state_check
        check (state in ('IN_PROGRESS', 'APPROVED', 'DECLINED', 'REFERRED', 'SYSTEM_ERROR', 'TIMED_OUT')),
    add constraint payment_nothing_charged_unless_approved check (state in ('IN_PROGRESS', 'APPROVED') or charged_minor = 0);

-- settlement-relay owns the acquirer's ids of its tills and merchants, and their STANs (V6_1, "Who writes what").
grant select, insert, update on acquirer_merchant, acquirer_terminal to coupons_relay;
grant usage on sequence acquirer_merchant_number, acquirer_terminal_number to coupons_relay;

-- A late coupon: when the coupon search answered after the payment was approved at full price, the discount it found
-- lowers the authorization with a partial reversal (docs/settlement-relay.md). The payment keeps what became of it;
-- the partial reversal is a second reversal row of the same authorization.
alter table payment add column late_coupon jsonb;
alter table settlement_outbox drop constraint settlement_outbox_authorization_id_key;
create unique index settlement_outbox_one_reversal_per_authorization on settlement_outbox (authorization_id)
    where replacement_minor is null;
create unique index settlement_outbox_one_partial_reversal_per_authorization on settlement_outbox (authorization_id)
    where replacement_minor is not null;
alter table settlement_journal drop constraint settlement_journal_step_check;
alter table settlement_journal add constraint settlement_journal_step_check check (step in (
    'PAYMENT_RECEIVED', 'PAYMENT_ANSWERED', 'PAYMENT_ABANDONED',
    'AUTHORIZATION_SENT', 'AUTHORIZATION_APPROVED', 'AUTHORIZATION_DECLINED', 'AUTHORIZATION_UNANSWERED',
    'REVERSAL_QUEUED', 'REVERSAL_SENT', 'REVERSAL_ACKNOWLEDGED', 'REVERSAL_FAILED', 'REVERSAL_REFUSED',
    'COUPON_SEARCH_ANSWERED', 'COUPON_SEARCH_UNAVAILABLE',
    'COUPON_RESERVED', 'COUPON_RESERVATION_FAILED',
    'COUPON_CONFIRMED', 'COUPON_CONFIRM_FAILED', 'COUPON_RELEASED', 'COUPON_RELEASE_FAILED',
    'LATE_COUPON_APPLIED', 'LATE_COUPON_NOT_APPLIED'));
