package ua.social.referral.fhir;

import ca.uhn.fhir.context.FhirContext;
import jakarta.enterprise.context.ApplicationScoped;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * FHIR R4 JSON, written by HAPI FHIR's own parser. The context is costly to build (it scans the model
 * classes), so there is one per service, made on first use.
 */
@ApplicationScoped
public class FhirJson {

    /** The media type of FHIR JSON (FHIR R4 http.html#mime-type). */
    public static final String MEDIA_TYPE = "application/fhir+json";

    private volatile FhirContext context;

    public FhirContext context() {
        FhirContext c = context;
        if (c == null) {
            synchronized (this) {
                c = context;
                if (c == null) {
                    c = FhirContext.forR4();
                    context = c;
                }
            }
        }
        return c;
    }

    public String write(IBaseResource resource) {
        return context().newJsonParser().encodeResourceToString(resource);
    }
}
