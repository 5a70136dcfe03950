package com.cardcoupons.couponserver.printing;

import com.cardcoupons.couponserver.TillWorld;
import com.cardcoupons.couponserver.TillWorld.Terminal;
import com.cardcoupons.model.medium.CardNumber;
import com.cardcoupons.model.medium.MediumType;
import com.cardcoupons.model.medium.UsageMediumId;
import com.cardcoupons.testsupport.ApiCaller.Reply;
import com.cardcoupons.testsupport.IsolatedDatabase;
import com.cardcoupons.testsupport.TestDatabase;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.w3c.dom.Document;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.awt.image.BufferedImage;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The terminal prints a coupon, and a barcode reader that is not ZXing reads the code back. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@IsolatedDatabase
class PrintingTest {

    JdbcClient jdbc;

    /** SQL as the schema's owner: the test writes rows other services own, and reads every table. */
    @Autowired
    void ownersSql(TestDatabase isolatedTestDatabase) {
        jdbc = isolatedTestDatabase.owner();
    }

    @Autowired
    ApplicationContext service;

    TillWorld world;
    UUID mart;
    Terminal till;
    String code;

    @BeforeEach
    void aCouponOnACard() {
        world = TillWorld.of(service);
        mart = world.merchant("Sakura Mart");
        till = world.terminal(mart, world.store(mart, "SHIBUYA", "5411"));
        code = world.coupon(world.campaign(mart).title("300 yen off your groceries").fixed(300).minSpend(2000).uses(3).create(),
                UsageMediumId.card(MediumType.CREDIT, CardNumber.parse(TillWorld.newVisa())));
    }

    @Test
    void aCode128PngReadsBackAsTheCode() throws Exception {
        Reply png = till.api().get("/api/v1/printing/barcodes/" + code);

        assertThat(png.status()).isEqualTo(200);
        assertThat(png.header("Content-Type")).isEqualTo("image/png");
        assertThat(Zbar.read(png.bytes())).containsExactly("CODE-128:" + code);
    }

    @Test
    void aQrPngReadsBackAsTheCode() throws Exception {
        Reply png = till.api().get("/api/v1/printing/barcodes/" + code + "?symbology=QR&scale=6");

        assertThat(Zbar.read(png.bytes())).containsExactly("QR-Code:" + code);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png.bytes()));
        assertThat(image.getWidth()).isEqualTo(image.getHeight());
        assertThat(image.getWidth() % 6).as("6 pixels per module, quiet zone included").isZero();
    }

    @Test
    void anSvgIsWellFormedAndScalable() throws Exception {
        Reply svg = till.api().get("/api/v1/printing/barcodes/" + code + "?format=SVG");

        assertThat(svg.header("Content-Type")).startsWith("image/svg+xml");
        Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(svg.bytes()));
        assertThat(document.getDocumentElement().getTagName()).isEqualTo("svg");
        assertThat(document.getDocumentElement().getAttribute("viewBox")).startsWith("0 0 ");
        assertThat(svg.body()).contains("<path fill=\"#000\" d=\"M10,0h");
    }

    @Test
    void an80mmSlipCarriesTheCode128AndTheHumanReadableCode() throws Exception {
        Reply png = till.api().get("/api/v1/printing/slips/" + code + "?paper=MM_80&format=PNG");

        assertThat(png.status()).as(png.toString()).isEqualTo(200);
        assertThat(png.header("X-Barcode-Symbology")).isEqualTo("CODE_128");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png.bytes()));
        assertThat(image.getWidth()).as("one pixel per dot of the 72 mm printable width").isEqualTo(576);
        assertThat(Zbar.read(png.bytes())).containsExactly("CODE-128:" + code);

        Reply pdf = till.api().get("/api/v1/printing/slips/" + code + "?paper=MM_80");
        assertThat(pdf.header("Content-Type")).isEqualTo("application/pdf");
        try (PDDocument document = Loader.loadPDF(pdf.bytes())) {
            PDRectangle page = document.getPage(0).getMediaBox();
            assertThat(page.getWidth() / 72 * 25.4).isCloseTo(72.0, org.assertj.core.data.Offset.offset(0.1));
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Sakura Mart", "300 yen off your groceries", "300 JPY off, on a spend of 2000 JPY or more",
                    "Uses left: 3 of 3", code.substring(0, 4) + " " + code.substring(4, 8));
        }
    }

    @Test
    void a58mmSlipFallsBackToQrWhereCode128WouldBeTooNarrow() throws Exception {
        Reply png = till.api().get("/api/v1/printing/slips/" + code + "?paper=MM_58&format=PNG");

        assertThat(png.header("X-Barcode-Symbology")).isEqualTo("QR");
        assertThat(ImageIO.read(new ByteArrayInputStream(png.bytes())).getWidth()).isEqualTo(384);
        assertThat(Zbar.read(png.bytes())).containsExactly("QR-Code:" + code);

        Reply forced = till.api().get("/api/v1/printing/slips/" + code + "?paper=MM_58&symbology=CODE_128");
        assertThat(forced.status()).isEqualTo(422);
        assertThat(forced.code()).isEqualTo("BARCODE_TOO_WIDE");
    }

    @Test
    void onlyPrintableCouponsOfTheTerminalsMerchantArePrinted() {
        UUID cafe = world.merchant("Harbor Cafe");
        String cafeCode = world.coupon(world.campaign(cafe).create(),
                UsageMediumId.card(MediumType.CREDIT, CardNumber.parse(TillWorld.newVisa())));
        assertThat(till.api().get("/api/v1/printing/slips/" + cafeCode).code()).isEqualTo("COUPON_NOT_FOUND");
        assertThat(till.api().get("/api/v1/printing/slips/" + TillWorld.newCode()).code()).isEqualTo("COUPON_NOT_FOUND");

        String expired = world.coupon(world.campaign(mart).create(),
                UsageMediumId.card(MediumType.CREDIT, CardNumber.parse(TillWorld.newVisa())), Instant.now().minus(Duration.ofHours(1)));
        assertThat(till.api().get("/api/v1/printing/slips/" + expired).code()).isEqualTo("COUPON_NOT_PRINTABLE");

        Reply invalid = till.api().get("/api/v1/printing/barcodes/not-a-code");
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.code()).isEqualTo("INVALID_COUPON_CODE");
        assertThat(till.api().get("/api/v1/printing/barcodes/" + code + "?symbology=EAN").code()).isEqualTo("INVALID_PARAMETER");
        assertThat(world.merchantUser(mart).get("/api/v1/printing/barcodes/" + code).code()).isEqualTo("ROLE_NOT_PERMITTED");
    }
}
