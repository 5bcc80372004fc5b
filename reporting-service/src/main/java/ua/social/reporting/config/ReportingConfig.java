package ua.social.reporting.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

/** Settings of reporting-service under the {@code reporting.} prefix (see application.properties). */
@ConfigMapping(prefix = "reporting")
public interface ReportingConfig {

    Consumer consumer();

    Suppression suppression();

    Dashboard dashboard();

    Statistics statistics();

    /** The time zone in which an event's instant falls on a day (Ukraine: Europe/Kyiv). */
    @WithDefault("Europe/Kyiv")
    ZoneId zone();

    /**
     * Secret key of the pseudonyms (HMAC-SHA-256) kept instead of client, case and case-manager ids.
     * Changing it needs a replay, so that old and new pseudonyms are not mixed.
     */
    String pseudonymKey();

    /** The longest period one request may cover, in months. */
    @WithDefault("60")
    int maxPeriodMonths();

    interface Consumer {
        /** Off in a deployment that only serves the API from read models another instance maintains. */
        @WithDefault("true")
        boolean enabled();

        /**
         * Prefix of the Kafka consumer group. The group id is the prefix plus a random suffix chosen
         * when the read models are empty (first start, or a replay), so that a fresh database always
         * reads both topics from their beginning.
         */
        @WithDefault("reporting-service")
        String groupPrefix();

        /** How often each instance checks whether a replay moved to a new group, and replays are marked done. */
        @WithDefault("2s")
        Duration syncInterval();

        /**
         * Delete the consumer group when the application stops. Only for tests, whose database (and so
         * whose group) is new on every run; a service keeps its group to resume where it stopped.
         */
        @WithDefault("false")
        boolean deleteGroupOnStop();
    }

    interface Suppression {
        /** k: published counts from 1 to k−1 are withheld (small-cell suppression). */
        @WithDefault("5")
        int minCount();
    }

    /** How statistics answers are computed and kept (see StatisticsCache). */
    interface Statistics {
        /**
         * How long a computed answer is still given after the read models changed: under a steady flow of
         * events every answer would otherwise be computed again, but instances behind one address then
         * answer differently until it passes (each keeps its own). 0 (the default): an answer is never older
         * than the read models.
         */
        @WithDefault("0s")
        Duration maxAge();

        /** Computations from the read models at the same time (each holds the whole country's counts). */
        @WithDefault("2")
        int concurrentComputations();

        /** How long a request waits for its computation before 503 with Retry-After. */
        @WithDefault("20s")
        Duration waitLimit();

        /** Results kept (counts of a request, counts and pattern of a period and group), least recently used out. */
        @WithDefault("64")
        int cachedResults();

        /**
         * How a quarter's and a year's answers are protected against their months' (docs/adr/0011, "Nested
         * periods"). {@code months} (the default): a count that adds up over time is withheld in a quarter or
         * year wherever one of its months withholds it, so every published figure of the period is a sum of its
         * months' published figures; this holds against every combination of periods but withholds a period's
         * figure whenever one month withholds it. {@code own}: each period on its own, which publishes more of
         * a quarter's and a year's figures but lets a quarter minus its months reveal a small count.
         */
        @WithDefault("months")
        NestedPeriods nestedPeriods();
    }

    /** See {@link Statistics#nestedPeriods()}. */
    enum NestedPeriods {
        /** Each period protected on its own: a quarter minus its months can reveal a small count. */
        OWN,
        /** A quarter's and a year's counts that add up over time are decided by its months. */
        MONTHS
    }

    interface Dashboard {
        /** Keycloak as the user's browser reaches it. */
        String keycloakUrl();

        @WithDefault("social-services")
        String realm();

        @WithDefault("ministry-dashboard")
        String clientId();
    }
}
