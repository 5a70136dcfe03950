package com.cardcoupons.platform.input;

import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.cfg.MapperBuilder;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

import java.util.List;

/**
 * How every service reads JSON: a value is read only from its own JSON type, never coerced. An integer field takes
 * a JSON integer (not {@code 1000.9}, {@code 1e3}, {@code "1000"} or {@code true}); a text field a JSON string; a
 * boolean {@code true} or {@code false}; an enum its name (not its index). A key given twice, a primitive given
 * {@code null} and anything after the document are refused too, and every string passes the {@link TextPolicy}.
 * Each refusal is a Jackson error that names the field, answered as {@code INVALID_FORMAT}.
 */
public final class StrictJson {

    private static final CoercionInputShape[] SCALARS = {CoercionInputShape.Integer, CoercionInputShape.Float,
            CoercionInputShape.Boolean, CoercionInputShape.String, CoercionInputShape.EmptyString};

    private StrictJson() {
    }

    public static <B extends MapperBuilder<?, B>> B configure(B builder) {
        builder.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION);
        onlyFrom(builder, LogicalType.Integer, CoercionInputShape.Integer);
        onlyFrom(builder, LogicalType.Float, CoercionInputShape.Integer, CoercionInputShape.Float);
        onlyFrom(builder, LogicalType.Boolean, CoercionInputShape.Boolean);
        onlyFrom(builder, LogicalType.Textual, CoercionInputShape.String);
        onlyFrom(builder, LogicalType.Enum, CoercionInputShape.String);
        onlyFrom(builder, LogicalType.DateTime, CoercionInputShape.String);
        SimpleModule text = new SimpleModule("strict-text");
        text.addDeserializer(String.class, new StrictTextDeserializer());
        text.setDeserializerModifier(new TimeFromTextOnly());
        return builder.addModule(text);
    }

    /** Refuses every scalar shape but the given ones for values of {@code type}. */
    private static void onlyFrom(MapperBuilder<?, ?> builder, LogicalType type, CoercionInputShape... accepted) {
        builder.withCoercionConfig(type, config -> {
            for (CoercionInputShape shape : SCALARS) {
                if (!List.of(accepted).contains(shape)) {
                    config.setCoercion(shape, CoercionAction.Fail);
                }
            }
        });
    }
}
