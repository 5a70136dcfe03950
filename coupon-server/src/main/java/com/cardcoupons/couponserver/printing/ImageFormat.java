package com.cardcoupons.couponserver.printing;

import org.springframework.http.MediaType;

/** The file formats printing answers in. */
enum ImageFormat {
    PNG(MediaType.IMAGE_PNG),
    SVG(MediaType.parseMediaType("image/svg+xml")),
    PDF(MediaType.APPLICATION_PDF);

    private final MediaType mediaType;

    ImageFormat(MediaType mediaType) {
        this.mediaType = mediaType;
    }

    MediaType mediaType() {
        return mediaType;
    }
}
