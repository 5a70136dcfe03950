/** Broken business rules as transport-neutral exceptions with stable codes. */
package com.cardcoupons.model.problem;
