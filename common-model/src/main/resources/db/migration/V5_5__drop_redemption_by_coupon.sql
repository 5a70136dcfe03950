-- coupon-server: no query reads redemptions by coupon alone. The checks for holds that ran out read the held ones
-- through the partial index redemption_held, and a coupon is never deleted nor its key changed, so the foreign key
-- from redemption to coupon never looks for referencing rows either. Each use still wrote an entry into this index,
-- on a random leaf page (coupon ids are scattered), which cost about 2 % of the uses a second (docs/benchmarks.md).
drop index redemption_by_coupon;
