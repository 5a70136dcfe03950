/** One structured log line per request, with card numbers masked wherever they appear in it. */
package com.cardcoupons.gateway.accesslog;
