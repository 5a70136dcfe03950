package com.cardcoupons.registration.merchant;

import com.cardcoupons.model.problem.DomainException;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.util.Locale;
import java.util.Set;

import static com.cardcoupons.registration.merchant.Input.optionalText;
import static com.cardcoupons.registration.merchant.Input.text;

/** A store's postal address; {@code country} is an ISO 3166-1 alpha-2 code such as {@code JP}. */
@Embeddable
public record Address(@Column(name = "address_line1") String line1,
                      @Column(name = "address_line2") String line2,
                      String city,
                      String region,
                      String postalCode,
                      @JdbcTypeCode(SqlTypes.CHAR) String country) {

    private static final Set<String> COUNTRIES = Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2);

    /** The address as given, checked and stripped; {@code field} is where it sat in the request. */
    static Address checked(Address given, String field) {
        Input.required(given, field);
        String country = Input.required(given.country(), field + ".country");
        if (!COUNTRIES.contains(country)) {
            throw DomainException.invalid("UNKNOWN_COUNTRY", field + ".country",
                    "country must be an ISO 3166-1 alpha-2 code such as JP");
        }
        return new Address(text(given.line1(), field + ".line1", 200),
                optionalText(given.line2(), field + ".line2", 200),
                text(given.city(), field + ".city", 100),
                optionalText(given.region(), field + ".region", 100),
                optionalText(given.postalCode(), field + ".postalCode", 20),
                country);
    }
}
