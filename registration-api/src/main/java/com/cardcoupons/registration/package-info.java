/** Registers campaigns and their generation approval, and coupons acquired on usage media. */
package com.cardcoupons.registration;
