#!/usr/bin/env python3
"""Incremental runs against full runs, over the generator's adversarial data sets.

For each seed: a full check as of T - d, then `check --since` that output as of T, then a full check as of T.
The incremental run must say it ran incrementally and write the same findings.jsonl and rejects.csv as the full
one, byte for byte, and the same summary.json but for its duration and the fields naming its base run.

Usage: incremental.py [--repo <repository root>] --seeds 1-120 [--pairs 3] [--work /tmp/incremental-runs] [--keep]
Prints one line per discrepancy; exit 1 if any.
"""
import argparse
import datetime
import json
import os
import random
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from gen import generate  # noqa: E402

# How far back the earlier run lies: mostly the next day, as the scheduled host runs, sometimes much further.
GAPS = [1, 1, 2, 3, 5, 7, 10, 30, 90, 400]

INCREMENTAL = "为基础增量检查"


def check(exe, rules, data, asof, out, since=None):
    args = [exe, "check", "--rules", rules, "--data", data, "--as-of", asof, "--out", out]
    if since:
        args += ["--since", since]
    return subprocess.run(args, capture_output=True, text=True)


def summary(path):
    def strip(x):
        if isinstance(x, dict):
            return {k: strip(v) for k, v in x.items() if "uration" not in k and k not in ("since", "baseline", "incremental")}
        if isinstance(x, list):
            return [strip(v) for v in x]
        return x

    with open(path, encoding="utf-8") as f:
        return strip(json.load(f))


def same_bytes(a, b):
    if not (os.path.exists(a) and os.path.exists(b)):
        return False
    with open(a, "rb") as fa, open(b, "rb") as fb:
        return fa.read() == fb.read()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--repo", default=os.path.abspath(os.path.join(HERE, "..", "..", "..")))
    ap.add_argument("--seeds", required=True, help="a range such as 1-120")
    ap.add_argument("--pairs", type=int, default=3, help="earlier dates per seed")
    ap.add_argument("--work", default="/tmp/incremental-runs")
    ap.add_argument("--keep", action="store_true")
    a = ap.parse_args()
    exe = os.path.join(a.repo, "src/Compliance.Host/bin/Release/net10.0/compliance")
    first, last = (int(x) for x in a.seeds.split("-"))
    runs = bad = 0
    for seed in range(first, last + 1):
        work = os.path.join(a.work, f"seed-{seed}")
        shutil.rmtree(work, ignore_errors=True)
        rules, day, _ = generate(os.path.join(a.repo, "rules"), seed, work, True, True, 1)
        asof = day.isoformat()
        data = os.path.join(work, "data")
        rnd = random.Random(seed)
        seed_bad = False
        for k in range(a.pairs):
            before = (datetime.date.fromisoformat(asof) - datetime.timedelta(days=rnd.choice(GAPS))).isoformat()
            earlier, inc, full = (os.path.join(work, f"{name}-{k}") for name in ("earlier", "incremental", "full"))
            check(exe, rules, data, before, earlier)
            ri = check(exe, rules, data, asof, inc, since=earlier)
            rf = check(exe, rules, data, asof, full)
            runs += 1
            problems = []
            if INCREMENTAL not in ri.stdout:
                problems.append("not incremental: " + (ri.stdout.splitlines() or [ri.stderr.strip()])[0])
            if ri.returncode != rf.returncode:
                problems.append(f"exit codes {ri.returncode} vs {rf.returncode}")
            for name in ("findings.jsonl", "rejects.csv"):
                if not same_bytes(os.path.join(inc, name), os.path.join(full, name)):
                    problems.append(name + " differs")
            if os.path.exists(os.path.join(inc, "summary.json")) and os.path.exists(os.path.join(full, "summary.json")):
                if summary(os.path.join(inc, "summary.json")) != summary(os.path.join(full, "summary.json")):
                    problems.append("summary.json differs")
            else:
                problems.append("summary.json missing")
            if problems:
                bad += 1
                seed_bad = True
                print(f"seed {seed} {before} -> {asof}: " + "; ".join(problems))
        if not seed_bad and not a.keep:
            shutil.rmtree(work, ignore_errors=True)
    print(f"seeds {a.seeds}: {runs} pairs of incremental and full runs, {bad} differing")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
