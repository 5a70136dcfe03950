/** Signing in with an API key, the server-side session that keeps it, and which pages each role gets. */
package com.cardcoupons.console.signin;
