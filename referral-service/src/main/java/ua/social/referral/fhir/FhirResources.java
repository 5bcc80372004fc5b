package ua.social.referral.fhir;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Task;
import ua.social.contracts.code.ReferralStatus;
import ua.social.contracts.code.ServiceCategory;
import ua.social.referral.partner.Partner;
import ua.social.referral.partner.PartnerService;
import ua.social.referral.referral.Referral;
import ua.social.referral.referral.ReferralMoves;
import ua.social.referral.referral.Urgency;

import java.time.OffsetDateTime;
import java.util.Date;

/**
 * A referral as FHIR R4 resources, after the HL7 SDOH Clinical Care referral workflow: the {@link Task}
 * the partner (its owner) works, and the {@link ServiceRequest} it fulfils (its focus). The Task carries
 * no personal data; the ServiceRequest carries at most the client data the partner API shows, in a
 * contained Patient, and only when the caller may see it.
 */
public final class FhirResources {

    private FhirResources() {
    }

    public static String taskUrl(Referral r) {
        return "Task/" + r.id;
    }

    public static String serviceRequestUrl(Referral r) {
        return "ServiceRequest/" + r.id;
    }

    public static Reference organization(Partner p) {
        return new Reference("Organization/" + p.id).setDisplay(p.name);
    }

    /** The Task of the referral: its status, business status (overdue), owner and focus. */
    public static Task task(Referral r, Partner partner) {
        Task t = new Task();
        t.setId(r.id.toString());
        t.getMeta().setVersionId(Long.toString(r.version)).setLastUpdated(date(r.updatedAt));
        t.setStatus(Task.TaskStatus.fromCode(r.status.fhirCode()));
        if (r.statusReason != null && ReferralMoves.takesReason(r.status)) {
            t.setStatusReason(new CodeableConcept().setText(r.statusReason));
        }
        if (r.overdue()) {
            t.setBusinessStatus(new CodeableConcept(new Coding(FhirCodes.BUSINESS_STATUS, FhirCodes.OVERDUE,
                    "Response overdue")).setText("Відповідь прострочено"));
        }
        t.setIntent(Task.TaskIntent.ORDER);
        t.setPriority(switch (r.urgency) {
            case ROUTINE -> Task.TaskPriority.ROUTINE;
            case URGENT -> Task.TaskPriority.URGENT;
            case EMERGENCY -> Task.TaskPriority.STAT;
        });
        t.setCode(new CodeableConcept(new Coding(FhirCodes.TASK_CODE, "fulfill", "Fulfill the focal request")));
        t.setFocus(new Reference(serviceRequestUrl(r)));
        t.setFor(new Reference().setDisplay("The client of " + serviceRequestUrl(r)));
        t.setAuthoredOn(date(r.createdAt));
        t.setLastModified(date(r.updatedAt));
        t.setRequester(new Reference().setDisplay(r.createdBy));
        t.setOwner(organization(partner));
        if (r.responseDueAt != null && r.status == ReferralStatus.REQUESTED) {
            t.getRestriction().getPeriod().setEndElement(new org.hl7.fhir.r4.model.DateTimeType(date(r.responseDueAt)));
        }
        if (r.status == ReferralStatus.COMPLETED && r.outcome != null) {
            t.addOutput().setType(new CodeableConcept().setText("outcome")).setValue(new StringType(r.outcome));
        }
        return t;
    }

    /**
     * The ServiceRequest of the referral: the service category, the reason, the partner as performer and,
     * when {@code withClient}, the client data the partner API shows (name, date of birth, phone) as a
     * contained Patient without identifiers.
     */
    public static ServiceRequest serviceRequest(Referral r, Partner partner, PartnerService service, boolean withClient) {
        ServiceRequest s = new ServiceRequest();
        s.setId(r.id.toString());
        s.getMeta().setVersionId(Long.toString(r.version)).setLastUpdated(date(r.updatedAt));
        s.setStatus(serviceRequestStatus(r.status));
        s.setIntent(ServiceRequest.ServiceRequestIntent.ORDER);
        s.setPriority(priority(r.urgency));
        CodeableConcept category = category(r.serviceCategory);
        s.addCategory(category);
        CodeableConcept code = category.copy();
        if (service != null) {
            code.setText(service.name);
        }
        s.setCode(code);
        if (withClient) {
            Patient p = new Patient();
            p.setId("client");
            p.addName().setText(r.clientFullName);
            if (r.clientDateOfBirth != null) {
                p.setBirthDateElement(new DateType(r.clientDateOfBirth.toString()));
            }
            if (r.clientPhone != null) {
                p.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue(r.clientPhone);
            }
            s.addContained(p);
            s.setSubject(new Reference("#client").setDisplay(r.clientFullName));
        } else {
            s.setSubject(new Reference().setDisplay("Client data withheld: the client's consent to sharing with "
                    + "partners is withdrawn"));
        }
        s.setAuthoredOnElement(new DateTimeType(date(r.requestedAt != null ? r.requestedAt : r.createdAt)));
        s.setRequester(new Reference().setDisplay(r.createdBy));
        s.addPerformer(organization(partner));
        s.addReasonCode(new CodeableConcept().setText(r.reason));
        if (r.desiredDate != null) {
            s.setOccurrence(new DateTimeType(r.desiredDate.toString()));
        }
        return s;
    }

    /** The service category, coded in the platform's system, with its English display and Ukrainian text. */
    public static CodeableConcept category(ServiceCategory c) {
        return new CodeableConcept(new Coding(FhirCodes.SERVICE_CATEGORY, c.name(), c.en())).setText(c.uk());
    }

    static ServiceRequest.ServiceRequestStatus serviceRequestStatus(ReferralStatus s) {
        return switch (s) {
            case DRAFT -> ServiceRequest.ServiceRequestStatus.DRAFT;
            case REQUESTED, ACCEPTED, IN_PROGRESS -> ServiceRequest.ServiceRequestStatus.ACTIVE;
            case ON_HOLD -> ServiceRequest.ServiceRequestStatus.ONHOLD;
            case COMPLETED -> ServiceRequest.ServiceRequestStatus.COMPLETED;
            case REJECTED, CANCELLED, FAILED -> ServiceRequest.ServiceRequestStatus.REVOKED;
            case ENTERED_IN_ERROR -> ServiceRequest.ServiceRequestStatus.ENTEREDINERROR;
        };
    }

    static ServiceRequest.ServiceRequestPriority priority(Urgency u) {
        return switch (u) {
            case ROUTINE -> ServiceRequest.ServiceRequestPriority.ROUTINE;
            case URGENT -> ServiceRequest.ServiceRequestPriority.URGENT;
            case EMERGENCY -> ServiceRequest.ServiceRequestPriority.STAT;
        };
    }

    static Date date(OffsetDateTime t) {
        return t == null ? null : Date.from(t.toInstant());
    }
}
