package com.cardcoupons.localplatform;

import com.cardcoupons.testsupport.ApiCaller;
import com.cardcoupons.testsupport.ApiCaller.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web console in a real browser (Debian's headless Chromium), against the real platform: every service as its
 * own JVM, as {@code ./run-platform} starts them, the console reached through the gateway at /console. The
 * platform is the one the other end-to-end tests share ({@link RunningPlatform}); each role's journey signs in with its demo key, and every page it sees is checked
 * by axe-core and saved as a screenshot in {@code target/console-screenshots}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserTest {

    private static final String VISA = "4111 1111 1111 1111";
    /** The till's card: no other test of the shared platform pays with it, so its coupons are as the demo data left them. */
    private static final String MASTERCARD = "5555 5555 5555 4444";
    private static LocalPlatform platform;
    private static Browser browser;
    /** The campaign code of the campaign the approver journey approves, which the consumer journey acquires. */
    private static String approvedCode;

    @BeforeAll
    static void start() {
        platform = RunningPlatform.get();
        browser = Browser.start();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    @Order(1)
    void signingInNeedsTheRightKeyAndKeepsItOutOfTheBrowser() {
        browser.open(platform.consoleUrl());
        assertThat(browser.driver().getCurrentUrl()).endsWith("/console/sign-in");
        browser.checkPage("01-sign-in");

        signIn("demo-approver", "not-the-secret");
        assertThat(browser.text(By.id("secret-error"))).contains("do not open the platform");
        assertThat(browser.find(By.id("keyId")).getAttribute("value")).isEqualTo("demo-approver");
        browser.checkPage("02-sign-in-refused");

        signInAs("demo-approver");
        assertThat(browser.driver().getCurrentUrl()).endsWith("/console/approvals");
        Cookie session = browser.driver().manage().getCookieNamed("CONSOLE_SESSION");
        assertThat(session.isHttpOnly()).isTrue();
        assertThat(session.getSameSite()).isEqualTo("Strict");
        assertThat(session.getValue()).doesNotContain("demo-only");
        assertThat(browser.driver().getPageSource()).doesNotContain(key("demo-approver").secret());

        // a form posted without its CSRF token is refused, whoever is signed in
        Object status = browser.asyncScript("""
                const done = arguments[arguments.length - 1];
                fetch('/console/approvals/' + crypto.randomUUID(), {method: 'POST', body: new URLSearchParams({version: '1', decision: 'approve'})})
                    .then(r => done(r.status));""");
        assertThat(status).isEqualTo(403L);

        // the approver's key gets the approver's pages only
        browser.open(platform.consoleUrl() + "/till");
        assertThat(browser.driver().getPageSource()).doesNotContain("Card number");
        signOut();
        browser.open(platform.consoleUrl() + "/approvals");
        assertThat(browser.driver().getCurrentUrl()).endsWith("/console/sign-in");
    }

    @Test
    @Order(2)
    void theApproverReviewsAnEditSideBySideAndDecides() {
        String campaignId = campaignWithAPendingEdit();

        signInAs("demo-approver");
        browser.find(By.partialLinkText("Console test"));
        browser.checkPage("10-approver-queue");
        browser.click(By.partialLinkText("Console test"));

        WebElement changed = browser.find(By.xpath("//tr[contains(@class,'changed')]/th[text()='discount.basisPoints']/.."));
        assertThat(changed.getText()).contains("1000").contains("1500");
        assertThat(browser.all(By.cssSelector("tr.changed"))).hasSizeGreaterThanOrEqualTo(2);
        browser.checkPage("11-approver-review");

        // rejecting without a reason: the API's Problem Details appear on the reason field
        browser.click(By.cssSelector("button[value=reject]"));
        assertThat(browser.text(By.id("reason-error"))).isNotBlank();
        assertThat(browser.find(By.id("reason")).getAttribute("aria-describedby")).isEqualTo("reason-error");
        browser.checkPage("12-approver-reason-required");

        browser.type(By.id("reason"), "within the issuer agreement");
        browser.click(By.cssSelector("button[value=approve]"));
        browser.awaitText(By.cssSelector("p.notice"), "Version 2 was approved.");
        List<String> steps = browser.all(By.cssSelector("ol.timeline li strong")).stream().map(WebElement::getText).toList();
        assertThat(steps).containsExactly("SUBMITTED", "APPROVED", "SUBMITTED", "APPROVED");
        browser.checkPage("13-approver-history");
        assertThat(as("demo-approver").get("/api/v1/campaigns/" + campaignId).json().path("live").path("version").asInt()).isEqualTo(2);
        signOut();
    }

    @Test
    @Order(3)
    void theTillFindsUsesAndPaysWithTheDiscountInsideTheAuthorization() {
        signInAs("demo-shibuya-till-1");
        assertThat(browser.driver().getCurrentUrl()).endsWith("/console/till");
        browser.checkPage("20-till");

        // a mistyped card number: the refusal is shown on the card number
        browser.type(By.id("cardNumber"), "4111 1111 1111 1112");
        browser.click(By.id("search"));
        assertThat(browser.text(By.id("cardNumber-error"))).containsIgnoringCase("luhn");

        // a small basket: the coupons with a minimum spend do not match, and the till says why
        browser.type(By.id("cardNumber"), MASTERCARD);
        browser.type(By.id("quantity-0"), "1");
        browser.type(By.id("unitPrice-0"), "500");
        browser.click(By.id("search"));
        browser.awaitText(By.id("unusable"), "MINIMUM_SPEND_NOT_MET");
        browser.checkPage("21-till-why-not");

        browser.type(By.id("quantity-0"), "2");
        browser.type(By.id("unitPrice-0"), "1200");
        browser.clickAndAwaitSwap(By.id("search"), By.id("till"));
        browser.awaitText(By.id("found-title"), "best first");
        String best = browser.find(By.cssSelector("li.card.best code")).getText();
        String payable = browser.text(By.id("best-payable"));
        Boolean barcodeShown = browser.await(driver -> (Boolean) browser.script(
                "const img = document.querySelector('li.card img'); return img.complete && img.naturalWidth > 0;"));
        assertThat(barcodeShown).isTrue();
        Object slip = browser.asyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(document.querySelector('a[aria-label$="as PDF"]').href).then(async r =>
                    done(r.headers.get('content-type') + ' ' + new TextDecoder().decode((await r.arrayBuffer()).slice(0, 5))));""");
        assertThat(slip).isEqualTo("application/pdf %PDF-");
        browser.checkPage("22-till-search");
        browser.checkAtPhoneWidth("22-till-search");

        // reserve the best coupon, then release it: it is free again for the payment
        browser.click(By.cssSelector("button[aria-label='Reserve " + best + "']"));
        browser.awaitText(By.id("use-title"), "RESERVED");
        browser.checkPage("23-till-reserved");
        browser.click(By.xpath("//button[text()='Release']"));
        browser.awaitText(By.id("use-title"), "RELEASED");

        // pay by the card: the best coupon applied inside the authorization, and the journal shows how
        browser.clickAndAwaitSwap(By.id("pay"), By.id("till"));
        browser.awaitText(By.id("payment-title"), "APPROVED");
        assertThat(browser.text(By.id("charged"))).isEqualTo(payable);
        browser.awaitText(By.id("journal"), "Settled");
        String journal = browser.text(By.id("journal"));
        assertThat(journal).contains("FULL_AMOUNT").contains("DISCOUNTED").contains("REVERSAL_ACKNOWLEDGED").contains("COUPON_CONFIRMED");
        browser.checkPage("24-till-paid");
        signOut();
    }

    @Test
    @Order(4)
    void theMerchantSubmitsTermsWithAPreviewAndReadsTheUsage() {
        signInAs("demo-sakura-mart");
        browser.find(By.linkText("10% off your groceries"));
        assertThat(browser.text(By.cssSelector("table.list"))).contains("APPROVED").contains("PENDING_APPROVAL");
        browser.checkPage("30-merchant-campaigns");

        browser.click(By.linkText("New campaign"));
        browser.type(By.id("title"), "Console: 5% off green tea");
        browser.type(By.id("percent"), "5");
        browser.awaitText(By.id("slip"), "5% off");
        assertThat(browser.text(By.id("slip"))).contains("Console: 5% off green tea");
        // a window that ends before it starts passes the browser's checks; the API refuses it, on the field
        browser.script("document.getElementById('validUntil').value = document.getElementById('validFrom').value.replace(/^\\d{4}/, y => y - 1);");
        browser.click(By.id("submit-terms"));
        assertThat(browser.text(By.id("validUntil-error"))).isNotBlank();
        browser.checkPage("31-merchant-terms-refused");

        browser.script("const from = document.getElementById('validFrom').value;"
                + "document.getElementById('validUntil').value = from.replace(/^\\d{4}/, y => Number(y) + 1);");
        browser.click(By.id("submit-terms"));
        browser.awaitText(By.cssSelector("p.notice"), "was submitted for approval");
        assertThat(browser.text(By.cssSelector("table.list"))).contains("Console: 5% off green tea");

        browser.click(By.cssSelector("a[aria-label='Usage of 300 yen off 2,000 yen in Shibuya']"));
        browser.find(By.id("totals"));
        assertThat(browser.all(By.cssSelector("svg.chart"))).hasSize(5);
        Object csv = browser.asyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(document.getElementById('csv').href).then(async r => done(r.headers.get('content-type') + '\\n' + await r.text()));""");
        assertThat(csv.toString()).startsWith("text/csv").contains("breakdown,key");
        browser.checkPage("32-merchant-usage");
        signOut();
    }

    @Test
    @Order(5)
    void theConsumerSeesTheCardsCouponsAsQrCodesAndAcquiresOne() {
        signInAs("demo-web");
        assertThat(browser.driver().getCurrentUrl()).endsWith("/console/wallet");
        browser.checkPage("40-wallet");

        browser.type(By.id("cardNumber"), "4111 1111 1111 1112");
        browser.click(By.id("show"));
        assertThat(browser.text(By.id("cardNumber-error"))).isNotBlank();

        browser.type(By.id("cardNumber"), VISA);
        browser.click(By.id("show"));
        browser.find(By.id("coupons-title"));
        int before = browser.all(By.cssSelector("ul.cards li")).size();
        assertThat(before).isPositive();
        assertThat(browser.all(By.cssSelector("ul.cards li svg[aria-label^='QR code of']"))).hasSize(before);
        browser.checkPage("41-wallet-coupons");
        browser.checkAtPhoneWidth("41-wallet-coupons");

        browser.type(By.id("campaignCode"), approvedCode);
        browser.click(By.id("acquire"));
        browser.awaitText(By.cssSelector("p.notice"), "Acquired");
        assertThat(browser.all(By.cssSelector("ul.cards li"))).hasSize(before + 1);
        browser.checkPage("42-wallet-acquired");

        browser.type(By.id("campaignCode"), approvedCode);
        browser.click(By.id("acquire"));
        assertThat(browser.text(By.cssSelector(".field-error, .problem"))).isNotBlank();
        signOut();
    }

    @Test
    @Order(6)
    void theOperatorIssuesAKeyShownOnceAndRevokesIt() {
        signInAs("demo-admin");
        assertThat(browser.driver().getCurrentUrl()).endsWith("/console/credentials");
        assertThat(browser.text(By.cssSelector("table.list"))).contains("demo-shibuya-till-1");
        browser.checkPage("50-operator-credentials");

        browser.type(By.id("label"), "Shibuya till 9");
        browser.type(By.id("terminalId"), "a0000000-0000-4000-8000-000000000999");
        browser.click(By.id("issue"));
        assertThat(browser.text(By.id("terminalId-error"))).contains("no terminal");

        new org.openqa.selenium.support.ui.Select(browser.find(By.id("kind"))).selectByValue("CONSUMER_CHANNEL");
        browser.type(By.id("label"), "Console test web shop");
        browser.find(By.id("terminalId")).clear();
        browser.click(By.id("issue"));
        String apiKey = browser.text(By.id("issued-key"));
        String keyId = apiKey.substring(0, apiKey.indexOf('.'));
        browser.checkPage("51-operator-key-issued");
        ApiCaller issued = new ApiCaller(platform.gatewayUrl(), (method, path) -> Map.of("X-Api-Key", apiKey));
        assertThat(issued.get("/api/v1/caller").status()).isEqualTo(200);

        browser.open(platform.consoleUrl() + "/credentials");
        assertThat(browser.driver().getPageSource()).contains(keyId).doesNotContain(apiKey);
        browser.click(By.cssSelector("button[aria-label='Revoke " + keyId + "']"));
        browser.awaitText(By.cssSelector("p.notice"), "revoked");
        assertThat(browser.text(By.id("key-" + keyId))).contains("REVOKED");
        assertThat(issued.get("/api/v1/caller").status()).isEqualTo(401);
        signOut();
    }

    @Test
    @Order(7)
    void theOperatorOnboardsAMerchantItsStoreAndATerminalWhoseKeyWorksUntilDecommissioned() {
        String name = "Console Tea House " + UUID.randomUUID().toString().substring(0, 8);
        signInAs("demo-admin");
        browser.click(By.linkText("Merchants"));
        assertThat(browser.text(By.id("merchants"))).contains("Sakura Mart").contains("Harbor Cafe");
        browser.checkPage("60-operator-merchants");

        browser.type(By.id("name"), name);
        browser.click(By.id("onboard"));
        browser.awaitText(By.cssSelector("p.notice"), "is onboarded");
        assertThat(browser.text(By.tagName("h1"))).contains(name).contains("ACTIVE");

        // a fixed offset passes the browser's checks; the API refuses it, and says so under the time zone
        browser.click(By.id("new-store"));
        browser.type(By.id("code"), "GION");
        browser.type(By.id("name"), "Tea House Gion");
        browser.type(By.id("line1"), "570-8 Gionmachi Minamigawa");
        browser.type(By.id("city"), "Kyoto");
        browser.type(By.id("region"), "Kyoto");
        browser.type(By.id("postalCode"), "605-0074");
        browser.type(By.id("timeZone"), "GMT+9");
        browser.type(By.id("mcc"), "5814");
        browser.click(By.id("save-store"));
        assertThat(browser.text(By.id("timeZone-error"))).contains("IANA time zone");
        assertThat(browser.find(By.id("timeZone")).getAttribute("aria-describedby")).isEqualTo("timeZone-error");
        assertThat(browser.find(By.id("timeZone")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.find(By.id("line1")).getAttribute("value")).as("what was typed is kept").isEqualTo("570-8 Gionmachi Minamigawa");
        browser.checkPage("61-operator-store-refused");
        browser.type(By.id("timeZone"), "Asia/Tokyo");
        browser.click(By.id("save-store"));
        browser.awaitText(By.cssSelector("p.notice"), "Store GION is open");
        assertThat(browser.text(By.id("store-GION"))).contains("Kyoto").contains("Asia/Tokyo").contains("5814");

        // the terminal, and its key at once, shown this once; the key works at the gateway
        browser.type(By.id("terminal-code"), "TILL-1");
        browser.type(By.id("terminal-label"), "Gion till 1");
        browser.click(By.id("install"));
        String apiKey = browser.text(By.id("issued-key"));
        assertThat(browser.text(By.cssSelector("p.notice"))).contains("Terminal TILL-1 is installed");
        browser.checkPage("62-operator-terminal-key");
        ApiCaller till = new ApiCaller(platform.gatewayUrl(), (method, path) -> Map.of("X-Api-Key", apiKey));
        Reply caller = till.get("/api/v1/caller");
        assertThat(caller.status()).isEqualTo(200);
        assertThat(caller.json().path("role").asString()).isEqualTo("TERMINAL");
        browser.open(browser.driver().getCurrentUrl().replaceFirst("/terminals$", ""));
        assertThat(browser.driver().getPageSource()).doesNotContain(apiKey);

        // the same code again in the store: the conflict is shown under the code
        browser.type(By.id("terminal-code"), "TILL-1");
        browser.click(By.id("install"));
        assertThat(browser.text(By.id("terminal-code-error"))).isNotBlank();
        assertThat(browser.find(By.id("terminal-code")).getAttribute("aria-describedby")).isEqualTo("terminal-code-error");

        browser.click(By.cssSelector("a[aria-label='Change store GION']"));
        browser.type(By.id("mcc"), "5812");
        browser.type(By.id("line2"), "2F");
        browser.click(By.id("save-store"));
        browser.awaitText(By.cssSelector("p.notice"), "Store GION is changed");
        assertThat(browser.text(By.id("store-GION"))).contains("5812").contains("2F");

        browser.click(By.cssSelector("button[aria-label='Decommission terminal TILL-1']"));
        browser.awaitText(By.cssSelector("p.notice"), "decommissioned");
        assertThat(browser.text(By.id("terminals"))).contains("DECOMMISSIONED");
        assertThat(browser.text(By.id("audit"))).contains("TERMINAL DECOMMISSIONED").contains("STORE UPDATED").contains("demo-admin");
        browser.checkPage("63-operator-merchant");
        browser.checkAtPhoneWidth("63-operator-merchant");
        assertThat(till.get("/api/v1/caller").status()).as("a decommissioned terminal's key").isEqualTo(401);

        browser.type(By.id("name"), name + " Kyoto");
        browser.click(By.id("rename"));
        browser.awaitText(By.cssSelector("p.notice"), "The merchant is now");
        browser.type(By.id("reason"), "contract ended");
        browser.click(By.id("close-merchant"));
        browser.awaitText(By.id("merchant-status"), "CLOSED");
        assertThat(browser.all(By.cssSelector("main form"))).as("a closed merchant takes no change").isEmpty();
        signOut();
    }

    @Test
    @Order(8)
    void theMerchantSeesItsOwnStoresAndTerminalsReadOnly() {
        signInAs("demo-sakura-mart");
        browser.click(By.linkText("Stores and terminals"));
        assertThat(browser.text(By.tagName("h1"))).contains("Sakura Mart");
        assertThat(browser.text(By.id("stores"))).contains("SHIBUYA").contains("SHINJUKU").doesNotContain("YOKOHAMA");
        assertThat(browser.text(By.id("terminals"))).contains("ACTIVE");
        assertThat(browser.all(By.cssSelector("main form"))).as("read-only").isEmpty();
        browser.checkPage("33-merchant-stores");

        browser.open(platform.consoleUrl() + "/merchants");
        assertThat(browser.driver().getPageSource()).doesNotContain("Onboard a merchant");
        signOut();
    }

    private String campaignWithAPendingEdit() {
        ApiCaller merchant = as("demo-sakura-mart");
        ApiCaller approver = as("demo-approver");
        Reply submitted = merchant.post("/api/v1/campaigns", "{\"terms\":" + terms(1000) + "}", UUID.randomUUID().toString());
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
        String id = submitted.json().path("id").asString();
        approvedCode = submitted.json().path("shortCode").asString();
        assertThat(approver.post("/api/v1/campaigns/" + id + "/approve", "{\"version\":1}", UUID.randomUUID().toString()).status()).isEqualTo(200);
        Reply edited = merchant.post("/api/v1/campaigns/" + id + "/versions", "{\"terms\":" + terms(1500)
                .replace("Console test: 10% off", "Console test: 15% off") + "}", UUID.randomUUID().toString());
        assertThat(edited.status()).as(edited.body()).isEqualTo(201);
        return id;
    }

    private static String terms(int basisPoints) {
        LocalDateTime now = LocalDateTime.now(ZoneId.of(DemoData.TOKYO)).truncatedTo(ChronoUnit.MINUTES);
        return """
                {"title":"Console test: 10%% off","kind":"DISCOUNT","currency":"JPY",
                 "discount":{"type":"PERCENTAGE","basisPoints":%d},
                 "timeZone":"Asia/Tokyo","validFrom":"%s","validUntil":"%s",
                 "acceptedMedia":["CREDIT"],"perCardLimit":1,"stacking":"STACKABLE"}"""
                .formatted(basisPoints, now.minusDays(1), now.plusDays(30));
    }

    private static void signIn(String keyId, String secret) {
        browser.open(platform.consoleUrl() + "/sign-in");
        browser.type(By.id("keyId"), keyId);
        browser.type(By.id("secret"), secret);
        browser.click(By.cssSelector("main button[type=submit]"));
    }

    private static void signInAs(String keyId) {
        signIn(keyId, key(keyId).secret());
        browser.find(By.cssSelector("form.signout"));
    }

    private static void signOut() {
        browser.click(By.cssSelector("form.signout button"));
        browser.find(By.id("keyId"));
    }

    private static DemoCredentials.DemoKey key(String keyId) {
        return DemoCredentials.KEYS.stream().filter(key -> key.id().equals(keyId)).findFirst().orElseThrow();
    }

    private static ApiCaller as(String keyId) {
        return new ApiCaller(platform.gatewayUrl(), (method, path) -> Map.of("X-Api-Key", key(keyId).apiKey()));
    }
}
