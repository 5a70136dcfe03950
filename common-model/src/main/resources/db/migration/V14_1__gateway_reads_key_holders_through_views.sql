-- The gateway no longer reads registration-api's merchant and terminal tables: registration-api publishes what the
-- gateway needs to know of whom an API key speaks for, as two views, and the gateway may read only those
-- (docs/architecture.md, "Who writes what"; docs/gateway.md). The owner of the rows decides there what "may act"
-- means, so a change of its tables' shape or of its states is made in one place:
--   * merchant_standing: a merchant, and whether keys may act for it (it is ACTIVE, not CLOSED);
--   * terminal_standing: a terminal with its merchant and store, and whether its keys may act (the terminal and its
--     merchant are both ACTIVE).
-- The views run with their owner's rights (coupons_owner), so a grant on the view is all a reader needs.
--
-- A closed merchant's keys now stop working like a decommissioned terminal's: every change of a merchant's status is
-- announced on api_credential_changed ('merchant:<merchant id>'), as V8_1 does for terminals, so every gateway
-- instance forgets the keys of that merchant and of its terminals within a second of the commit.

create view merchant_standing as
select m.id as merchant_id,
       m.status = 'ACTIVE' as active
  from merchant m;

create view terminal_standing as
select t.id as terminal_id,
       t.merchant_id,
       t.store_id,
       t.status = 'ACTIVE' and m.status = 'ACTIVE' as active
  from terminal t
  join merchant m on m.id = t.merchant_id;

create function announce_merchant_change() returns trigger language plpgsql as $$
begin
    if tg_op = 'TRUNCATE' then
        perform pg_notify('api_credential_changed', 'all');
    else
        perform pg_notify('api_credential_changed', 'merchant:' || old.id);
    end if;
    return null;
end
$$;

create trigger merchant_changed after update of status or delete on merchant
    for each row execute function announce_merchant_change();
create trigger merchant_truncated after truncate on merchant
    for each statement execute function announce_merchant_change();

revoke select on merchant, terminal from coupons_gateway;
grant select on merchant_standing, terminal_standing to coupons_gateway;
