package org.georisk.infra;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.TopicExistsException;
import org.georisk.contracts.Topics;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;

/** Creates the topics of {@link Topics#ALL} with their partitions and configs; existing topics are left alone. */
public final class TopicCreator {

    private TopicCreator() {
    }

    public static void createAll(String bootstrapServers) {
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000))) {
            // One request for all topics (one round trip instead of one per topic), then each outcome on its own.
            List<NewTopic> topics = Topics.ALL.stream()
                    .map(spec -> new NewTopic(spec.name(), Optional.of(spec.partitions()), Optional.empty())
                            .configs(spec.configs()))
                    .toList();
            for (Map.Entry<String, KafkaFuture<Void>> created : admin.createTopics(topics).values().entrySet()) {
                try {
                    created.getValue().get();
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("could not create " + created.getKey(), e.getCause());
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        }
    }
}
