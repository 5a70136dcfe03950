-- The platform's PostgreSQL roles and its schema's privileges (docs/architecture.md, "Who writes what"). Run by a role
-- that may create roles (a superuser, say), connected to the platform's database, before the first migration; running
-- it again only sets the passwords anew. Roles belong to the whole server, the schema's privileges to this database.
--   coupons_owner         owns every table: Flyway migrates as it, no service connects as it
--   coupons_registration  registration-api
--   coupons_till          coupon-server
--   coupons_relay         settlement-relay
--   coupons_gateway       reception-terminal-gateway
-- Each password is read from the setting coupons.<role without "coupons_">_password (coupons.till_password, ...),
-- set earlier in the same session: select set_config('coupons.till_password', '...', false), or PGOPTIONS.
-- The migrations grant each service role what it may do with each table; nothing else is granted to it.
do $$
declare
    name text;
begin
    foreach name in array array['coupons_owner', 'coupons_registration', 'coupons_till', 'coupons_relay', 'coupons_gateway'] loop
        begin
            execute format('create role %I', name);
        exception when duplicate_object or unique_violation then
            -- made by an earlier run, or by a concurrent one
        end;
        execute format('alter role %I with login nosuperuser nocreatedb nocreaterole noinherit password %L',
                       name, current_setting('coupons.' || substr(name, length('coupons_') + 1) || '_password'));
    end loop;
end
$$;

-- Only the owner creates objects in the schema; the service roles may use it, and see what they are granted.
revoke create on schema public from public;
grant usage, create on schema public to coupons_owner;
