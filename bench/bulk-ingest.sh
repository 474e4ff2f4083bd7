#!/usr/bin/env bash
# Bulk ingest throughput through the gateway.
#
# WHAT  How many events per wall-clock second GeoRisk accepts when a feed posts NDJSON bulks:
#       POST /api/v1/events (Content-Type application/x-ndjson, X-API-Key dev-feed-key) through the gateway (8080),
#       which relays to ingest-service (8081), which validates every line and answers once Kafka (acks=all)
#       acknowledged the accepted ones. "accepted" is the BulkResult count, so the figure is events durably on
#       georisk.events per second, end to end through gateway + ingest + broker.
# HOW   org.georisk.bench.BulkIngest (the georisk-bench module's LoadGenerator) posts N valid GeoEvents
#       (org.georisk.bench.EventLines: unique externalIds bench-bulk-<run>-<n>, actors AZE/RUS/ARM/TUR/GEO/IRN, CAMEO
#       036 042 046 057 061 111 120 163 172 190, goldstein omitted or the code's standard value moved by at most 1
#       (same sign), mentions 1.., occurredAt uniformly within the last year) in requests of <= 10,000 lines, with P
#       requests in flight, counts each BulkResult line (ACCEPTED, DUPLICATE, REJECTED), retries a request that got
#       429/5xx/a connection error with the same externalIds, and prints accepted events per wall second.
#       Every run uses new externalIds, so nothing is a duplicate; the events stay in georisk.events (the log is
#       the source of truth): run it on a local/throwaway system, not on one whose data matters.
# RUN   cd /work/main && ./georisk start            # the system must run
#       bench/bulk-ingest.sh                      # 100,000 events, 1 poster, then the same with 2 posters
#       bench/bulk-ingest.sh 20000 1              # N=20,000, sequential only
#       bench/bulk-ingest.sh 20000 2              # N=20,000, 2 concurrent posters only
#   env GATEWAY (default http://127.0.0.1:8080), FEED_KEY (dev-feed-key), LINES (10000, max 10000),
#       TIMEOUT_S (600: per run; requests not sent by then are counted as unsent).
# Exit status 0 when every event of every run was read and accepted.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=classpath.sh
source "$HERE/classpath.sh"
N="${1:-100000}"
POSTERS="${2:-both}"
GATEWAY="${GATEWAY:-http://127.0.0.1:8080}"
FEED_KEY="${FEED_KEY:-dev-feed-key}"
LINES="${LINES:-10000}"
TIMEOUT_S="${TIMEOUT_S:-600}"

case "$GATEWAY" in
    http://127.0.0.1:*|http://localhost:*) ;;
    *) echo "bulk-ingest: GATEWAY must be on 127.0.0.1 (got $GATEWAY)" >&2; exit 2 ;;
esac
if [[ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$GATEWAY/q/health/ready" || true)" != 200 ]]; then
    echo "bulk-ingest: the gateway at $GATEWAY is not ready; run ./georisk start first" >&2
    exit 2
fi

echo "bulk-ingest: $(date -u +%FT%TZ), load average $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"
status=0
run() {
    echo
    echo "== $N events, $1 poster(s), <= $LINES lines per request, via $GATEWAY =="
    java -Xmx1g -cp "$BENCH_CP" org.georisk.bench.BulkIngest "$N" "$1" "$LINES" "$GATEWAY" "$FEED_KEY" "$TIMEOUT_S" || status=1
}
if [[ "$POSTERS" == both ]]; then
    run 1
    run 2
else
    run "$POSTERS"
fi
exit "$status"
