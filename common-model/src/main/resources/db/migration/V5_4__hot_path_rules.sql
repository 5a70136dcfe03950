-- The till's hot path writes coupon, reservation, redemption, usage_event and idempotency_record on every use, and
-- PostgreSQL parses a table's CHECK constraints from their stored text on every statement that writes the table (an
-- UPDATE of one column too): thirty checks cost a quarter of the database's time per use. A domain's check is kept
-- compiled by each connection, and runs only when its column is written. So the rules of a single column become
-- domains, one per kind of value and shared by every table that holds it; the rules across columns stay checks.

create domain card_token as text check (length(value) = 43);
create domain last_four as text check (length(value) = 4);
create domain medium_type as text check (value in ('CREDIT', 'DEBIT', 'POINT', 'MILEAGE'));
create domain acquisition_channel as text check (value in ('MOBILE_APP', 'WEB', 'DIGITAL_BROADCAST'));
create domain coupon_code as text check (value ~ '^[A-Z2-9]{16,32}$');
create domain coupon_state as text check (value in ('ACTIVE', 'CANCELLED'));
create domain allowed_uses as int check (value > 0);
create domain use_state as text check (value in ('RESERVED', 'CONFIRMED', 'RELEASED', 'EXPIRED', 'REVERSED'));
create domain reversal_type as text check (value in ('VOID', 'REFUND'));
create domain reversal_reason as text check (length(value) <= 500);
create domain terminal_transaction_id as text check (length(value) between 1 and 64);
create domain usage_event_type as text check (value in ('ACQUIRED', 'CANCELLED', 'SEARCHED', 'MATCHED', 'RESERVED',
                                                        'CONFIRMED', 'RELEASED', 'EXPIRED', 'REVERSED'));
create domain minor_units as bigint check (value >= 0);
create domain event_count as int check (value >= 0);
create domain idempotency_key as text check (length(value) between 1 and 128);

alter table coupon
    drop constraint coupon_code_check,
    drop constraint coupon_card_token_check,
    drop constraint coupon_medium_type_check,
    drop constraint coupon_medium_last_four_check,
    drop constraint coupon_channel_check,
    drop constraint coupon_state_check,
    drop constraint coupon_uses_allowed_check,
    alter column code type coupon_code,
    alter column card_token type card_token,
    alter column medium_type type medium_type,
    alter column medium_last_four type last_four,
    alter column channel type acquisition_channel,
    alter column state type coupon_state,
    alter column uses_allowed type allowed_uses;

alter table reservation
    drop constraint reservation_transaction_id_check,
    drop constraint reservation_state_check,
    drop constraint reservation_amount_minor_check,
    alter column transaction_id type terminal_transaction_id,
    alter column state type use_state,
    alter column amount_minor type minor_units;

alter table redemption
    drop constraint redemption_state_check,
    drop constraint redemption_discount_minor_check,
    drop constraint redemption_reversal_type_check,
    drop constraint redemption_reversal_reason_check,
    alter column state type use_state,
    alter column discount_minor type minor_units,
    alter column reversal_type type reversal_type,
    alter column reversal_reason type reversal_reason;

alter table usage_event
    drop constraint usage_event_type_check,
    drop constraint usage_event_card_token_check,
    drop constraint usage_event_medium_type_check,
    drop constraint usage_event_channel_check,
    drop constraint usage_event_amount_minor_check,
    drop constraint usage_event_discount_minor_check,
    drop constraint usage_event_matched_count_check,
    alter column type type usage_event_type,
    alter column card_token type card_token,
    alter column medium_type type medium_type,
    alter column channel type acquisition_channel,
    alter column amount_minor type minor_units,
    alter column discount_minor type minor_units,
    alter column matched_count type event_count;

alter table idempotency_record
    drop constraint idempotency_record_idempotency_key_check,
    alter column idempotency_key type idempotency_key;

-- One foreign key that also checks the columns agree, instead of one per column: a redemption's campaign is its
-- coupon's (whose row the use already holds), and a reservation's store and merchant are its terminal's.
alter table coupon add constraint coupon_id_campaign unique (id, campaign_id);
alter table redemption
    drop constraint redemption_coupon_id_fkey,
    drop constraint redemption_campaign_id_fkey,
    add constraint redemption_coupon_fkey foreign key (coupon_id, campaign_id) references coupon (id, campaign_id);
alter table terminal add constraint terminal_id_store_merchant unique (id, store_id, merchant_id);
alter table reservation
    drop constraint reservation_merchant_id_fkey,
    drop constraint reservation_store_id_fkey,
    drop constraint reservation_terminal_id_fkey,
    add constraint reservation_terminal_fkey foreign key (terminal_id, store_id, merchant_id)
        references terminal (id, store_id, merchant_id);

-- Recorded outcomes are appended in time order and only ever looked up by age to be forgotten: a block range index
-- serves that at a fraction of a B-tree's cost per call.
drop index idempotency_record_by_age;
create index idempotency_record_by_age on idempotency_record using brin (created_at);

-- A use takes a use of every coupon it names or of none, in one statement that commits by itself: when it took fewer
-- uses than it named, the statement asks this function to refuse it whole, naming the coupons that had none free.
create function coupon_uses_taken(taken uuid[], named uuid[]) returns boolean
    language plpgsql as
$$
begin
    if cardinality(taken) < cardinality(named) then
        raise exception 'coupon use: no use free'
            using errcode = 'P0001',
                  detail = (select string_agg(id::text, ',') from unnest(named) as id where id <> all (taken));
    end if;
    return true;
end;
$$;
