/**
 * Acquisition of coupons by consumer channels (claims 1, 3, 13 and 17): a mobile app, a web page or a digital
 * broadcast receiver registers a coupon of an approved campaign against the ID of a usage medium.
 */
package com.cardcoupons.registration.acquisition;
