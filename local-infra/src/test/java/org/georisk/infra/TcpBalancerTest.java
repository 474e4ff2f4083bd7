package org.georisk.infra;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TcpBalancerTest {

    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    @Test
    void connectionsAlternateBetweenInstancesAndSkipOneThatIsGone() throws Exception {
        ServerSocket a = instance("A");
        ServerSocket b = instance("B");
        TcpBalancer balancer = new TcpBalancer(0, List.of(address(a), address(b)));
        open.add(balancer);

        List<String> answers = List.of(ask(balancer), ask(balancer), ask(balancer), ask(balancer));
        assertEquals(2, answers.stream().filter("A"::equals).count(), "round robin: " + answers);
        assertEquals(2, answers.stream().filter("B"::equals).count(), "round robin: " + answers);

        a.close();
        for (int i = 0; i < 4; i++) {
            assertEquals("B", ask(balancer), "A refuses, so B answers every connection");
        }
    }

    @Test
    void brokerConfigOfAClusterReplicatesThreeTimesWithMinIsrTwo() {
        BrokerConfig node = new BrokerConfig(java.nio.file.Path.of("target/x"), 19092, 19093, 2,
                "1@127.0.0.1:19093,2@127.0.0.1:19095,3@127.0.0.1:19097", 3);
        String text = node.serverPropertiesText();
        for (String line : List.of("node.id=2", "controller.quorum.voters=1@127.0.0.1:19093,2@127.0.0.1:19095,"
                + "3@127.0.0.1:19097", "default.replication.factor=3", "min.insync.replicas=2",
                "offsets.topic.replication.factor=3", "transaction.state.log.min.isr=2")) {
            assertEquals(true, text.lines().anyMatch(line::equals), line + " in\n" + text);
        }
        String single = new BrokerConfig(java.nio.file.Path.of("target/x"), 9092, 9093).serverPropertiesText();
        assertEquals(true, single.contains("default.replication.factor=1\nmin.insync.replicas=1"), single);
    }

    /** A server that writes its name to every connection and closes it. */
    private ServerSocket instance(String name) throws IOException {
        ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        open.add(server);
        Thread t = new Thread(() -> {
            while (!server.isClosed()) {
                try (Socket s = server.accept(); OutputStream out = s.getOutputStream()) {
                    out.write(name.getBytes(StandardCharsets.UTF_8));
                } catch (IOException closed) {
                    return;
                }
            }
        });
        t.setDaemon(true);
        t.start();
        return server;
    }

    private static InetSocketAddress address(ServerSocket server) {
        return new InetSocketAddress("127.0.0.1", server.getLocalPort());
    }

    private static String ask(TcpBalancer balancer) throws IOException {
        try (Socket s = new Socket("127.0.0.1", balancer.port()); InputStream in = s.getInputStream()) {
            s.setSoTimeout((int) Duration.ofSeconds(5).toMillis());
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
