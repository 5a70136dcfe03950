/**
 * Shared integration-test support: a clean, migrated PostgreSQL database per test class, real HTTP calls, and the
 * startup checks every service must pass.
 */
package com.cardcoupons.testsupport;
