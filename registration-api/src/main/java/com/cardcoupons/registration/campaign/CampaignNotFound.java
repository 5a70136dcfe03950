package com.cardcoupons.registration.campaign;

import com.cardcoupons.model.problem.DomainException;

/** No campaign has the id or short code asked for. */
public class CampaignNotFound extends DomainException {

    public CampaignNotFound(String field) {
        super(Kind.NOT_FOUND, "CAMPAIGN_NOT_FOUND", field, "no such campaign");
    }
}
