/** The acquirer protocol: authorizations with their approval or decline, reversals, and inquiries. */
package com.cardcoupons.settlementcenter.authorization;
