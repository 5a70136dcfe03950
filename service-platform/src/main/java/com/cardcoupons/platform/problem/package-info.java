/** Every error of every service as an RFC 9457 Problem Details answer with a stable {@code code}. */
package com.cardcoupons.platform.problem;
