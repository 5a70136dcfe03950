package com.cardcoupons.model.schema;

/**
 * The PostgreSQL roles of the shared schema. The owner owns every table and runs the migrations; each service connects
 * as its own role, which the migrations grant writes on the tables the service owns and reads on those it reads, so a
 * service cannot write another's data (docs/architecture.md). Development passwords serve the embedded runs and tests;
 * every other installation sets its own.
 */
public enum DatabaseRole {

    OWNER("coupons_owner"),
    REGISTRATION("coupons_registration"),
    TILL("coupons_till"),
    RELAY("coupons_relay"),
    GATEWAY("coupons_gateway");

    private final String roleName;

    DatabaseRole(String roleName) {
        this.roleName = roleName;
    }

    public String roleName() {
        return roleName;
    }

    /** The password of the embedded runs and the tests; each service's configuration has it as its default. */
    public String developmentPassword() {
        return "dev-only-" + roleName;
    }

    /** The setting {@code platform-roles.sql} reads this role's password from. */
    String passwordSetting() {
        return "coupons." + roleName.substring("coupons_".length()) + "_password";
    }
}
