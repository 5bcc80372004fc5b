package ua.social.e2e;

import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import ua.social.identity.testing.DemoUsers;
import ua.social.identity.testing.Tokens;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ua.social.e2e.RunningPlatform.as;

/**
 * The partner integration guide runs as written: every {@code sh} block of
 * docs/partner-integration.md, in order, in one bash, against the packaged services (only the
 * localhost ports are replaced by theirs). So the guide cannot drift from the API.
 */
class PartnerGuideTest {

    static final Path GUIDE = ServiceProcess.ROOT.resolve("docs/partner-integration.md");
    static final Pattern SH = Pattern.compile("```sh\\n(.*?)```", Pattern.DOTALL);

    static RunningPlatform platform;

    @BeforeAll
    static void start() throws Exception {
        platform = RunningPlatform.get();
    }

    static List<String> commands() throws Exception {
        Matcher m = SH.matcher(Files.readString(GUIDE, StandardCharsets.UTF_8));
        List<String> blocks = new ArrayList<>();
        while (m.find()) {
            blocks.add(m.group(1));
        }
        return blocks;
    }

    @Test
    void everyCommandOfThePartnerGuideRunsAsWrittenAndWorksTheReferral() throws Exception {
        List<String> blocks = commands();
        assertTrue(blocks.size() >= 6, "the guide's commands: " + blocks.size());
        StringBuilder script = new StringBuilder("set -euo pipefail\n");
        for (int i = 0; i < blocks.size(); i++) {
            script.append("echo '### block ").append(i).append("'\n").append(blocks.get(i)).append('\n');
        }
        script.append("echo \"### REFERRAL=$REFERRAL\"\n");
        String text = script.toString()
                .replace("http://localhost:8081", platform.cases.url())
                .replace("http://localhost:8082", platform.referrals.url())
                .replace("http://localhost:8180", Tokens.KEYCLOAK_URL);
        Path file = Files.createTempFile("partner-guide-", ".sh");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        Path out = Files.createTempFile("partner-guide-", ".log");
        Process p = new ProcessBuilder("bash", file.toString()).redirectErrorStream(true)
                .redirectOutput(out.toFile()).start();
        if (!p.waitFor(3, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("the guide's commands did not finish in 3 minutes:\n"
                    + Files.readString(out, StandardCharsets.UTF_8));
        }
        String log = Files.readString(out, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), "the guide's commands:\n" + log);
        assertFalse(log.contains("/problems/"), "no command of the guide gets an error:\n" + log);
        assertTrue(log.contains("\"roles\":[\"partner\"]") || log.contains("\"partner\""), "the key works:\n" + log);

        Matcher m = Pattern.compile("### REFERRAL=(\\S+)").matcher(log);
        assertTrue(m.find(), log);
        JsonPath referral = as(platform.referrals, DemoUsers.SUPERVISOR_POLTAVA).get("/referrals/" + m.group(1))
                .then().statusCode(200).extract().jsonPath();
        assertEquals("ACCEPTED", referral.getString("status"), "the guide accepted the referral");
        assertTrue(referral.getList("notes.text").contains("Перша зустріч призначена на 12.03"),
                "the guide's note is on the referral: " + referral.prettify());
    }
}
