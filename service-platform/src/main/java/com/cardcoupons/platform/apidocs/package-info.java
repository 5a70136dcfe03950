/**
 * The API document every service publishes at {@code /v3/api-docs}, made to say exactly what runs: every status
 * an operation can answer with its Problem Details codes, the headers it requires, the API key, and each value as it
 * travels on the wire.
 */
package com.cardcoupons.platform.apidocs;
