/** Who is calling: the API key in {@code X-Api-Key}, proven against its stored hash on every request. */
package com.cardcoupons.gateway.authentication;
