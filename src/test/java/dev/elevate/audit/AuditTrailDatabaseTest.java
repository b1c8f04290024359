package dev.elevate.audit;

import static dev.elevate.testing.DemoUsers.ALICE;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.elevate.testing.Api;
import dev.elevate.testing.Database;
import io.quarkus.test.junit.QuarkusTest;

/** The trail is written with each change, and the database itself refuses to rewrite it. */
@QuarkusTest
class AuditTrailDatabaseTest {

    @Inject
    DataSource db;

    private final Api api = new Api();

    @AfterEach
    void endRequests() {
        api.endAll();
    }

    @Test
    void submit_writesTheEventWithActorChannelAndDetails() throws SQLException {
        String id = api.submit(ALICE, "quick-debug", "PT5M");

        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(
                "select type, actor_username, actor_subject, channel, entitlement_key, "
                        + "requester_username, details->>'duration', occurred_at "
                        + "from audit_event where request_id = ? order by id")) {
            s.setObject(1, UUID.fromString(id));
            try (ResultSet r = s.executeQuery()) {
                assertThat(r.next()).isTrue();
                assertThat(r.getString(1)).isEqualTo("request.submitted");
                assertThat(r.getString(2)).isEqualTo("alice");
                assertThat(r.getString(3)).hasSize(36);
                assertThat(r.getString(4)).isEqualTo("api");
                assertThat(r.getString(5)).isEqualTo("quick-debug");
                assertThat(r.getString(6)).isEqualTo("alice");
                assertThat(r.getString(7)).isEqualTo("PT5M");
                assertThat(r.getTimestamp(8)).isNotNull();
            }
        }
    }

    @Test
    void update_isRefusedByTheDatabase() {
        api.submit(ALICE, "quick-debug", "PT5M");
        long before = Database.count(db,
                "select count(*) from audit_event where actor_username = 'mallory'");

        SQLException refused = Database.tryExecute(db,
                "update audit_event set actor_username = 'mallory'");

        assertThat((Throwable) refused).isNotNull().hasMessageContaining("append-only");
        assertThat(Database.count(db,
                "select count(*) from audit_event where actor_username = 'mallory'"))
                .isEqualTo(before);
    }

    @Test
    void deleteAndTruncate_areRefusedByTheDatabase() {
        api.submit(ALICE, "quick-debug", "PT5M");
        long last = Database.count(db, "select max(id) from audit_event");
        String existing = "select count(*) from audit_event where id <= " + last;
        long before = Database.count(db, existing);

        Throwable delete = Database.tryExecute(db, "delete from audit_event");
        Throwable truncate = Database.tryExecute(db, "truncate audit_event");

        assertThat(delete).isNotNull().hasMessageContaining("append-only");
        assertThat(truncate).isNotNull().hasMessageContaining("append-only");

        assertThat(Database.count(db, existing)).isEqualTo(before);
    }
}
