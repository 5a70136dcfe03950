-- registration-api onboards merchants, their stores and their terminals through its API (docs/merchant-operations.md),
-- so an operator never writes SQL to add one. A merchant can be closed (it then takes no new stores, terminals or
-- campaigns, and its terminals are decommissioned with it); a store has a postal address; a terminal records when it
-- was decommissioned (its keys stop working at the gateway, which admits only ACTIVE terminals). Every change is kept
-- in an append-only audit trail, written in the same transaction as the change: who, in what role, what, and when.

alter table merchant
    add column status       text        not null default 'ACTIVE' check (status in ('ACTIVE', 'CLOSED')),
    add column updated_at   timestamptz not null default now(),
    add column closed_at    timestamptz,
    add column close_reason text        check (length(close_reason) between 1 and 500),
    add constraint merchant_closed_when check ((status = 'CLOSED') = (closed_at is not null));

-- Stores onboarded before this migration have no address; every store onboarded through the API has one, whole.
alter table store
    add column address_line1 text check (length(address_line1) between 1 and 200),
    add column address_line2 text check (length(address_line2) between 1 and 200),
    add column city          text check (length(city) between 1 and 100),
    add column region        text check (length(region) between 1 and 100),
    add column postal_code   text check (length(postal_code) between 1 and 20),
    add column country       char(2) check (country ~ '^[A-Z]{2}$'),
    add column updated_at    timestamptz not null default now(),
    add constraint store_address_whole check ((address_line1 is null) = (city is null) and (city is null) = (country is null));

alter table terminal
    add column updated_at        timestamptz not null default now(),
    add column decommissioned_at timestamptz;

create table onboarding_audit (
    id          bigserial   primary key,
    merchant_id uuid        not null references merchant (id),
    subject     text        not null check (subject in ('MERCHANT', 'STORE', 'TERMINAL')),
    subject_id  uuid        not null,
    action      text        not null check (action in ('CREATED', 'UPDATED', 'CLOSED', 'DECOMMISSIONED')),
    actor       text        not null,
    actor_role  text        not null,
    at          timestamptz not null,
    -- what the change set: the new values, or for an update each changed field's {"from": .., "to": ..}
    changes     jsonb       not null
);
create index onboarding_audit_by_merchant on onboarding_audit (merchant_id, id);

-- registration-api appends to the audit trail and never changes or deletes an entry.
grant select, insert on onboarding_audit to coupons_registration;
grant usage on sequence onboarding_audit_id_seq to coupons_registration;
