package ua.social.contracts.event;

/**
 * The default names of the two event topics. Services read the names they use from configuration
 * ({@code platform.topics.case-events}, {@code platform.topics.referral-events}), so a test run can use
 * its own topics beside a running platform; these are the names of a deployment.
 */
public final class Topics {

    public static final String CASE_EVENTS = "case.events";
    public static final String REFERRAL_EVENTS = "referral.events";
    /** Suffix of a topic's dead-letter topic. */
    public static final String DEAD_LETTER_SUFFIX = ".dlt";

    private Topics() {
    }
}
