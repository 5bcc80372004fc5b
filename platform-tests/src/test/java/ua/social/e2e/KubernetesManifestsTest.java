package ua.social.e2e;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Kubernetes manifests (deploy/kubernetes), the services' Dockerfiles and deploy/compose are
 * validated offline by {@code deploy/kubernetes/validation/validate.sh}: yamllint, {@code kubectl kustomize}
 * of the base and every overlay, each rendered resource against its schema (kubernetes-models for core
 * kinds, the vendored CRDs of Strimzi, CloudNativePG and the Keycloak operator), and the platform's rules.
 * A broken manifest fails the build here.
 */
class KubernetesManifestsTest {

    private static final Path ROOT = ServiceProcess.ROOT.toAbsolutePath().normalize();
    private static final Path VALIDATOR = ROOT.resolve("deploy/kubernetes/validation/validate.sh");

    record Run(int exit, String output) {
    }

    private static Run validate(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", VALIDATOR.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.putIfAbsent("PLATFORM_HOME", Optional.ofNullable(System.getenv("PLATFORM_HOME"))
                .orElse(ROOT.resolve(".platform").toString()));
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(10, TimeUnit.MINUTES), "validate.sh did not finish in 10 minutes");
        System.out.println(output);
        return new Run(p.exitValue(), output);
    }

    @Test
    void everyManifestOverlayDockerfileAndTheComposeFileValidateOffline() throws Exception {
        Run run = validate();

        assertEquals(0, run.exit(), "deploy/kubernetes/validation/validate.sh found problems:\n" + run.output());
        assertTrue(run.output().contains("deploy/kubernetes/overlays/production: "), run.output());
        assertTrue(run.output().contains("deploy/kubernetes/overlays/staging: "), run.output());
    }

    @Test
    void mistypedFieldsAndAWrongTypeAreReportedByResourceAndFailTheValidation(@TempDir Path tmp) throws Exception {
        Path copy = tmp.resolve("kubernetes");
        copyTree(ROOT.resolve("deploy/kubernetes"), copy);
        Path deployment = copy.resolve("base/case-service.yaml");
        Files.writeString(deployment, Files.readString(deployment).replace("readinessProbe:", "readinesProbe:"));
        Path topics = copy.resolve("base/kafka-topics.yaml");
        Files.writeString(topics, Files.readString(topics).replaceFirst("partitions: 12", "partitions: twelve"));
        Path keycloak = copy.resolve("base/keycloak.yaml");
        Files.writeString(keycloak, Files.readString(keycloak).replace("backchannelDynamic:", "backchannelDynamik:"));

        Run run = validate("--kubernetes-dir", copy.toString());

        assertEquals(1, run.exit(), run.output());
        assertTrue(run.output().contains(
                "Deployment/case-service.spec.template.spec.containers[0]: unknown field \"readinesProbe\""), run.output());
        assertTrue(run.output().contains("Deployment/case-service: container case-service: readinessProbe must GET /q/health/ready"),
                run.output());
        assertTrue(run.output().contains("KafkaTopic/case.events: schema (strimzi-1.2.0-043-Crd-kafkatopic.yaml): /spec/partitions must be integer"),
                run.output());
        assertTrue(run.output().contains("Keycloak/platform-keycloak: schema (keycloak-26.0.0-keycloaks.k8s.keycloak.org-v1.yml): "
                + "/spec/hostname must NOT have additional properties \"backchannelDynamik\""), run.output());
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
