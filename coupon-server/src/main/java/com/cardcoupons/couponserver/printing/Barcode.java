package com.cardcoupons.couponserver.printing;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.oned.Code128Writer;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * A coupon code encoded by ZXing as a grid of modules, without its quiet zone, drawn as PNG or SVG with whole
 * pixels per module so that every bar prints sharp.
 */
record Barcode(Symbology symbology, BitMatrix modules) {

    /** Height of Code 128 bars in modules: about 15 % of the symbol's width for a 16-character code, as scanners like. */
    static final int LINEAR_HEIGHT_MODULES = 40;

    static Barcode encode(String content, Symbology symbology) {
        try {
            BitMatrix modules = switch (symbology) {
                case CODE_128 -> new Code128Writer().encode(content, BarcodeFormat.CODE_128, 0, 1, Map.of(EncodeHintType.MARGIN, 0));
                case QR -> new QRCodeWriter().encode(content, BarcodeFormat.QR_CODE, 0, 0,
                        Map.of(EncodeHintType.MARGIN, 0, EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M));
            };
            return new Barcode(symbology, modules);
        } catch (WriterException e) {
            throw new IllegalArgumentException("cannot encode a coupon code as " + symbology, e);
        }
    }

    /** Light modules required on each side: 10 for Code 128, 4 for QR. */
    int quietZone() {
        return symbology == Symbology.CODE_128 ? 10 : 4;
    }

    boolean linear() {
        return symbology == Symbology.CODE_128;
    }

    /** Width in modules, quiet zones included. */
    int widthModules() {
        return modules.getWidth() + 2 * quietZone();
    }

    /** Height in modules, quiet zones included (a linear code has them left and right only). */
    int heightModules() {
        return linear() ? LINEAR_HEIGHT_MODULES : modules.getHeight() + 2 * quietZone();
    }

    /** Whether the module at {@code x, y} (quiet zone excluded) is dark; a linear code repeats its one row. */
    boolean dark(int x, int y) {
        return modules.get(x, linear() ? 0 : y);
    }

    int symbolWidth() {
        return modules.getWidth();
    }

    int symbolHeight() {
        return linear() ? LINEAR_HEIGHT_MODULES : modules.getHeight();
    }

    byte[] png(int pixelsPerModule) {
        BufferedImage image = new BufferedImage(widthModules() * pixelsPerModule, heightModules() * pixelsPerModule,
                BufferedImage.TYPE_BYTE_BINARY);
        Graphics2D graphics = image.createGraphics();
        try {
            graphics.setColor(Color.WHITE);
            graphics.fillRect(0, 0, image.getWidth(), image.getHeight());
            graphics.setColor(Color.BLACK);
            int offsetY = linear() ? 0 : quietZone();
            for (int y = 0; y < symbolHeight(); y++) {
                for (int x = 0; x < symbolWidth(); x++) {
                    if (dark(x, y)) {
                        graphics.fillRect((quietZone() + x) * pixelsPerModule, (offsetY + y) * pixelsPerModule,
                                pixelsPerModule, pixelsPerModule);
                    }
                }
            }
        } finally {
            graphics.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException("PNG encoding failed", e);
        }
        return out.toByteArray();
    }

    /** One rectangle per run of dark modules in a row, in module units scaled by the viewBox. */
    String svg(int pixelsPerModule) {
        int width = widthModules();
        int height = heightModules();
        StringBuilder path = new StringBuilder();
        int offsetY = linear() ? 0 : quietZone();
        int rows = linear() ? 1 : symbolHeight();
        int rowHeight = linear() ? LINEAR_HEIGHT_MODULES : 1;
        for (int y = 0; y < rows; y++) {
            int x = 0;
            while (x < symbolWidth()) {
                if (!dark(x, y)) {
                    x++;
                    continue;
                }
                int start = x;
                while (x < symbolWidth() && dark(x, y)) {
                    x++;
                }
                path.append('M').append(quietZone() + start).append(',').append(offsetY + y)
                        .append('h').append(x - start).append('v').append(rowHeight).append('h').append(start - x).append('z');
            }
        }
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d" shape-rendering="crispEdges">
                <rect width="%d" height="%d" fill="#fff"/>
                <path fill="#000" d="%s"/>
                </svg>
                """.formatted(width * pixelsPerModule, height * pixelsPerModule, width, height, width, height, path);
    }
}
