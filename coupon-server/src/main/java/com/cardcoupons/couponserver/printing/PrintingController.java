package com.cardcoupons.couponserver.printing;

import com.cardcoupons.couponserver.coupon.Coupon;
import com.cardcoupons.couponserver.coupon.CouponTerms;
import com.cardcoupons.couponserver.coupon.CouponsAtTheTill;
import com.cardcoupons.model.problem.DomainException;
import com.cardcoupons.platform.apidocs.Refuses;
import com.cardcoupons.platform.identity.CallerIdentity;
import com.cardcoupons.platform.identity.PermittedRoles;
import com.cardcoupons.platform.identity.Role;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Pattern;

/** The terminal prints coupons (claims 5, 6, 15 and 16): barcode images, and slips for thermal receipt printers. */
@RestController
@RequestMapping("/api/v1/printing")
@PermittedRoles(Role.TERMINAL)
@Refuses(status = 400, codes = {"INVALID_COUPON_CODE", "UNSUPPORTED_FORMAT"})
@Refuses(status = 404, codes = "COUPON_NOT_FOUND")
@Refuses(status = 422, codes = {"COUPON_NOT_PRINTABLE", "BARCODE_TOO_WIDE"})
class PrintingController {

    private static final Pattern COUPON_CODE = Pattern.compile("[A-Z2-9]{16,32}");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final CouponsAtTheTill coupons;
    private final Merchants merchants;
    private final Clock clock;

    PrintingController(CouponsAtTheTill coupons, Merchants merchants, Clock clock) {
        this.coupons = coupons;
        this.merchants = merchants;
        this.clock = clock;
    }

    /** A coupon code as a barcode image; {@code scale} is pixels per module (default 2 for Code 128, 8 for QR). */
    @GetMapping("/barcodes/{code}")
    ResponseEntity<byte[]> barcode(@PathVariable String code,
            @RequestParam(defaultValue = "CODE_128") Symbology symbology,
            @RequestParam(defaultValue = "PNG") ImageFormat format,
            @RequestParam(required = false) @Min(1) @Max(20) Integer scale) {
        if (format == ImageFormat.PDF) {
            throw DomainException.invalid("UNSUPPORTED_FORMAT", "format", "a barcode is PNG or SVG; a slip is PDF or PNG");
        }
        Barcode barcode = Barcode.encode(normalized(code), symbology);
        int pixelsPerModule = scale != null ? scale : barcode.linear() ? 2 : 8;
        byte[] body = format == ImageFormat.PNG ? barcode.png(pixelsPerModule)
                : barcode.svg(pixelsPerModule).getBytes(StandardCharsets.UTF_8);
        return ResponseEntity.ok().contentType(format.mediaType())
                .cacheControl(CacheControl.maxAge(Duration.ofDays(1)).cachePrivate())
                .body(body);
    }

    /**
     * A slip for a coupon usable at the caller's merchant, as PDF or as a one-dot-per-pixel PNG. Without a
     * symbology, Code 128 is printed when it fits the paper and QR when it does not.
     */
    @GetMapping("/slips/{code}")
    ResponseEntity<byte[]> slip(@PathVariable String code,
            @RequestParam(defaultValue = "MM_80") Paper paper,
            @RequestParam(defaultValue = "PDF") ImageFormat format,
            @RequestParam(required = false) Symbology symbology,
            CallerIdentity caller) {
        if (format == ImageFormat.SVG) {
            throw DomainException.invalid("UNSUPPORTED_FORMAT", "format", "a slip is PDF or PNG");
        }
        Instant now = clock.instant();
        Coupon coupon = coupons.withCode(normalized(code), now)
                .filter(found -> found.terms().usableAtMerchant(caller.merchantId()))
                .orElseThrow(() -> DomainException.notFound("COUPON_NOT_FOUND", "no such coupon for this merchant"));
        Slip slip = Slip.of(content(coupon, now), paper, symbology);
        return ResponseEntity.ok().contentType(format.mediaType())
                .cacheControl(CacheControl.noStore())
                .header("X-Barcode-Symbology", slip.symbology().name())
                .body(format == ImageFormat.PDF ? slip.pdf() : slip.png());
    }

    private SlipContent content(Coupon coupon, Instant now) {
        CouponTerms terms = coupon.terms();
        Instant until = coupon.expiresAt().isBefore(terms.validUntil()) ? coupon.expiresAt() : terms.validUntil();
        if (coupon.cancelled() || !now.isBefore(until)) {
            throw new DomainException(DomainException.Kind.UNPROCESSABLE, "COUPON_NOT_PRINTABLE", "code",
                    "a cancelled or expired coupon is not printed");
        }
        return new SlipContent(merchants.nameOf(terms.merchantId()), terms.title(), terms.offer(),
                WHEN.format(until.atZone(terms.timeZone())) + " (" + terms.timeZone().getId() + ")",
                coupon.code(), coupon.usesLeft(), coupon.usesAllowed());
    }

    /** Codes may be keyed in with spaces or dashes between groups, and in lower case. */
    private static String normalized(String code) {
        String normalized = code.replace(" ", "").replace("-", "").toUpperCase(Locale.ROOT);
        if (!COUPON_CODE.matcher(normalized).matches()) {
            throw DomainException.invalid("INVALID_COUPON_CODE", "code",
                    "a coupon code is 16 to 32 characters of A-Z and 2-9");
        }
        return normalized;
    }
}
