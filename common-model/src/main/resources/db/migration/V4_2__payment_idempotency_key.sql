-- settlement-relay: a payment's idempotency is the relay's own, in the payment itself. The platform's idempotency
-- filter holds one database transaction open for the whole request, which a payment cannot afford while it waits on
-- coupon-server and the card settlement center; so the relay records the terminal's Idempotency-Key on the payment,
-- unique per terminal as its transaction id is.
alter table payment add column idempotency_key text;

-- payments recorded before the key was kept: terminals were told to send their transaction id as the key
update payment set idempotency_key = transaction_id where idempotency_key is null;

alter table payment
    alter column idempotency_key set not null,
    add constraint payment_idempotency_key_format check (idempotency_key ~ '^[\x21-\x7E]{1,128}$'),
    add constraint payment_terminal_idempotency_key unique (terminal_id, idempotency_key);
