package ua.social.identity.openapi;

import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * Adds the platform's two security schemes to every service's OpenAPI document: Keycloak
 * bearer tokens (staff) and the partner {@code X-API-Key} header. Registered for every service with
 * {@code mp.openapi.filter} in this library's META-INF/microprofile-config.properties.
 */
public class PlatformOpenApiFilter implements OASFilter {

    public static final String BEARER = "keycloak";
    public static final String API_KEY = "partnerApiKey";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        Components components = openAPI.getComponents();
        String issuer = ConfigProvider.getConfig()
                .getOptionalValue("quarkus.oidc.auth-server-url", String.class)
                .orElse("http://localhost:8180/realms/social-services");
        components.addSecurityScheme(BEARER, OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                .description("Access token of the social-services realm (" + issuer + "). Staff roles: "
                        + "intake-officer, case-manager, supervisor, ministry-analyst, platform-admin."));
        components.addSecurityScheme(API_KEY, OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.APIKEY).in(SecurityScheme.In.HEADER).name("X-API-Key")
                .description("Partner organisation API key, issued by a platform admin (referral-service partner API)."));
        openAPI.addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme(BEARER));
    }
}
