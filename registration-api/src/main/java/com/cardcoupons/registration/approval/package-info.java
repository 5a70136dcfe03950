/** The approvers' decisions on campaigns: approve or reject a version, suspend, resume and end a campaign. */
package com.cardcoupons.registration.approval;
