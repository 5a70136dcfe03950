-- Each service connects as its own PostgreSQL role (db/roles/platform-roles.sql) and may write only the tables it owns;
-- what it reads of other services' tables it reads through SELECT grants. The tables belong to coupons_owner, which
-- runs the migrations. Every later migration that adds a table grants its owning service here too
-- (docs/architecture.md, "Who writes what"). Grants a table does not need stay out: a service may not update or
-- delete what it only ever appends, nor delete what it only ever updates.

-- Every service validates the migration history at start, as its own role.
grant select on flyway_schema_history to coupons_registration, coupons_till, coupons_relay, coupons_gateway;

-- registration-api: merchants, their stores and terminals (their onboarding is registration-api's); campaigns, their
-- versions and approval history; coupons acquired on media and how many each medium holds.
grant select, insert, update, delete on merchant, store, terminal to coupons_registration;
grant select, insert, update on campaign, campaign_version to coupons_registration;
grant select, insert on campaign_transition to coupons_registration;
grant usage on sequence campaign_transition_id_seq to coupons_registration;
grant select, insert, update on coupon to coupons_registration;
grant select, insert, update, delete on campaign_card_holding to coupons_registration;

-- coupon-server: reservations and redemptions; it reads the till's reference data and the coupons.
grant select, insert, update on reservation, redemption to coupons_till;
grant select on merchant, store, terminal, campaign, campaign_version, coupon to coupons_till;

-- settlement-relay: payments, their journal and their outbox.
grant select, insert, update on payment, settlement_outbox to coupons_relay;
grant select, insert on settlement_journal to coupons_relay;
grant usage on sequence settlement_journal_id_seq to coupons_relay;

-- reception-terminal-gateway: API credentials; it reads terminals and merchants (whom a key speaks for) and
-- campaigns (whose they are).
grant select, insert, update on api_credential to coupons_gateway;
grant select on merchant, terminal, campaign to coupons_gateway;

-- Still written by two services until V6_2 gives each table one writer: a coupon's uses held (coupon-server), the
-- usage log (registration-api appends acquisitions and cancellations), and the recorded idempotent outcomes.
grant update (uses_held) on coupon to coupons_till;
grant select, insert on usage_event to coupons_till;
grant insert on usage_event to coupons_registration;
grant usage on sequence usage_event_id_seq to coupons_till, coupons_registration;
grant select, insert, delete on idempotency_record to coupons_registration, coupons_till;
