/** The issuers' decisions: authorizations approved or declined, reversals in full or in part, and the cards' funds. */
package com.cardcoupons.settlementcenter.authorization;
