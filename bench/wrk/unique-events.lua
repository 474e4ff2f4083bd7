-- wrk script for ./georisk bench: POST /api/v1/events (application/json), every request a new event under a
-- unique externalId (<BENCH_RUN>-<thread>-<n>), so none is a duplicate. Counts the answers by status per thread
-- and prints them at the end as "WRK <name> <count>" lines (only 202 is an accepted event).
-- env: BENCH_RUN (externalId prefix), FEED_KEY (X-API-Key).
local threads = {}
local run = os.getenv("BENCH_RUN") or ("bench-wrk-" .. os.time())
local key = os.getenv("FEED_KEY") or "dev-feed-key"
local actors = {"AZE", "RUS", "ARM", "TUR", "GEO", "IRN"}
local cameo = {"036", "042", "046", "057", "061", "111", "120", "163", "172", "190"}

function setup(thread)
    table.insert(threads, thread)
    thread:set("tid", #threads)
end

function init(args)
    n = 0
    accepted, duplicates, throttled, server_errors, other = 0, 0, 0, 0, 0
    occurred_at = os.date("!%Y-%m-%dT%H:%M:%SZ", os.time() - 3600)
    wrk.method = "POST"
    wrk.headers["Content-Type"] = "application/json"
    wrk.headers["X-API-Key"] = key
end

function request()
    n = n + 1
    local a = (n % 6) + 1
    local b = ((n + 1 + math.floor(n / 6) % 5) % 6) + 1
    local body = string.format(
        '{"externalId":"%s-%d-%d","occurredAt":"%s","actor1":"%s","actor2":"%s","cameoCode":"%s","mentions":%d,'
            .. '"headline":"Benchmark event %d-%d"}',
        run, tid, n, occurred_at, actors[a], actors[b], cameo[(n % 10) + 1], (n % 5) + 1, tid, n)
    return wrk.format(nil, nil, nil, body)
end

function response(status, headers, body)
    if status == 202 then
        accepted = accepted + 1
    elseif status == 200 then
        duplicates = duplicates + 1
    elseif status == 429 then
        throttled = throttled + 1
    elseif status >= 500 then
        server_errors = server_errors + 1
    else
        other = other + 1
    end
end

function done(summary, latency, requests)
    local totals = {accepted = 0, duplicates = 0, throttled = 0, server_errors = 0, other = 0}
    for _, t in ipairs(threads) do
        for name, _ in pairs(totals) do
            totals[name] = totals[name] + t:get(name)
        end
    end
    for name, count in pairs(totals) do
        io.write(string.format("WRK %s %d\n", name, count))
    end
    io.write(string.format("WRK requests %d\n", summary.requests))
    io.write(string.format("WRK duration_us %d\n", summary.duration))
    io.write(string.format("WRK socket_errors %d\n", summary.errors.connect + summary.errors.read
        + summary.errors.write + summary.errors.timeout))
    io.write(string.format("WRK p50_us %d\n", latency:percentile(50)))
    io.write(string.format("WRK p99_us %d\n", latency:percentile(99)))
end
