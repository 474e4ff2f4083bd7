package org.georisk.gateway.stream;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.MultiEmitter;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fan-out of one stream to every connected client. Publishing only appends to each client's own bounded queue,
 * so a slow client never holds up the others. A client whose queue is full is dropped at once: it gets nothing
 * more, its stream fails after the events already queued, the transport closes it, and it may come back with
 * Last-Event-ID.
 */
public final class LiveHub {

    /** Raised on the stream of a client that fell too far behind. */
    public static final class SlowClientException extends RuntimeException {
        SlowClientException(int queued) {
            super("client fell " + queued + " events behind and was dropped");
        }
    }

    private static final class Client {
        final String pair;
        final int capacity;
        final AtomicInteger queued = new AtomicInteger();
        MultiEmitter<? super StreamEvent> emitter;

        Client(String pair, int capacity) {
            this.pair = pair;
            this.capacity = capacity;
        }

        boolean wants(StreamEvent event) {
            return pair == null || pair.equals(event.pair());
        }

        /** False when the client's queue is full: it has been failed and must leave the hub. */
        boolean offer(StreamEvent event) {
            int now = queued.incrementAndGet();
            if (now > capacity) {
                emitter.fail(new SlowClientException(now - 1));
                return false;
            }
            emitter.emit(event);
            return true;
        }
    }

    private final ResumeBuffer buffer;
    private final int clientBuffer;
    private final Set<Client> clients = ConcurrentHashMap.newKeySet();

    public LiveHub(int bufferSize, int clientBuffer) {
        this.buffer = new ResumeBuffer(bufferSize);
        this.clientBuffer = clientBuffer;
    }

    /** Buffers and pushes a record; false when it was a repeat and went nowhere. */
    public synchronized boolean publish(StreamEvent event) {
        if (!buffer.add(event)) {
            return false;
        }
        for (Client client : clients) {
            if (client.wants(event) && !client.offer(event)) {
                clients.remove(client);
            }
        }
        return true;
    }

    /**
     * The stream for one client: first the retained records after {@code after} (none when null), then every new
     * one, in order and without a gap, optionally only of one pair.
     */
    public Multi<StreamEvent> subscribe(String pair, EventPosition after) {
        return Multi.createFrom().deferred(() -> {
            // the replay gets room on top of the client's own queue
            int replay = after == null ? 0 : replaySize(after, pair);
            Client client = new Client(pair, replay + clientBuffer);
            return Multi.createFrom().<StreamEvent>emitter(emitter -> attach(client, emitter, after),
                            client.capacity + 1)
                    .onItem().invoke(() -> client.queued.decrementAndGet());
        });
    }

    private synchronized int replaySize(EventPosition after, String pair) {
        return buffer.after(after, pair).size();
    }

    private synchronized void attach(Client client, MultiEmitter<? super StreamEvent> emitter, EventPosition after) {
        client.emitter = emitter;
        emitter.onTermination(() -> clients.remove(client));
        if (after != null) {
            for (StreamEvent missed : buffer.after(after, client.pair)) {
                if (!client.offer(missed)) {
                    return;
                }
            }
        }
        clients.add(client);
    }

    public int clients() {
        return clients.size();
    }

    public synchronized int buffered() {
        return buffer.size();
    }
}
