package ua.social.identity.testing;

/**
 * The demo accounts of the {@code social-services} realm (identity/realm/social-services-realm.json).
 * Demo only: every password is {@value #PASSWORD}.
 */
public final class DemoUsers {
    public static final String PASSWORD = "demo";

    /** Poltava oblast, Poltava city community. */
    public static final String POLTAVA_OBLAST = "UA-53";
    public static final String POLTAVA_HROMADA = "UA53080370000025447";
    /** The Poltava city community as the KATOTTG codifier has it: the demo realm's {@link #POLTAVA_HROMADA}. */
    public static final String POLTAVA_CITY_COMMUNITY = "UA53080370000025447";
    public static final String INTAKE_POLTAVA = "intake.poltava";
    public static final String MANAGER1_POLTAVA = "manager1.poltava";
    public static final String MANAGER2_POLTAVA = "manager2.poltava";
    public static final String SUPERVISOR_POLTAVA = "supervisor.poltava";

    /** Vinnytsia oblast, Vinnytsia city community. */
    public static final String VINNYTSIA_OBLAST = "UA-05";
    public static final String VINNYTSIA_HROMADA = "UA05020030000031457";
    public static final String INTAKE_VINNYTSIA = "intake.vinnytsia";
    public static final String MANAGER1_VINNYTSIA = "manager1.vinnytsia";
    public static final String MANAGER2_VINNYTSIA = "manager2.vinnytsia";
    public static final String SUPERVISOR_VINNYTSIA = "supervisor.vinnytsia";

    public static final String ANALYST = "analyst.ministry";
    public static final String ADMIN = "admin.platform";

    private DemoUsers() {
    }
}
