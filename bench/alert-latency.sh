#!/usr/bin/env bash
# Alert latency: from posting an event to its alert arriving at a live SSE client.
#
# WHAT  The end-to-end delay of the alert path: gateway -> ingest-service -> georisk.events -> assessment-service
#       (Kafka Streams, exactly-once: the output is visible at its transaction commit) -> georisk.assessments ->
#       notification-service (built-in level-change rule, outbox in PostgreSQL, relay) -> georisk.alerts ->
#       gateway live feed -> SSE client.
# HOW   org.georisk.bench.AlertLatency (georisk-bench module) opens GET /api/v1/stream/alerts
#       (X-API-Key dev-analyst-key) and waits for the gateway's ": connected" comment. It reads GET
#       /api/v1/assessments and picks K country pairs that have no assessment yet (ISO alpha-3 codes from the JDK,
#       shuffled). For each pair it posts E events one at a time (POST /api/v1/events, application/json,
#       dev-feed-key): CAMEO 190 (Goldstein -10 from the table), 10 mentions, dated a minute ago. Under the scoring
#       defaults (docs/scoring.md) one such event scores 43.60 = GUARDED, and the built-in rule counts a
#       pair's first assessment as coming from LOW, so it raises LEVEL_UP; E=1 is enough (E>1 is there in case the
#       defaults change: latency is then measured from the pair's LAST post). Posts are paced (one every
#       INTERVAL_MS, each waiting for its 202), so the figure is latency at a steady load, not a backlog. The
#       latency of a pair = first alert for that pair seen at the SSE client - the moment its last POST was sent
#       (one clock: the client's System.nanoTime). Prints alerts received, p50, p90, p99, max (ms), and the POST
#       round trip (202) for comparison. If the first pair's alert does not come within WAIT_S it stops early.
#       Each run adds K new pairs at GUARDED to the system: run it on a local/throwaway system.
# RUN   cd /work/main && ./georisk start
#       bench/alert-latency.sh            # K=1000 pairs, 1 event each, one POST every 100 ms (~100 s)
#       bench/alert-latency.sh 50         # K=50
#   env EVENTS_PER_PAIR (1), INTERVAL_MS (100; the gateway allows 50 requests/s per key), WAIT_S (60: how long to
#       wait for the first alert, and for the last ones after the last post), GATEWAY (http://127.0.0.1:8080),
#       FEED_KEY (dev-feed-key), ANALYST_KEY (dev-analyst-key), IDLE_WAIT_S (600: before posting, wait until the
#       groups georisk-assessment and georisk-notification have no backlog; a warning is printed otherwise),
#       KAFKA_BOOTSTRAP_SERVERS (127.0.0.1:9092, only for that check).
# Exit status 0 when every pair's alert arrived.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=classpath.sh
source "$HERE/classpath.sh"
K="${1:-1000}"
EVENTS_PER_PAIR="${EVENTS_PER_PAIR:-1}"
INTERVAL_MS="${INTERVAL_MS:-100}"
WAIT_S="${WAIT_S:-60}"
GATEWAY="${GATEWAY:-http://127.0.0.1:8080}"
FEED_KEY="${FEED_KEY:-dev-feed-key}"
ANALYST_KEY="${ANALYST_KEY:-dev-analyst-key}"
IDLE_WAIT_S="${IDLE_WAIT_S:-600}"
BOOTSTRAP="${KAFKA_BOOTSTRAP_SERVERS:-127.0.0.1:9092}"

case "$GATEWAY" in
    http://127.0.0.1:*|http://localhost:*) ;;
    *) echo "alert-latency: GATEWAY must be on 127.0.0.1 (got $GATEWAY)" >&2; exit 2 ;;
esac
if [[ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$GATEWAY/q/health/ready" || true)" != 200 ]]; then
    echo "alert-latency: the gateway at $GATEWAY is not ready; run ./georisk start first" >&2
    exit 2
fi
echo "alert-latency: $(date -u +%FT%TZ), load average $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"
# A backlog in the stream or in notification-service (e.g. right after bulk-ingest.sh or rebuild.sh) would be
# measured as latency: wait (at most IDLE_WAIT_S) until both groups have caught up.
timeout $(( IDLE_WAIT_S + 60 )) java -cp "$BENCH_CP" org.georisk.bench.KafkaLagCli idle "$BOOTSTRAP" "$IDLE_WAIT_S" \
    "georisk.events:georisk-assessment,georisk.assessments:georisk-notification" 2>/dev/null \
    || echo "alert-latency: WARNING: the pipeline still has a backlog; the latencies below include it"
# Hard bound on the whole run: posting time plus the waits plus a margin.
LIMIT=$(( K * EVENTS_PER_PAIR * (INTERVAL_MS + 500) / 1000 + 2 * WAIT_S + 120 ))
exec timeout --signal=TERM "$LIMIT" java -cp "$BENCH_CP" org.georisk.bench.AlertLatency "$K" "$EVENTS_PER_PAIR" "$INTERVAL_MS" "$WAIT_S" \
    "$GATEWAY" "$FEED_KEY" "$ANALYST_KEY"
