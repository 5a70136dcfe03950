/** The card token key from configuration, and the tokenizer every service uses at its edge. */
package com.cardcoupons.platform.tokenization;
