/** Usage media (credit, debit, point and mileage cards), their validation and their keyed tokens. */
package com.cardcoupons.model.medium;
