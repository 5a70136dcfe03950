/** Counts campaign budgets at the till: what a campaign spends and how often it is used per day, week and month. */
package com.cardcoupons.couponserver.budget;
