package com.cardcoupons.registration;

import com.cardcoupons.platform.identity.CallerIdentity;
import com.cardcoupons.platform.identity.IdentitySigner;
import com.cardcoupons.testsupport.ApiCaller;
import com.cardcoupons.testsupport.ApiCaller.Reply;
import com.cardcoupons.testsupport.IsolatedDatabase;
import com.cardcoupons.testsupport.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service on a random port over a database of its own, called over HTTP with identities signed as the gateway
 * signs them: two merchants with a store each, two approvers, and the three consumer channels.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@IsolatedDatabase
@Import(MovableClock.Config.class)
public abstract class RegistrationApiTest {

    protected static final UUID SAKURA_MART = UUID.fromString("a0000000-0000-4000-8000-000000000001");
    protected static final UUID SAKURA_SHIBUYA = UUID.fromString("a0000000-0000-4000-8000-000000000011");
    protected static final UUID HARBOR_CAFE = UUID.fromString("b0000000-0000-4000-8000-000000000002");
    protected static final UUID HARBOR_YOKOHAMA = UUID.fromString("b0000000-0000-4000-8000-000000000021");

    protected static final String VISA = "4111 1111 1111 1111";
    protected static final String MASTERCARD = "5555555555554444";
    protected static final String JCB = "3530111333300000";

    @LocalServerPort
    int port;

    @Autowired
    IdentitySigner signer;

    protected JdbcClient jdbc;

    /** SQL as the schema's owner: the test writes rows other services own, and reads every table. */
    @Autowired
    void ownersSql(TestDatabase isolatedTestDatabase) {
        jdbc = isolatedTestDatabase.owner();
    }

    @Autowired
    protected MovableClock clock;

    protected ApiCaller sakura;
    protected ApiCaller harbor;
    protected ApiCaller alice;
    protected ApiCaller bob;
    protected ApiCaller app;
    protected ApiCaller web;
    protected ApiCaller tv;

    @BeforeEach
    void theWorld() {
        clock.reset();
        jdbc.sql("insert into merchant (id, name) values (?, 'Sakura Mart'), (?, 'Harbor Cafe') on conflict do nothing")
                .params(SAKURA_MART, HARBOR_CAFE).update();
        jdbc.sql("""
                        insert into store (id, merchant_id, code, name, mcc, time_zone) values
                          (?, ?, 'SHIBUYA', 'Sakura Mart Shibuya', '5411', 'Asia/Tokyo'),
                          (?, ?, 'YOKOHAMA', 'Harbor Cafe Yokohama', '5814', 'Asia/Tokyo')
                        on conflict do nothing""")
                .params(SAKURA_SHIBUYA, SAKURA_MART, HARBOR_YOKOHAMA, HARBOR_CAFE).update();
        ApiCaller anonymous = ApiCaller.anonymous("http://localhost:" + port);
        sakura = anonymous.as(signedAs(CallerIdentity.merchant("sakura:hanako", SAKURA_MART)));
        harbor = anonymous.as(signedAs(CallerIdentity.merchant("harbor:ken", HARBOR_CAFE)));
        alice = anonymous.as(signedAs(CallerIdentity.approver("approver:alice")));
        bob = anonymous.as(signedAs(CallerIdentity.approver("approver:bob")));
        app = anonymous.as(signedAs(CallerIdentity.consumerChannel("app:coupons-ios", "MOBILE_APP")));
        web = anonymous.as(signedAs(CallerIdentity.consumerChannel("web:portal", "WEB")));
        tv = anonymous.as(signedAs(CallerIdentity.consumerChannel("tv:receiver-42", "DIGITAL_BROADCAST")));
    }

    protected java.util.function.BiFunction<String, String, Map<String, String>> signedAs(CallerIdentity identity) {
        return (method, path) -> signer.sign(identity, method, path);
    }

    protected ApiCaller anonymous() {
        return ApiCaller.anonymous("http://localhost:" + port);
    }

    protected static String key() {
        return UUID.randomUUID().toString();
    }

    /** Sakura Mart submits the terms; the new campaign's id. */
    protected UUID submitted(TermsJson terms, String shortCode) {
        Reply reply = sakura.post("/api/v1/campaigns", terms.submission(shortCode), key());
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return UUID.fromString(reply.json().path("id").asString());
    }

    /** Submitted by Sakura Mart and approved by Alice. */
    protected UUID approved(TermsJson terms, String shortCode) {
        UUID id = submitted(terms, shortCode);
        Reply reply = alice.post("/api/v1/campaigns/" + id + "/approve", Map.of("version", 1), key());
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return id;
    }

    protected Reply acquire(ApiCaller channel, UUID campaignId, Map<String, Object> medium) {
        return channel.post("/api/v1/acquisitions", Map.of("campaignId", campaignId, "medium", medium), key());
    }

    protected static Map<String, Object> credit(String number) {
        return TermsJson.map("type", "CREDIT", "cardNumber", number);
    }

    protected static Map<String, Object> debit(String number) {
        return TermsJson.map("type", "DEBIT", "cardNumber", number);
    }

    protected static Map<String, Object> mileageCard(String memberNumber) {
        return TermsJson.map("type", "MILEAGE", "program", "SKYMILES", "memberNumber", memberNumber);
    }

    protected static Map<String, Object> pointCard(String memberNumber) {
        return TermsJson.map("type", "POINT", "program", "SAKURAPOINTS", "memberNumber", memberNumber);
    }

    /** A test card number: the 15 digits given, then the Luhn check digit. */
    protected static String withCheckDigit(String fifteenDigits) {
        int sum = 0;
        for (int i = 0; i < fifteenDigits.length(); i++) {
            int digit = fifteenDigits.charAt(fifteenDigits.length() - 1 - i) - '0';
            if (i % 2 == 0) {
                digit *= 2;
                digit = digit > 9 ? digit - 9 : digit;
            }
            sum += digit;
        }
        return fifteenDigits + (10 - sum % 10) % 10;
    }

    protected long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }
}
