package com.cardcoupons.console;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.oned.Code128Writer;
import com.google.zxing.qrcode.QRCodeWriter;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

import java.util.Map;

/**
 * Barcodes drawn as inline SVG by ZXing, for pages that show a code the console has no printing API for: the
 * wallet's QR codes (consumer channels may not call the terminals' printing API) and the slip preview's sample
 * Code 128.
 */
@Component
public class Barcodes {

    public String qr(String code) {
        try {
            BitMatrix matrix = new QRCodeWriter().encode(code, BarcodeFormat.QR_CODE, 0, 0, Map.of(EncodeHintType.MARGIN, 4));
            return svg(matrix, 4, "QR code of " + code);
        } catch (WriterException e) {
            throw new IllegalArgumentException("cannot encode " + code, e);
        }
    }

    public String code128(String code) {
        BitMatrix matrix = new Code128Writer().encode(code, BarcodeFormat.CODE_128, 0, 40, Map.of(EncodeHintType.MARGIN, 10));
        return svg(matrix, 2, "Barcode of " + code);
    }

    private static String svg(BitMatrix matrix, int scale, String label) {
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < matrix.getHeight(); y++) {
            for (int x = 0; x < matrix.getWidth(); x++) {
                if (matrix.get(x, y)) {
                    path.append('M').append(x).append(',').append(y).append("h1v1h-1z");
                }
            }
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"" + HtmlUtils.htmlEscape(label) + "\""
                + " width=\"" + matrix.getWidth() * scale + "\" height=\"" + matrix.getHeight() * scale + "\""
                + " viewBox=\"0 0 " + matrix.getWidth() + " " + matrix.getHeight() + "\" shape-rendering=\"crispEdges\">"
                + "<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/><path fill=\"#000\" d=\"" + path + "\"/></svg>";
    }
}
