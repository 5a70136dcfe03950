-- gateway: each gateway instance keeps the credentials it authenticates with in memory, so a call needs no database
-- round trip (docs/gateway.md). So that a revoked key or a decommissioned terminal's key stops working on every
-- instance within a second, every change that could end a key's validity is announced on the channel
-- api_credential_changed, which each instance LISTENs to; its cache's time-to-live is the backstop should a
-- notification be lost. The payload names what changed: 'credential:<key id>', 'terminal:<terminal id>', or 'all'
-- after a truncate.
--
-- pg_notify needs no privilege and these functions read no table, so the role writing the rows (the gateway its
-- credentials, the terminals' owner its terminals) needs no grant for them; PostgreSQL delivers a notification only
-- when the writing transaction commits, and never one of a transaction that rolled back.

create function announce_credential_change() returns trigger language plpgsql as $$
begin
    if tg_op = 'TRUNCATE' then
        perform pg_notify('api_credential_changed', 'all');
    elsif tg_op = 'DELETE' then
        perform pg_notify('api_credential_changed', 'credential:' || old.id);
    else
        perform pg_notify('api_credential_changed', 'credential:' || new.id);
    end if;
    return null;
end
$$;

create trigger api_credential_changed after insert or update or delete on api_credential
    for each row execute function announce_credential_change();
create trigger api_credential_truncated after truncate on api_credential
    for each statement execute function announce_credential_change();

-- a terminal key proves its terminal's merchant and store and works only while the terminal is ACTIVE
create function announce_terminal_change() returns trigger language plpgsql as $$
begin
    if tg_op = 'TRUNCATE' then
        perform pg_notify('api_credential_changed', 'all');
    else
        perform pg_notify('api_credential_changed', 'terminal:' || old.id);
    end if;
    return null;
end
$$;

create trigger terminal_changed after update of status, merchant_id, store_id or delete on terminal
    for each row execute function announce_terminal_change();
create trigger terminal_truncated after truncate on terminal
    for each statement execute function announce_terminal_change();
