/** The shared schema as a service meets it at start: migrated elsewhere, validated here. */
package com.cardcoupons.platform.schema;
