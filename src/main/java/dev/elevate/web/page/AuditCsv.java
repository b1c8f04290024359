package dev.elevate.web.page;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.elevate.audit.AuditEvent;
import dev.elevate.audit.AuditEventRepository;
import dev.elevate.audit.AuditQuery;
import io.quarkus.narayana.jta.QuarkusTransaction;

/** Writes audit events as RFC 4180 CSV, oldest first, streamed so large exports stay small. */
final class AuditCsv {

    static final String HEADER = "id,occurred_at,type,actor,actor_subject,channel,request_id,"
            + "entitlement,requester,details";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int EXPORT_TIMEOUT_SECONDS = 600;

    private AuditCsv() {
    }

    static void write(AuditEventRepository events, AuditQuery query, OutputStream out) {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        QuarkusTransaction.requiringNew().timeout(EXPORT_TIMEOUT_SECONDS).run(() -> {
            try (Stream<AuditEvent> rows = events.streamAll(query)) {
                writer.write(HEADER + "\r\n");
                int written = 0;
                for (AuditEvent e : (Iterable<AuditEvent>) rows::iterator) {
                    if (++written % 500 == 0) {
                        events.getEntityManager().clear(); // keep the session small
                    }
                    writer.write(String.join(",", String.valueOf(e.id), e.occurredAt.toString(),
                            cell(e.type), cell(e.actorUsername), cell(e.actorSubject),
                            cell(e.channel), e.requestId == null ? "" : e.requestId.toString(),
                            cell(e.entitlementKey), cell(e.requesterUsername),
                            cell(json(e)))
                            + "\r\n");
                }
                writer.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /**
     * Quotes every text cell, and defuses cells a spreadsheet would run as a formula
     * (leading = + - @), since justifications are user text.
     */
    static String cell(String value) {
        if (value == null) {
            return "";
        }
        String text = value;
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }

    private static String json(AuditEvent e) {
        try {
            return JSON.writeValueAsString(e.details);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("audit details always serialize", ex);
        }
    }
}
