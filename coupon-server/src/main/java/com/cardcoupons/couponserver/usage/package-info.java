/** Accumulates usage information in an append-only log and reports it per campaign (claims 2, 12). */
package com.cardcoupons.couponserver.usage;
