#!/usr/bin/env python3
"""The warm-up ratio of `ipv8 bench` under several sets of options, each run several times.

usage: scripts/warmup-ratios.py [--jar PATH] [--repeat N] [--bench "OPTIONS"]
                                 NAME=OPTIONS [NAME=OPTIONS ...]
e.g.   scripts/warmup-ratios.py --repeat 2 base= cds=--cds \\
           "cds+c2-early=--cds --jvm-arg=-XX:CompileThresholdScaling=0.5"

Every variant runs `java -jar ipv8.jar bench --json <--bench options> <its options>` N times,
interleaved (variant a, b, a, b, ...) so that a change in the machine's load hits every variant.
The ratio is the bench table's "first 3 s" column: the mean handled/s of the first three
seconds of traffic in a fresh receiver JVM over the warm handled/s of the measured window.
Also the same ratio per receiver CPU second (first_3_cpu_s_vs_warm, over the receiver's first 3 CPU
seconds: the cost of warm-up itself, whatever share of its core the receiver was given). Prints, per variant and mode, both
ratios of every repetition, their range, and the warm rate.
"""
import argparse
import json
import shlex
import subprocess
import sys


def ratio(mode):
    if mode.get("first_3_s_vs_warm") is not None:
        return mode["first_3_s_vs_warm"]
    ps = mode["per_second"][:3]
    warm = mode["handled_per_s"]
    return sum(ps) / len(ps) / warm if ps and warm > 0 else float("nan")


def per_cpu(mode):
    v = mode.get("first_3_cpu_s_vs_warm")
    return float("nan") if v is None else v


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--jar", default="ipv8-examples/target/ipv8.jar")
    ap.add_argument("--repeat", type=int, default=2)
    ap.add_argument("--bench", default="--runs 1 --seconds 5 --warmup 3")
    ap.add_argument("--save", help="append every JSON document to this file, one a line")
    ap.add_argument("variants", nargs="+")
    a = ap.parse_args()
    variants = [v.split("=", 1) for v in a.variants]
    results = {name: [] for name, _ in variants}
    for rep in range(a.repeat):
        for name, opts in variants:
            cmd = ["java", "-jar", a.jar, "bench", "--json"] + shlex.split(a.bench) + shlex.split(opts)
            p = subprocess.run(cmd, capture_output=True, text=True)
            if p.returncode != 0:
                sys.exit(f"{name}: exit {p.returncode}\n{p.stderr[-2000:]}")
            doc = json.loads(p.stdout)
            if a.save:
                with open(a.save, "a") as f:
                    f.write(json.dumps({"variant": name, "rep": rep + 1, "doc": doc}) + "\n")
            results[name].append(doc)
            line = " ".join(f"{m} {ratio(v):.2f}x/{per_cpu(v):.2f}x ({v['handled_per_s']:,}/s)"
                            for m, v in doc["modes"].items())
            print(f"rep {rep + 1} {name:>16}: {line}", flush=True)
    print()
    print("variant           mode       first 3 s / warm: wall (range)   first 3 CPU s (range)"
          "   warm handled/s")
    for name, _ in variants:
        for m in results[name][0]["modes"]:
            rs = [ratio(d["modes"][m]) for d in results[name]]
            cs = [per_cpu(d["modes"][m]) for d in results[name]]
            warm = [d["modes"][m]["handled_per_s"] for d in results[name]]
            print(f"{name:16}  {m:9}  {' '.join(f'{r:.2f}' for r in rs):14} ({min(rs):.2f}-{max(rs):.2f})"
                  f"   {' '.join(f'{c:.2f}' for c in cs):14} ({min(cs):.2f}-{max(cs):.2f})"
                  f"   {min(warm):,}-{max(warm):,}")


if __name__ == "__main__":
    main()
