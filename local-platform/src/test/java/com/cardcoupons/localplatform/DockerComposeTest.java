package com.cardcoupons.localplatform;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docker-compose.yml cannot be started on machines without a Docker engine, so this checks what can be checked:
 * it parses, and it runs every service the README describes, on the port the README gives, from this project's
 * own images.
 */
class DockerComposeTest {

    private static final Path REPOSITORY = LocalPlatform.repositoryRoot();
    private static final Pattern README_SERVICE_ROW = Pattern.compile("^\\| `([a-z-]+)` \\| (\\d+) \\|", Pattern.MULTILINE);

    @Test
    void runsEveryServiceOfTheReadmeOnItsPortFromTheProjectsImages() throws IOException {
        Map<String, Object> services = composeServices();
        Map<String, Integer> readme = readmeServices();
        assertThat(readme).containsKeys("reception-terminal-gateway", "registration-api", "coupon-server",
                "settlement-relay", "settlement-center-simulator");

        readme.forEach((name, port) -> {
            Map<String, Object> service = map(services.get(name));
            assertThat(service).as(name + " in docker-compose.yml").isNotNull();
            Map<String, Object> build = map(service.get("build"));
            assertThat(map(build.get("args")).get("MODULE")).as(name + " image").isEqualTo(name);
            assertThat(REPOSITORY.resolve(name).resolve("pom.xml")).as(name + " module").exists();
            assertThat(map(service.get("environment")).get("SERVER_PORT")).as(name + " port").isEqualTo(port.toString());
        });
        assertThat(map(services.get("postgres")).get("image")).isEqualTo("postgres:17");
    }

    @Test
    void onlyTheGatewayIsPublished() throws IOException {
        Map<String, Object> services = composeServices();
        services.forEach((name, definition) -> {
            Object ports = map(definition).get("ports");
            if (name.equals("reception-terminal-gateway")) {
                assertThat(ports).isEqualTo(List.of("8080:8080"));
            } else {
                assertThat(ports).as(name + " must not be published").isNull();
            }
        });
    }

    private static Map<String, Object> composeServices() throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(REPOSITORY.resolve("docker-compose.yml")));
        return map(compose.get("services"));
    }

    private static Map<String, Integer> readmeServices() throws IOException {
        Matcher rows = README_SERVICE_ROW.matcher(Files.readString(REPOSITORY.resolve("README.md")));
        Map<String, Integer> services = new LinkedHashMap<>();
        while (rows.find()) {
            services.put(rows.group(1), Integer.parseInt(rows.group(2)));
        }
        return services;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }
}
