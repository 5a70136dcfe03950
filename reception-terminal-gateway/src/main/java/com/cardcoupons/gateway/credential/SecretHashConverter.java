package com.cardcoupons.gateway.credential;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a {@link SecretHash} as its 32 bytes ({@code bytea}). */
@Converter
class SecretHashConverter implements AttributeConverter<SecretHash, byte[]> {

    @Override
    public byte[] convertToDatabaseColumn(SecretHash hash) {
        return hash == null ? null : hash.bytes();
    }

    @Override
    public SecretHash convertToEntityAttribute(byte[] bytes) {
        return bytes == null ? null : new SecretHash(bytes);
    }
}
