package com.cardcoupons.registration.acquisition;

import com.cardcoupons.model.medium.CardNumber;
import com.cardcoupons.model.medium.MediumType;
import com.cardcoupons.model.medium.UsageMediumId;
import com.cardcoupons.model.problem.DomainException;
import com.cardcoupons.registration.terms.AcceptedMedia;

/**
 * The compact request of a digital broadcast receiver, whose remote can type little more than digits: the
 * campaign's short code and a card number, or a member number with the loyalty program the receiver is set up for.
 * When the type is left out, it is the one type of the number's family that the campaign accepts (see
 * {@link AcceptedMedia#typeFor}); a campaign accepting both needs the type named.
 */
record BroadcastAcquisition(String campaignCode, MediumType type, CardNumber cardNumber, String program,
                            String memberNumber) {

    BroadcastAcquisition {
        if (campaignCode == null || campaignCode.isBlank()) {
            throw DomainException.invalid("FIELD_REQUIRED", "campaignCode", "campaignCode is required");
        }
        if (cardNumber == null && memberNumber == null) {
            throw DomainException.invalid("CARD_NUMBER_REQUIRED", "cardNumber", "a card number, or a program and member number, is required");
        }
    }

    UsageMediumId medium(AcceptedMedia accepted) {
        MediumType resolved = type != null ? type : accepted.typeFor(cardNumber != null);
        return new UsageMediumId(resolved, cardNumber, program, memberNumber);
    }

    AcquisitionFields fields() {
        return new AcquisitionFields("campaignCode", null, cardNumber != null ? "cardNumber" : "memberNumber");
    }
}
