/** How one service calls another over HTTP: a pooled, blocking client the gateway and the relay build on. */
package com.cardcoupons.platform.http;
