package com.cardcoupons.registration.approval;

/** Why an approver suspends, resumes or ends a campaign. */
record Reason(String reason) {

    static String of(Reason body) {
        return body == null ? null : body.reason();
    }
}
