package ua.social.identity.hardening;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Fails the start of a service that runs with a demo secret or password, unless
 * {@value DemoSecrets#ALLOWED} is true: it is in the {@code dev} and {@code test} profiles and in the local
 * platform's scripts ({@code ./platform up}, platform-tests), never by default in {@code prod}.
 */
@ApplicationScoped
public class DemoSecretGuard {

    @ConfigProperty(name = DemoSecrets.ALLOWED, defaultValue = "false")
    boolean allowed;

    void onStart(@Observes StartupEvent event) {
        DemoSecrets.check(ConfigProvider.getConfig(), allowed);
    }
}
