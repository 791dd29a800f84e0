#!/usr/bin/env python3
"""CPU per thread group of the bench receiver child, second by second (Linux /proc only).

usage: scripts/bench-threads.py [--jar PATH] [--interval S] -- <ipv8 bench options>
e.g.   scripts/bench-threads.py -- --modes signed --runs 1 --seconds 5 --warmup 3

Starts `java -jar ipv8.jar bench ...`, finds the receiver JVM it starts (a child of that very
process, so other benches on the machine are never sampled), and every interval prints how many
CPU seconds each group of its threads used: the JIT compilers (C1, C2), the garbage collector,
the VM thread, the Netty event loop, the verification threads, the protocol thread, the rest.
Time 0 is when the receiver process appeared; traffic starts about a second later (the sender
JVM starts after the receiver reports its port). Only the first mode's receiver is followed, so
name one mode. The bench's own table follows at the end.
"""
import argparse
import os
import re
import subprocess
import sys
import time

TICK = os.sysconf("SC_CLK_TCK")
GROUPS = [
    ("C2", re.compile(r"^C2 Compiler")),
    ("C1", re.compile(r"^C1 Compiler")),
    ("GC", re.compile(r"^(GC |G1 |VM Periodic|Gang|Parallel GC)")),
    ("VM", re.compile(r"^VM Thread")),
    ("netty", re.compile(r"^(reactor-udp|jipv8-udp|nioEventLoop|epoll|udp)")),
    ("verify", re.compile(r"verif")),
    ("protocol", re.compile(r"protocol")),
]


def group(name):
    for g, rx in GROUPS:
        if rx.search(name):
            return g
    return "other"


def children(ppid):
    out = []
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            with open(f"/proc/{pid}/stat") as f:
                stat = f.read()
            with open(f"/proc/{pid}/cmdline", "rb") as f:
                cmd = f.read().split(b"\0")
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2:].split()
        if int(fields[1]) == ppid:
            out.append((int(pid), [c.decode(errors="replace") for c in cmd]))
    return out


def threads(pid):
    per = {}
    names = {}
    try:
        tids = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return None
    for tid in tids:
        try:
            with open(f"/proc/{pid}/task/{tid}/stat") as f:
                stat = f.read()
        except OSError:
            continue
        name = stat[stat.index("(") + 1:stat.rindex(")")]
        fields = stat[stat.rindex(")") + 2:].split()
        per[tid] = (int(fields[11]) + int(fields[12])) / TICK
        names[tid] = name
    return per, names


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--jar", default="ipv8-examples/target/ipv8.jar")
    ap.add_argument("--interval", type=float, default=1.0)
    ap.add_argument("bench", nargs=argparse.REMAINDER)
    a = ap.parse_args()
    args = [x for x in a.bench if x != "--"]
    bench = subprocess.Popen(["java", "-jar", a.jar, "bench"] + args,
                             stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    pid = None
    deadline = time.time() + 120
    while pid is None and time.time() < deadline and bench.poll() is None:
        for p, cmd in children(bench.pid):
            if "receiver" in cmd:
                pid = p
                break
        time.sleep(0.02)
    if pid is None:
        print(bench.communicate()[0])
        sys.exit("no receiver child found")
    t0 = time.time()
    order = ["C2", "C1", "GC", "VM", "netty", "verify", "protocol", "other"]
    print("t(s)  " + " ".join(f"{g:>8}" for g in order) + "    total   (CPU s in the interval)")
    last = {}
    totals = {g: 0.0 for g in order}
    while bench.poll() is None:
        time.sleep(a.interval)
        snap = threads(pid)
        if snap is None:
            break
        per, names = snap
        used = {g: 0.0 for g in order}
        for tid, cpu in per.items():
            used[group(names[tid])] += cpu - last.get(tid, 0.0)
        last = per
        for g in order:
            totals[g] += used[g]
        print(f"{time.time() - t0:4.1f}  " + " ".join(f"{used[g]:8.2f}" for g in order)
              + f" {sum(used.values()):8.2f}")
    print("total " + " ".join(f"{totals[g]:8.2f}" for g in order) + f" {sum(totals.values()):8.2f}")
    print(bench.communicate()[0])


if __name__ == "__main__":
    main()
