/**
 * The terms of a campaign version: what a coupon grants, when and where it is usable, on which media, how many exist
 * and how often each is used. Immutable once approved; validated on construction.
 */
package com.cardcoupons.registration.terms;
