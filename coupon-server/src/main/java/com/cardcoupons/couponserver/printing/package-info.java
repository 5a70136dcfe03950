/** Renders coupon codes as barcodes and thermal-printer slips for the terminal to print and scan (claims 5, 6, 15, 16). */
package com.cardcoupons.couponserver.printing;
