package ua.social.identity.hardening;

import org.eclipse.microprofile.config.Config;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Finds the demo secrets and passwords of the local platform in a service's configuration: the client
 * secrets of the demo realm ({@code case-service-secret}, ...), the database passwords {@code <db>-local},
 * the Keycloak bootstrap administrator {@code admin}/{@code admin}, the demo users' {@code demo} and the
 * demo pseudonym key. Only settings whose name speaks of a password, a secret or a key of pseudonyms are
 * looked at, so ordinary values never match.
 */
public final class DemoSecrets {

    /** The setting that lets a local demo run with them: {@code PLATFORM_DEMO_SECRETS_ALLOWED=true}. */
    public static final String ALLOWED = "platform.demo-secrets-allowed";

    static final Set<String> DEMO_VALUES = Set.of("admin", "demo", "case-service-secret", "referral-service-secret",
            "reporting-service-secret", "reporting-local-demo-pseudonym-key");

    private static final Pattern SENSITIVE = Pattern.compile("(?i).*(password|secret|pseudonym[-_.]?key).*");

    private DemoSecrets() {
    }

    /** True when the value is one of the platform's demo secrets or passwords. */
    public static boolean isDemoValue(String value) {
        if (value == null) {
            return false;
        }
        String v = value.trim();
        return DEMO_VALUES.contains(v) || v.endsWith("-local") || v.contains("local-demo");
    }

    /** True when a setting of this name holds a secret or password. */
    public static boolean isSensitive(String name) {
        return SENSITIVE.matcher(name).matches() && !name.equalsIgnoreCase(ALLOWED)
                && !name.replace('_', '.').equalsIgnoreCase(ALLOWED.replace('-', '.'));
    }

    /** The names of the settings (sorted) that hold a demo secret or password. */
    public static List<String> violations(Config config) {
        Set<String> found = new TreeSet<>();
        for (String name : config.getPropertyNames()) {
            if (!isSensitive(name)) {
                continue;
            }
            String value;
            try {
                value = config.getOptionalValue(name, String.class).orElse(null);
            } catch (RuntimeException unresolvable) {
                continue;
            }
            if (isDemoValue(value)) {
                found.add(name);
            }
        }
        return new ArrayList<>(found);
    }

    /**
     * Throws when demo secrets are in effect and not explicitly allowed; the message names every setting.
     */
    public static void check(Config config, boolean allowed) {
        if (allowed) {
            return;
        }
        List<String> names = violations(config);
        if (!names.isEmpty()) {
            throw new IllegalStateException("Refusing to start: demo secrets or passwords are in effect in "
                    + String.join(", ", names) + ". Give each a real value (its environment variable, e.g. "
                    + "CASE_SERVICE_DB_PASSWORD, CASE_SERVICE_CLIENT_SECRET, REPORTING_PSEUDONYM_KEY). Only a local "
                    + "demo may run with them, with " + ALLOWED + "=true (PLATFORM_DEMO_SECRETS_ALLOWED=true).");
        }
    }
}
