#!/usr/bin/env bash
# Load test of `hotline-kit serve` previews with wrk (Debian package `wrk`): 20
# concurrent connections on 2 threads for 20 s each, against
#   1. an unchanged poster preview, served from the cache keyed by its content hash;
#   2. poster previews at widths no one asked for before (every request lays out and
#      draws the poster again: the cold path);
# and the server's peak memory (VmHWM) over both. A benchmark, not a test: it prints
# numbers and fails only if the server does not answer.
#
# Usage: tests/bench/serve.sh [BINARY] (default target/release/hotline-kit)
set -euo pipefail
bin=$(realpath "${1:-target/release/hotline-kit}")
command -v wrk >/dev/null || { echo "needs wrk (apt-get install wrk)" >&2; exit 2; }
work=$(mktemp -d)
trap 'kill "$pid" 2>/dev/null || true; rm -rf "$work"' EXIT
"$bin" init "$work/clinic" >/dev/null
printf 'bench password 123\n' | "$bin" --project "$work/clinic" user add bench --role coordinator 2>/dev/null
port=$((20000 + RANDOM % 20000))
"$bin" --project "$work/clinic" serve --bind "127.0.0.1:$port" 2>"$work/serve.log" &
pid=$!
for _ in $(seq 50); do curl -fs "http://127.0.0.1:$port/login" >/dev/null && break; sleep 0.2; done
base="http://127.0.0.1:$port"
jar="$work/jar"
token=$(curl -fs -c "$jar" "$base/login" | grep -o 'name="csrf" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//')
curl -fs -b "$jar" -c "$jar" -o /dev/null --data-urlencode "csrf=$token" \
  --data-urlencode name=bench --data-urlencode "password=bench password 123" "$base/login"
cookie=$(awk '$6 == "hk_session" {print $7}' "$jar")
# The current hash: the unhashed URL redirects or answers with the hash as ETag.
etag=$(curl -fs -D - -o /dev/null -b "hk_session=$cookie" "$base/preview/poster/en/1.png?w=800" | awk -F'"' 'tolower($0) ~ /^etag/ {print $2}')
url="$base/preview/poster/en/1.png?w=800&h=$(printf %s "$etag" | sed 's/:/%3A/')"
curl -fs -o /dev/null -b "hk_session=$cookie" "$url"
echo "== cached preview (poster, 800 px, same content hash), 20 connections, 20 s"
wrk -t2 -c20 -d20s --latency -H "Cookie: hk_session=$cookie" "$url" | sed -n '/Latency Distribution/,/Requests\/sec/p'
cat >"$work/cold.lua" <<LUA
counter = 0
request = function()
  counter = counter + 1
  local w = 400 + ((counter * 7919 + math.random(0, 1000000)) % 2000)
  return wrk.format("GET", "/preview/poster/en/1.png?w=" .. w, {["Cookie"] = "hk_session=$cookie"})
end
LUA
echo "== cold previews (poster at a new width each time: laid out and drawn), 20 connections, 20 s"
wrk -t2 -c20 -d20s --latency -s "$work/cold.lua" "$base" | sed -n '/Latency Distribution/,/Requests\/sec/p'
echo "== one user, cold previews (1 connection, 10 s)"
wrk -t1 -c1 -d10s --latency -s "$work/cold.lua" "$base" | sed -n '/Latency Distribution/,/Requests\/sec/p'
echo "== server peak memory"
grep -E 'VmHWM|VmRSS' "/proc/$pid/status"
