/**
 * Coupons acquired on usage media (claims 1 and 7): their unguessable codes, their records, the campaign capacity
 * they take and give back, and the usage events they leave.
 */
package com.cardcoupons.registration.coupon;
