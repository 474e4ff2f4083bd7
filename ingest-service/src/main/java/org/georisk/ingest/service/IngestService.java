package org.georisk.ingest.service;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import org.georisk.contracts.BulkResult;
import org.georisk.contracts.BulkResult.LineResult;
import org.georisk.contracts.FieldError;
import org.georisk.contracts.GeoEvent;
import org.georisk.contracts.IngestResult;
import org.georisk.contracts.events.EventValidator;
import org.georisk.contracts.events.ValidationResult;
import org.georisk.ingest.repository.EventArchiveRepository;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The write path: validate, recognise repeats, publish, count. Kafka is the only thing written for an event. A repeat
 * is recognised by the ids this instance recently had acknowledged ({@link RecentEventIds}) and by the archive; one
 * that slips past both (another instance's event the archive has not stored yet) is published again and dropped by
 * eventId downstream, so it never counts twice.
 */
@ApplicationScoped
public class IngestService {

    public static final String ACCEPTED = "ACCEPTED";
    public static final String DUPLICATE = "DUPLICATE";
    public static final String REJECTED = "REJECTED";
    public static final String SKIPPED = "SKIPPED";

    /** One line of a bulk body before validation: a parsed body, or why it is refused or skipped. */
    public record Candidate(int line, JsonNode body, List<FieldError> errors, String skipReason) {

        public static Candidate of(int line, JsonNode body) {
            return new Candidate(line, body, List.of(), null);
        }

        public static Candidate refused(int line, FieldError error) {
            return new Candidate(line, null, List.of(error), null);
        }

        public static Candidate skipped(int line, String reason) {
            return new Candidate(line, null, List.of(), reason);
        }
    }

    private final EventValidator validator;
    private final EventPublisher publisher;
    private final EventArchiveRepository archive;
    private final FeedService feeds;
    private final RecentEventIds recent;

    public IngestService(EventValidator validator, EventPublisher publisher, EventArchiveRepository archive,
                         FeedService feeds, RecentEventIds recent) {
        this.validator = validator;
        this.publisher = publisher;
        this.archive = archive;
        this.feeds = feeds;
        this.recent = recent;
    }

    /** One event: the result, or {@link InvalidRequestException} / {@link BrokerUnavailableException}. */
    public IngestResult ingest(JsonNode body, String principal) {
        ValidationResult v = validator.validate(body, principal);
        if (!v.ok()) {
            feeds.count(principal, 0, 1, 0);
            feeds.countRejection(principal, v.errors().get(0).field());
            throw new InvalidRequestException("the event has " + v.errors().size() + " invalid field(s)", v.errors());
        }
        GeoEvent event = v.event();
        if (!known(List.of(event.eventId())).isEmpty()) {
            feeds.count(principal, 0, 0, 1);
            return new IngestResult(event.eventId(), event.pairKey(), true);
        }
        publisher.publishAll(List.of(event));
        recent.addAll(List.of(event.eventId()));
        feeds.count(principal, 1, 0, 0);
        return new IngestResult(event.eventId(), event.pairKey(), false);
    }

    /**
     * Many events: every valid, new one is published, all awaited together; the answer lists each line. When the
     * broker does not acknowledge them all, nothing is reported accepted (503); a retry is safe by eventId.
     */
    public BulkResult ingestAll(List<Candidate> candidates, String principal) {
        List<LineResult> lines = new ArrayList<>(candidates.size());
        Map<String, Integer> skipped = new TreeMap<>();
        List<GeoEvent> toPublish = new ArrayList<>();
        List<Integer> publishLines = new ArrayList<>();
        Set<UUID> seen = new HashSet<>();
        int rejected = 0;
        int duplicates = 0;

        List<GeoEvent> valid = new ArrayList<>();
        List<Integer> validLines = new ArrayList<>();
        for (Candidate c : candidates) {
            if (c.skipReason() != null) {
                skipped.merge(c.skipReason(), 1, Integer::sum);
                lines.add(new LineResult(c.line(), SKIPPED, null, List.of(new FieldError("row", c.skipReason()))));
                continue;
            }
            List<FieldError> errors = c.errors();
            if (errors.isEmpty()) {
                ValidationResult v = validator.validate(c.body(), principal);
                if (v.ok()) {
                    valid.add(v.event());
                    validLines.add(c.line());
                    continue;
                }
                errors = v.errors();
            }
            rejected++;
            feeds.countRejection(principal, errors.get(0).field());
            lines.add(new LineResult(c.line(), REJECTED, null, errors));
        }

        Set<UUID> archived = known(valid.stream().map(GeoEvent::eventId).toList());
        for (int i = 0; i < valid.size(); i++) {
            GeoEvent event = valid.get(i);
            if (archived.contains(event.eventId()) || !seen.add(event.eventId())) {
                duplicates++;
                lines.add(new LineResult(validLines.get(i), DUPLICATE, event.eventId(), null));
            } else {
                toPublish.add(event);
                publishLines.add(validLines.get(i));
            }
        }

        publisher.publishAll(toPublish);
        recent.addAll(toPublish.stream().map(GeoEvent::eventId).toList());
        for (int i = 0; i < toPublish.size(); i++) {
            lines.add(new LineResult(publishLines.get(i), ACCEPTED, toPublish.get(i).eventId(), null));
        }
        lines.sort((a, b) -> Integer.compare(a.line(), b.line()));
        feeds.count(principal, toPublish.size(), rejected, duplicates);
        skipped.forEach((reason, n) -> feeds.countSkipped(principal, reason, n));
        return new BulkResult(candidates.size(), toPublish.size(), duplicates, rejected, skipped, lines);
    }

    /** The ids among these that were published before: recently by this instance, or stored in the archive. */
    private Set<UUID> known(List<UUID> ids) {
        Set<UUID> found = recent.known(ids);
        if (found.size() < ids.size()) {
            found.addAll(archive.existing(found.isEmpty() ? ids : ids.stream().filter(id -> !found.contains(id)).toList()));
        }
        return found;
    }
}
