-- Every table gets one writer, and the till's tables get the card token in their keys (docs/architecture.md, "Who
-- writes what"; docs/scale-out.md).
--   * A coupon's uses move out of registration-api's coupon row into coupon_use, coupon-server's own table.
--   * Acquisitions and cancellations are no longer copied into the usage log: the coupon row is their record, and
--     usage reports read it. The usage log is coupon-server's alone.
--   * Each service records its idempotent outcomes in a table of its own.
--   * A campaign's count of coupons acquired moves out of its row, which JPA writes, into campaign_issue.
--   * The tables a search or a use touches are keyed by the card token too, so that each of them can be distributed
--     by it (Citus): coupon, coupon_use, reservation, redemption, usage_event and coupon-server's recorded outcomes.
--     A coupon's code stays unique across cards through coupon_by_code, keyed by the code alone.

-- --- coupon (registration-api): keyed by id and card token -----------------------------------------------------------
alter table redemption drop constraint redemption_coupon_fkey;
alter table coupon
    drop constraint coupon_id_campaign,
    drop constraint coupon_pkey,
    add constraint coupon_pkey primary key (id, card_token),
    -- a redemption's coupon, campaign and card agree, by one foreign key
    add constraint coupon_id_card_campaign unique (id, card_token, campaign_id),
    -- coupon_use refers to an active coupon through this key: see coupon_use
    add constraint coupon_id_card_state unique (id, card_token, state),
    -- the channel a cancellation came through, which need not be the one the coupon was acquired from
    add column cancelled_via acquisition_channel;

-- The coupon's code, unique across all cards, and the card that holds it: how a code scanned from a printed coupon
-- finds its card. Distributed by the code, not the card (docs/scale-out.md).
create table coupon_by_code (
    code       coupon_code primary key,
    card_token card_token not null,
    coupon_id  uuid       not null
);
insert into coupon_by_code (code, card_token, coupon_id) select code, card_token, id from coupon;
alter table coupon
    drop constraint coupon_code_key,
    add constraint coupon_card_code unique (card_token, code);

-- --- coupon_use (coupon-server): how many uses of each coupon are reserved or confirmed at a till ---------------------
-- One row per coupon that was ever used, added by its first use and counted up and down by the conditional statements
-- of coupon-server. While a use is held (uses_held > 0), active_coupon is 'ACTIVE' and the foreign key holds the
-- coupon active: registration-api cannot cancel a coupon in use. A use that takes a coupon's first held use (none to
-- one) has that key checked at the end of its statement, on a fresh snapshot and after waiting for a cancellation in
-- flight, so a use and a cancellation of the same coupon never both succeed. With no use held, active_coupon is null
-- and the key is not checked.
create table coupon_use (
    coupon_id     uuid         not null,
    card_token    card_token   not null,
    uses_allowed  allowed_uses not null,
    uses_held     event_count  not null,
    active_coupon coupon_state generated always as (case when uses_held > 0 then 'ACTIVE' end) stored,
    -- the card first: a search reads the uses of one card's coupons
    primary key (card_token, coupon_id),
    check (uses_held <= uses_allowed),
    constraint coupon_use_active_coupon foreign key (coupon_id, card_token, active_coupon)
        references coupon (id, card_token, state)
) with (fillfactor = 80);
insert into coupon_use (coupon_id, card_token, uses_allowed, uses_held)
select id, card_token, uses_allowed, uses_held from coupon where uses_held > 0;
alter table coupon drop column uses_held;
-- the use statement no longer updates coupon rows; cancellations are rare
alter table coupon reset (fillfactor);

-- --- campaign_issue (registration-api): how many coupons of each campaign are acquired and not cancelled --------------
-- The count an acquisition takes against the campaign's cap, by a conditional upsert: an aggregate of its own, written
-- only by that statement, where it was a column of the campaign's row, which the approval workflow writes with JPA. In
-- a cluster it is distributed by the campaign, so that an acquisition does not write every copy of a reference table
-- (docs/scale-out.md).
create table campaign_issue (
    campaign_id    uuid        primary key references campaign (id),
    acquired_count event_count not null
);
insert into campaign_issue (campaign_id, acquired_count) select id, acquired_count from campaign where acquired_count > 0;
alter table campaign drop column acquired_count;

-- --- campaign_card_holding (registration-api): its card token of the type every table distributed by it has ----------
alter table campaign_card_holding
    drop constraint campaign_card_holding_card_token_check,
    alter column card_token type card_token;

-- --- reservation and redemption (coupon-server): keyed by id and card token ------------------------------------------
-- A use is of one card's coupons.
alter table redemption add column card_token card_token;
update redemption r set card_token = c.card_token from coupon c where c.id = r.coupon_id;
alter table reservation add column card_token card_token;
update reservation h set card_token = (select min(r.card_token) from redemption r where r.reservation_id = h.id);
do $$
begin
    if exists (select from redemption r join reservation h on h.id = r.reservation_id where r.card_token <> h.card_token) then
        raise exception 'a reservation uses coupons of several cards; split it before this migration';
    end if;
end
$$;
alter table redemption
    alter column card_token set not null,
    drop constraint redemption_reservation_id_fkey,
    drop constraint redemption_reservation_id_coupon_id_key,
    drop constraint redemption_pkey,
    add constraint redemption_pkey primary key (id, card_token),
    add constraint redemption_coupon_once unique (reservation_id, coupon_id, card_token);
alter table reservation
    alter column card_token set not null,
    drop constraint reservation_pkey,
    add constraint reservation_pkey primary key (id, card_token);
alter table redemption
    add constraint redemption_reservation_fkey foreign key (reservation_id, card_token)
        references reservation (id, card_token),
    add constraint redemption_coupon_fkey foreign key (coupon_id, card_token, campaign_id)
        references coupon (id, card_token, campaign_id);

-- A terminal's transaction holds at most one live use of one card's coupons.
drop index reservation_one_live_per_transaction;
create unique index reservation_one_live_per_transaction on reservation (card_token, terminal_id, transaction_id)
    where state in ('RESERVED', 'CONFIRMED');
drop index redemption_held;
create index redemption_held on redemption (card_token, coupon_id) where state = 'RESERVED';

-- --- usage_event (coupon-server): the log of searches and uses ---------------------------------------------------------
update coupon c set cancelled_via = e.channel
  from usage_event e where e.type = 'CANCELLED' and e.coupon_id = c.id;
update coupon set cancelled_via = channel where cancelled_at is not null and cancelled_via is null;
alter table coupon add constraint coupon_cancelled_via check ((cancelled_at is null) = (cancelled_via is null));
alter table usage_event disable trigger usage_event_append_only;
delete from usage_event where type in ('ACQUIRED', 'CANCELLED') or card_token is null;
alter table usage_event enable trigger usage_event_append_only;
-- a domain's check, not the table's: the log is written on every search and use (V5_4)
create domain till_event_type as text
    check (value in ('SEARCHED', 'MATCHED', 'RESERVED', 'CONFIRMED', 'RELEASED', 'EXPIRED', 'REVERSED'));
alter table usage_event
    alter column type type till_event_type,
    alter column card_token set not null,
    drop constraint usage_event_pkey,
    add constraint usage_event_pkey primary key (id, card_token);
drop domain usage_event_type;

-- A use takes a use of every coupon it names, or of none, in one statement that commits by itself (coupon-server's
-- NewReservations): when it took fewer uses than it named, or its terminal's transaction already has a live use of the
-- card's coupons, the statement asks this function to refuse it whole, each with an SQLSTATE of its own for
-- coupon-server to act on. Which coupon had no use free, the service reads afterwards rather than from the error.
drop function coupon_uses_taken(uuid[], uuid[]);
create function coupon_use_complete(uses_named int, uses_taken bigint, reservation_added boolean) returns boolean
    language plpgsql as
$$
begin
    if uses_taken < uses_named then
        raise exception 'coupon use: a named coupon has no use free' using errcode = 'CU001';
    end if;
    if not reservation_added then
        raise exception 'coupon use: the transaction already has a live use of the card''s coupons' using errcode = 'CU002';
    end if;
    return true;
end;
$$;

-- --- Recorded idempotent outcomes: one table per service ------------------------------------------------------------
-- coupon-server's are kept with the card the call concerns, as the use that records its own outcome writes the card's
-- rows only; a retry that reuses a key for another card is a new call.
create table coupon_server_idempotency_record (
    card_token       card_token      not null,
    scope            text            not null,
    idempotency_key  idempotency_key not null,
    request_hash     text            not null,
    response_status  int             not null,
    content_type     text,
    location         text,
    response_body    bytea           not null,
    created_at       timestamptz     not null default now(),
    primary key (scope, idempotency_key, card_token)
);
create index coupon_server_idempotency_record_by_age on coupon_server_idempotency_record using brin (created_at);
insert into coupon_server_idempotency_record (card_token, scope, idempotency_key, request_hash, response_status,
                                              content_type, location, response_body, created_at)
select h.card_token, i.scope, i.idempotency_key, i.request_hash, i.response_status, i.content_type, i.location,
       i.response_body, i.created_at
  from idempotency_record i
  join reservation h on h.id = (convert_from(i.response_body, 'UTF8')::jsonb ->> 'reservationId')::uuid
 where i.scope like 'coupon-server:%' and i.response_status between 200 and 299
   and i.content_type like 'application/json%';
-- the refusals coupon-server recorded name no card; a retry of one is refused again
delete from idempotency_record where scope like 'coupon-server:%';
alter table idempotency_record rename to registration_idempotency_record;
alter table registration_idempotency_record rename constraint idempotency_record_pkey to registration_idempotency_record_pkey;
alter index idempotency_record_by_age rename to registration_idempotency_record_by_age;

-- --- Grants: one writer per table -------------------------------------------------------------------------------------
revoke insert on usage_event from coupons_registration;
revoke usage on sequence usage_event_id_seq from coupons_registration;
revoke all on registration_idempotency_record from coupons_till;
-- coupon-server never reads terminals: the gateway vouches for the calling one, and a reservation's foreign key checks it
revoke select on terminal from coupons_till;

grant select, insert, update on campaign_issue to coupons_registration;
grant select, insert on coupon_by_code to coupons_registration;
grant select on coupon_by_code to coupons_till;
grant select, insert, update on coupon_use to coupons_till;
grant select on coupon_use to coupons_registration;
grant select, insert, delete on coupon_server_idempotency_record to coupons_till;
