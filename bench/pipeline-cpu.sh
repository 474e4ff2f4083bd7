#!/usr/bin/env bash
# The whole pipeline's CPU per event, and the rate it sustains end to end.
#
# WHAT  Every event a feed gets accepted is also archived by ingest, scored by the stream, written to the history and
#       checked by notification-service, on the same cores. This posts N events (NDJSON, 10,000-line requests, 2 in
#       flight) through the gateway, waits until the groups georisk-ingest-archive, georisk-assessment,
#       georisk-assessment-history and georisk-notification have drained them, and prints per run: accepted events/s,
#       events/s until the whole pipeline was done, and the CPU ms per event of each process (gateway, ingest,
#       assessment, notification, broker, PostgreSQL) from /proc. R runs on the same JVMs show the JIT's warm-up
#       and then the steady cost (docs/performance.md, "Where the two cores go").
# RUN   ./georisk start && bench/pipeline-cpu.sh            # 50,000 events, 4 runs
#       bench/pipeline-cpu.sh 30000 3
#   env GATEWAY (http://127.0.0.1:8080), FEED_KEY (dev-feed-key), KAFKA_BOOTSTRAP (127.0.0.1:9092).
#       The events stay in georisk.events: a local/throwaway system only.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=classpath.sh
source "$HERE/classpath.sh"
GATEWAY="${GATEWAY:-http://127.0.0.1:8080}"
case "$GATEWAY" in
    http://127.0.0.1:*|http://localhost:*) ;;
    *) echo "pipeline-cpu: GATEWAY must be on 127.0.0.1 (got $GATEWAY)" >&2; exit 2 ;;
esac
echo "pipeline-cpu: $(date -u +%FT%TZ), load average $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"
exec java -Xmx1g -cp "$BENCH_CP" org.georisk.bench.PipelineCpu "${1:-50000}" "${2:-4}" "$GATEWAY" \
    "${FEED_KEY:-dev-feed-key}" "${KAFKA_BOOTSTRAP:-127.0.0.1:9092}" "$BENCH_ROOT"
