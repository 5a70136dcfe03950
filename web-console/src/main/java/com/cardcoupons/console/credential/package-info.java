/** The operator's pages: API credentials, issued (the secret shown once) and revoked. */
package com.cardcoupons.console.credential;
