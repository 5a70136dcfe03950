package com.cardcoupons.settlementcenter.iso;

import com.cardcoupons.settlementcenter.SettlementCenterSimulatorApplication;
import com.cardcoupons.settlementcenter.fault.FaultRule;
import com.cardcoupons.testsupport.ApiCaller;
import org.jpos.iso.ISOException;
import org.jpos.iso.ISOMsg;
import org.jpos.iso.channel.PostChannel;
import org.jpos.iso.packager.ISO87APackager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.io.EOFException;
import java.io.IOException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The host over a real TCP connection, as an acquirer's client sees it: a jPOS channel with two-byte length framing
 * and the 1987 ASCII packager. Each test uses a card of its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.config.name=" + SettlementCenterSimulatorApplication.CONFIG_NAME,
        "settlement-center.iso.port=0"})
class IsoHostTest {

    private static final AtomicInteger STAN = new AtomicInteger();
    private static final String ACQUIRER = "12345";
    private static final String TERMINAL = "00000042";

    @Autowired
    private IsoHost host;

    @LocalServerPort
    private int adminPort;

    private PostChannel client;

    @BeforeEach
    void connect() throws IOException {
        client = new PostChannel("localhost", host.port(), new ISO87APackager());
        client.setTimeout(3_000);
        client.connect();
    }

    @AfterEach
    void disconnect() throws IOException {
        admin().delete("/admin/faults");
        client.disconnect();
    }

    @Test
    void anEchoTestIsAnswered() throws Exception {
        ISOMsg echo = new ISOMsg("0800");
        echo.set(7, "0315100000");
        echo.set(11, stan());
        echo.set(70, "301");

        ISOMsg answer = exchange(echo);

        assertThat(answer.getMTI()).isEqualTo("0810");
        assertThat(answer.getString(39)).isEqualTo("00");
        assertThat(answer.getString(70)).isEqualTo("301");
    }

    @Test
    void anAuthorizationIsApprovedWithACodeAndHoldsTheFundsUntilReversed() throws Exception {
        String card = "4111111111111111";
        ISOMsg authorization = authorization(card, 1_200);

        ISOMsg answer = exchange(authorization);

        assertThat(answer.getMTI()).isEqualTo("0110");
        assertThat(answer.getString(39)).isEqualTo("00");
        assertThat(answer.getString(38)).matches("[A-Z0-9]{6}");
        assertThat(answer.getString(11)).isEqualTo(authorization.getString(11));
        assertThat(answer.getString(41)).isEqualTo(TERMINAL);
        assertThat(answer.hasField(14)).as("the expiry is not echoed").isFalse();
        assertThat(held(card)).isEqualTo(1_200);
        assertThat(cardView(card).path("authorizations").get(0).path("stan").asString()).isEqualTo(authorization.getString(11));

        ISOMsg reversal = reversal("0400", authorization, null);
        ISOMsg acknowledged = exchange(reversal);

        assertThat(acknowledged.getMTI()).isEqualTo("0410");
        assertThat(acknowledged.getString(39)).isEqualTo("00");
        assertThat(held(card)).isZero();
        assertThat(cardView(card).path("authorizations").get(0).path("state").asString()).isEqualTo("REVERSED");
    }

    @Test
    void aPartialReversalKeepsTheReplacementAmountAuthorized() throws Exception {
        String card = "4012888888881881";
        ISOMsg authorization = authorization(card, 1_000);
        exchange(authorization);

        ISOMsg answer = exchange(reversal("0400", authorization, 900L));

        assertThat(answer.getString(39)).isEqualTo("00");
        assertThat(held(card)).isEqualTo(900);
        assertThat(exchange(reversal("0400", authorization, 950L)).getString(39)).as("not raised again").isEqualTo("13");
    }

    @Test
    void aReversalAdviceAndItsRepeatAreAcknowledgedWith0430() throws Exception {
        String card = "5555555555554444";
        ISOMsg authorization = authorization(card, 700);
        exchange(authorization);

        ISOMsg advice = reversal("0420", authorization, null);
        assertThat(exchange(advice).getMTI()).isEqualTo("0430");
        advice.setMTI("0421");
        ISOMsg repeat = exchange(advice);

        assertThat(repeat.getMTI()).isEqualTo("0430");
        assertThat(repeat.getString(39)).isEqualTo("00");
        assertThat(held(card)).isZero();
    }

    @Test
    void anAuthorizationMissingAMandatoryFieldIsAFormatError() throws Exception {
        ISOMsg authorization = authorization("4111111111111111", 100);
        authorization.unset(49);

        assertThat(exchange(authorization).getString(39)).isEqualTo("30");
    }

    @Test
    void aForcedResponseCodeAnswersWithoutProcessing() throws Exception {
        String card = "4000056655665556";
        fault(Map.of("operation", "AUTHORIZE", "responseCode", "96", "times", 1));

        assertThat(exchange(authorization(card, 100)).getString(39)).isEqualTo("96");
        assertThat(held(card)).isZero();
    }

    @Test
    void faultsLeaveAnAuthorizationUnansweredAnswerItTwiceOrGarbleTheAnswer() throws Exception {
        String card = "4000002500003155";
        fault(Map.of("operation", "AUTHORIZE", "effect", FaultRule.Effect.NO_ANSWER.name(), "times", 1));
        client.send(authorization(card, 100));
        client.setTimeout(500);
        assertThatThrownBy(client::receive).isInstanceOf(SocketTimeoutException.class);
        assertThat(held(card)).as("processed all the same").isEqualTo(100);

        reconnect();
        fault(Map.of("operation", "AUTHORIZE", "effect", FaultRule.Effect.DUPLICATE_ANSWER.name(), "times", 1));
        ISOMsg authorization = authorization(card, 200);
        client.send(authorization);
        assertThat(client.receive().getString(11)).isEqualTo(authorization.getString(11));
        assertThat(client.receive().getString(11)).isEqualTo(authorization.getString(11));
        assertThat(held(card)).as("once").isEqualTo(300);

        fault(Map.of("operation", "AUTHORIZE", "effect", FaultRule.Effect.MALFORMED_ANSWER.name(), "times", 1));
        client.send(authorization(card, 400));
        assertThatThrownBy(client::receive).isInstanceOf(ISOException.class);
    }

    @Test
    void theHostCanCutItsConnectionsAndStopListening() throws Exception {
        assertThat(admin().post("/admin/host/connections/drop", Map.of()).json().path("connections").asInt()).isZero();
        assertThatThrownBy(client::receive).isInstanceOfAny(EOFException.class, SocketException.class);

        assertThat(admin().post("/admin/host/stop", Map.of()).json().path("listening").asBoolean()).isFalse();
        PostChannel refused = new PostChannel("localhost", host.port(), new ISO87APackager());
        assertThatThrownBy(refused::connect).isInstanceOf(IOException.class);

        assertThat(admin().post("/admin/host/start", Map.of()).json().path("listening").asBoolean()).isTrue();
        reconnect();
        assertThat(exchange(authorization("4242424242424242", 50)).getString(39)).isEqualTo("00");
    }

    private void reconnect() throws IOException {
        client.disconnect();
        client = new PostChannel("localhost", host.port(), new ISO87APackager());
        client.setTimeout(3_000);
        client.connect();
    }

    private ISOMsg exchange(ISOMsg request) throws IOException, ISOException {
        client.send(request);
        return client.receive();
    }

    private static ISOMsg authorization(String card, long amountMinor) throws ISOException {
        ISOMsg message = new ISOMsg("0100");
        message.set(2, card);
        message.set(3, "000000");
        message.set(4, String.format("%012d", amountMinor));
        message.set(7, "0315100000");
        message.set(11, stan());
        message.set(14, "3012");
        message.set(32, ACQUIRER);
        message.set(37, "507410" + message.getString(11));
        message.set(41, TERMINAL);
        message.set(42, "000000000000001");
        message.set(49, "392");
        return message;
    }

    private static ISOMsg reversal(String type, ISOMsg original, Long replacementMinor) throws ISOException {
        ISOMsg message = new ISOMsg(type);
        message.set(3, "000000");
        message.set(4, original.getString(4));
        message.set(7, "0315100005");
        message.set(11, stan());
        message.set(32, ACQUIRER);
        message.set(37, original.getString(37));
        message.set(41, TERMINAL);
        message.set(42, original.getString(42));
        message.set(49, "392");
        message.set(90, "0100" + original.getString(11) + original.getString(7) + String.format("%011d", 12345) + "0".repeat(11));
        if (replacementMinor != null) {
            message.set(95, String.format("%012d", replacementMinor) + "0".repeat(12) + "D00000000D00000000");
        }
        return message;
    }

    private static String stan() {
        return String.format("%06d", STAN.incrementAndGet());
    }

    private void fault(Map<String, Object> rule) {
        assertThat(admin().post("/admin/faults", new LinkedHashMap<>(rule)).status()).isEqualTo(201);
    }

    private long held(String card) {
        return cardView(card).path("heldMinor").path("392").asLong(0);
    }

    private JsonNode cardView(String card) {
        return admin().post("/admin/cards/query", Map.of("number", card)).json();
    }

    private ApiCaller admin() {
        return ApiCaller.anonymous("http://localhost:" + adminPort);
    }
}
