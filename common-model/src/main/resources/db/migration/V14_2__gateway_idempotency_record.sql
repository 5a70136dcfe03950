-- The gateway's credentials API honours Idempotency-Key on issuing and rotating a key, as the services do on their
-- retryable calls (docs/gateway.md, "Retries"): an administrator's retry after a lost answer gets the first answer
-- again instead of a second key. That answer holds the key's secret, shown only there, so the gateway keeps it sealed
-- (AES-GCM under coupons.gateway.credentials.replay-key, bound to its scope, key and request hash): a reader of this
-- table learns which calls were made, never a secret. Rows are forgotten after the replay window (24 h by default).
create table gateway_idempotency_record (
    scope            text            not null,
    idempotency_key  idempotency_key not null,
    request_hash     text            not null,
    response_status  int             not null,
    location         text,
    sealed_answer    bytea           not null,
    created_at       timestamptz     not null default now(),
    primary key (scope, idempotency_key)
);
create index gateway_idempotency_record_by_age on gateway_idempotency_record using brin (created_at);

grant select, insert, update, delete on gateway_idempotency_record to coupons_gateway;
