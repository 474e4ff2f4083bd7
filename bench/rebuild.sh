#!/usr/bin/env bash
# Assessment rebuild rate: how fast assessment-service's Kafka Streams app recomputes every assessment from the log.
#
# WHAT  Events per second the scoring stream (application.id georisk-assessment, exactly_once_v2, RocksDB state)
#       consumes during a rebuild of georisk.events from the first event, with its real downstream (history
#       consumer -> PostgreSQL, notification-service) running beside it as in production; and, for comparison, the
#       raw consumer rate of the same topic (org.apache.kafka.tools.ConsumerPerformance, no processing).
# HOW   On the running local system (./georisk start), using the DOCUMENTED rebuild (docs/scoring.md "Rebuild",
#       assessment-service/bin/rebuild.sh):
#        1. GEORISK_NO_RESTART=1 assessment-service/bin/rebuild.sh: stops assessment-service, StreamsResetter puts
#           georisk-assessment's offsets on georisk.events back to the earliest and deletes its changelogs, the local
#           RocksDB state is removed;
#        2. org.georisk.bench.EventProducer produces M synthetic GeoEvents straight into georisk.events (contracts JSON
#           shape, eventId = EventIds.eventId(source, externalId), keyed by pair key; actors from ACTORS, CAMEO 036
#           042 046 057 061 111 120 163 172 190 with table Goldstein, occurredAt uniform over the last year, in random
#           order); prints the producer rate;
#        3. waits (bounded, ARCHIVE_WAIT_S) for ingest-service's archive consumer (georisk-ingest-archive) to store
#           them, so it does not compete for the 2 cores during the measurement;
#        4. ConsumerPerformance reads the whole topic once with a throwaway group (raw rate), group deleted after;
#        5. t0 = `./georisk start` (starts only assessment-service, the rest runs); org.georisk.bench.KafkaLagCli polls the
#           group georisk-assessment's committed offsets against the end offsets (Admin API, what
#           kafka-consumer-groups --describe shows) every 250 ms until the lag is 0, and prints events/s from t0 and
#           from the first commit (the steady rate, without JVM start, rebalance and restore).
#       The rebuild covers EVERY event in georisk.events (the M synthetic ones plus whatever the log held).
#       The synthetic events stay in georisk.events forever (retention -1) and become assessments/alerts: this is
#       for a local, throwaway system. --fresh first runs `./georisk stop && rm -rf .georisk && ./georisk start`
#       (an empty log: the rebuild then covers the M events plus the sample feed).
# RUN   cd /work/main && ./georisk start
#       bench/rebuild.sh --confirm                 # M = 1,000,000
#       bench/rebuild.sh --confirm 100000          # M = 100,000
#       bench/rebuild.sh --confirm --fresh 1000000 # on a new, empty local system
#   env ACTORS (comma list, default 24 real codes = 276 pairs; AZE,RUS,ARM,TUR,GEO,IRN gives 15 hot pairs),
#       ARCHIVE_WAIT_S (600), REBUILD_TIMEOUT_S (3600), KAFKA_BOOTSTRAP_SERVERS (127.0.0.1:9092).
# Figures: lines starting with RESULT. Logs of the steps in ${BENCH_LOG_DIR:-/tmp/georisk-bench}.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=classpath.sh
source "$HERE/classpath.sh"
ROOT="$(cd "$HERE/.." && pwd)"
BOOTSTRAP="${KAFKA_BOOTSTRAP_SERVERS:-127.0.0.1:9092}"
CP="$BENCH_CP"
ACTORS="${ACTORS:-AZE,RUS,ARM,TUR,GEO,IRN,USA,FRA,DEU,GBR,CHN,UKR,KAZ,ISR,IRQ,SYR,IND,PAK,EU,NATO,CSTO,UN,OSCE,EAEU}"
ARCHIVE_WAIT_S="${ARCHIVE_WAIT_S:-600}"
REBUILD_TIMEOUT_S="${REBUILD_TIMEOUT_S:-3600}"
LOGDIR="${BENCH_LOG_DIR:-/tmp/georisk-bench}"
TOPIC=georisk.events
SOURCE=bench-rebuild

CONFIRM=false
FRESH=false
M=1000000
for arg in "$@"; do
    case "$arg" in
        --confirm) CONFIRM=true ;;
        --fresh) FRESH=true ;;
        [0-9]*) M="$arg" ;;
        *) echo "usage: bench/rebuild.sh --confirm [--fresh] [M]" >&2; exit 2 ;;
    esac
done
if [[ "$CONFIRM" != true ]]; then
    echo "rebuild: this writes $M synthetic events into $TOPIC of the running local system (kept forever) and resets"
    echo "rebuild: assessment-service; pass --confirm to do it (see the header of $0)."
    exit 2
fi
case "$BOOTSTRAP" in
    127.0.0.1:*|localhost:*) ;;
    *) echo "rebuild: KAFKA_BOOTSTRAP_SERVERS must be on 127.0.0.1 (got $BOOTSTRAP)" >&2; exit 2 ;;
esac
[[ -d "$ROOT/local-infra/target/broker-lib" ]] || { echo "rebuild: no $ROOT/local-infra/target/broker-lib; build local-infra" >&2; exit 2; }
mkdir -p "$LOGDIR"

say() { printf '%s\n' "$*"; }
# ./georisk start runs a full Maven build when a service jar is missing; never let the benchmark trigger one.
jars_present() {
    local m
    for m in ingest-service assessment-service notification-service api-gateway; do
        [[ -f "$ROOT/$m/target/quarkus-app/quarkus-run.jar" ]] || { echo "rebuild: $m/target/quarkus-app/quarkus-run.jar is missing (a build is running?); try again later" >&2; return 1; }
    done
}
now_ms() { date +%s%3N; }
# java with the georisk-bench classpath (its classes, kafka-clients, kafka-tools, contracts); SLF4J chatter dropped
kjava() { java -cp "$CP" -Dlog4j2.level=WARN "$@" 2> >(grep -v -e '^SLF4J' -e 'log4j' >&2); }
lag() { kjava org.georisk.bench.KafkaLagCli lag "$BOOTSTRAP" "$@"; }

say "rebuild: $(date -u +%FT%TZ), load average $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores, M=$M"

if [[ "$FRESH" == true ]]; then
    jars_present || exit 2
    say "== --fresh: ./georisk stop, rm -rf .georisk, ./georisk start (log in $LOGDIR/georisk-fresh.log)"
    (cd "$ROOT" && ./georisk stop && rm -rf .georisk && ./georisk start) > "$LOGDIR/georisk-fresh.log" 2>&1 \
        || { tail -20 "$LOGDIR/georisk-fresh.log"; exit 1; }
    MODE="fresh local system (./georisk stop; rm -rf .georisk; ./georisk start), then the documented reset"
else
    MODE="documented rebuild (assessment-service/bin/rebuild.sh reset) of the real georisk.events of the running local system"
fi

jars_present || exit 2
(exec 3<>"/dev/tcp/127.0.0.1/${BOOTSTRAP##*:}") 2>/dev/null || { echo "rebuild: no broker on $BOOTSTRAP; ./georisk start first" >&2; exit 2; }
pid_file="$ROOT/.georisk/run/assessment-service.pid"
[[ -f "$pid_file" ]] && kill -0 "$(cat "$pid_file")" 2>/dev/null \
    || { echo "rebuild: assessment-service is not running under ./georisk; ./georisk start first" >&2; exit 2; }

BEFORE="$(kjava org.georisk.bench.KafkaLagCli count "$BOOTSTRAP" "$TOPIC")"
say "mode: $MODE"
say "$TOPIC holds $BEFORE events before the benchmark"

say
say "== 1. reset: GEORISK_NO_RESTART=1 assessment-service/bin/rebuild.sh (log $LOGDIR/reset.log)"
(cd "$ROOT" && GEORISK_NO_RESTART=1 KAFKA_BOOTSTRAP_SERVERS="$BOOTSTRAP" timeout 300 assessment-service/bin/rebuild.sh) \
    > "$LOGDIR/reset.log" 2>&1 || { tail -20 "$LOGDIR/reset.log"; echo "rebuild: the reset failed" >&2; exit 1; }
grep '^rebuild:' "$LOGDIR/reset.log" | sed 's/^/   /'

say
say "== 2. produce $M events into $TOPIC ($(( $(tr -cd ',' <<< "$ACTORS" | wc -c) + 1 )) actors)"
timeout $(( 600 + M / 1000 )) java -cp "$CP" org.georisk.bench.EventProducer "$BOOTSTRAP" "$TOPIC" "$M" "$ACTORS" "$SOURCE" \
    2> >(grep -v -e '^SLF4J' >&2) | tee "$LOGDIR/produce.log"
grep -q '^RESULT produce' "$LOGDIR/produce.log" || { echo "rebuild: producing failed" >&2; exit 1; }
TOTAL="$(kjava org.georisk.bench.KafkaLagCli count "$BOOTSTRAP" "$TOPIC")"
say "$TOPIC now holds $TOTAL events"

say
say "== 3. let ingest-service's archive consumer catch up first (at most ${ARCHIVE_WAIT_S}s)"
if ! timeout $(( ARCHIVE_WAIT_S + 60 )) java -cp "$CP" org.georisk.bench.KafkaLagCli watch "$BOOTSTRAP" "$TOPIC" georisk-ingest-archive \
        "$ARCHIVE_WAIT_S" "$(now_ms)" 2>/dev/null | grep -v '^  *[0-9.]* s:' | sed 's/^RESULT rebuild/   archive/'; then
    say "   (the archive did not catch up in time: it competes with the rebuild below)"
fi

say
say "== 4. raw consumer rate of $TOPIC: ConsumerPerformance, $TOTAL records, throwaway group"
RAW_GROUP="georisk-bench-raw-$(now_ms)"
timeout $(( 300 + TOTAL / 10000 )) java -cp "$CP" org.apache.kafka.tools.ConsumerPerformance --bootstrap-server "$BOOTSTRAP" \
    --topic "$TOPIC" --messages "$TOTAL" --group "$RAW_GROUP" --timeout 30000 2>/dev/null | tee "$LOGDIR/consumer-perf.log" | sed 's/^/   /'
RAW_LINE="$(tail -1 "$LOGDIR/consumer-perf.log")"
kjava org.georisk.bench.KafkaLagCli delete "$BOOTSTRAP" "$RAW_GROUP" >/dev/null 2>&1 || true
# columns: start.time, end.time, data.consumed.in.MB, MB.sec, data.consumed.in.nMsg, nMsg.sec, rebalance.time.ms,
#          fetch.time.ms, fetch.MB.sec, fetch.nMsg.sec
RAW_RATE="$(awk -F', *' '{printf "%.0f", $6}' <<< "$RAW_LINE")"
RAW_FETCH_RATE="$(awk -F', *' '{printf "%.0f", $10}' <<< "$RAW_LINE")"
RAW_COUNT="$(awk -F', *' '{printf "%d", $5}' <<< "$RAW_LINE")"
say "RESULT raw consumer: $RAW_COUNT records, $RAW_RATE records/s overall, $RAW_FETCH_RATE records/s fetching (ConsumerPerformance)"

say
say "== 5. rebuild: ./georisk start (assessment-service only; log $LOGDIR/georisk-start.log), watch group georisk-assessment"
jars_present || { echo "rebuild: assessment-service stays stopped; start it with ./georisk start once the jars exist" >&2; exit 1; }
T0="$(now_ms)"
(cd "$ROOT" && ./georisk start) > "$LOGDIR/georisk-start.log" 2>&1 &
START_JOB=$!
set +e
timeout $(( REBUILD_TIMEOUT_S + 60 )) java -cp "$CP" org.georisk.bench.KafkaLagCli watch "$BOOTSTRAP" "$TOPIC" georisk-assessment \
    "$REBUILD_TIMEOUT_S" "$T0" 2>/dev/null | tee "$LOGDIR/watch.log"
set -e
wait "$START_JOB" || say "   (./georisk start reported a problem; see $LOGDIR/georisk-start.log)"
grep -E '^assessment' "$LOGDIR/georisk-start.log" | sed 's/^/   /' || true
say "   downstream at that moment (georisk.assessments is transactional: end offsets count commit markers too):"
lag georisk.assessments georisk-assessment-history,georisk-notification 2>/dev/null | sed 's/^/ /' || true

say
say "== summary ($(date -u +%FT%TZ), load average $(cut -d' ' -f1-3 /proc/loadavg))"
say "  mode               $MODE"
say "  events in the log  $TOTAL ($M produced by this run, $BEFORE before)"
grep '^RESULT' "$LOGDIR/produce.log" | sed 's/^RESULT /  /'
say "  raw consumer       $RAW_RATE records/s (fetch phase $RAW_FETCH_RATE records/s)"
grep '^RESULT' "$LOGDIR/watch.log" | sed 's/^RESULT /  /'
