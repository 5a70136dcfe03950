package com.cardcoupons.platform.apidocs;

import com.cardcoupons.model.medium.CardNumber;
import com.cardcoupons.model.medium.UsageMediumId;
import com.cardcoupons.model.money.Money;
import com.cardcoupons.platform.idempotency.Idempotent;
import jakarta.validation.Constraint;
import jakarta.validation.Valid;
import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ValueConstants;
import org.springframework.web.method.HandlerMethod;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.RecordComponent;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Every refusal one handler can answer with, by status: those the platform adds to any handler of its kind, those
 * its request body's values carry, and those the handler declares ({@link Refuses}). The same codes the platform
 * answers with at run time, from the same facts: an API handler checks the gateway's identity and its roles; a body
 * is read strictly and, when {@code @Valid}, validated; a retryable call needs its key.
 */
final class OperationRefusals {

    /** Codes of the value types that read and check themselves, wherever they are in a body. */
    private static final Map<Class<?>, List<String>> VALUE_CODES = Map.of(
            Money.class, List.of("AMOUNT_REQUIRED", "NEGATIVE_AMOUNT", "AMOUNT_TOO_LARGE", "CURRENCY_REQUIRED", "UNKNOWN_CURRENCY"),
            Currency.class, List.of("CURRENCY_REQUIRED", "UNKNOWN_CURRENCY"),
            CardNumber.class, List.of("CARD_NUMBER_REQUIRED", "INVALID_CARD_NUMBER", "CARD_NUMBER_FAILS_LUHN"),
            UsageMediumId.class, List.of("MEDIUM_TYPE_REQUIRED", "CARD_NUMBER_REQUIRED", "UNEXPECTED_MEMBER_NUMBER",
                    "UNEXPECTED_CARD_NUMBER", "INVALID_PROGRAM", "INVALID_MEMBER_NUMBER"));

    private final SortedMap<Integer, Set<String>> codes = new TreeMap<>();

    private OperationRefusals() {
    }

    /** {@code behindTheGateway}: the service checks the gateway's identity and the caller's role on every API call. */
    static SortedMap<Integer, Set<String>> of(HandlerMethod handler, boolean behindTheGateway) {
        OperationRefusals refusals = new OperationRefusals();
        refusals.platform(handler, behindTheGateway);
        for (MethodParameter parameter : handler.getMethodParameters()) {
            refusals.parameter(parameter);
        }
        refusals.declared(handler.getBeanType());
        refusals.declared(handler.getMethod());
        return refusals.codes;
    }

    private void platform(HandlerMethod handler, boolean behindTheGateway) {
        add(400, "MALFORMED_REQUEST", "MALFORMED_QUERY", "DUPLICATE_PARAMETER", "INVALID_TEXT", "TOO_LONG", "NON_CANONICAL_PATH");
        add(406, "NOT_ACCEPTABLE");
        add(500, "INTERNAL_ERROR");
        if (behindTheGateway) {
            // every API handler: a handler that names no roles is closed to all (PermittedRoles)
            add(401, "GATEWAY_IDENTITY_MISSING", "GATEWAY_IDENTITY_INVALID");
            add(403, "ROLE_NOT_PERMITTED");
        }
        Idempotent idempotent = handler.getMethodAnnotation(Idempotent.class);
        if (idempotent != null) {
            add(400, "IDEMPOTENCY_KEY_REQUIRED", "INVALID_IDEMPOTENCY_KEY");
            add(409, "IDEMPOTENT_REQUEST_IN_PROGRESS");
            add(413, "PAYLOAD_TOO_LARGE");
            add(422, "IDEMPOTENCY_KEY_REUSED");
        }
        if (mutating(handler)) {
            // what a write can run into in the database: a constraint another request got to first, a lost lock
            add(409, "DATA_CONFLICT", "CONCURRENT_UPDATE");
        }
    }

    private void parameter(MethodParameter parameter) {
        RequestBody body = parameter.getParameterAnnotation(RequestBody.class);
        if (body != null) {
            add(400, "MALFORMED_JSON", "INVALID_FORMAT", "FIELD_REQUIRED", "UNKNOWN_FIELD");
            if (body.required()) {
                add(400, "BODY_REQUIRED");
            }
            add(415, "UNSUPPORTED_MEDIA_TYPE");
            boolean validated = parameter.hasParameterAnnotation(Valid.class);
            values(parameter.getParameter().getAnnotatedType(), validated, new HashSet<>());
        }
        RequestParam query = parameter.getParameterAnnotation(RequestParam.class);
        if (query != null || parameter.hasParameterAnnotation(PathVariable.class)) {
            add(400, "INVALID_PARAMETER");
            constraints(parameter.getParameter());
        }
        if (query != null && query.required() && query.defaultValue().equals(ValueConstants.DEFAULT_NONE)) {
            add(400, "PARAMETER_REQUIRED");
        }
        RequestHeader header = parameter.getParameterAnnotation(RequestHeader.class);
        if (header != null && header.required()) {
            add(400, "HEADER_REQUIRED");
        }
    }

    /**
     * The codes a value of {@code type} can be refused with as it is read, and, when {@code validated}, by the
     * constraints on it; its own fields are validated in turn where it cascades ({@code @Valid}).
     */
    private void values(AnnotatedType type, boolean validated, Set<Class<?>> seen) {
        if (validated) {
            constraints(type);
        }
        if (type instanceof AnnotatedParameterizedType parameterized) {
            for (AnnotatedType argument : parameterized.getAnnotatedActualTypeArguments()) {
                values(argument, validated, seen);
            }
        }
        if (!(type.getType() instanceof Class<?> raw)) {
            return;
        }
        List<String> valueCodes = VALUE_CODES.get(raw);
        if (valueCodes != null) {
            add(400, valueCodes.toArray(String[]::new));
        }
        if (raw.isRecord() && seen.add(raw)) {
            for (RecordComponent component : raw.getRecordComponents()) {
                if (validated) {
                    constraints(component.getAnnotatedType());
                    constraints(component.getAccessor());
                }
                values(component.getAnnotatedType(), validated && cascades(component), seen);
            }
        }
    }

    private static boolean cascades(RecordComponent component) {
        return component.getAnnotatedType().isAnnotationPresent(Valid.class) || component.isAnnotationPresent(Valid.class)
                || component.getAccessor().isAnnotationPresent(Valid.class) || isContainerOfValues(component);
    }

    /** A list of values is validated element by element when its elements carry constraints. */
    private static boolean isContainerOfValues(RecordComponent component) {
        return component.getAnnotatedType() instanceof AnnotatedParameterizedType;
    }

    /** Bean Validation's constraints answer with the constraint's name as a code: {@code NotNull} is {@code NOT_NULL}. */
    private void constraints(AnnotatedElement element) {
        for (Annotation annotation : element.getAnnotations()) {
            if (annotation.annotationType().isAnnotationPresent(Constraint.class)) {
                add(400, annotation.annotationType().getSimpleName().replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT));
            }
        }
    }

    private void declared(AnnotatedElement element) {
        for (Refuses refuses : AnnotatedElementUtils.findMergedRepeatableAnnotations(element, Refuses.class, Refuses.All.class)) {
            add(refuses.status(), refuses.codes());
        }
    }

    private static boolean mutating(HandlerMethod handler) {
        RequestMapping mapping = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), RequestMapping.class);
        return mapping != null && Set.of(mapping.method()).stream()
                .anyMatch(method -> method == RequestMethod.POST || method == RequestMethod.PUT
                        || method == RequestMethod.PATCH || method == RequestMethod.DELETE);
    }

    private void add(int status, String... added) {
        codes.computeIfAbsent(status, ignored -> new TreeSet<>()).addAll(List.of(added));
    }
}
