#!/bin/bash
# The JIT's part of warm-up: Ed25519 verifications per second, slice by slice, in a fresh JVM
# pinned to one core (as the bench receiver is). Extra arguments are JVM options, e.g.
#   scripts/verify-warmup.sh                     # default JIT
#   scripts/verify-warmup.sh -XX:TieredStopAtLevel=1
# Needs ipv8-examples/target/ipv8.jar (mvn -B -q -DskipTests package -pl ipv8-examples -am).
set -euo pipefail
cd "$(dirname "$0")/.."
jar=ipv8-examples/target/ipv8.jar
out=ipv8-examples/target/verify-warmup
mkdir -p "$out"
javac -d "$out" -cp "$jar" scripts/VerifyWarmup.java
cpu=${CPU:-1}
pin=()
command -v taskset >/dev/null && pin=(taskset -c "$cpu")
"${pin[@]}" java "$@" -cp "$jar:$out" VerifyWarmup "${SECONDS_TOTAL:-8}" "${SLICE:-0.5}"
