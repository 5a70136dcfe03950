/** The cards the simulated issuers know: credit limits, funds held by authorizations, blocked cards. */
package com.cardcoupons.settlementcenter.card;
