package org.georisk.ingest.rest;

import com.fasterxml.jackson.databind.JsonNode;
import org.georisk.contracts.FieldError;
import org.georisk.ingest.service.FeedRateLimit;
import org.georisk.ingest.service.InvalidRequestException;

import java.util.ArrayList;
import java.util.List;

/** Reads a feed's rate limit from a request body, each wrong field named. */
final class RateLimitBody {

    private RateLimitBody() {
    }

    static FeedRateLimit read(JsonNode body) {
        List<FieldError> errors = new ArrayList<>();
        JsonNode rate = body.isObject() ? body.get("requestsPerSecond") : null;
        JsonNode burst = body.isObject() ? body.get("burst") : null;
        if (rate == null || !rate.isNumber() || !(rate.asDouble() >= 1 && rate.asDouble() <= FeedRateLimit.MAX_PER_SECOND)) {
            errors.add(new FieldError("requestsPerSecond",
                    "is required: a number from 1 to " + (long) FeedRateLimit.MAX_PER_SECOND));
        }
        if (burst == null || !burst.canConvertToInt() || !burst.isIntegralNumber()
                || burst.asInt() < 1 || burst.asInt() > FeedRateLimit.MAX_BURST) {
            errors.add(new FieldError("burst", "is required: a whole number from 1 to " + FeedRateLimit.MAX_BURST));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException("invalid rate limit", errors);
        }
        return new FeedRateLimit(rate.asDouble(), burst.asInt());
    }
}
