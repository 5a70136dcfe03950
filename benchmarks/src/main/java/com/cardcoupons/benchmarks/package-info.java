/** Measures the till's hot path (search and redemption) against what the database alone can do (pgbench). */
package com.cardcoupons.benchmarks;
