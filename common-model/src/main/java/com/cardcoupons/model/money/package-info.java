/** Amounts of money in integer minor units of an ISO 4217 currency. */
package com.cardcoupons.model.money;
