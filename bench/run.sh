#!/usr/bin/env bash
# ./georisk bench: GeoRisk's figures beside raw Kafka's, in one run, on the running local system.
#
#   bench/run.sh [--short] [--soak MINUTES] [--only STEPS]     (what `./georisk bench` runs)
#   --only a,c,g runs only those steps (letters below; d runs with e), e.g. to repeat one figure.
#
# WHAT  On the system of `./georisk start`, in this order (bench/README.md says what each measures and how):
#       (a) raw producer: ProducerPerformance, N records of 300 bytes, acks=all, into the scratch topic
#           georisk.bench.raw (laid out like georisk.events, deleted afterwards);
#       (b) bulk NDJSON through the gateway: the same N events, 10,000-line requests, dev-feed-key;
#       (c) single-event POSTs, 64 connections, D seconds (wrk + bench/wrk/unique-events.lua when wrk is installed);
#       (d) raw consumer: ConsumerPerformance over georisk.events, and (e) the rebuild of georisk.events (filled up
#           to M events) by the documented procedure (assessment-service/bin/rebuild.sh, then the group's lag to 0);
#       (f) POST -> alert at an SSE client under a load of R events/s, every consumer group's lag each second;
#       (g) readiness: each service restarted, process start -> /q/health/ready UP;
#       (h) with --soak MINUTES (full mode only): resident memory of each service and lag every 10 s under load.
#       Prints a table (figure, GeoRisk, raw Kafka, ratio, goal, met?) and writes the same as JSON to
#       .georisk/bench/bench-<time>.json (step logs in .georisk/bench/bench-<time>-logs/).
#       Full: N = 200,000, D = 30 s, M = 1,000,000, R = 1,000/s for 60 s; 15-25 minutes.
#       --short: N = 5,000, D = 10 s, M = 8,000, R = 50/s for 8 s; a minute or two. Proves every figure comes out.
# NOTE  It writes synthetic events into georisk.events, which keeps them (the log is the source of truth), resets
#       and rebuilds the assessments, and restarts every service: for a local system whose data does not matter.
# Exit status 0 when every figure was produced (whether or not it met its goal), 1 when a step failed, 2 when the
# system is not running.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"

for arg in "$@"; do
    case "$arg" in
        --short|--soak|--only|[0-9]*|[a-h]|[a-h],*) ;;
        *) echo "usage: bench/run.sh [--short] [--soak MINUTES] [--only STEPS]" >&2; exit 2 ;;
    esac
done

if [[ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 http://127.0.0.1:8080/q/health/ready || true)" != 200 ]]; then
    echo "bench: the gateway on 127.0.0.1:8080 is not ready; run ./georisk start first" >&2
    exit 2
fi
for service in ingest-service assessment-service notification-service api-gateway; do
    pid_file="$ROOT/.georisk/run/$service.pid"
    [[ -f "$pid_file" ]] && kill -0 "$(cat "$pid_file")" 2>/dev/null \
        || { echo "bench: $service is not running under ./georisk (no live pid in $pid_file); ./georisk start first" >&2; exit 2; }
done
[[ -d "$ROOT/local-infra/target/broker-lib" ]] \
    || { echo "bench: no local-infra/target/broker-lib (assessment-service/bin/rebuild.sh needs it); build first" >&2; exit 2; }
command -v wrk > /dev/null || echo "bench: wrk is not installed (apt-get install wrk): (c) uses the Java client instead" >&2

# shellcheck source=classpath.sh
source "$HERE/classpath.sh"
# kafka-clients logs through SLF4J, which finds no binding here and says so on stderr: dropped
exec java -Xmx1g -cp "$BENCH_CP" org.georisk.bench.BenchMain --root "$ROOT" "$@" 2> >(grep -v '^SLF4J' >&2)
