package com.cardcoupons.testsupport;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.function.BiFunction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a service built on {@code service-platform} adds to {@link ServiceStartupContract}: readiness that includes
 * the shared database, metrics tagged with the service's name, and API calls refused unless the gateway vouched
 * for them.
 */
public abstract class PlatformServiceStartupContract extends ServiceStartupContract {

    private final String application;

    /** {@code application} is spelled out, not read from the environment, so a renamed service fails the test. */
    protected PlatformServiceStartupContract(String application) {
        this.application = application;
    }

    /** An administrator's credentials, signed as the gateway signs them: health shows them its details. */
    protected abstract BiFunction<String, String, Map<String, String>> administrator();

    @Test
    void reportsTheSharedDatabaseInItsReadinessToAnAdministratorAndItsStatusAloneToAnyoneElse() {
        assertThat(anonymous().as(administrator()).get("/actuator/health/readiness").json()
                .path("components").path("db").path("status").asString()).isEqualTo("UP");
        assertThat(anonymous().get("/actuator/health/readiness").json().has("components")).isFalse();
    }

    @Test
    void tagsItsMetricsWithItsName() {
        assertThat(anonymous().get("/actuator/prometheus").body()).contains("application=\"" + application + "\"");
    }

    @Test
    void refusesApiCallsThatDidNotComeThroughTheGateway() {
        assertThat(anonymous().get("/api/v1/anything").code()).isEqualTo("GATEWAY_IDENTITY_MISSING");
    }
}
