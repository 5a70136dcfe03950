/** Real PostgreSQL for every integration test: one shared way to get a clean, migrated database. */
package com.cardcoupons.testsupport;
