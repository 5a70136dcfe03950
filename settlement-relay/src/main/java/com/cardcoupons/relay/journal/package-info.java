/** The settlement journal: every step of every payment, in order, and what it adds up to on the card. */
package com.cardcoupons.relay.journal;
