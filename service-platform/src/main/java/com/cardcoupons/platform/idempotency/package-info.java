/**
 * Safe retries: a mutating call with an {@code Idempotency-Key} runs once, and every retry with the same key gets
 * the first outcome, even one that arrives while the first is still running.
 */
package com.cardcoupons.platform.idempotency;
