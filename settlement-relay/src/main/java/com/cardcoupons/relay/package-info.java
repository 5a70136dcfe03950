/** Relays credit-settlement terminals to the card settlement center, applying coupon discounts inside the authorization. */
package com.cardcoupons.relay;
