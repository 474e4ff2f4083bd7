package org.georisk.infra;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One address in front of several instances of a service, for the local cluster (docs/scaling.md): each accepted
 * TCP connection goes to the next instance in turn and stays with it, so HTTP keep-alive, SSE and WebSocket work
 * unchanged. An instance that refuses a connection is skipped for {@link #PAUSE_MILLIS} and the next one is tried,
 * so a killed instance costs the connections it had, not the ones after. A stand-in for a real load balancer.
 */
public final class TcpBalancer implements AutoCloseable {

    /** How long an instance that refused a connection is left out of the rotation. */
    static final long PAUSE_MILLIS = 2_000;
    private static final int CONNECT_TIMEOUT_MILLIS = 1_000;

    private final ServerSocket listener;
    private final List<InetSocketAddress> backends;
    private final AtomicInteger next = new AtomicInteger();
    private final ConcurrentHashMap<InetSocketAddress, Long> pausedUntil = new ConcurrentHashMap<>();
    private final AtomicLong connections = new AtomicLong();
    private volatile boolean closed;

    public TcpBalancer(int port, List<InetSocketAddress> backends) throws IOException {
        if (backends.isEmpty()) {
            throw new IllegalArgumentException("no instance behind port " + port);
        }
        this.backends = List.copyOf(backends);
        this.listener = new ServerSocket();
        listener.setReuseAddress(true);
        listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 256);
        Thread acceptor = new Thread(this::accept, "balancer-" + port);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return listener.getLocalPort();
    }

    public long connections() {
        return connections.get();
    }

    private void accept() {
        while (!closed) {
            try {
                Socket client = listener.accept();
                connections.incrementAndGet();
                Thread t = new Thread(() -> serve(client), "balancer-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                if (!closed) {
                    System.err.println("balancer on " + port() + ": accept failed: " + e);
                }
            }
        }
    }

    private void serve(Socket client) {
        Socket backend = connect();
        if (backend == null) {
            closeQuietly(client);
            return;
        }
        Thread upstream = new Thread(() -> pipe(client, backend), "balancer-up");
        upstream.setDaemon(true);
        upstream.start();
        pipe(backend, client);
    }

    /** The next instance that accepts, starting after the last one used; null when none does. */
    private Socket connect() {
        int start = Math.floorMod(next.getAndIncrement(), backends.size());
        for (int pass = 0; pass < 2; pass++) {
            for (int i = 0; i < backends.size(); i++) {
                InetSocketAddress address = backends.get((start + i) % backends.size());
                // first pass skips paused instances; the second tries them, in case every instance was paused
                if (pass == 0 && pausedUntil.getOrDefault(address, 0L) > System.currentTimeMillis()) {
                    continue;
                }
                Socket socket = new Socket();
                try {
                    socket.setTcpNoDelay(true);
                    socket.connect(address, CONNECT_TIMEOUT_MILLIS);
                    pausedUntil.remove(address);
                    return socket;
                } catch (IOException refused) {
                    closeQuietly(socket);
                    pausedUntil.put(address, System.currentTimeMillis() + PAUSE_MILLIS);
                }
            }
        }
        return null;
    }

    /** Copies until either side ends, then closes both, so the other direction's copy ends too. */
    private static void pipe(Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException ended) {
            // a reset by either side ends the connection like an orderly close
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        listener.close();
    }
}
