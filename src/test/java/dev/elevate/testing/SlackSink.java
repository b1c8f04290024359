package dev.elevate.testing;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;

/**
 * Stands in for Slack's incoming webhook on 127.0.0.1: records every message posted and
 * answers as Slack does ("ok"), or fails on demand to exercise retries.
 */
public final class SlackSink implements AutoCloseable {

    public static final String PATH = "/services/T000/B000/test-hook";

    private final HttpServer server;
    private final List<String> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresToServe = new AtomicInteger();

    private SlackSink(HttpServer server) {
        this.server = server;
    }

    public static SlackSink start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        SlackSink sink = new SlackSink(server);
        server.createContext(PATH, exchange -> {
            try (InputStream body = exchange.getRequestBody()) {
                String text = new String(body.readAllBytes(), StandardCharsets.UTF_8);
                boolean fail = sink.failuresToServe.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
                if (!fail) {
                    sink.received.add(text);
                }
                byte[] answer = (fail ? "internal_error" : "ok").getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(fail ? 500 : 200, answer.length);
                exchange.getResponseBody().write(answer);
            } finally {
                exchange.close();
            }
        });
        server.start();
        return sink;
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + PATH;
    }

    public List<String> received() {
        return List.copyOf(received);
    }

    /** The first message that mentions the text (a request id, say), if one arrived. */
    public java.util.Optional<String> about(String text) {
        return received.stream().filter(m -> m.contains(text)).findFirst();
    }

    /** The next {@code count} posts get HTTP 500, as a Slack outage would. */
    public void failNext(int count) {
        failuresToServe.set(count);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
