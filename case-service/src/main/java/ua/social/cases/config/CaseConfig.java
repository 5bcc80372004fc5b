package ua.social.cases.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Settings of case-service under the {@code case.} prefix (see application.properties). */
@ConfigMapping(prefix = "case")
public interface CaseConfig {

    StaffDirectory staffDirectory();

    ReferralEvents referralEvents();

    Imports imports();

    /** Imports of historical records (POST /imports, docs/import.md). */
    interface Imports {
        /** Lines per transaction. */
        @WithDefault("500")
        int chunkSize();

        /** Lines of one file at most (more is 413). */
        @WithDefault("200000")
        int maxLines();
    }

    /** How case-service follows referral-service: the consumer group it reads referral.events with. */
    interface ReferralEvents {
        @WithDefault("case-service")
        String consumerGroup();
    }

    /** Where case managers are looked up: the realm's admin API, with case-service's own service account. */
    interface StaffDirectory {
        String keycloakUrl();

        @WithDefault("social-services")
        String realm();

        @WithDefault("case-service")
        String clientId();

        String clientSecret();

        /** How long a looked-up staff member is remembered. */
        @WithDefault("2M")
        Duration cacheFor();
    }
}
