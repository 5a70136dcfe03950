/** The outbox of follow-ups (reversals, coupon confirmations and releases), retried until acknowledged, across restarts. */
package com.cardcoupons.relay.outbox;
