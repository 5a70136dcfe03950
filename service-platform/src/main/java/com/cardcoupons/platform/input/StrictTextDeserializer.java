package com.cardcoupons.platform.input;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.std.StdScalarDeserializer;

/**
 * Reads every JSON string of a request through the {@link TextPolicy}, and refuses a number, a boolean, an object or
 * an array where text is expected rather than turning it into text.
 */
final class StrictTextDeserializer extends StdScalarDeserializer<String> {

    StrictTextDeserializer() {
        super(String.class);
    }

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) {
        if (parser.hasToken(JsonToken.VALUE_STRING)) {
            return TextPolicy.accept(parser.getString());
        }
        return (String) context.handleUnexpectedToken(String.class, parser);
    }
}
