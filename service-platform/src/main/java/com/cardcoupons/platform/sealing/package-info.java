/** Values kept encrypted at rest under a key from configuration. */
package com.cardcoupons.platform.sealing;
