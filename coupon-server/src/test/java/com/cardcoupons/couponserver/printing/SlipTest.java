package com.cardcoupons.couponserver.printing;

import com.cardcoupons.model.problem.DomainException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SlipTest {

    private static final SlipContent CONTENT = new SlipContent("Sakura Mart", "300 yen off 2,000 yen in Shibuya",
            "300 JPY off, on a spend of 2000 JPY or more", "2026-02-20 00:00 (Asia/Tokyo)", "DEMOCOUPONCODEA2", 2, 3);

    @ParameterizedTest
    @EnumSource(Paper.class)
    void everySlipReadsBackAsItsCodeAndFillsThePrintableWidthExactly(Paper paper) throws Exception {
        Slip slip = Slip.of(CONTENT, paper, null);

        BufferedImage image = ImageIO.read(new ByteArrayInputStream(slip.png()));

        assertThat(image.getWidth()).isEqualTo(paper.printableDots());
        assertThat(Zbar.read(slip.png())).containsExactly(
                (slip.symbology() == Symbology.QR ? "QR-Code:" : "CODE-128:") + CONTENT.code());
    }

    @Test
    void aLongCodePrintsAsQrEvenOn80mmPaper() throws Exception {
        SlipContent longCode = new SlipContent("M", "T", "O", "V", "ABCDEFGHJKLMNPQRSTUVWXYZ23456789", 1, 1);

        Slip slip = Slip.of(longCode, Paper.MM_80, null);

        assertThat(slip.symbology()).isEqualTo(Symbology.QR);
        assertThat(Zbar.read(slip.png())).containsExactly("QR-Code:" + longCode.code());
        assertThatThrownBy(() -> Slip.of(longCode, Paper.MM_80, Symbology.CODE_128))
                .isInstanceOf(DomainException.class).extracting("code").isEqualTo("BARCODE_TOO_WIDE");
    }

    @Test
    void japaneseTextPrintsInTheBundledFallbackFontBesideLatinTextInTheStandardOne() throws Exception {
        SlipContent japanese = new SlipContent("さくらマート", "週末 10% off", "おにぎり ¥100引き", "V", CONTENT.code(), 1, 1);

        Slip slip = Slip.of(japanese, Paper.MM_80, null);

        try (PDDocument document = Loader.loadPDF(slip.pdf())) {
            assertThat(new PDFTextStripper().getText(document))
                    .contains("さくらマート").contains("週末 10% off").contains("おにぎり ¥100引き").doesNotContain("?");
            assertThat(fontNames(document)).anyMatch(name -> name.endsWith("+DroidSansFallback"))
                    .anyMatch(name -> name.startsWith("Helvetica"));
        }
        assertThat(Zbar.read(slip.png())).containsExactly("CODE-128:" + CONTENT.code());
    }

    @Test
    void japaneseGlyphsAreDrawnOnThePrintedImage() throws Exception {
        long blank = darkDots(Slip.of(new SlipContent("M", " ", "O", "V", CONTENT.code(), 1, 1), Paper.MM_80, null).png());

        long titled = darkDots(Slip.of(new SlipContent("M", "週末", "O", "V", CONTENT.code(), 1, 1), Paper.MM_80, null).png());

        // two bold kanji at 30 dots are some hundreds of dots of ink
        assertThat(titled - blank).isGreaterThan(200);
    }

    @ParameterizedTest
    @EnumSource(Paper.class)
    void aTitleWithoutSpacesWrapsBetweenItsCharactersWithinThePrintableWidth(Paper paper) throws Exception {
        String title = "週末限定おにぎり全品百円引きキャンペーン対象店舗のみ有効です";

        try (PDDocument document = Loader.loadPDF(Slip.of(new SlipContent("M", title, "O", "V", CONTENT.code(), 1, 1),
                paper, null).pdf())) {
            List<String> lines = new ArrayList<>();
            float[] rightmost = {0};
            PDFTextStripper lineReader = new PDFTextStripper() {
                @Override
                protected void writeString(String text, List<TextPosition> positions) {
                    lines.add(text);
                    positions.forEach(at -> rightmost[0] = Math.max(rightmost[0], at.getXDirAdj() + at.getWidthDirAdj()));
                }
            };
            lineReader.getText(document);

            assertThat(lines.stream().filter(line -> title.contains(line) && !line.isBlank()).count()).isGreaterThan(1);
            assertThat(String.join("", lines)).contains(title);
            assertThat(rightmost[0]).isLessThanOrEqualTo(document.getPage(0).getMediaBox().getWidth());
        }
    }

    @Test
    void whatNoFontShowsPrintsAsAQuestionMarkRatherThanFailing() throws Exception {
        SlipContent hangul = new SlipContent("M", "주말 10% off", "O", "V", CONTENT.code(), 1, 1);

        try (PDDocument document = Loader.loadPDF(Slip.of(hangul, Paper.MM_80, null).pdf())) {
            assertThat(new PDFTextStripper().getText(document)).contains("?? 10% off").contains("DEMO COUP ONCO DEA2");
        }
    }

    private static List<String> fontNames(PDDocument document) throws Exception {
        List<String> names = new ArrayList<>();
        PDResources resources = document.getPage(0).getResources();
        for (COSName name : resources.getFontNames()) {
            names.add(resources.getFont(name).getName());
        }
        return names;
    }

    private static long darkDots(byte[] png) throws Exception {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        long dark = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xFFFFFF) == 0) {
                    dark++;
                }
            }
        }
        return dark;
    }
}
