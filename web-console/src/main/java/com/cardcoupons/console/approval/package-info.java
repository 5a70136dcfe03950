/** The approver's pages: the queue, a version's terms against the live ones, the decision, and the history. */
package com.cardcoupons.console.approval;
