/** The till: read a card, build a basket, search, use or reserve coupons, pay by card through the relay, print. */
package com.cardcoupons.console.till;
