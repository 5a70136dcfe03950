package com.cardcoupons.console.signin;

import com.cardcoupons.console.gateway.ApiProblem;
import com.cardcoupons.console.gateway.Gateway;
import com.cardcoupons.console.gateway.PlatformUnavailable;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Signs a user in with their API key, given as its two halves: the key id as the user name and the secret as the
 * password. The gateway proves the key ({@code GET /api/v1/caller}); the console keeps no users of its own, so a
 * key revoked at the gateway stops working in the console on its next call too.
 */
@Component
class ApiKeySignIn implements AuthenticationProvider {

    private static final Pattern KEY_ID = Pattern.compile("[a-z0-9_-]{3,64}");

    private final Gateway gateway;

    ApiKeySignIn(Gateway gateway) {
        this.gateway = gateway;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String keyId = String.valueOf(authentication.getPrincipal()).trim();
        String secret = authentication.getCredentials() == null ? "" : authentication.getCredentials().toString().trim();
        if (!KEY_ID.matcher(keyId).matches() || secret.isEmpty()) {
            throw new BadCredentialsException("Enter your key id and its secret.");
        }
        String apiKey = keyId + "." + secret;
        try {
            ConsoleUser user = ConsoleUser.of(apiKey, gateway.as(apiKey).get("/api/v1/caller"));
            return UsernamePasswordAuthenticationToken.authenticated(user, null,
                    List.of(new SimpleGrantedAuthority("ROLE_" + user.role().name())));
        } catch (ApiProblem refused) {
            if (refused.status() == 401 || refused.status() == 403) {
                throw new BadCredentialsException("This key id and secret do not open the platform.");
            }
            throw new AuthenticationServiceException("The platform could not check the key: " + refused.detail());
        } catch (PlatformUnavailable unavailable) {
            throw new AuthenticationServiceException(unavailable.getMessage());
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
