/**
 * Onboarding: the operator's pages for merchants, their stores and terminals (with a terminal's first key), and a
 * merchant's read-only view of its own.
 */
package com.cardcoupons.console.merchant;
