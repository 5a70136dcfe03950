package com.cardcoupons.platform.probe;

import com.cardcoupons.model.medium.UsageMediumId;
import com.cardcoupons.model.money.Money;
import com.cardcoupons.model.problem.DomainException;
import com.cardcoupons.platform.apidocs.Refuses;
import com.cardcoupons.platform.idempotency.Idempotent;
import com.cardcoupons.platform.idempotency.IdempotentCall;
import com.cardcoupons.platform.identity.CallerIdentity;
import com.cardcoupons.platform.identity.PermittedRoles;
import com.cardcoupons.platform.identity.Role;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

@RestController
@RequestMapping("/api/probe")
class ProbeController {

    private static final Logger log = LoggerFactory.getLogger(ProbeController.class);

    private final JdbcClient jdbc;

    ProbeController(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record CreateMerchant(@NotBlank String name, @NotNull Money fee, UsageMediumId medium) {
    }

    record Created(UUID id, String name) {
    }

    @PostMapping("/merchants")
    @Idempotent
    @PermittedRoles({Role.MERCHANT, Role.APPROVER})
    @ApiResponse(responseCode = "201", useReturnTypeSchema = true, description = "Created")
    @Refuses(status = 409, codes = "PROBE_REFUSED")
    ResponseEntity<Created> create(@Valid @RequestBody CreateMerchant request) {
        if (request.name().equals("refuse")) {
            throw DomainException.conflict("PROBE_REFUSED", "refused on purpose");
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into merchant (id, name) values (?, ?)").params(id, request.name()).update();
        if (request.name().equals("explode")) {
            throw new IllegalStateException("exploded after writing");
        }
        if (request.name().equals("contend")) {
            throw new CannotAcquireLockException("lost a race on purpose");
        }
        return ResponseEntity.created(URI.create("/api/probe/merchants/" + id)).body(new Created(id, request.name()));
    }

    /** The same, as a handler that writes its work and its outcome in one statement, as the till's hot path does. */
    @PostMapping("/merchants/in-one-statement")
    @Idempotent(recordsItsOwnOutcome = true)
    @PermittedRoles({Role.MERCHANT, Role.APPROVER})
    @ApiResponse(responseCode = "201", useReturnTypeSchema = true, description = "Created")
    @Refuses(status = 409, codes = "PROBE_REFUSED")
    ResponseEntity<Created> createInOneStatement(@Valid @RequestBody CreateMerchant request, IdempotentCall call) {
        if (request.name().equals("refuse")) {
            throw DomainException.conflict("PROBE_REFUSED", "refused on purpose");
        }
        Created created = new Created(UUID.randomUUID(), request.name());
        URI location = URI.create("/api/probe/merchants/" + created.id());
        List<Object> params = new ArrayList<>(List.of(created.id(), created.name()));
        params.addAll(call.outcome(201, location, created));
        try {
            jdbc.sql("with merchant as (insert into merchant (id, name) values (?, ?) returning id) "
                            + "insert into registration_idempotency_record (" + IdempotentCall.RECORD_COLUMNS + ") select ?, ?, ?, ?, ?, ?, ? from merchant")
                    .params(params).update();
        } catch (DuplicateKeyException taken) {
            throw call.taken();
        }
        call.recorded();
        return ResponseEntity.created(location).body(created);
    }

    enum Colour { RED, GREEN }

    /** Every kind of value a request carries, echoed back as read. */
    record Values(Integer count, int quantity, Boolean flag, Colour colour, java.time.Instant at, String note,
                  List<String> tags, Money amount) {
    }

    @PostMapping("/values")
    @PermittedRoles({Role.MERCHANT})
    Values values(@RequestBody Values values) {
        return values;
    }

    @GetMapping("/whoami")
    @PermittedRoles({Role.MERCHANT, Role.APPROVER, Role.TERMINAL, Role.CONSUMER_CHANNEL})
    CallerIdentity whoami(CallerIdentity caller) {
        return caller;
    }

    @GetMapping("/approvers-only")
    @PermittedRoles(Role.APPROVER)
    String approversOnly() {
        return "ok";
    }

    @GetMapping("/undeclared")
    String undeclared() {
        return "nobody should see this";
    }

    @PostMapping(path = "/echo-log", consumes = "text/plain")
    @PermittedRoles(Role.MERCHANT)
    String echoLog(@RequestBody String text) {
        log.info("probe received {}", text);
        return "logged";
    }
}
