package com.cardcoupons.gateway.apidocs;

import com.cardcoupons.gateway.routing.RoutingProperties;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springdoc.webmvc.api.OpenApiWebMvcResource;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Serves the platform's API as one document at {@code /v3/api-docs}: each service's {@code /v3/api-docs}, fetched
 * when asked, merged with the gateway's own credentials API. A service that does not answer is left out and named
 * under {@code x-unavailable-services}, rather than failing the whole document.
 */
@RestController
@Hidden
class ApiDocsController {

    private static final Logger log = LoggerFactory.getLogger(ApiDocsController.class);
    static final String GATEWAY_DOCS = "/v3/api-docs/gateway";

    private final RoutingProperties routing;
    private final OpenApiWebMvcResource gatewayDocs;
    private final JsonMapper json;
    private final RestClient http;
    private final OpenApiMerger merger = new OpenApiMerger();

    ApiDocsController(RoutingProperties routing, OpenApiWebMvcResource gatewayDocs, JsonMapper json) {
        this.routing = routing;
        this.gatewayDocs = gatewayDocs;
        this.json = json;
        JdkClientHttpRequestFactory requestFactory = new JdkClientHttpRequestFactory(HttpClient.newBuilder()
                .connectTimeout(routing.connectTimeout()).build());
        // a service builds its document on the first request after it starts, which takes seconds on a busy machine
        requestFactory.setReadTimeout(Duration.ofSeconds(15));
        this.http = RestClient.builder().requestFactory(requestFactory).build();
    }

    @GetMapping(path = "/v3/api-docs", produces = MediaType.APPLICATION_JSON_VALUE)
    ObjectNode merged(HttpServletRequest request) throws Exception {
        List<OpenApiMerger.Source> sources = new ArrayList<>();
        sources.add(new OpenApiMerger.Source("gateway",
                json.readTree(gatewayDocs.openapiJson(request, GATEWAY_DOCS, Locale.ROOT)), List.of("/api/v1/credentials", "/api/v1/caller")));
        List<String> unavailable = new ArrayList<>();
        prefixesByService().forEach((service, prefixes) -> {
            try {
                byte[] document = http.get().uri(routing.uriOf(service).resolve("/v3/api-docs")).retrieve().body(byte[].class);
                sources.add(new OpenApiMerger.Source(service, json.readTree(document), prefixes));
            } catch (RestClientException | JacksonException e) {
                log.warn("left {} out of the merged API docs: {}", service, e.getMessage());
                unavailable.add(service);
            }
        });
        String server = ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
        return merger.merge(sources, server, unavailable);
    }

    /**
     * The API path prefixes each service owns, from the routes: {@code /api/v1/campaigns/**} owns {@code /api/v1/campaigns}.
     * A service with no API route (the web console's pages) has no document to merge.
     */
    private Map<String, List<String>> prefixesByService() {
        Map<String, List<String>> prefixes = new LinkedHashMap<>();
        for (RoutingProperties.Route route : routing.routes()) {
            route.paths().stream().filter(path -> path.startsWith("/api/")).forEach(path -> prefixes
                    .computeIfAbsent(route.service(), service -> new ArrayList<>()).add(path.replaceFirst("/\\*\\*$", "")));
        }
        return prefixes;
    }
}
