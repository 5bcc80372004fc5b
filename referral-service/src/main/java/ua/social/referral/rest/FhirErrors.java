package ua.social.referral.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import ua.social.identity.problem.Problem;
import ua.social.referral.fhir.FhirJson;
import ua.social.referral.fhir.FhirOutcomes;

import java.lang.annotation.Annotation;

/**
 * Under {@code /fhir} every error leaves as a FHIR OperationOutcome ({@code application/fhir+json}) with the
 * status the platform's problem mapping chose (400, 401, 403, 404, 429, 503…): a FHIR client reads it
 * where it expects it. Headers such as WWW-Authenticate and Retry-After stay.
 */
public class FhirErrors {

    @Inject
    FhirJson json;

    @ServerResponseFilter
    public void asOperationOutcome(ContainerRequestContext request, ContainerResponseContext response) {
        String path = request.getUriInfo().getPath();
        if (!(path.equals("/fhir") || path.startsWith("/fhir/")) || !(response.getEntity() instanceof Problem p)) {
            return;
        }
        response.setEntity(json.write(FhirOutcomes.of(p)), new Annotation[0], MediaType.valueOf(FhirJson.MEDIA_TYPE));
    }
}
