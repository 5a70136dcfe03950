package com.cardcoupons.console.signin;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Who may see which pages: each role its own, everyone signed in the start page, nobody anything else. Spring
 * Security's defaults stay on: a CSRF token in every form, a new session id at sign-in, and no caching of pages.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    SecurityFilterChain console(HttpSecurity http, ApiKeySignIn signIn) throws Exception {
        // relative redirects: behind the gateway, the console's own host and port are not the browser's
        LoginUrlAuthenticationEntryPoint signInPage = new LoginUrlAuthenticationEntryPoint("/console/sign-in");
        signInPage.setFavorRelativeUris(true);
        http.authenticationProvider(signIn)
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(signInPage))
                .authorizeHttpRequests(pages -> pages
                        .requestMatchers("/console/sign-in", "/console/assets/**", "/console/webjars/**", "/error").permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/console/approvals/**", "/console/approvals").hasRole("APPROVER")
                        .requestMatchers("/console/till/**", "/console/till").hasRole("TERMINAL")
                        .requestMatchers("/console/campaigns/**", "/console/campaigns").hasRole("MERCHANT")
                        .requestMatchers("/console/wallet/**", "/console/wallet").hasRole("CONSUMER_CHANNEL")
                        .requestMatchers("/console/credentials/**", "/console/credentials").hasRole("PLATFORM_ADMIN")
                        .requestMatchers("/console/merchants/**", "/console/merchants").hasRole("PLATFORM_ADMIN")
                        .requestMatchers("/console/my-merchant").hasRole("MERCHANT")
                        .requestMatchers("/console", "/console/").authenticated()
                        .anyRequest().denyAll())
                .formLogin(form -> form
                        .loginPage("/console/sign-in")
                        .usernameParameter("keyId")
                        .passwordParameter("secret")
                        .defaultSuccessUrl("/console", true)
                        .failureHandler(new SignInFailure())
                        .permitAll())
                .logout(logout -> logout
                        .logoutUrl("/console/sign-out")
                        .logoutSuccessUrl("/console/sign-in?signedOut")
                        .deleteCookies("CONSOLE_SESSION"))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(
                                "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
                                        + "frame-ancestors 'none'; form-action 'self'; base-uri 'self'"))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }
}
