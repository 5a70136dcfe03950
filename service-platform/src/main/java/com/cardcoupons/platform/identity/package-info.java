/**
 * Who is calling, as verified by the gateway: identity headers that only the gateway (or a service acting on a
 * caller's behalf) can sign, and the role check every endpoint declares.
 */
package com.cardcoupons.platform.identity;
