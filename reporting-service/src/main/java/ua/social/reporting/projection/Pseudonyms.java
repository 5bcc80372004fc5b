package ua.social.reporting.projection;

import jakarta.inject.Singleton;
import jakarta.inject.Inject;
import ua.social.reporting.config.ReportingConfig;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

/**
 * Keyed pseudonyms (HMAC-SHA-256, 128 bits kept) of the ids reporting needs only to tell apart:
 * clients (to count persons once), cases (to follow a case through its events) and case managers
 * (to count them and their caseload). The same id always gives the same pseudonym under one key, so a
 * replay rebuilds identical read models; without the key a pseudonym cannot be linked back to an id.
 */
@Singleton
public class Pseudonyms {

    private final byte[] key;
    /** A Mac per thread, keyed once: looking the algorithm up and keying it per id cost more than hashing. */
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

    @Inject
    public Pseudonyms(ReportingConfig config) {
        this(config.pseudonymKey());
    }

    public Pseudonyms(String key) {
        if (key == null || key.length() < 16) {
            throw new IllegalArgumentException("reporting.pseudonym-key must have at least 16 characters");
        }
        this.key = key.getBytes(StandardCharsets.UTF_8);
    }

    public String client(String clientId) {
        return of("client", clientId);
    }

    public String caseKey(String caseId) {
        return of("case", caseId);
    }

    public String staff(String caseManagerId) {
        return caseManagerId == null ? null : of("staff", caseManagerId);
    }

    private String of(String kind, String id) {
        // doFinal resets the Mac to its key for the next id
        byte[] digest = macs.get().doFinal((kind + ":" + id).getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest, 0, 16);
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
