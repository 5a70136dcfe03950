/**
 * The card settlement center over ISO 8583 (1987) on jPOS: the persistent, signed-on link, the messages, what their
 * response codes mean, and the terminal and trace numbers the acquirer knows the tills by.
 */
package com.cardcoupons.relay.settlement;
