/** One OpenAPI document for the whole platform: every service's API as the gateway routes it, plus the gateway's own. */
package com.cardcoupons.gateway.apidocs;
