package org.georisk.infra;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * The local cluster's balancer (docs/scaling.md): one {@link TcpBalancer} per route, in one JVM.
 *
 * <pre>java -cp local-infra/target/classes org.georisk.infra.BalancerMain [--ready FILE]
 *      --route 8080=127.0.0.1:18080,127.0.0.1:28080 --route 8081=127.0.0.1:18081,127.0.0.1:28081 ...</pre>
 *
 * Writes FILE once every port listens; runs until killed.
 */
public final class BalancerMain {

    private BalancerMain() {
    }

    public static void main(String[] args) throws Exception {
        List<TcpBalancer> balancers = new ArrayList<>();
        Path ready = null;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--route" -> balancers.add(route(args[i + 1]));
                case "--ready" -> ready = Path.of(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]
                        + "; usage: [--ready FILE] --route PORT=HOST:PORT,HOST:PORT ...");
            }
        }
        for (TcpBalancer b : balancers) {
            System.out.println("balancer listening on 127.0.0.1:" + b.port());
        }
        if (ready != null) {
            Files.writeString(ready, "ready\n");
        }
        new CountDownLatch(1).await();
    }

    /** {@code 8080=127.0.0.1:18080,127.0.0.1:28080}: a port and the instances behind it. */
    static TcpBalancer route(String spec) throws java.io.IOException {
        String[] parts = spec.split("=", 2);
        List<InetSocketAddress> backends = Arrays.stream(parts[1].split(","))
                .map(String::trim)
                .map(hostPort -> new InetSocketAddress(hostPort.substring(0, hostPort.lastIndexOf(':')),
                        Integer.parseInt(hostPort.substring(hostPort.lastIndexOf(':') + 1))))
                .toList();
        return new TcpBalancer(Integer.parseInt(parts[0].trim()), backends);
    }
}
