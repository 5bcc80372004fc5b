package ua.social.reporting.rest;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * A person who types the service's address, or {@code /dashboard} without the slash, lands on the
 * dashboard: both answer {@code 302 Found} with {@code Location: /dashboard/} and the query string kept
 * (302, not 301, so that no browser remembers it for good). Only these two exact paths: everything
 * else, including {@code /dashboard/} itself, goes on to the static files and the API.
 */
@ApplicationScoped
public class DashboardRedirects {

    static final String DASHBOARD = "/dashboard/";

    void routes(@Observes Router router) {
        router.get("/").order(-100).handler(DashboardRedirects::toDashboard);
        router.get("/dashboard").order(-100).handler(DashboardRedirects::toDashboard);
    }

    private static void toDashboard(RoutingContext rc) {
        String path = rc.request().path();
        if (!"/".equals(path) && !"/dashboard".equals(path)) {
            rc.next();
            return;
        }
        String query = rc.request().query();
        rc.response().setStatusCode(302)
                .putHeader(HttpHeaders.LOCATION, query == null || query.isEmpty() ? DASHBOARD : DASHBOARD + "?" + query)
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                .end();
    }
}
