/**
 * Onboarding: operators add merchants, their stores and their terminals, change them, close merchants and
 * decommission terminals; merchants read their own. Every change is audited in the transaction that makes it.
 */
package com.cardcoupons.registration.merchant;
