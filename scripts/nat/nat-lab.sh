#!/usr/bin/env bash
# A NAT traversal lab in Linux network namespaces: a "public" network with a tracker, and two
# hosts each behind its own NAT router (nftables masquerade). Needs root, iproute2 and nftables.
#
#   scripts/nat/nat-lab.sh up [cone|symmetric] [TAG]   build it (TAG keeps parallel labs apart)
#   scripts/nat/nat-lab.sh down [TAG]                  remove every namespace it made
#   scripts/nat/nat-lab.sh demo [cone|symmetric]       up, run tracker + two nodes for 30 s, down
#
# Layout (TAG "x" gives namespaces jx-pub, jx-r1, jx-r2, jx-n1, jx-n2):
#
#   jx-n1 10.1.0.2 -- 10.1.0.1 jx-r1 198.51.100.2 -- 198.51.100.1 jx-pub 198.51.100.5 -- 198.51.100.6 jx-r2 10.2.0.1 -- 10.2.0.2 jx-n2
#
# The tracker listens on 198.51.100.1:7759 (jx-pub routes between the two routers). cone: plain
# masquerade (the mapping keeps the source port for every destination; inbound packets pass only
# after the inside host sent to that address and port). symmetric: masquerade fully-random (a new
# public port per destination), so the address the tracker saw is not the one the other host must
# use. No traffic leaves the namespaces: nothing is routed to the host's own interfaces.
set -euo pipefail

TRACKER_PORT=7759
NODE_PORT=7760

ns() { echo "j${TAG}-$1"; }

require() {
  if [ "$(id -u)" != 0 ]; then echo "nat-lab: needs root" >&2; exit 2; fi
  for t in ip nft; do
    command -v "$t" >/dev/null || { echo "nat-lab: '$t' not found (apt-get install -y iproute2 nftables)" >&2; exit 2; }
  done
}

up() {
  local mode="$1"
  for n in pub r1 r2 n1 n2; do ip netns add "$(ns $n)"; done
  for n in pub r1 r2 n1 n2; do ip -n "$(ns $n)" link set lo up; done

  # Links: veth pairs, one end moved into each namespace.
  link() { # nsA ifA addrA nsB ifB addrB
    ip link add "$2" netns "$(ns $1)" type veth peer name "$5" netns "$(ns $4)"
    ip -n "$(ns $1)" addr add "$3" dev "$2"; ip -n "$(ns $1)" link set "$2" up
    ip -n "$(ns $4)" addr add "$6" dev "$5"; ip -n "$(ns $4)" link set "$5" up
  }
  link pub "j${TAG}p1" 198.51.100.1/30 r1 "j${TAG}w1" 198.51.100.2/30
  link pub "j${TAG}p2" 198.51.100.5/30 r2 "j${TAG}w2" 198.51.100.6/30
  link r1 "j${TAG}l1" 10.1.0.1/24 n1 "j${TAG}h1" 10.1.0.2/24
  link r2 "j${TAG}l2" 10.2.0.1/24 n2 "j${TAG}h2" 10.2.0.2/24

  for n in pub r1 r2; do ip netns exec "$(ns $n)" sysctl -q -w net.ipv4.ip_forward=1; done
  ip -n "$(ns r1)" route add default via 198.51.100.1
  ip -n "$(ns r2)" route add default via 198.51.100.5
  ip -n "$(ns n1)" route add default via 10.1.0.1
  ip -n "$(ns n2)" route add default via 10.2.0.1

  local flags=""
  if [ "$mode" = symmetric ]; then flags="fully-random"; fi
  for i in 1 2; do
    ip netns exec "$(ns r$i)" nft -f - <<NFT
table ip nat {
  chain post {
    type nat hook postrouting priority srcnat; policy accept;
    oifname "j${TAG}w$i" masquerade $flags
  }
}
table ip filter {
  chain inbound {
    type filter hook forward priority filter; policy drop;
    ct state established,related accept
    iifname "j${TAG}l$i" accept
  }
  # Unsolicited packets to the router itself are dropped here, before their conntrack entry is
  # confirmed: otherwise that entry would clash with the mapping the inside host opens next and
  # masquerade would pick another port, which breaks hole punching (home routers drop them too).
  chain local {
    type filter hook input priority filter; policy accept;
    iifname "j${TAG}w$i" ct state new drop
  }
}
NFT
  done
  echo "nat-lab $TAG up ($mode): tracker 198.51.100.1:$TRACKER_PORT, hosts 10.1.0.2 and 10.2.0.2"
}

down() {
  for n in n1 n2 r1 r2 pub; do
    if ip netns list | grep -qw "$(ns $n)"; then
      # End whatever still runs inside (the demo's or a test's processes), then the namespace.
      for pid in $(ip netns pids "$(ns $n)" 2>/dev/null); do kill "$pid" 2>/dev/null || true; done
      ip netns del "$(ns $n)"
    fi
  done
}

demo() {
  local mode="$1"
  local root
  root="$(cd "$(dirname "$0")/../.." && pwd)"
  # One reactor build: the last module written (ipv8-reactor) leaves its test classpath in the file.
  (cd "$root" && mvn -B -q -o -DskipTests test-compile dependency:build-classpath -pl ipv8-reactor -am \
     -Dmdep.outputFile=/tmp/nat-lab.cp)
  local cp="$root/ipv8-reactor/target/test-classes:$root/ipv8-reactor/target/classes:$(cat /tmp/nat-lab.cp)"
  TAG="${TAG:-demo}"
  down; up "$mode"
  trap down EXIT
  local main=org.jipv8.reactor.reliability.nat.NatNodeMain
  ip netns exec "$(ns pub)" env -u JIPV8_LOOPBACK_ONLY java -cp "$cp" $main tracker 198.51.100.1 $TRACKER_PORT &
  sleep 5  # the tracker JVM must be listening before the nodes bootstrap
  ip netns exec "$(ns n1)" env -u JIPV8_LOOPBACK_ONLY java -cp "$cp" $main node 10.1.0.2 $NODE_PORT 198.51.100.1:$TRACKER_PORT one 2>/dev/null | sed 's/^/n1: /' &
  ip netns exec "$(ns n2)" env -u JIPV8_LOOPBACK_ONLY java -cp "$cp" $main node 10.2.0.2 $NODE_PORT 198.51.100.1:$TRACKER_PORT two 2>/dev/null | sed 's/^/n2: /' &
  sleep 30
}

cmd="${1:-}"
case "$cmd" in
  up) require; TAG="${3:-lab}"; up "${2:-cone}" ;;
  down) require; TAG="${2:-lab}"; down ;;
  demo) require; demo "${2:-cone}" ;;
  *) sed -n '2,9p' "$0"; exit 1 ;;
esac
