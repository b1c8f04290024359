package dev.elevate.notification;

import static dev.elevate.testing.DemoUsers.ALICE;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.elevate.testing.Api;
import dev.elevate.testing.Database;
import dev.elevate.testing.TestStack;
import io.quarkus.test.junit.QuarkusTest;

/** What reaches Slack, and what happens when Slack is down. */
@QuarkusTest
class SlackDeliveryTest {

    @Inject
    DataSource db;

    private final Api api = new Api();

    @AfterEach
    void endRequests() {
        TestStack.slack().failNext(0);
        api.endAll();
    }

    @Test
    void userText_cannotMentionOrLinkInSlack() throws Exception {
        String id = Api.as(ALICE).body(Map.of("entitlement", "quick-debug", "duration", "PT5M",
                        "justification", "<!channel> urgent, see <https://evil.example|docs>"))
                .post("/api/requests").then().statusCode(201).extract().path("id");
        api.track(ALICE, id);

        Api.await(() -> TestStack.slack().about(id).isPresent(), Duration.ofSeconds(15),
                () -> "the Slack message");
        JsonNode message = new ObjectMapper().readTree(TestStack.slack().about(id).get());

        assertThat(message.toString()).doesNotContain("<!channel>").doesNotContain("<https://")
                .contains("&lt;!channel&gt;");
        assertThat(message.at("/blocks/0/type").asText()).isEqualTo("header");
    }

    @Test
    void slackOutage_isRetried_untilDelivered() {
        TestStack.slack().failNext(2);

        String id = api.submit(ALICE, "quick-debug", "PT5M");

        Api.await(() -> TestStack.slack().about(id).isPresent(), Duration.ofSeconds(30),
                () -> "the Slack message after two failures");
        Api.await(() -> Database.count(db, "select count(*) from notification_outbox "
                        + "where request_id = ? and status = 'SENT' and attempts = 3",
                UUID.fromString(id)) == 1, Duration.ofSeconds(10),
                () -> "the outbox row to be SENT after 3 attempts");
    }
}
