/** Which role may call which route: the gateway's route-to-role table, and merchants kept to their own campaigns. */
package com.cardcoupons.gateway.access;
