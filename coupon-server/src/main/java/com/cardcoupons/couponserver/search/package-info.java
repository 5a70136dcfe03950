/** Answers a reception terminal's search: the usable coupons of a medium for an intended use, best first (claims 1, 11). */
package com.cardcoupons.couponserver.search;
