package com.cardcoupons.platform.probe;

import com.cardcoupons.platform.identity.CallerIdentity;
import com.cardcoupons.platform.identity.IdentitySigner;
import com.cardcoupons.platform.input.TextPolicy;
import com.cardcoupons.testsupport.ApiCaller;
import com.cardcoupons.testsupport.ApiCaller.Reply;
import com.cardcoupons.testsupport.IsolatedDatabase;
import com.cardcoupons.testsupport.RawHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every service accepts: JSON values of their own type only, amounts within their currency's bound, text in
 * one Unicode form and of bounded length, well-formed query strings; and whatever it refuses, it refuses with
 * Problem Details of one shape, the requests Tomcat turns away before any servlet sees them included.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@IsolatedDatabase
class StrictInputTest {

    private static final String VALUES = "/api/probe/values";

    @LocalServerPort
    int port;

    @Autowired
    IdentitySigner signer;

    ApiCaller merchant;

    @BeforeEach
    void caller() {
        CallerIdentity identity = CallerIdentity.merchant("merchant-user", UUID.randomUUID());
        merchant = new ApiCaller("http://localhost:" + port, (method, path) -> signer.sign(identity, method, path));
    }

    @Nested
    class IntegersAreJsonIntegers {

        @ParameterizedTest
        @ValueSource(strings = {"1000.9", "1000.0", "1e3", "\"1000\"", "true", "[1]", "{}"})
        void anythingElseIsRefusedNamingTheField(String notAnInteger) {
            assertRefused(post("{\"count\":" + notAnInteger + "}"), "INVALID_FORMAT", "count");
            assertRefused(post("{\"quantity\":" + notAnInteger + "}"), "INVALID_FORMAT", "quantity");
            assertRefused(post("{\"amount\":{\"amountMinor\":" + notAnInteger + ",\"currency\":\"JPY\"}}"),
                    "INVALID_FORMAT", "amount.amountMinor");
        }

        @Test
        void anIntegerIsTakenAsItIs() {
            Reply reply = post("{\"count\":7,\"quantity\":3,\"amount\":{\"amountMinor\":1000,\"currency\":\"JPY\"}}");
            assertThat(reply.status()).as(reply.body()).isEqualTo(200);
            assertThat(reply.json().path("count").asInt()).isEqualTo(7);
            assertThat(reply.json().path("amount").path("amountMinor").asLong()).isEqualTo(1000);
        }

        @Test
        void aPrimitiveIsNeverNullNorMissingNorBeyondItsRange() {
            assertRefused(post("{\"quantity\":null}"), "FIELD_REQUIRED", "quantity");
            assertRefused(merchant.post(VALUES, "{\"count\":1}"), "FIELD_REQUIRED", "quantity");
            assertRefused(post("{\"count\":2147483648}"), "INVALID_FORMAT", "count");
            assertRefused(post("{\"amount\":{\"amountMinor\":9223372036854775808,\"currency\":\"JPY\"}}"),
                    "INVALID_FORMAT", "amount.amountMinor");
        }
    }

    @Nested
    class OtherValuesAreTheirOwnJsonType {

        @Test
        void booleansEnumsTextAndInstantsAreNotCoerced() {
            assertRefused(post("{\"flag\":\"true\"}"), "INVALID_FORMAT", "flag");
            assertRefused(post("{\"flag\":1}"), "INVALID_FORMAT", "flag");
            assertRefused(post("{\"colour\":0}"), "INVALID_FORMAT", "colour");
            assertRefused(post("{\"note\":12}"), "INVALID_FORMAT", "note");
            assertRefused(post("{\"note\":true}"), "INVALID_FORMAT", "note");
            assertRefused(post("{\"tags\":[\"a\",3]}"), "INVALID_FORMAT", "tags[1]");
            assertRefused(post("{\"at\":1700000000}"), "INVALID_FORMAT", "at");
        }

        @Test
        void aKeyGivenTwiceOrTextAfterTheDocumentIsRefused() {
            Reply twice = post("{\"count\":1,\"count\":2}");
            assertThat(twice.status()).isEqualTo(400);
            assertThat(twice.code()).isIn("INVALID_FORMAT", "MALFORMED_JSON");
            assertThat(post("{\"count\":1} {\"count\":2}").status()).isEqualTo(400);
        }
    }

    @Nested
    class Amounts {

        @Test
        void anAmountAboveItsCurrencysBoundIsRefusedBeforeAnythingHappens() {
            assertThat(post(amount(100_000_000L, "JPY")).status()).isEqualTo(200);
            assertRefused(post(amount(100_000_001L, "JPY")), "AMOUNT_TOO_LARGE", "amount.amountMinor");
            assertRefused(post(amount(Long.MAX_VALUE, "JPY")), "AMOUNT_TOO_LARGE", "amount.amountMinor");
            assertThat(post(amount(10_000_000_000L, "USD")).status()).isEqualTo(200);
            assertRefused(post(amount(10_000_000_001L, "USD")), "AMOUNT_TOO_LARGE", "amount.amountMinor");
        }

        private String amount(long minor, String currency) {
            return "{\"amount\":{\"amountMinor\":" + minor + ",\"currency\":\"" + currency + "\"}}";
        }
    }

    @Nested
    class Text {

        @Test
        void textIsNormalizedToNfc() {
            Reply reply = post("{\"note\":\"Cafe\\u0301 Tokyo\",\"tags\":[\"e\\u0301\"]}");
            assertThat(reply.json().path("note").asString()).isEqualTo("Café Tokyo");
            assertThat(reply.json().path("tags").get(0).asString()).isEqualTo("é");
        }

        @ParameterizedTest
        @ValueSource(strings = {"\\u0000", "\\u001b[31m", "line\\nbreak", "\\u0085", "\\ud800", "\\u202e", "\\uffff"})
        void controlCharactersLoneSurrogatesAndBidiOverridesAreRefused(String escaped) {
            assertRefused(post("{\"note\":\"a" + escaped + "b\"}"), "INVALID_TEXT", "note");
        }

        @Test
        void textLongerThanTheLimitIsRefused() {
            String limit = "x".repeat(TextPolicy.MAX_LENGTH);
            assertThat(post("{\"note\":\"" + limit + "\"}").status()).isEqualTo(200);
            assertRefused(post("{\"note\":\"" + limit + "x\"}"), "TOO_LONG", "note");
            assertRefused(post("{\"tags\":[\"" + limit + "x\"]}"), "TOO_LONG", "tags[0]");
        }

        @Test
        void emojiAndScriptsOfTheWorldAreText() {
            Reply reply = post("{\"note\":\"寿司 🍣 Ünïcödé 👨‍👩‍👧\"}");
            assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        }
    }

    @Nested
    class QueryStrings {

        @ParameterizedTest
        @ValueSource(strings = {"/actuator/health", "/api/probe/whoami", "/v3/api-docs"})
        void anEmptyNameABrokenEscapeOrARepeatedNameIsRefusedOnEveryPath(String path) {
            assertRefused(RawHttp.get(port, path + "?=x"), "MALFORMED_QUERY", null);
            assertRefused(RawHttp.get(port, path + "?a=%zz"), "MALFORMED_QUERY", "a");
            assertRefused(RawHttp.get(port, path + "?a=%ff"), "MALFORMED_QUERY", "a");
            assertRefused(RawHttp.get(port, path + "?a=1&a=2"), "DUPLICATE_PARAMETER", "a");
            assertRefused(RawHttp.get(port, path + "?a=x%00y"), "INVALID_TEXT", "a");
        }

        @Test
        void aNameThatCouldBeACardNumberIsNotEchoed() {
            Reply reply = merchant.get("/actuator/health?4111111111111111=1&4111111111111111=2");
            assertRefused(reply, "DUPLICATE_PARAMETER", null);
            assertThat(reply.body()).doesNotContain("4111111111111111");
        }

        @Test
        void emptyChunksAreHarmless() {
            assertThat(merchant.get("/actuator/health?&&").status()).isEqualTo(200);
        }
    }

    @Nested
    class WhatTomcatRefuses {

        @ParameterizedTest
        @ValueSource(strings = {"/api/probe/%zz", "/api/probe%2Fwhoami", "/actuator/health%", "/api/probe/%c0%af"})
        void aMalformedRequestTargetIsAProblemNotAnHtmlPage(String target) {
            RawHttp.Answer answer = RawHttp.get(port, target);
            assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
            assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
            assertThat(answer.code()).as(answer.toString()).isEqualTo("MALFORMED_REQUEST");
            assertThat(answer.json().path("correlationId").asString()).isNotBlank();
            assertThat(answer.body()).doesNotContain("<html");
        }

        @Test
        void headersTooLargeAreAProblemNotAnHtmlPage() {
            RawHttp.Answer answer = RawHttp.send(port, "GET /actuator/health HTTP/1.1\r\nX-Big: " + "a".repeat(20_000), null);
            assertThat(answer.status()).as(answer.toString()).isIn(400, 431);
            assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
            assertThat(answer.body()).doesNotContain("<html");
        }
    }

    @Nested
    class HttpLevel {

        @Test
        void aMissingOrWrongContentTypeIs415() {
            for (String contentType : new String[] {null, "text/plain", "application/xml", ";;;", "application/json; charset=nope"}) {
                String head = signedHead("POST", VALUES) + (contentType == null ? "" : "\r\nContent-Type: " + contentType);
                RawHttp.Answer answer = RawHttp.send(port, head, "{\"quantity\":1}");
                assertThat(answer.status()).as(contentType + ": " + answer).isIn(400, 415);
                assertThat(answer.header("Content-Type")).as(answer.toString()).startsWith("application/problem+json");
                assertThat(answer.code()).as(answer.toString()).isIn("UNSUPPORTED_MEDIA_TYPE", "MALFORMED_JSON", "INVALID_CONTENT_TYPE");
            }
            assertThat(RawHttp.send(port, signedHead("POST", VALUES), "{\"quantity\":1}").status()).isEqualTo(415);
            assertThat(RawHttp.send(port, signedHead("POST", VALUES) + "\r\nContent-Type: text/plain", "{}").status()).isEqualTo(415);
        }

        @Test
        void aMethodNotAllowedSaysWhichAre() {
            Reply reply = merchant.send("DELETE", VALUES, null, Map.of());
            assertThat(reply.status()).isEqualTo(405);
            assertThat(reply.code()).isEqualTo("METHOD_NOT_ALLOWED");
            assertThat(reply.header("Allow")).isEqualTo("POST");
        }

        @Test
        void everyProblemHasTheSameShape() {
            for (Reply reply : new Reply[] {merchant.get("/api/probe/approvers-only"), post("{\"count\":1.5}"),
                    ApiCaller.anonymous("http://localhost:" + port).get("/api/probe/whoami"), merchant.get("/actuator/health?=1"),
                    merchant.get("/nothing")}) {
                assertThat(reply.header("Content-Type")).as(reply.toString()).startsWith("application/problem+json");
                for (String member : new String[] {"type", "title", "status", "code", "instance", "correlationId"}) {
                    assertThat(reply.json().has(member)).as(member + " in " + reply).isTrue();
                }
            }
        }

        private String signedHead(String method, String path) {
            StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1");
            signer.sign(CallerIdentity.merchant("merchant-user", UUID.randomUUID()), method, path)
                    .forEach((name, value) -> head.append("\r\n").append(name).append(": ").append(value));
            return head.toString();
        }
    }

    /** The probe's values, with its one primitive given unless the body says otherwise. */
    private Reply post(String json) {
        return merchant.post(VALUES, json.contains("\"quantity\"") ? json : json.replaceFirst("\\{", "{\"quantity\":1,"));
    }

    private static void assertRefused(RawHttp.Answer answer, String code, String field) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.code()).as(answer.toString()).isEqualTo(code);
        assertThat(answer.json().path("field").asString(null)).as(answer.toString()).isEqualTo(field);
    }

    private static void assertRefused(Reply reply, String code, String field) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
        assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
        assertThat(reply.code()).as(reply.toString()).isEqualTo(code);
        if (field == null) {
            assertThat(reply.json().has("field")).as(reply.toString()).isFalse();
        } else {
            assertThat(reply.json().path("field").asString()).as(reply.toString()).isEqualTo(field);
        }
    }
}
