-- coupon-server: every use of a coupon updates its row (uses_held). With a fifth of each page left free, PostgreSQL
-- writes the new row version on the same page and leaves the coupon's four indexes alone (a HOT update); on full
-- pages, every use also wrote a new entry into each index, and after each checkpoint a whole index page to the WAL.
-- Applies to the pages written from now on; a table rewrite (VACUUM FULL, pg_repack) brings it to existing ones.
alter table coupon set (fillfactor = 80);
