/** API keys: issuing, rotating and revoking them, and proving a presented key against its stored hash. */
package com.cardcoupons.gateway.credential;
