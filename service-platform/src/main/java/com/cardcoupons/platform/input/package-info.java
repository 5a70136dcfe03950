/**
 * What a service accepts as input, decided once for every service: JSON read without coercion, text in one Unicode
 * form and of bounded length, and query strings without ambiguous parameters.
 */
package com.cardcoupons.platform.input;
