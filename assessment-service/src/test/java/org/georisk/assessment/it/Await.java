package org.georisk.assessment.it;

import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.Awaitility;
import io.restassured.response.Response;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.fail;

/** Polls until the asynchronous pipeline (broker → stream → broker → history consumer) has caught up. */
final class Await {

    static final Duration TIMEOUT = Duration.ofSeconds(90);

    private Await() {
    }

    static Response until(Supplier<Response> request, Predicate<Response> done, String what) {
        AtomicReference<Response> last = new AtomicReference<>();
        try {
            return Awaitility.await(what).atMost(TIMEOUT).pollInterval(Duration.ofMillis(250))
                    .until(() -> {
                        Response answer = request.get();
                        last.set(answer);
                        return answer;
                    }, done::test);
        } catch (ConditionTimeoutException e) {
            Response answer = last.get();
            fail("timed out waiting for " + what + "; last answer: "
                    + (answer == null ? "none" : answer.statusCode() + " " + answer.asString()));
            return answer;
        }
    }
}
