-- coupon-server: use approval (reservations, redemptions, reversals) and the reads it needs at the till.

-- A terminal's transaction holds at most one live use of coupons: a retry with a new key, or a second till flow for
-- the same purchase, cannot apply coupons twice. Released, expired or reversed uses leave the id free again.
create unique index reservation_one_live_per_transaction on reservation (terminal_id, transaction_id)
    where state in ('RESERVED', 'CONFIRMED');

-- Holds that may have run out without being swept yet: counted as free by searches and reclaimed by a new use.
create index redemption_held on redemption (coupon_id) where state = 'RESERVED';

-- A reversal is a void (same day, before settlement) or a refund (later); both restore the coupon's use.
alter table redemption
    add column reversal_type text check (reversal_type in ('VOID', 'REFUND')),
    add constraint redemption_reversal_recorded
        check ((state = 'REVERSED') = (reversed_at is not null and reversal_type is not null)),
    add constraint redemption_settled_when_final
        check ((state = 'RESERVED') = (settled_at is null));

alter table reservation
    add constraint reservation_settled_when_final
        check ((state = 'RESERVED') = (settled_at is null));
