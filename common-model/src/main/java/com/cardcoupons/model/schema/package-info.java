/** The shared schema's PostgreSQL roles: who migrates it and which role each service connects as. */
package com.cardcoupons.model.schema;
