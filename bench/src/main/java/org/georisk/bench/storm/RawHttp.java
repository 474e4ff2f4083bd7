package org.georisk.bench.storm;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * A request sent as raw bytes over a plain socket, so that the storm can send what a well-behaved client library
 * refuses to: malformed request lines, duplicate or conflicting headers, bytes that are not UTF-8, path tricks left
 * unnormalised. Only the status line of the answer is read.
 *
 * <p>The answer is read on its own thread while the body is still being written: a server that refuses a 5 MB body
 * early (413) and closes would otherwise make the write fail and hide its answer.
 */
final class RawHttp {

    /** What came back: a status code, or none and why (reset, timeout, closed without an answer). */
    record Outcome(int status, String failure) {
        static Outcome of(int status) {
            return new Outcome(status, null);
        }

        static Outcome failed(String why) {
            return new Outcome(-1, why);
        }

        boolean answered() {
            return status > 0;
        }
    }

    private final String host;
    private final int port;
    private final int timeoutMillis;
    private final ExecutorService readers;

    RawHttp(String host, int port, int timeoutMillis, ExecutorService readers) {
        this.host = host;
        this.port = port;
        this.timeoutMillis = timeoutMillis;
        this.readers = readers;
    }

    /** Sends head (request line and headers, CRLF-terminated, as given) then body; returns the answer's status. */
    Outcome send(byte[] head, byte[] body) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 5_000);
            socket.setSoTimeout(timeoutMillis);
            InputStream in = socket.getInputStream();
            Future<Outcome> answer = readers.submit(() -> readStatus(in));
            OutputStream out = socket.getOutputStream();
            try {
                out.write(head);
                for (int off = 0; off < body.length; off += 64 * 1024) {
                    out.write(body, off, Math.min(64 * 1024, body.length - off));
                }
                out.flush();
                // No half-close: Netty closes a connection whose input ended, before an answer that is relayed from
                // another service is ready. Every request says Connection: close instead.
            } catch (IOException writeFailed) {
                // the server stopped reading (an early answer and close): its answer, if any, is what counts
            }
            return answer.get(timeoutMillis + 1_000L, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            return Outcome.failed("timeout");
        } catch (java.util.concurrent.ExecutionException e) {
            return Outcome.failed(String.valueOf(e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Outcome.failed("interrupted");
        } catch (IOException e) {
            return Outcome.failed("connect: " + e.getMessage());
        }
    }

    private static Outcome readStatus(InputStream in) {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        try {
            int b;
            while ((b = in.read()) != -1 && b != '\n' && line.size() < 8192) {
                line.write(b);
            }
        } catch (SocketTimeoutException e) {
            return Outcome.failed("timeout");
        } catch (IOException e) {
            return line.size() == 0 ? Outcome.failed("reset: " + e.getMessage()) : parse(line);
        }
        return line.size() == 0 ? Outcome.failed("closed without an answer") : parse(line);
    }

    private static Outcome parse(ByteArrayOutputStream bytes) {
        String line = bytes.toString(StandardCharsets.ISO_8859_1).trim();
        String[] parts = line.split(" ", 3);
        if (parts.length >= 2 && parts[0].startsWith("HTTP/")) {
            try {
                return Outcome.of(Integer.parseInt(parts[1]));
            } catch (NumberFormatException e) {
                // falls through
            }
        }
        return Outcome.failed("not an HTTP answer: " + (line.length() > 80 ? line.substring(0, 80) : line));
    }
}
