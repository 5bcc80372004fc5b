package ua.social.contracts.code;

/**
 * Where a referral stands ({@code status} of the referral events), aligned with the HL7 FHIR
 * {@code Task.status} codes ({@link #fhirCode()}). Which side may move a referral from one status to another is
 * referral-service's rule (its state machine), not part of the contract.
 */
public enum ReferralStatus implements Labelled {
    /** Drafted by the case manager, not yet sent; the partner does not see it. Never counted. */
    DRAFT("Чернетка", "Draft"),
    /** Sent to the partner; the response deadline runs. */
    REQUESTED("Очікує відповіді", "Requested"),
    ACCEPTED("Прийнято", "Accepted"),
    REJECTED("Відхилено", "Rejected"),
    CANCELLED("Скасовано", "Cancelled"),
    IN_PROGRESS("У роботі", "In progress"),
    ON_HOLD("Призупинено", "On hold"),
    COMPLETED("Виконано", "Completed"),
    FAILED("Не вдалося виконати", "Failed"),
    /**
     * The referring side recorded it in error (wrong client, wrong partner, a duplicate): it should never
     * have existed and counts nowhere. Possible from any other status; final. FHIR {@code entered-in-error}.
     */
    ENTERED_IN_ERROR("Внесено помилково", "Entered in error");

    /** The CloudEvents type prefix of every referral event. */
    public static final String TYPE_PREFIX = "ua.social.referral.";

    private final String uk;
    private final String en;

    ReferralStatus(String uk, String en) {
        this.uk = uk;
        this.en = en;
    }

    @Override
    public String uk() {
        return uk;
    }

    @Override
    public String en() {
        return en;
    }

    /** REJECTED, CANCELLED, COMPLETED, FAILED and ENTERED_IN_ERROR end a referral. */
    public boolean isFinal() {
        return this == REJECTED || this == CANCELLED || this == COMPLETED || this == FAILED || this == ENTERED_IN_ERROR;
    }

    /** The HL7 FHIR R4 {@code Task.status} code of this status (DRAFT is draft, IN_PROGRESS in-progress, …). */
    public String fhirCode() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /** The CloudEvents type of the event a move into this status emits, e.g. ua.social.referral.in-progress. */
    public String eventType() {
        return TYPE_PREFIX + (this == DRAFT ? "created" : name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
    }
}
