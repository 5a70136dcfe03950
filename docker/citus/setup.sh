#!/usr/bin/env bash
# The citus profile's one-shot setup, on the coordinator: register the workers, then the platform's roles and the
# schema's privileges (common-model's db/roles/platform-roles.sql), which Citus propagates to every node.
set -euo pipefail
export PGHOST=citus-coordinator PGUSER=postgres PGDATABASE=coupons
until pg_isready -q; do sleep 1; done
psql -v ON_ERROR_STOP=1 <<'SQL'
select citus_set_coordinator_host('citus-coordinator', 5432);
select citus_add_node('citus-worker-1', 5432) where not exists (select from pg_dist_node where nodename = 'citus-worker-1');
select citus_add_node('citus-worker-2', 5432) where not exists (select from pg_dist_node where nodename = 'citus-worker-2');
SQL
psql -v ON_ERROR_STOP=1 \
  -v owner="$COUPONS_DB_OWNER_PASSWORD" -v registration="$COUPONS_DB_REGISTRATION_PASSWORD" \
  -v till="$COUPONS_DB_TILL_PASSWORD" -v relay="$COUPONS_DB_RELAY_PASSWORD" -v gateway="$COUPONS_DB_GATEWAY_PASSWORD" <<'SQL'
select set_config('coupons.owner_password', :'owner', false);
select set_config('coupons.registration_password', :'registration', false);
select set_config('coupons.till_password', :'till', false);
select set_config('coupons.relay_password', :'relay', false);
select set_config('coupons.gateway_password', :'gateway', false);
\i /platform/platform-roles.sql
SQL
