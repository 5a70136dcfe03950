/** A simulator of the card settlement center: the outside world the settlement relay talks to. */
package com.cardcoupons.settlementcenter;
