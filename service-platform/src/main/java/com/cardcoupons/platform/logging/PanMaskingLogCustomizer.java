package com.cardcoupons.platform.logging;

import com.cardcoupons.model.medium.PanMasker;
import org.springframework.boot.json.JsonWriter;
import org.springframework.boot.logging.structured.StructuredLoggingJsonMembersCustomizer;

/**
 * Masks anything that looks like a card number in every string of every structured log line: message, exception
 * text and stack trace alike. Registered in {@code META-INF/spring.factories}, so it applies from the first line.
 */
public class PanMaskingLogCustomizer implements StructuredLoggingJsonMembersCustomizer<Object> {

    @Override
    public void customize(JsonWriter.Members<Object> members) {
        members.applyingValueProcessor(JsonWriter.ValueProcessor.of(String.class, PanMasker::mask));
    }
}
