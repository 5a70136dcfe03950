package com.cardcoupons.couponserver.printing;

import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Droid Sans Fallback, bundled with the service ({@code fonts/NOTICE.md}): the Japanese and Chinese of a slip, which
 * the standard PDF fonts cannot show. Its file is read once; each slip parses its own instance, because a parsed font
 * reads its tables lazily and is not safe to share between threads, and embeds only the glyphs it shows.
 */
final class FallbackFont {

    private static final String RESOURCE = "/fonts/DroidSansFallbackFull.ttf";

    private final TrueTypeFont font;
    private final CmapLookup characters;
    private final float unitsPerEm;

    private FallbackFont(TrueTypeFont font) throws IOException {
        this.font = font;
        this.characters = font.getUnicodeCmapLookup();
        this.unitsPerEm = font.getUnitsPerEm();
    }

    static FallbackFont open() {
        try {
            return new FallbackFont(new TTFParser().parse(new RandomAccessReadBuffer(FontFile.BYTES)));
        } catch (IOException e) {
            throw new UncheckedIOException("the bundled fallback font cannot be read", e);
        }
    }

    boolean shows(int codePoint) {
        return characters.getGlyphId(codePoint) != 0;
    }

    /** The advance width of {@code text}, every character of which it {@link #shows}, in thousandths of an em. */
    float width(String text) {
        float width = 0;
        for (int codePoint : text.codePoints().toArray()) {
            try {
                width += font.getAdvanceWidth(characters.getGlyphId(codePoint));
            } catch (IOException e) {
                throw new UncheckedIOException("the bundled fallback font cannot be read", e);
            }
        }
        return width * 1000 / unitsPerEm;
    }

    /** The font as a PDF font of {@code document}, embedding the subset of glyphs the document shows. */
    PDFont embedIn(PDDocument document) throws IOException {
        return PDType0Font.load(document, font, true);
    }

    /** The font file, read on the first slip that needs it. */
    private static final class FontFile {

        private static final byte[] BYTES = read();

        private static byte[] read() {
            try (InputStream in = FallbackFont.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException(RESOURCE + " is missing from the service");
                }
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException("the bundled fallback font cannot be read", e);
            }
        }
    }
}
