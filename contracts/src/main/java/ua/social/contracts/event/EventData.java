package ua.social.contracts.event;

/**
 * The data of one event, as a typed record: each record's components are the properties of its JSON
 * Schema in docs/events/, and its constructor refuses what the schema refuses (a missing required
 * value, a malformed territory code, an over-long text) with a {@link ContractViolation}.
 */
public interface EventData {

    /** The CloudEvents type of this event, e.g. {@code ua.social.case.opened}. */
    String eventType();
}
