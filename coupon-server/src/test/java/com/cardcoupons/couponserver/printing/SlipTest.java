package com.cardcoupons.couponserver.printing;

import com.cardcoupons.model.problem.DomainException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;

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
    void textTheStandardFontsCannotShowPrintsAsQuestionMarksRatherThanFailing() throws Exception {
        SlipContent japanese = new SlipContent("さくらマート", "週末 10% off", "10% off", "V", CONTENT.code(), 1, 1);

        try (PDDocument document = Loader.loadPDF(Slip.of(japanese, Paper.MM_80, null).pdf())) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("?? 10% off").contains("DEMO COUP ONCO DEA2");
        }
    }
}
