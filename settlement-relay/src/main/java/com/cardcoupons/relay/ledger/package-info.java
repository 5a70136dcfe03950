/** The relay's own connections for its records, each committed the moment it is written. */
package com.cardcoupons.relay.ledger;
