/** How the services' Bean Validation checks requests: as plain values, never as JPA entities. */
package com.cardcoupons.platform.validation;
