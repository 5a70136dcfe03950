package com.cardcoupons.couponserver.printing;

import com.cardcoupons.model.problem.DomainException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A coupon slip for a thermal receipt printer: merchant, title, offer, validity, the barcode and the code in
 * characters a cashier can key in. Laid out in printer dots on the printable width, drawn once as a PDF with
 * vector bars on whole dots, and rasterised from that PDF for printers that take an image. Text is in the standard PDF
 * fonts where they can show it, and in the bundled {@link FallbackFont} where they cannot (Japanese, Chinese).
 */
final class Slip {

    private static final float POINTS_PER_DOT = 72f / Paper.DOTS_PER_INCH;
    private static final int MARGIN = 16;
    private static final PDType1Font REGULAR = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private static final PDType1Font BOLD = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    private static final PDType1Font MONO = new PDType1Font(Standard14Fonts.FontName.COURIER_BOLD);

    private final Paper paper;
    private final Barcode barcode;
    private final int dotsPerModule;
    private final List<Text> texts = new ArrayList<>();
    /** Opened at the first character the standard fonts cannot show. */
    private FallbackFont fallback;
    private int barcodeTop;
    private int height;

    private Slip(SlipContent content, Paper paper, Barcode barcode, int dotsPerModule) {
        this.paper = paper;
        this.barcode = barcode;
        this.dotsPerModule = dotsPerModule;
        layOut(content);
    }

    /** The slip with the requested symbology, or, when none is asked for, Code 128 if it fits and QR if not. */
    static Slip of(SlipContent content, Paper paper, Symbology requested) {
        if (requested != Symbology.QR) {
            Barcode linear = Barcode.encode(content.code(), Symbology.CODE_128);
            int dots = Math.min(3, paper.printableDots() / linear.widthModules());
            // thinner than two dots (0.25 mm) a bar is not reliably printed or read
            if (dots >= 2) {
                return new Slip(content, paper, linear, dots);
            }
            if (requested == Symbology.CODE_128) {
                throw new DomainException(DomainException.Kind.UNPROCESSABLE, "BARCODE_TOO_WIDE", "symbology",
                        "this code does not fit " + paper + " paper as Code 128; print it as QR");
            }
        }
        Barcode square = Barcode.encode(content.code(), Symbology.QR);
        return new Slip(content, paper, square, Math.min(8, paper.printableDots() * 3 / 4 / square.widthModules()));
    }

    Symbology symbology() {
        return barcode.symbology();
    }

    byte[] pdf() {
        try (PDDocument document = document(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("slip PDF rendering failed", e);
        }
    }

    /** One dot per pixel, black and white, as thermal printers take raster images. */
    byte[] png() {
        try (PDDocument document = document(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            // a hair over the exact scale so rounding down never loses the last column of dots
            BufferedImage image = new PDFRenderer(document).renderImage(0, 1.0001f / POINTS_PER_DOT, ImageType.BINARY);
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("slip PNG rendering failed", e);
        }
    }

    private void layOut(SlipContent content) {
        int y = MARGIN;
        y = paragraph(content.merchantName(), BOLD, 22, y);
        y = paragraph(content.title(), BOLD, 30, y + 6);
        y = paragraph(content.offer(), REGULAR, 22, y + 4);
        y = paragraph("Valid until " + content.validUntil(), REGULAR, 20, y + 4);
        if (content.usesAllowed() > 1) {
            y = paragraph("Uses left: " + content.usesLeft() + " of " + content.usesAllowed(), REGULAR, 20, y);
        }
        barcodeTop = y + 16;
        y = barcodeTop + barcode.heightModules() * dotsPerModule + 8;
        y = paragraph(grouped(content.code()), MONO, 28, y);
        y = paragraph("Show at the till or scan the code", REGULAR, 18, y + 6);
        height = y + MARGIN;
    }

    /** Centred lines of text, wrapped at word boundaries to the printable width; returns the next free row. */
    private int paragraph(String text, PDType1Font font, int sizeDots, int top) {
        int y = top;
        for (String line : wrap(printable(text, font), font, sizeDots)) {
            y += sizeDots;
            List<Run> runs = runs(line, font);
            texts.add(new Text(runs, sizeDots, (paper.printableDots() - width(runs, sizeDots)) / 2, y));
            y += sizeDots / 4;
        }
        return y;
    }

    /**
     * Lines that fit the printable width, broken where the line-breaking rules allow: after a word, or between two
     * Japanese or Chinese characters, which are written without spaces. What is wider than a line by itself, a long
     * code say, is cut where it reaches the edge.
     */
    private List<String> wrap(String text, PDType1Font font, int sizeDots) {
        int available = paper.printableDots() - 2 * 8;
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        BreakIterator breaks = BreakIterator.getLineInstance(Locale.ROOT);
        breaks.setText(text);
        for (int start = breaks.first(), end = breaks.next(); end != BreakIterator.DONE; start = end, end = breaks.next()) {
            String segment = text.substring(start, end);
            if (fits(line + segment, font, sizeDots, available)) {
                line.append(segment);
                continue;
            }
            if (!line.isEmpty()) {
                lines.add(line.toString().stripTrailing());
                line.setLength(0);
            }
            for (int codePoint : segment.codePoints().toArray()) {
                if (!line.isEmpty() && !fits(line + Character.toString(codePoint), font, sizeDots, available)) {
                    lines.add(line.toString().stripTrailing());
                    line.setLength(0);
                }
                line.appendCodePoint(codePoint);
            }
        }
        if (!line.toString().isBlank()) {
            lines.add(line.toString().stripTrailing());
        }
        return lines;
    }

    private boolean fits(String line, PDType1Font font, int sizeDots, int available) {
        return width(runs(line.stripTrailing(), font), sizeDots) <= available;
    }

    /** The line cut into runs of one font each: the standard {@code font} where it can, else the fallback. */
    private List<Run> runs(String line, PDType1Font font) {
        List<Run> runs = new ArrayList<>();
        StringBuilder run = new StringBuilder();
        boolean standard = true;
        for (int codePoint : line.codePoints().toArray()) {
            boolean shownByStandard = encodes(font, codePoint);
            if (shownByStandard != standard && !run.isEmpty()) {
                runs.add(new Run(run.toString(), standard ? font : null));
                run.setLength(0);
            }
            standard = shownByStandard;
            run.appendCodePoint(codePoint);
        }
        if (!run.isEmpty()) {
            runs.add(new Run(run.toString(), standard ? font : null));
        }
        return runs;
    }

    private PDDocument document() throws IOException {
        float pageHeight = height * POINTS_PER_DOT;
        PDDocument document = new PDDocument();
        PDPage page = new PDPage(new PDRectangle(paper.printableDots() * POINTS_PER_DOT, pageHeight));
        document.addPage(page);
        PDFont fallbackFont = fallback == null ? null : fallback.embedIn(document);
        try (PDPageContentStream stream = new PDPageContentStream(document, page)) {
            for (Text text : texts) {
                stream.beginText();
                stream.newLineAtOffset(text.x() * POINTS_PER_DOT, pageHeight - text.baseline() * POINTS_PER_DOT);
                for (Run run : text.runs()) {
                    stream.setFont(run.standard() ? run.font() : fallbackFont, text.sizeDots() * POINTS_PER_DOT);
                    stream.showText(run.text());
                }
                stream.endText();
            }
            drawBarcode(stream, pageHeight);
        }
        return document;
    }

    private void drawBarcode(PDPageContentStream stream, float pageHeight) throws IOException {
        int left = (paper.printableDots() - barcode.widthModules() * dotsPerModule) / 2 + barcode.quietZone() * dotsPerModule;
        int top = barcodeTop + (barcode.linear() ? 0 : barcode.quietZone() * dotsPerModule);
        int rows = barcode.linear() ? 1 : barcode.symbolHeight();
        int rowDots = barcode.linear() ? Barcode.LINEAR_HEIGHT_MODULES * dotsPerModule : dotsPerModule;
        for (int y = 0; y < rows; y++) {
            int x = 0;
            while (x < barcode.symbolWidth()) {
                if (!barcode.dark(x, y)) {
                    x++;
                    continue;
                }
                int start = x;
                while (x < barcode.symbolWidth() && barcode.dark(x, y)) {
                    x++;
                }
                float bottom = pageHeight - (top + y * rowDots + rowDots) * POINTS_PER_DOT;
                stream.addRect((left + start * dotsPerModule) * POINTS_PER_DOT, bottom,
                        (x - start) * dotsPerModule * POINTS_PER_DOT, rowDots * POINTS_PER_DOT);
            }
        }
        stream.fill();
    }

    /** What neither the standard font (WinAnsi only) nor the fallback can show prints as '?', never as a failure. */
    private String printable(String text, PDType1Font font) {
        StringBuilder printable = new StringBuilder(text.length());
        text.codePoints().forEach(codePoint -> {
            if (encodes(font, codePoint) || fallback().shows(codePoint)) {
                printable.appendCodePoint(codePoint);
            } else {
                printable.append('?');
            }
        });
        return printable.toString();
    }

    private FallbackFont fallback() {
        if (fallback == null) {
            fallback = FallbackFont.open();
        }
        return fallback;
    }

    private static boolean encodes(PDType1Font font, int codePoint) {
        try {
            font.encode(Character.toString(codePoint));
            return true;
        } catch (IOException | IllegalArgumentException unsupported) {
            return false;
        }
    }

    private int width(List<Run> runs, int sizeDots) {
        float thousandths = 0;
        for (Run run : runs) {
            try {
                thousandths += run.standard() ? run.font().getStringWidth(run.text()) : fallback().width(run.text());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return Math.round(thousandths / 1000f * sizeDots);
    }

    /** Groups of four characters, as people read and key in a code. */
    private static String grouped(String code) {
        StringBuilder grouped = new StringBuilder();
        for (int i = 0; i < code.length(); i += 4) {
            if (i > 0) {
                grouped.append(' ');
            }
            grouped.append(code, i, Math.min(i + 4, code.length()));
        }
        return grouped.toString();
    }

    /** A line of text at its baseline, in dots from the top-left corner. */
    private record Text(List<Run> runs, int sizeDots, int x, int baseline) {
    }

    /** Part of a line in one font: a standard font, or the fallback where {@code font} is null. */
    private record Run(String text, PDType1Font font) {

        boolean standard() {
            return font != null;
        }
    }
}
