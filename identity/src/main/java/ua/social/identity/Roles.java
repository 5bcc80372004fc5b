package ua.social.identity;

import java.util.List;

/** Realm roles of the {@code social-services} realm. The names are part of the platform contract. */
public final class Roles {
    /** Front office (фронт-офіс): registers clients, appeals and opens cases in their own community. */
    public static final String INTAKE_OFFICER = "intake-officer";
    /** Case manager (кейс-менеджер): works the cases assigned to them or where they are a team member. */
    public static final String CASE_MANAGER = "case-manager";
    /** Supervisor (супервізор): everything in their own community, overrides with a written reason. */
    public static final String SUPERVISOR = "supervisor";
    /** Ministry or regional analyst: statistics only, never personal data. */
    public static final String MINISTRY_ANALYST = "ministry-analyst";
    /** Operator of the platform: partner directory, API keys, replays. */
    public static final String PLATFORM_ADMIN = "platform-admin";
    /** Role given to a partner organisation authenticated by its API key (not a realm role). */
    public static final String PARTNER = "partner";

    public static final List<String> REALM_ROLES =
            List.of(INTAKE_OFFICER, CASE_MANAGER, SUPERVISOR, MINISTRY_ANALYST, PLATFORM_ADMIN);

    private Roles() {
    }
}
