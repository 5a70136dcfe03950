/** Credit payments at the till: coupon search and authorization at once, then the discounted second authorization. */
package com.cardcoupons.relay.payment;
