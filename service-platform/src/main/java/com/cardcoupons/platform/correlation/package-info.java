/** One correlation id per request, from the gateway through every service, in every log line and response. */
package com.cardcoupons.platform.correlation;
