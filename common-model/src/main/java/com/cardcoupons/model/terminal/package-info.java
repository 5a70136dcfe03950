/**
 * Wire contracts spoken at the till: what a reception terminal (or the settlement relay on its behalf) sends to
 * coupon-server to search for usable coupons and to reserve, confirm or release their use.
 */
package com.cardcoupons.model.terminal;
