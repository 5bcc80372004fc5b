package ua.social.identity.testing;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import ua.social.identity.hardening.DemoSecrets;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;

/**
 * A service's configuration as its packaged jar sees it in the {@code prod} profile with no environment
 * set: its {@code application.properties} over the identity library's shared defaults. For tests of the
 * demo-secret guard ({@link DemoSecrets}).
 */
public final class ProductionDefaults {

    private ProductionDefaults() {
    }

    public static SmallRyeConfig config() {
        try {
            ClassLoader cl = Thread.currentThread().getContextClassLoader();
            SmallRyeConfigBuilder b = new SmallRyeConfigBuilder().withProfile("prod")
                    .withSources(new PropertiesConfigSource(cl.getResource("application.properties"), 250));
            for (URL url : Collections.list(cl.getResources("META-INF/microprofile-config.properties"))) {
                try (InputStream in = url.openStream()) {
                    if (new String(in.readAllBytes(), StandardCharsets.UTF_8).contains(DemoSecrets.ALLOWED)) {
                        b.withSources(new PropertiesConfigSource(url, 100));
                    }
                }
            }
            return b.build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The settings the guard names when the service starts in {@code prod} with its defaults. */
    public static List<String> refusedSettings() {
        return DemoSecrets.violations(config());
    }

    /** Whether the {@code prod} defaults allow demo secrets (they must not). */
    public static boolean demoSecretsAllowed() {
        return config().getOptionalValue(DemoSecrets.ALLOWED, Boolean.class).orElse(false);
    }
}
