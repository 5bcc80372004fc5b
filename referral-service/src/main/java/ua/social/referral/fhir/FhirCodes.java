package ua.social.referral.fhir;

/** The code systems and identifiers the platform defines for its FHIR resources. */
public final class FhirCodes {

    private FhirCodes() {
    }

    /** Base of the platform's own FHIR definitions. */
    public static final String BASE = "https://social-services.example.ua/fhir/";
    /** The nine ministry service categories (contracts' ServiceCategory), code = the enum name. */
    public static final String SERVICE_CATEGORY = BASE + "CodeSystem/service-category";
    /** Task.businessStatus codes: {@code overdue} (the partner's response deadline passed). */
    public static final String BUSINESS_STATUS = BASE + "CodeSystem/referral-business-status";
    public static final String OVERDUE = "overdue";
    /** HL7's Task codes: {@code fulfill} — the owner is asked to fulfil the focal ServiceRequest. */
    public static final String TASK_CODE = "http://hl7.org/fhir/CodeSystem/task-code";
}
