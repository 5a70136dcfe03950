/** The card settlement center behind one interface: authorize and reverse, whichever acquirer answers. */
package com.cardcoupons.relay.settlement;
