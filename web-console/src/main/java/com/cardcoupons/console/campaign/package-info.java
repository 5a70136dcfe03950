/** The merchant's pages: campaigns and their states, the terms form with its slip preview, the usage dashboard. */
package com.cardcoupons.console.campaign;
