package com.cardcoupons.platform.apidocs;

import com.cardcoupons.platform.correlation.CorrelationId;
import com.cardcoupons.platform.idempotency.Idempotent;
import com.cardcoupons.platform.idempotency.IdempotencyFilter;
import com.cardcoupons.platform.identity.PermittedRoles;
import com.cardcoupons.platform.identity.Role;
import com.cardcoupons.platform.input.TextPolicy;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpStatus;
import org.springframework.web.method.HandlerMethod;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Makes a service's API document say what runs. Each operation lists every status it can answer, each refusal with
 * the Problem Details schema and its codes (under {@code x-problem-codes}); a retryable operation requires its
 * {@code Idempotency-Key}; every operation takes and answers an {@code X-Correlation-Id}. The document declares the
 * API key callers present at the gateway, and gives every text its maximum length.
 */
final class ApiContract implements OperationCustomizer, OpenApiCustomizer {

    static final String PROBLEM = "Problem";
    static final String PROBLEM_JSON = "application/problem+json";
    static final String CODES = "x-problem-codes";
    static final String API_KEY = "apiKey";
    /** The roles whose API keys may call an operation. */
    static final String ROLES = "x-roles";

    private final String title;
    private final boolean behindTheGateway;

    ApiContract(String title, boolean behindTheGateway) {
        this.title = title;
        this.behindTheGateway = behindTheGateway;
    }

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        // one tag per controller and operation ids unique across the services: a generated client gets a class per
        // feature (CampaignApi) and a method per operation (campaignSubmit) whatever the merge puts next to them
        String feature = handler.getBeanType().getSimpleName().replaceFirst("Controller$", "");
        operation.setTags(List.of(feature));
        operation.setOperationId(Character.toLowerCase(feature.charAt(0)) + feature.substring(1)
                + Character.toUpperCase(handler.getMethod().getName().charAt(0)) + handler.getMethod().getName().substring(1));
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        boolean idempotent = handler.getMethodAnnotation(Idempotent.class) != null;
        responses.forEach((status, response) -> {
            if (status.startsWith("2")) {
                response.addHeaderObject(CorrelationId.HEADER, correlationHeader());
                if (idempotent) {
                    response.addHeaderObject(IdempotencyFilter.REPLAYED_HEADER, new Header()
                            .description("true when this is the answer recorded for an earlier call with the same key")
                            .schema(new StringSchema()._enum(List.of("true"))));
                }
            }
        });
        PermittedRoles roles = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), PermittedRoles.class);
        roles = roles != null ? roles : AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), PermittedRoles.class);
        if (roles != null) {
            operation.addExtension(ROLES, Arrays.stream(roles.value()).map(Role::name).toList());
        }
        OperationRefusals.of(handler, behindTheGateway).forEach((status, codes) -> responses.addApiResponse(Integer.toString(status), refusal(status, codes)));
        operation.setResponses(responses);
        if (idempotent) {
            addParameter(operation, new HeaderParameter().name(IdempotencyFilter.HEADER).required(true)
                    .description("Chosen by the caller for each call it may retry, and sent again unchanged on every retry")
                    .schema(new StringSchema().minLength(1).maxLength(128).pattern("^[\\x21-\\x7E]{1,128}$")));
        }
        addParameter(operation, new HeaderParameter().name(CorrelationId.HEADER).required(false)
                .description("The caller's id for this call, in every log line it causes; one is made when absent or malformed")
                .schema(new StringSchema().maxLength(64)));
        return operation;
    }

    @Override
    public void customise(OpenAPI openApi) {
        openApi.getInfo().title(title).version("v1")
                .description("Reached through the gateway with an API key in the X-Api-Key header. Errors are RFC 9457 "
                        + "Problem Details with a stable code (docs/errors.md).");
        Components components = openApi.getComponents() == null ? new Components() : openApi.getComponents();
        components.addSchemas(PROBLEM, problemSchema());
        components.addSecuritySchemes(API_KEY, new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                .in(SecurityScheme.In.HEADER).name("X-Api-Key")
                .description("<key id>.<secret>, issued by a platform administrator; checked by the gateway"));
        openApi.setComponents(components);
        openApi.setSecurity(List.of(new SecurityRequirement().addList(API_KEY)));
        if (components.getSchemas() != null) {
            components.getSchemas().values().forEach(ApiContract::boundText);
        }
        if (openApi.getPaths() != null) {
            openApi.getPaths().values().forEach(path -> path.readOperations().forEach(operation -> {
                if (operation.getParameters() != null) {
                    operation.getParameters().forEach(parameter -> boundText(parameter.getSchema()));
                }
            }));
        }
    }

    /** Every text without a tighter limit, an enumeration or a format of its own has the platform's maximum length. */
    @SuppressWarnings("rawtypes")
    private static void boundText(Schema schema) {
        if (schema == null) {
            return;
        }
        if ("string".equals(schema.getType()) && schema.getMaxLength() == null && schema.getEnum() == null
                && schema.getFormat() == null && schema.getPattern() == null) {
            schema.setMaxLength(TextPolicy.MAX_LENGTH);
        }
        if (schema.getProperties() != null) {
            ((Map<?, ?>) schema.getProperties()).values().forEach(property -> boundText((Schema) property));
        }
        boundText(schema.getItems());
        if (schema.getAdditionalProperties() instanceof Schema additional) {
            boundText(additional);
        }
        for (List<?> composed : new List<?>[] {schema.getAllOf(), schema.getOneOf(), schema.getAnyOf()}) {
            if (composed != null) {
                composed.forEach(part -> boundText((Schema) part));
            }
        }
    }

    private static ApiResponse refusal(int status, Set<String> codes) {
        HttpStatus known = HttpStatus.resolve(status);
        ApiResponse response = new ApiResponse()
                .description((known == null ? "HTTP " + status : known.getReasonPhrase()) + ": " + String.join(", ", codes))
                .content(new Content().addMediaType(PROBLEM_JSON,
                        new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))))
                .addHeaderObject(CorrelationId.HEADER, correlationHeader());
        response.addExtension(CODES, new ArrayList<>(codes));
        if (status == 405) {
            response.addHeaderObject("Allow", new Header().required(true).schema(new StringSchema()));
        }
        return response;
    }

    private static Header correlationHeader() {
        return new Header().description("The call's correlation id, to quote to support").schema(new StringSchema());
    }

    private static void addParameter(Operation operation, Parameter parameter) {
        if (operation.getParameters() == null || operation.getParameters().stream()
                .noneMatch(existing -> parameter.getName().equalsIgnoreCase(existing.getName()) && "header".equals(existing.getIn()))) {
            operation.addParametersItem(parameter);
        }
    }

    /** RFC 9457 Problem Details as every service and the gateway answer them. */
    @SuppressWarnings("rawtypes")
    static Schema problemSchema() {
        Schema fieldError = new ObjectSchema()
                .addProperty("field", new StringSchema())
                .addProperty("code", new StringSchema())
                .addProperty("detail", new StringSchema());
        return new ObjectSchema()
                .description("RFC 9457 Problem Details with the platform's stable code (docs/errors.md)")
                .addProperty("type", new StringSchema().description("the code as a URN: urn:cardcoupons:problem:<code>"))
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema().description("the path the request was made to"))
                .addProperty("code", new StringSchema().description("stable; switch on it"))
                .addProperty("correlationId", new StringSchema().description("quote it to support"))
                .addProperty("field", new StringSchema().description("the offending field as a JSON path, header or parameter"))
                .addProperty("errors", new ArraySchema().items(fieldError).description("each invalid field, when several are"))
                .addProperty("service", new StringSchema().description("the service the gateway could not reach"))
                .required(List.of("type", "title", "status", "code", "correlationId"));
    }
}
