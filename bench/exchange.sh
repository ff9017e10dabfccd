# shellcheck shell=bash
# ./ndp bench exchange: sourced by bench/run (which sets ROOT, BUILD, TARGET, CP, JAVA and die).
#
# On loopback, one load tool (wrk), keep-alive, the 1 KiB JSON document of SampleBackend:
#   direct   wrk -> backend
#   gateway  wrk -> consumer gateway (plain HTTP, bearer token, X-Road-Client) -> mutual TLS ->
#            provider gateway -> backend; a registry-free topology (ExchangeTopology: CA, certificates,
#            a signed global configuration served by a tiny HTTP server), with the durable message log
#   gateway (log off)  a second gateway pair, the same but without the message log, in the same run
#   nginx    wrk -> nginx 1 (HTTP) -> TLS with client certificates -> nginx 2 -> backend (same CA)
# 0. warm-up: the JIT needs about a minute of traffic on two shared cores (--warmup SECONDS, 45 per pair);
# 1. peak: a fixed number of connections (--connections), throughput and p50/p99 latency;
# 2. half load: a fixed request rate, half of the gateway pair's peak, paced by a wrk Lua script
#    (wrk2 is not in Debian), p50/p99 latency of every path at that same rate, measured after 5 s at
#    that rate whose p99 is reported apart (a pair idle for a minute reconnects and recompiles first);
# 3. gateway memory (RSS of each process, G1 heap used; -Xms256m -Xmx256m, as ./ndp gateway) after the runs;
# 4. gateway start-up: process start -> admin /health answering 200, 5 runs, median.

ensure_load_tools() {
  command -v wrk >/dev/null 2>&1 && command -v nginx >/dev/null 2>&1 && return
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "bench: installing wrk and nginx (apt-get)..." >&2
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk nginx >/dev/null
  else
    die "the exchange benchmark needs wrk and nginx: sudo apt-get install wrk nginx (not run as root, so not installed)"
  fi
}

# wrk output -> "rps p50_ms p99_ms errors"
wrk_summary() {
  awk '
    function ms(v) { if (v ~ /us$/) return substr(v, 1, length(v)-2) / 1000;
                     if (v ~ /ms$/) return substr(v, 1, length(v)-2) + 0;
                     if (v ~ /s$/) return substr(v, 1, length(v)-1) * 1000; return v }
    /Requests\/sec:/ { rps = $2 }
    /^ +50%/ { p50 = ms($2) }
    /^ +99%/ { p99 = ms($2) }
    /Non-2xx or 3xx responses:/ { errors += $5 }
    /Socket errors:/ { errors += 1 }
    END { printf "%.0f %.2f %.2f %d\n", rps, p50, p99, errors }'
}

wait_http() { # $1 = url, $2 = seconds
  local deadline=$((SECONDS + $2))
  until curl -sf -o /dev/null "$1"; do
    [ $SECONDS -lt $deadline ] || return 1
    sleep 0.2
  done
}

# start_pair TOPOLOGY_DIR SUFFIX: sources the topology's env, starts its provider and consumer gateways
# (logs/provider$SUFFIX.log, logs/consumer$SUFFIX.log), waits for both and asks the consumer for a token.
# Sets PAIR_URL (the sample service through the consumer), PAIR_TOKEN, PAIR_PROVIDER_PID and
# PAIR_CONSUMER_PID; the PIDs join EXCHANGE_PIDS. Uses exchange()'s JAVA, gw_opts, gateway_jar and work.
start_pair() {
  local dir=$1 suffix=$2
  # shellcheck disable=SC1091
  . "$dir/topology.env"
  "$JAVA" $gw_opts -jar "$gateway_jar" --config "$PROVIDER_CONFIG" >"$work/logs/provider$suffix.log" 2>&1 &
  PAIR_PROVIDER_PID=$!
  "$JAVA" $gw_opts -jar "$gateway_jar" --config "$CONSUMER_CONFIG" >"$work/logs/consumer$suffix.log" 2>&1 &
  PAIR_CONSUMER_PID=$!
  EXCHANGE_PIDS+=("$PAIR_PROVIDER_PID" "$PAIR_CONSUMER_PID")
  wait_http "$PROVIDER_ADMIN/health" 60 || die "the provider gateway did not start (see $work/logs/provider$suffix.log)"
  wait_http "$CONSUMER_ADMIN/health" 60 || die "the consumer gateway did not start (see $work/logs/consumer$suffix.log)"
  PAIR_TOKEN=$(curl -sf -X POST "$CONSUMER_URL/oauth2/token" -d grant_type=client_credentials \
    -d "client_id=$CLIENT_ID" -d "client_secret=$CLIENT_SECRET" | sed -n 's/.*"access_token" *: *"\([^"]*\)".*/\1/p')
  [ -n "$PAIR_TOKEN" ] || die "the consumer gateway issued no token (see $work/logs/consumer$suffix.log)"
  PAIR_URL="$CONSUMER_URL/r1/$SERVICE_ID/months"
}

exchange() {
  local duration=20 connections=64 base=18400 keep=false warmup=45
  while [ $# -gt 0 ]; do
    case "$1" in
      --duration) duration=$2; shift 2 ;;
      --connections) connections=$2; shift 2 ;;
      --warmup) warmup=$2; shift 2 ;;
      --base-port) base=$2; shift 2 ;;
      --keep) keep=true; shift ;;
      *) die "unknown option for exchange: $1" ;;
    esac
  done
  ensure_load_tools
  command -v curl >/dev/null 2>&1 || die "the exchange benchmark needs curl"
  local gateway_jar=$ROOT/gateway/$BUILD/ndp-gateway.jar
  [ -f "$gateway_jar" ] || die "no $gateway_jar; run it as ./ndp bench exchange (which builds first)"
  local jhome=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}
  local gw_opts=${NDP_GATEWAY_JAVA_OPTS:--Xms256m -Xmx256m}
  local work backend_port=$((base + 9)) nginx1=$((base + 6)) nginx2=$((base + 7))
  work=$(mktemp -d "${TMPDIR:-/tmp}/ndp-bench-exchange.XXXXXX")
  mkdir -p "$work/logs"
  EXCHANGE_PIDS=()
  # shellcheck disable=SC2064
  trap "exchange_stop; [ $keep = true ] || rm -rf '$work'" EXIT INT TERM

  echo "bench: exchange topology in $work" >&2
  "$JAVA" -cp "$CP" vn.ndp.bench.exchange.SampleBackend "$backend_port" >"$work/logs/backend.log" 2>&1 &
  EXCHANGE_PIDS+=($!)
  "$JAVA" -cp "$CP" vn.ndp.bench.exchange.ExchangeTopology "$work/topology" "$base" \
    "http://127.0.0.1:$backend_port/api" >"$work/logs/topology.log" 2>&1 &
  local topology_pid=$!
  EXCHANGE_PIDS+=($topology_pid)
  NDP_BENCH_MESSAGE_LOG=off "$JAVA" -cp "$CP" vn.ndp.bench.exchange.ExchangeTopology "$work/topology-nolog" \
    "$((base + 20))" "http://127.0.0.1:$backend_port/api" >"$work/logs/topology-nolog.log" 2>&1 &
  local topology_nolog_pid=$!
  EXCHANGE_PIDS+=($topology_nolog_pid)
  local deadline=$((SECONDS + 60))
  until [ -f "$work/topology/topology.env" ] && [ -f "$work/topology-nolog/topology.env" ]; do
    [ $SECONDS -lt $deadline ] || die "the topologies did not start (see $work/logs/topology*.log)"
    kill -0 "$topology_pid" 2>/dev/null && kill -0 "$topology_nolog_pid" 2>/dev/null \
      || die "a topology exited (ports $base-$((base + 29)) in use? see $work/logs/topology*.log; --base-port N moves them)"
    sleep 0.2
  done
  # The pair without message log first: its own consumer URL and token (same client, same service);
  # then the logged pair, whose topology.env stays sourced for the rest (certificates, CA, CLIENT).
  start_pair "$work/topology-nolog" -nolog
  local nolog_url=$PAIR_URL nolog_token=$PAIR_TOKEN
  start_pair "$work/topology" ""
  local gateway_url=$PAIR_URL token=$PAIR_TOKEN provider_pid=$PAIR_PROVIDER_PID consumer_pid=$PAIR_CONSUMER_PID

  # The reference proxy pair: same CA, same certificates as the gateways.
  local n
  for n in 1 2; do mkdir -p "$work/nginx$n/logs" "$work/nginx$n/tmp"; done
  cat >"$work/nginx1/nginx.conf" <<EOF
worker_processes auto; daemon off; pid $work/nginx1/nginx.pid; error_log $work/nginx1/logs/error.log warn;
events { worker_connections 4096; }
http {
  access_log off; client_body_temp_path $work/nginx1/tmp; proxy_temp_path $work/nginx1/tmp;
  fastcgi_temp_path $work/nginx1/tmp; uwsgi_temp_path $work/nginx1/tmp; scgi_temp_path $work/nginx1/tmp;
  upstream peer { server 127.0.0.1:$nginx2; keepalive 128; }
  server {
    listen 127.0.0.1:$nginx1; keepalive_requests 1000000;
    location / {
      proxy_pass https://peer/api/; proxy_http_version 1.1; proxy_set_header Connection "";
      proxy_ssl_certificate $CONSUMER_CERT; proxy_ssl_certificate_key $CONSUMER_KEY;
      proxy_ssl_trusted_certificate $CA_PEM; proxy_ssl_verify on; proxy_ssl_name localhost;
      proxy_ssl_session_reuse on; proxy_ssl_protocols TLSv1.3;
    }
  }
}
EOF
  cat >"$work/nginx2/nginx.conf" <<EOF
worker_processes auto; daemon off; pid $work/nginx2/nginx.pid; error_log $work/nginx2/logs/error.log warn;
events { worker_connections 4096; }
http {
  access_log off; client_body_temp_path $work/nginx2/tmp; proxy_temp_path $work/nginx2/tmp;
  fastcgi_temp_path $work/nginx2/tmp; uwsgi_temp_path $work/nginx2/tmp; scgi_temp_path $work/nginx2/tmp;
  upstream backend { server 127.0.0.1:$backend_port; keepalive 128; }
  server {
    listen 127.0.0.1:$nginx2 ssl; keepalive_requests 1000000;
    ssl_certificate $PROVIDER_CERT; ssl_certificate_key $PROVIDER_KEY;
    ssl_client_certificate $CA_PEM; ssl_verify_client on; ssl_protocols TLSv1.3;
    location / { proxy_pass http://backend; proxy_http_version 1.1; proxy_set_header Connection ""; }
  }
}
EOF
  for n in 2 1; do
    nginx -p "$work/nginx$n" -c "$work/nginx$n/nginx.conf" >"$work/logs/nginx$n.log" 2>&1 &
    EXCHANGE_PIDS+=($!)
  done

  local direct_url="http://127.0.0.1:$backend_port/api/months"
  local nginx_url="http://127.0.0.1:$nginx1/months"
  local -a gateway_headers=(-H "Authorization: Bearer $token" -H "X-Road-Client: $CLIENT")
  local -a nolog_headers=(-H "Authorization: Bearer $nolog_token" -H "X-Road-Client: $CLIENT")
  wait_http "$nginx_url" 30 || die "the nginx pair did not start (see $work/nginx*/logs/error.log)"
  local size
  for size in "$(curl -sf "$direct_url" | wc -c)" "$(curl -sf "${gateway_headers[@]}" "$gateway_url" | wc -c)" \
              "$(curl -sf "${nolog_headers[@]}" "$nolog_url" | wc -c)" "$(curl -sf "$nginx_url" | wc -c)"; do
    [ "$size" = 1024 ] || die "a path did not return the 1 KiB document (got $size bytes; logs in $work/logs)"
  done

  local out=$TARGET/results/exchange.md raw=$TARGET/results/exchange-raw.txt
  mkdir -p "$TARGET/results"
  : >"$raw"
  run_wrk() { # $1 = label, $2 = connections, $3 = seconds, $4 = lua script or "", rest = wrk args
    local label=$1 c=$2 d=$3 script=$4; shift 4
    local threads=2
    [ "$c" -lt 2 ] && threads=1
    local -a args=(-t"$threads" -c"$c" -d"${d}s" --latency)
    [ -n "$script" ] && args+=(-s "$script")
    echo "\$ wrk ${args[*]} $*" | sed "s/Bearer [^ ]*/Bearer TOKEN/" >>"$raw"
    wrk "${args[@]}" "$@" | tee -a "$raw" | wrk_summary
  }

  echo "bench: warming up (JIT): ${warmup} s per gateway pair, 5 s direct and nginx..." >&2
  run_wrk warmup "$connections" "$warmup" "" "${gateway_headers[@]}" "$gateway_url" >/dev/null
  run_wrk warmup "$connections" "$warmup" "" "${nolog_headers[@]}" "$nolog_url" >/dev/null
  run_wrk warmup "$connections" 5 "" "$direct_url" >/dev/null
  run_wrk warmup "$connections" 5 "" "$nginx_url" >/dev/null

  echo "bench: peak, $connections connections, ${duration}s each..." >&2
  local direct gateway gateway_nolog nginx_pair
  direct=$(run_wrk direct "$connections" "$duration" "" "$direct_url")
  gateway=$(run_wrk gateway "$connections" "$duration" "" "${gateway_headers[@]}" "$gateway_url")
  gateway_nolog=$(run_wrk gateway-nolog "$connections" "$duration" "" "${nolog_headers[@]}" "$nolog_url")
  nginx_pair=$(run_wrk nginx "$connections" "$duration" "" "$nginx_url")

  # Memory right after the peak runs.
  local consumer_rss provider_rss consumer_heap provider_heap
  consumer_rss=$(awk '/VmRSS/ {printf "%.0f", $2/1024}' "/proc/$consumer_pid/status")
  provider_rss=$(awk '/VmRSS/ {printf "%.0f", $2/1024}' "/proc/$provider_pid/status")
  consumer_heap=$("$jhome/bin/jcmd" "$consumer_pid" GC.heap_info 2>/dev/null | sed -n "s/.*committed \([0-9]*\)K, used \([0-9]*\)K.*/\2 \1/p" | head -n1)
  provider_heap=$("$jhome/bin/jcmd" "$provider_pid" GC.heap_info 2>/dev/null | sed -n "s/.*committed \([0-9]*\)K, used \([0-9]*\)K.*/\2 \1/p" | head -n1)

  # Half load: a fixed rate, half of the gateway pair's peak, for every path.
  local gateway_peak rate
  gateway_peak=$(echo "$gateway" | cut -d' ' -f1)
  rate=$((gateway_peak / 2))
  local pace=$work/pace.lua half_connections=32
  cat >"$pace" <<EOF
-- Paces each wrk thread to a fixed request rate (the whole run: $rate requests/s over 2 threads).
local ffi = require("ffi")
ffi.cdef[[ typedef struct { long tv_sec; long tv_nsec; } ndp_timespec; int clock_gettime(int, ndp_timespec *); ]]
local ts = ffi.new("ndp_timespec")
local function now() ffi.C.clock_gettime(1, ts); return tonumber(ts.tv_sec) * 1000 + tonumber(ts.tv_nsec) / 1e6 end
local interval = 2 * 1000 / $rate
local nextAt = nil
function delay()
  local t = now()
  if nextAt == nil or nextAt < t - 100 then nextAt = t end
  nextAt = nextAt + interval
  local wait = nextAt - t
  if wait < 0 then return 0 end
  return math.floor(wait)
end
EOF
  echo "bench: half load, $rate requests/s, ${duration}s each..." >&2
  # Each path first gets 5 s at the same rate, reported apart: a gateway pair has then been idle for a
  # minute or more, idle connections have been closed (30 s), and its first seconds pay for new
  # connections and for the JIT recompiling the code they deoptimise (BENCHMARKS.md, session 5).
  local half_direct half_gateway half_gateway_nolog half_nginx first_direct first_gateway first_gateway_nolog first_nginx
  half_run() { # $1 = path label, rest = wrk arguments; sets first_$1 and half_$1
    local label=$1; shift
    printf -v "first_$label" '%s' "$(run_wrk "half-$label-first" "$half_connections" 5 "$pace" "$@")"
    printf -v "half_$label" '%s' "$(run_wrk "half-$label" "$half_connections" "$duration" "$pace" "$@")"
  }
  half_run direct "$direct_url"
  half_run gateway "${gateway_headers[@]}" "$gateway_url"
  half_run gateway_nolog "${nolog_headers[@]}" "$nolog_url"
  half_run nginx "$nginx_url"

  # Start-up: stop the provider gateway, then start it 5 times (its data directory holds the last
  # verified global configuration, as on any restart); process start -> /health 200. Then the same
  # with an AppCDS archive (-XX:+AutoCreateSharedArchive; one training start writes it first).
  kill "$provider_pid" 2>/dev/null; wait "$provider_pid" 2>/dev/null || true
  startup_series() { # $1 = label, rest = JVM options; prints the 5 times in ms
    local label=$1 i t0 t1 pid; shift
    for i in 1 2 3 4 5; do
      t0=$(date +%s%N)
      "$JAVA" "$@" -jar "$gateway_jar" --config "$PROVIDER_CONFIG" >"$work/logs/startup-$label-$i.log" 2>&1 &
      pid=$!
      until curl -sf -o /dev/null "$PROVIDER_ADMIN/health"; do
        kill -0 "$pid" 2>/dev/null || die "the gateway exited during start-up run $i (see $work/logs/startup-$label-$i.log)"
        sleep 0.01
      done
      t1=$(date +%s%N)
      printf '%s ' $(( (t1 - t0) / 1000000 ))
      kill "$pid"; wait "$pid" 2>/dev/null || true
    done
  }
  median5() { printf '%s\n' "$@" | sort -n | sed -n 3p; }
  local -a startups cds_startups
  # shellcheck disable=SC2206
  startups=($(startup_series plain $gw_opts))
  local cds=(-XX:SharedArchiveFile="$work/gateway.jsa" -XX:+AutoCreateSharedArchive)
  startup_series train $gw_opts "${cds[@]}" >/dev/null
  # shellcheck disable=SC2206
  cds_startups=($(startup_series cds $gw_opts "${cds[@]}"))
  local median cds_median
  median=$(median5 "${startups[@]}")
  cds_median=$(median5 "${cds_startups[@]}")

  local cpu load
  cpu=$(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -n1)
  load=$(cut -d' ' -f1-3 /proc/loadavg)
  {
    echo "Run $(date -u +%Y-%m-%dT%H:%MZ) on $(nproc) cores ($cpu), load average at the end $load;"
    echo "wrk $(wrk -v 2>&1 | head -n1 | cut -d' ' -f2), nginx $(nginx -v 2>&1 | sed 's/.*nginx\///'), $("$JAVA" -version 2>&1 | head -n1)."
    echo "Gateways: $gw_opts; wrk, the backend, both gateways (or both nginx) share the same cores;"
    echo "gateway = the pair with its durable message log (default settings), gateway_nolog = a second pair without it;"
    echo "each pair warmed up for $warmup s first."
    echo
    echo "Peak, $connections connections, ${duration} s:"
    echo
    echo "| path | requests/s | ratio to direct | p50 ms | p99 ms | errors |"
    echo "|---|---:|---:|---:|---:|---:|"
    local label line
    for label in direct gateway gateway_nolog nginx_pair; do
      line=${!label}
      set -- $line
      echo "| $label | $1 | $(awk -v a="$1" -v b="$(echo "$direct" | cut -d' ' -f1)" 'BEGIN { printf "%.2f", a / b }') | $2 | $3 | $4 |"
    done
    echo
    echo "Message log cost (gateway pair with the durable, signed log vs the pair without it, same run): $(awk \
      -v on="$(echo "$gateway" | cut -d' ' -f1)" -v off="$(echo "$gateway_nolog" | cut -d' ' -f1)" \
      'BEGIN { printf "%.0f %%", 100 * (1 - on / off) }')."
    echo
    echo "Half of the gateway pair's peak (message log on): $rate requests/s for every path (wrk, $half_connections connections, paced by a Lua script), ${duration} s, after 5 s at that rate:"
    echo
    echo "| path | requests/s | p50 ms | p99 ms | p99 added to direct ms | errors | first 5 s: p99 ms | added ms |"
    echo "|---|---:|---:|---:|---:|---:|---:|---:|"
    local dp99 first_dp99 first
    dp99=$(echo "$half_direct" | cut -d' ' -f3)
    first_dp99=$(echo "$first_direct" | cut -d' ' -f3)
    for label in half_direct half_gateway half_gateway_nolog half_nginx; do
      first=first_${label#half_}
      first=$(echo "${!first}" | cut -d' ' -f3)
      line=${!label}
      set -- $line
      echo "| ${label#half_} | $1 | $2 | $3 | $(awk -v a="$3" -v b="$dp99" 'BEGIN { printf "%.2f", a - b }') | $4 |" \
        "$first | $(awk -v a="$first" -v b="$first_dp99" 'BEGIN { printf "%.2f", a - b }') |"
    done
    echo
    echo "Gateway memory after the peak runs: consumer RSS ${consumer_rss} MiB, heap used/committed $(echo "$consumer_heap" | awk '{printf "%.0f/%.0f", $1/1024, $2/1024}') MiB;" \
      "provider RSS ${provider_rss} MiB, heap used/committed $(echo "$provider_heap" | awk '{printf "%.0f/%.0f", $1/1024, $2/1024}') MiB."
    echo
    echo "Gateway start-up (process start -> admin /health 200, global configuration loaded from its data directory), 5 runs each:"
    echo "$gw_opts: ${startups[*]} ms, median ${median} ms;"
    echo "with AppCDS ($gw_opts -XX:SharedArchiveFile=gateway.jsa -XX:+AutoCreateSharedArchive, archive written by one training start): ${cds_startups[*]} ms, median ${cds_median} ms."
  } >"$out"
  cat "$out"
  echo "bench: written to $out (wrk output in $raw)" >&2
}

exchange_stop() {
  local pid
  for pid in "${EXCHANGE_PIDS[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  wait 2>/dev/null || true
}
