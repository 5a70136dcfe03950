package com.cardcoupons.registration.terms;

import com.cardcoupons.model.medium.CardBrand;
import com.cardcoupons.model.medium.MediumType;
import com.cardcoupons.model.problem.DomainException;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static com.cardcoupons.registration.terms.Checks.list;

/**
 * The usage media a campaign's coupons can be acquired on and used with (claims 7 and 17), with credit and debit
 * cards optionally narrowed to some card brands. No brands means every brand.
 */
@Embeddable
public record AcceptedMedia(@JdbcTypeCode(SqlTypes.ARRAY) @Enumerated(EnumType.STRING) Set<MediumType> types,
                            @JdbcTypeCode(SqlTypes.ARRAY) @Enumerated(EnumType.STRING) Set<CardBrand> brands) {

    public AcceptedMedia {
        types = Collections.unmodifiableSet(copy(types, MediumType.class));
        brands = Collections.unmodifiableSet(copy(brands, CardBrand.class));
        if (types.isEmpty()) {
            throw DomainException.invalid("FIELD_REQUIRED", "acceptedMedia", "at least one accepted medium is required");
        }
        if (brands.contains(CardBrand.UNKNOWN)) {
            throw DomainException.invalid("INVALID_CARD_BRAND", "acceptedBrands", "UNKNOWN is not a card brand");
        }
        if (!brands.isEmpty() && types.stream().noneMatch(MediumType::isPaymentCard)) {
            throw DomainException.invalid("BRANDS_WITHOUT_PAYMENT_CARD", "acceptedBrands",
                    "card brands narrow CREDIT and DEBIT cards, and neither is accepted");
        }
    }

    /** From the request's lists, naming a repeated or missing element by its index. */
    public static AcceptedMedia of(List<MediumType> types, List<CardBrand> brands) {
        return new AcceptedMedia(Set.copyOf(list(types, "acceptedMedia", 4, (type, at) -> { })),
                Set.copyOf(list(brands, "acceptedBrands", CardBrand.values().length, (brand, at) -> { })));
    }

    /** Refuses a medium of a type or brand the campaign does not accept; fields name the medium's parts. */
    public void requireAccepted(MediumType type, CardBrand brand) {
        if (!types.contains(type)) {
            throw new DomainException(DomainException.Kind.UNPROCESSABLE, "MEDIUM_NOT_ACCEPTED", "type",
                    "this campaign does not accept " + type + " cards; it accepts " + types);
        }
        if (type.isPaymentCard() && !brands.isEmpty() && !brands.contains(brand)) {
            throw new DomainException(DomainException.Kind.UNPROCESSABLE, "CARD_BRAND_NOT_ACCEPTED", "cardNumber",
                    "this campaign accepts only " + brands + " cards");
        }
    }

    /**
     * The type to take a medium for when the caller could only type its number (a TV remote): the one type of its
     * family (CREDIT and DEBIT for a card number, POINT and MILEAGE for a member number) that the campaign accepts.
     * When the campaign accepts both of the family, the number alone cannot say which it is (a SKYMILES member number
     * is a mileage card, not a point card), and the caller must name the type.
     */
    public MediumType typeFor(boolean paymentCard) {
        List<MediumType> candidates = types.stream().filter(type -> type.isPaymentCard() == paymentCard).toList();
        if (candidates.isEmpty()) {
            throw new DomainException(DomainException.Kind.UNPROCESSABLE, "MEDIUM_NOT_ACCEPTED",
                    paymentCard ? "cardNumber" : "memberNumber", "this campaign accepts only " + types + " cards");
        }
        if (candidates.size() > 1) {
            throw DomainException.invalid("MEDIUM_TYPE_REQUIRED", "type",
                    "this campaign accepts both " + candidates.get(0) + " and " + candidates.get(1) + " cards: name the type");
        }
        return candidates.get(0);
    }

    private static <E extends Enum<E>> Set<E> copy(Set<E> values, Class<E> type) {
        EnumSet<E> copy = EnumSet.noneOf(type);
        if (values != null) {
            copy.addAll(values);
        }
        return copy;
    }
}
