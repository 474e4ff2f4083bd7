package org.georisk.assessment.it;

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
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        Response last = null;
        while (System.nanoTime() < deadline) {
            last = request.get();
            if (done.test(last)) {
                return last;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        fail("timed out waiting for " + what + "; last answer: "
                + (last == null ? "none" : last.statusCode() + " " + last.asString()));
        return last;
    }
}
