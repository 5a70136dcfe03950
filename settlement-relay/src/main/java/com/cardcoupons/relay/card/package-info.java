/** The card a terminal presents for payment: its number exists only in memory, for the two parties that need it. */
package com.cardcoupons.relay.card;
