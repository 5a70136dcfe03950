package com.cardcoupons.couponserver.printing;

/** The barcode symbologies a coupon code is printed in. */
enum Symbology {
    /** Linear, read by every till scanner; wide for long codes. */
    CODE_128,
    /** Two-dimensional, compact; read by image scanners and phones. */
    QR
}
