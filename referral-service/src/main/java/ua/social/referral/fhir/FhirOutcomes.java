package ua.social.referral.fhir;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.OperationOutcome;
import ua.social.identity.problem.Problem;

/** A problem (the platform's error) as the FHIR OperationOutcome a FHIR client expects, with the same status. */
public final class FhirOutcomes {

    private FhirOutcomes() {
    }

    public static OperationOutcome of(Problem p) {
        OperationOutcome o = new OperationOutcome();
        OperationOutcome.IssueType code = issueType(p.status);
        String details = p.title + (p.type != null ? " (" + p.type + ")" : "");
        if (p.errors != null && !p.errors.isEmpty()) {
            for (Problem.FieldError e : p.errors) {
                o.addIssue().setSeverity(OperationOutcome.IssueSeverity.ERROR).setCode(code)
                        .setDetails(new CodeableConcept().setText(details))
                        .setDiagnostics(e.field() + ": " + e.message()).addExpression(e.field());
            }
        } else {
            o.addIssue().setSeverity(p.status >= 500 ? OperationOutcome.IssueSeverity.FATAL : OperationOutcome.IssueSeverity.ERROR)
                    .setCode(code).setDetails(new CodeableConcept().setText(details)).setDiagnostics(p.detail);
        }
        return o;
    }

    static OperationOutcome.IssueType issueType(int status) {
        return switch (status) {
            case 400, 422 -> OperationOutcome.IssueType.INVALID;
            case 401 -> OperationOutcome.IssueType.LOGIN;
            case 403 -> OperationOutcome.IssueType.FORBIDDEN;
            case 404 -> OperationOutcome.IssueType.NOTFOUND;
            case 405, 406, 415 -> OperationOutcome.IssueType.NOTSUPPORTED;
            case 409, 412 -> OperationOutcome.IssueType.CONFLICT;
            case 429 -> OperationOutcome.IssueType.THROTTLED;
            case 503 -> OperationOutcome.IssueType.TRANSIENT;
            default -> status >= 500 ? OperationOutcome.IssueType.EXCEPTION : OperationOutcome.IssueType.PROCESSING;
        };
    }
}
