package com.cardcoupons.gateway.authentication;

import com.cardcoupons.platform.identity.CallerIdentity;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RestController;

/**
 * Who the presented API key is: its role and what it is bound to. The web console signs a user in with their key
 * and uses this answer to decide which pages they get; any client may use it to check a key before relying on it.
 */
@RestController
@Tag(name = "Caller", description = "The identity of the calling API key")
class CallerController {

    @GetMapping("/api/v1/caller")
    @Operation(summary = "The calling key's identity: role, and its merchant, store, terminal or channel")
    CallerIdentity caller(@RequestAttribute(AuthenticatedCaller.ATTRIBUTE) CallerIdentity caller) {
        return caller;
    }
}
