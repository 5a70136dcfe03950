/** The console's only way to the platform: the gateway's public API, called with the signed-in user's API key. */
package com.cardcoupons.console.gateway;
