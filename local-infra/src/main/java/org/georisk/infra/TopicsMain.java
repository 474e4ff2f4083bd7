package org.georisk.infra;

/**
 * Creates the GeoRisk topics on a running broker (existing ones are left alone), e.g. on a broker that was
 * already running when {@code ./georisk start} came by.
 * Usage: {@code TopicsMain [bootstrap]}; default {@code $KAFKA_BOOTSTRAP_SERVERS}, else 127.0.0.1:9092.
 */
public final class TopicsMain {

    private TopicsMain() {
    }

    public static void main(String[] args) {
        String bootstrap = args.length > 0 ? args[0]
                : System.getenv().getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:" + BrokerConfig.DEFAULT_PORT);
        TopicCreator.createAll(bootstrap);
        System.out.println("GeoRisk topics present on " + bootstrap);
    }
}
