/** The one-command local run of the whole platform, with demo data, on a machine with only a JDK. */
package com.cardcoupons.localplatform;
