/** The settlement center's ISO 8583 (1987) host on jPOS: 0800, 0100, 0400 and 0420/0421 in, their answers out. */
package com.cardcoupons.settlementcenter.iso;
