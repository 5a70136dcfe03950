/** Structured JSON logs that never carry a card number. */
package com.cardcoupons.platform.logging;
