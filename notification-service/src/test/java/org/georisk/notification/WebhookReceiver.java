package org.georisk.notification;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** A tiny webhook endpoint on a random loopback port: records every request, answers 500 for the first N. */
public final class WebhookReceiver implements AutoCloseable {

    /** One POST as it arrived. */
    public record Received(String signature, byte[] body) {
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresLeft;

    public WebhookReceiver(int failFirst) throws IOException {
        failuresLeft = new AtomicInteger(failFirst);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/hook", exchange -> {
            try (InputStream body = exchange.getRequestBody()) {
                received.add(new Received(exchange.getRequestHeaders().getFirst("X-GeoRisk-Signature"),
                        body.readAllBytes()));
            }
            int status = failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? 500 : 204;
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    public List<Received> received() {
        return received;
    }

    /** From now on answer 500 this many more times (then 204). */
    public void failNext(int times) {
        failuresLeft.set(times);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
