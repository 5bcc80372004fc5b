package ua.social.identity.openapi;

import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;
import ua.social.identity.Roles;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Gives every service's OpenAPI document the platform's two security schemes, Keycloak bearer
 * tokens (staff) and the partner {@code X-API-Key} header, and makes each operation ask for the one
 * that works with it, so that Swagger UI's <em>Authorize</em> dialog sends the pasted token or key.
 * Registered for every service with {@code mp.openapi.filter} in this library's
 * META-INF/microprofile-config.properties.
 *
 * <p>Quarkus adds a requirement to every {@code @RolesAllowed}/{@code @Authenticated} operation
 * (auto security); this filter, which runs after it, rewrites those requirements: an operation
 * open only to partners asks for {@code partnerApiKey}, one open to staff for {@code keycloak}, one
 * open to both for either. Any other scheme (the automatic OpenID Connect one) is removed, so the
 * dialog offers exactly the bearer field and the API-key field.
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
        if (components.getSecuritySchemes() != null) {
            for (String name : List.copyOf(components.getSecuritySchemes().keySet())) {
                if (!BEARER.equals(name) && !API_KEY.equals(name)) {
                    components.removeSecurityScheme(name);
                }
            }
        }
        components.addSecurityScheme(BEARER, OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                .description("Access token of the social-services realm (" + issuer + "): paste the access_token "
                        + "alone, without \"Bearer\". Staff roles: intake-officer, case-manager, supervisor, "
                        + "ministry-analyst, platform-admin."));
        components.addSecurityScheme(API_KEY, OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.APIKEY).in(SecurityScheme.In.HEADER).name("X-API-Key")
                .description("Partner organisation API key, issued by a platform admin (referral-service partner API)."));
        openAPI.setSecurity(null);
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
            Map<PathItem.HttpMethod, Operation> operations = path.getValue().getOperations();
            if (operations == null) {
                continue;
            }
            for (Operation operation : operations.values()) {
                operation.setSecurity(requirements(path.getKey(), operation.getSecurity()));
            }
        }
    }

    /** The requirements an operation really has: bearer, API key, or either (null: open to anyone). */
    static List<SecurityRequirement> requirements(String path, List<SecurityRequirement> declared) {
        if (declared == null || declared.isEmpty()) {
            return null;
        }
        boolean staff = false;
        boolean partner = path.startsWith("/partner/");
        for (SecurityRequirement requirement : declared) {
            Map<String, List<String>> schemes = requirement.getSchemes();
            if (schemes == null) {
                continue;
            }
            for (Map.Entry<String, List<String>> scheme : schemes.entrySet()) {
                if (API_KEY.equals(scheme.getKey())) {
                    partner = true;
                    continue;
                }
                // the automatic scheme lists the operation's @RolesAllowed roles as its scopes
                List<String> roles = scheme.getValue() == null ? List.of() : scheme.getValue();
                if (roles.contains(Roles.PARTNER)) {
                    partner = true;
                }
                if (roles.isEmpty() || roles.stream().anyMatch(r -> !Roles.PARTNER.equals(r))) {
                    staff = true;
                }
            }
        }
        if (path.startsWith("/partner/")) {
            staff = false;
        }
        List<SecurityRequirement> result = new ArrayList<>();
        if (staff || !partner) {
            result.add(OASFactory.createSecurityRequirement().addScheme(BEARER));
        }
        if (partner) {
            result.add(OASFactory.createSecurityRequirement().addScheme(API_KEY));
        }
        return result;
    }
}
