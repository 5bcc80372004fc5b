package ua.social.referral.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Settings of referral-service under the {@code referral.} prefix (see application.properties). */
@ConfigMapping(prefix = "referral")
public interface ReferralConfig {

    ApiKeys apiKeys();

    ResponseDeadlines responseDeadlines();

    OverdueCheck overdueCheck();

    CaseEvents caseEvents();

    /** Partner API keys. */
    interface ApiKeys {
        RateLimit rateLimit();

        /** How long the old key keeps working after a rotation. */
        @WithDefault("24H")
        Duration rotationGrace();

        /** Requests one key may make per window; over it the partner gets 429 with Retry-After. */
        interface RateLimit {
            @WithDefault("120")
            int requests();

            @WithDefault("1M")
            Duration window();
        }
    }

    /** How long a partner has to accept or reject a referral, by urgency, counted from requestedAt. */
    interface ResponseDeadlines {
        @WithDefault("120H")
        Duration routine();

        @WithDefault("48H")
        Duration urgent();

        @WithDefault("4H")
        Duration emergency();
    }

    /** The scheduled check that flags referrals past their response deadline. */
    interface OverdueCheck {
        /** Scheduler interval, e.g. {@code 1m} (read by the {@code @Scheduled} expression). */
        @WithDefault("1m")
        String every();
    }

    /** The consumer of case.events that feeds the local case projection. */
    interface CaseEvents {
        @WithDefault("true")
        boolean enabled();

        @WithDefault("referral-service")
        String groupId();
    }
}
