#!/usr/bin/env bash
# Run by the postgres image once, when it initialises an empty data directory: sets up the platform's roles and the
# schema's privileges (common-model's db/roles/platform-roles.sql) with the passwords docker-compose.yml passes in.
set -euo pipefail
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  -v owner="$COUPONS_DB_OWNER_PASSWORD" -v registration="$COUPONS_DB_REGISTRATION_PASSWORD" \
  -v till="$COUPONS_DB_TILL_PASSWORD" -v relay="$COUPONS_DB_RELAY_PASSWORD" -v gateway="$COUPONS_DB_GATEWAY_PASSWORD" <<'SQL'
select set_config('coupons.owner_password', :'owner', false);
select set_config('coupons.registration_password', :'registration', false);
select set_config('coupons.till_password', :'till', false);
select set_config('coupons.relay_password', :'relay', false);
select set_config('coupons.gateway_password', :'gateway', false);
\i /platform/platform-roles.sql
SQL
