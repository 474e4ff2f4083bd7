# shellcheck shell=bash
# ./georisk start|stop|status --cluster: GeoRisk on three KRaft brokers and two instances of each service, on one
# machine (docs/scaling.md). Sourced by ./georisk, whose helpers (spawn, stop_pid, ensure_postgres, ...) it uses.
#
#   brokers    kafka-1..3 on 127.0.0.1:9092/9094/9096 (controllers 9093/9095/9097), data in .georisk/kafka-N;
#              replication factor 3, min.insync.replicas 2 (local-infra BrokerConfig)
#   services   <service>-1 on 1808x and <service>-2 on 2808x (x = 0 gateway, 1 ingest, 2 assessment, 3 notification),
#              profiles local,cluster; work dirs .georisk/<service>-N; databases georisk_*_cluster
#   balancer   one JVM (local-infra BalancerMain) on the usual 8080-8083, each port in front of its service's pair:
#              clients and the dashboard use :8080, each gateway reaches the services behind it through 8081-8083

CLUSTER_BROKERS=(1:9092:9093 2:9094:9095 3:9096:9097)
CLUSTER_BOOTSTRAP="127.0.0.1:9092,127.0.0.1:9094,127.0.0.1:9096"
CLUSTER_VOTERS="1@127.0.0.1:9093,2@127.0.0.1:9095,3@127.0.0.1:9097"
CLUSTER_DB_SUFFIX=_cluster

cluster_instances() {
    local s n
    for n in 1 2; do
        for s in "${SERVICES[@]}"; do
            echo "$(svc_name "$s")-$n:$n$(svc_port "$s")"
        done
    done
}

start_cluster_brokers() {
    local id port ctl b t pid
    t=$(now_ms)
    # One cluster id for all three nodes, kept beside their data (only read when a node formats its log dir).
    # A KRaft cluster id is 16 random bytes in URL-safe base64 without padding.
    [[ -f "$WORK/cluster-id" ]] || head -c 16 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n' > "$WORK/cluster-id"
    for b in "${CLUSTER_BROKERS[@]}"; do
        IFS=: read -r id port ctl <<< "$b"
        pid="$(read_pid "kafka-$id")"
        if pid_alive "$pid" && port_answers "$port"; then
            say "kafka-$id       already running (pid $pid) on 127.0.0.1:$port"
            continue
        fi
        port_answers "$port" && die "port $port is taken by another process; kafka-$id cannot start"
        rm -f "$WORK/kafka-$id/ready"
        # shellcheck disable=SC2086
        spawn "kafka-$id" "$LOGS/kafka-$id.log" java ${GEORISK_BROKER_JAVA_OPTS:--Xmx512m -Xms128m} -cp "$INFRA_CP" \
            org.georisk.infra.KafkaBrokerMain --dir "$WORK/kafka-$id" --port "$port" --controller-port "$ctl" \
            --node-id "$id" --voters "$CLUSTER_VOTERS" --replication 3 --cluster-id "$(cat "$WORK/cluster-id")"
    done
    # Each node writes its ready file once three brokers answer and the topics exist.
    for b in "${CLUSTER_BROKERS[@]}"; do
        IFS=: read -r id port ctl <<< "$b"
        pid="$(read_pid "kafka-$id")"
        until [[ -f "$WORK/kafka-$id/ready" ]]; do
            pid_alive "$pid" || die "kafka-$id exited; see $LOGS/kafka-$id.log"
            (( $(now_ms) - t < 180000 )) || die "kafka-$id is not ready after 180 s; see $LOGS/kafka-$id.log"
            sleep 0.2
        done
    done
    say "kafka         3 brokers on $CLUSTER_BOOTSTRAP in $(secs_since "$t")s (RF 3, min ISR 2, topics created)"
}

start_cluster_instance() {
    local name="$1" port="$2" service="${1%-[12]}" db pid
    pid="$(read_pid "$name")"
    if pid_alive "$pid"; then
        say "$(printf '%-22s' "$name") already running (pid $pid)"
        return
    fi
    port_answers "$port" && die "port $port is taken by another process; $name cannot start"
    case "$service" in
        ingest-service) db=georisk_ingest ;;
        assessment-service) db=georisk_assessment ;;
        notification-service) db=georisk_notification ;;
        api-gateway) db=georisk_gateway ;;
    esac
    local env=(KAFKA_BOOTSTRAP_SERVERS="$CLUSTER_BOOTSTRAP" GEORISK_WORK_DIR="$WORK/$name"
        GEORISK_JWT_PUBLIC_KEY_LOCATION="file:$JWT_DIR/service-token-public.pem"
        GEORISK_DB_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/$db$CLUSTER_DB_SUFFIX")
    [[ "$service" == api-gateway ]] && env+=(GEORISK_JWT_PRIVATE_KEY_LOCATION="file:$JWT_DIR/service-token-private.pem"
        GEORISK_INGEST_URL=http://127.0.0.1:8081 GEORISK_ASSESSMENT_URL=http://127.0.0.1:8082
        GEORISK_NOTIFICATION_URL=http://127.0.0.1:8083)
    mkdir -p "$WORK/$name" "$WORK/tmp"
    local cds=()
    [[ -f "$ROOT/$service/target/quarkus-app/app-cds.jsa" ]] \
        && cds=(-XX:SharedArchiveFile="$ROOT/$service/target/quarkus-app/app-cds.jsa" -Xshare:auto)
    # shellcheck disable=SC2086
    (cd "$WORK/$name" && spawn "$name" "$LOGS/$name.log" env "${env[@]}" \
        java "${cds[@]}" $SERVICE_JAVA_OPTS -Djava.io.tmpdir="$WORK/tmp" -Dquarkus.profile=local,cluster \
        -Dquarkus.http.port="$port" -jar "$ROOT/$service/target/quarkus-app/quarkus-run.jar")
}

start_cluster_balancer() {
    local pid routes=() s port
    pid="$(read_pid balancer)"
    if pid_alive "$pid"; then
        say "balancer      already running (pid $pid)"
        return
    fi
    for s in "${SERVICES[@]}"; do
        port="$(svc_port "$s")"
        port_answers "$port" && die "port $port is taken by another process; the balancer cannot start"
        routes+=(--route "$port=127.0.0.1:1$port,127.0.0.1:2$port")
    done
    rm -f "$RUN/balancer.ready"
    spawn balancer "$LOGS/balancer.log" java -Xmx64m -XX:+UseSerialGC -cp "$INFRA_CP" org.georisk.infra.BalancerMain \
        --ready "$RUN/balancer.ready" "${routes[@]}"
    until [[ -f "$RUN/balancer.ready" ]]; do
        pid_alive "$(read_pid balancer)" || die "the balancer exited; see $LOGS/balancer.log"
        sleep 0.1
    done
    say "balancer      127.0.0.1:8080-8083, each in front of a pair of instances (pid $(read_pid balancer))"
}

cluster_wait_ready() {
    local name="$1" port="$2" t="$3" pid
    pid="$(read_pid "$name")"
    until [[ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/q/health/ready" || true)" == 200 ]]; do
        pid_alive "$pid" || { tail -n 20 "$LOGS/$name.log" >&2; die "$name exited during start; see $LOGS/$name.log"; }
        (( $(now_ms) - t < 240000 )) || die "$name is not ready after 240 s; see $LOGS/$name.log"
        sleep 0.25
    done
    say "$(printf '%-22s' "$name") ready on :$port after $(secs_since "$t")s (RSS $(rss_mib "$pid") MiB, pid $pid)"
}

cmd_start_cluster() {
    local t0 t i name port n
    t0=$(now_ms)
    mkdir -p "$LOGS" "$RUN"
    pid_alive "$(read_pid kafka)" && die "the single-broker system is running; ./georisk stop first"
    touch "$RUN/cluster"
    build_if_missing
    ensure_service_keys
    FRESH_LOG=false
    if [[ ! -f "$WORK/kafka-1/data/meta.properties" ]]; then
        FRESH_LOG=true
        rm -rf "$WORK"/*-service-[12]/kafka-streams "$WORK"/api-gateway-[12]/kafka-streams
    fi
    start_cluster_brokers &
    local brokers=$!
    ensure_postgres "$CLUSTER_DB_SUFFIX"
    wait "$brokers" || die "the brokers did not start"
    start_cluster_balancer
    # Instance 1 of every service, then instance 2: one instance runs a database's first migrations and seeds
    # the development keys, and two JVMs fewer compete for the cores at a time.
    for n in 1 2; do
        t=$(now_ms)
        for i in $(cluster_instances | grep -- "-$n:"); do start_cluster_instance "${i%%:*}" "${i##*:}"; done
        for i in $(cluster_instances | grep -- "-$n:"); do cluster_wait_ready "${i%%:*}" "${i##*:}" "$t"; done
    done
    load_sample
    cat <<EOF

GeoRisk cluster is up in $(secs_since "$t0")s: 3 brokers ($CLUSTER_BOOTSTRAP), 2 instances of each service.
  gateway    $GATEWAY          (the balancer in front of api-gateway-1 :18080 and api-gateway-2 :28080)
  dashboard  $GATEWAY/
  keys       X-API-Key: dev-feed-key (feed), dev-analyst-key (analyst), dev-ops-key (ops)
  logs       ./georisk logs SERVICE-N   (files in .georisk/logs/)
  stop       ./georisk stop
EOF
}

cmd_stop_cluster() {
    local i jobs=() b id
    for i in $(cluster_instances); do
        stop_pid "${i%%:*}" 30 &
        jobs+=($!)
    done
    for i in "${jobs[@]}"; do wait "$i" || true; done
    stop_pid balancer 10
    jobs=()
    for b in "${CLUSTER_BROKERS[@]}"; do
        id="${b%%:*}"
        stop_pid "kafka-$id" 60 &
        jobs+=($!)
    done
    for i in "${jobs[@]}"; do wait "$i" || true; done
    rm -f "$RUN/cluster"
}

cmd_status_cluster() {
    local b id port ctl pid i name health
    for b in "${CLUSTER_BROKERS[@]}"; do
        IFS=: read -r id port ctl <<< "$b"
        pid="$(read_pid "kafka-$id")"
        if pid_alive "$pid"; then
            say "$(printf '%-22s' "kafka-$id") running  pid $pid  127.0.0.1:$port  RSS $(rss_mib "$pid") MiB"
        else
            say "$(printf '%-22s' "kafka-$id") stopped"
        fi
    done
    pid="$(read_pid balancer)"
    if pid_alive "$pid"; then say "balancer               running  pid $pid  :8080-8083"; else say "balancer               stopped"; fi
    for i in $(cluster_instances); do
        name="${i%%:*}"; port="${i##*:}"; pid="$(read_pid "$name")"
        if pid_alive "$pid"; then
            health="$(curl -s --max-time 5 "http://127.0.0.1:$port/q/health/ready" | jq -r '.status' 2>/dev/null || true)"
            say "$(printf '%-22s' "$name") running  pid $pid  :$port  ready=${health:-no answer}  RSS $(rss_mib "$pid") MiB"
        else
            say "$(printf '%-22s' "$name") stopped"
        fi
    done
}
