package ua.social.contracts.testing;

import ua.social.contracts.event.Topics;

/**
 * The event topics of this test run: {@code test-<run>.case.events} and {@code test-<run>.referral.events},
 * set by the build (parent pom, surefire) for the services under test and for the tests alike, so a test
 * run never reads or writes a running platform's topics. Outside the build, the deployment's names.
 */
public final class TestTopics {

    private TestTopics() {
    }

    public static String caseEvents() {
        return System.getProperty("platform.topics.case-events", Topics.CASE_EVENTS);
    }

    public static String referralEvents() {
        return System.getProperty("platform.topics.referral-events", Topics.REFERRAL_EVENTS);
    }
}
