package ua.social.contracts.event;

/** An event's data breaks its contract (docs/events/&lt;type&gt;.schema.json); the message names the field. */
public class ContractViolation extends IllegalArgumentException {

    public ContractViolation(String message) {
        super(message);
    }

    public ContractViolation(String message, Throwable cause) {
        super(message, cause);
    }
}
