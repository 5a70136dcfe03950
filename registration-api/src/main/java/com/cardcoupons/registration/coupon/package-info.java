/**
 * Coupons acquired on usage media (claims 1 and 7): their unguessable codes, their records, how many each medium
 * holds of a campaign, and the usage events they leave.
 */
package com.cardcoupons.registration.coupon;
