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

    Webhooks webhooks();

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

    /** Partners' webhooks: the consumer of referral events that records deliveries, and the dispatcher that sends them. */
    interface Webhooks {
        /** Consume referral events into deliveries and send them at all. */
        @WithDefault("true")
        boolean enabled();

        /** Consumer group of the referral events topic for webhook deliveries. */
        @WithDefault("referral-service-webhooks")
        String groupId();

        /**
         * Accept {@code http://} endpoints on localhost / 127.0.0.1 (tests run their receiver there). Off by
         * default: every other endpoint must be https.
         */
        @WithDefault("false")
        boolean allowInsecureLocalhost();

        /** Scheduler interval of the dispatcher, e.g. {@code 5s} (read by the {@code @Scheduled} expression). */
        @WithDefault("5s")
        String dispatchEvery();

        /** Deliveries claimed per round of the dispatcher. */
        @WithDefault("50")
        int batchSize();

        @WithDefault("5S")
        Duration connectTimeout();

        /** The receiver must answer within this time, or the attempt failed. */
        @WithDefault("10S")
        Duration requestTimeout();

        Retry retry();

        /** When a failed delivery is tried again, and when the platform gives up. */
        interface Retry {
            /** The wait after the first failed attempt; doubled after each further one. */
            @WithDefault("30S")
            Duration firstBackoff();

            /** The longest wait between two attempts. */
            @WithDefault("2H")
            Duration maxBackoff();

            /**
             * A delivery still failing this long after its first attempt is given up, and its endpoint disabled
             * (at least 24 hours: the platform promises partners a day of retries).
             */
            @WithDefault("24H")
            Duration giveUpAfter();
        }
    }
}
