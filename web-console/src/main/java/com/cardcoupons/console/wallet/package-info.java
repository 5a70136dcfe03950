/** The consumer's wallet: a card's or member number's coupons with their QR codes, and acquiring by campaign code. */
package com.cardcoupons.console.wallet;
