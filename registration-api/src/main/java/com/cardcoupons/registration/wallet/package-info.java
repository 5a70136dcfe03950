/** A usage medium's wallet: the coupons it holds with their state, and their cancellation by the holder. */
package com.cardcoupons.registration.wallet;
