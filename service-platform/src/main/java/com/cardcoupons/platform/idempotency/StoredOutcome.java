package com.cardcoupons.platform.idempotency;

/** The first outcome of a call, as recorded under its key. */
record StoredOutcome(String requestHash, int status, String contentType, String location, byte[] body) {
}
