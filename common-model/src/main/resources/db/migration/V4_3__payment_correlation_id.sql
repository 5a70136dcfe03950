-- settlement-relay: the correlation id of the request that made a payment, so that its follow-ups (reversals, coupon
-- confirmations and releases), sent later and perhaps by another relay, still carry it to the other services and logs.
-- Payments recorded before it was kept have none.
alter table payment
    add column correlation_id text,
    add constraint payment_correlation_id_format check (correlation_id ~ '^[A-Za-z0-9._-]{8,64}$');
