#!/usr/bin/env python3
"""Differential run: generate, run the product, run the oracle, diff.

Usage: compare.py [--repo <repository root>] --seeds 1-200 [--work /tmp/oracle-runs] [--keep]
       compare.py --repo ... --data DIR --as-of T        (one existing folder)
Prints one line per discrepancy; exit 1 if any.
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
from collections import Counter
from decimal import Decimal

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from oracle import Oracle, Rules, D  # noqa: E402
from gen import generate  # noqa: E402


def norm(v):
    if isinstance(v, float):
        return Decimal(str(v)).quantize(Decimal("0.01"))
    if isinstance(v, str):
        try:
            if "." in v and v.replace(".", "").replace("-", "").isdigit():
                return Decimal(v).quantize(Decimal("0.01"))
        except Exception:
            pass
    if isinstance(v, dict):
        return {k: norm(x) for k, x in v.items()}
    if isinstance(v, list):
        return [norm(x) for x in v]
    return v


def sub(expected, actual):
    """Keys of expected (recursively for dicts) that differ in actual."""
    diffs = []
    for k, v in expected.items():
        a = actual.get(k, "<absent>") if isinstance(actual, dict) else "<absent>"
        if isinstance(v, dict) and isinstance(a, dict):
            diffs += [k + "." + d for d in sub(v, a)]
        elif norm(v) != norm(a):
            diffs.append("%s: oracle=%s product=%s" % (k, json.dumps(v, ensure_ascii=False), json.dumps(a, ensure_ascii=False, default=str)))
    return diffs


def run_product(repo, rules, data, asof, out):
    exe = os.path.join(repo, "src/Compliance.Host/bin/Release/net10.0/compliance")
    if os.path.exists(out):
        shutil.rmtree(out)
    p = subprocess.run([exe, "check", "--rules", rules, "--data", data, "--as-of", asof, "--out", out],
                       capture_output=True, text=True)
    if p.returncode not in (0, 1):
        return None, None, None, "exit %d: %s %s" % (p.returncode, p.stdout[-2000:], p.stderr[-2000:])
    findings = [json.loads(l) for l in open(os.path.join(out, "findings.jsonl"), encoding="utf-8") if l.strip()]
    summary = json.load(open(os.path.join(out, "summary.json"), encoding="utf-8"))
    rejects = open(os.path.join(out, "rejects.csv"), encoding="utf-8").read().strip().splitlines()[1:]
    return findings, summary, rejects, None


HITS = Counter()


STRICT_UNLIMITED = False


def compare(rules_dir, rules, data, asof, out, repo, canon=None):
    findings, summary, rejects, err = run_product(repo, rules_dir, data, asof, out)
    if err:
        return ["PRODUCT " + err]
    o = Oracle(rules, canon or data, D.fromisoformat(asof), list_unlimited_stages=not STRICT_UNLIMITED)
    exp, esum = o.run()
    HITS.update(o.hits)
    diffs = []
    for r in rejects:
        diffs.append("REJECT " + r)
    act = {(f["rule"], f["subject"]): f for f in findings if not f["rule"].startswith("local.")}
    ex = {(f["rule"], f["subject"]): f for f in exp}
    for k in sorted(set(act) | set(ex)):
        if k not in act:
            diffs.append("MISSING %s %s (oracle: occurred %s %s)" % (k[0], k[1], ex[k]["occurredOn"],
                                                                  json.dumps(ex[k]["evidence"], ensure_ascii=False)))
            continue
        if k not in ex:
            diffs.append("EXTRA %s %s (product: occurred %s %s)" % (k[0], k[1], act[k]["occurredOn"],
                                                                 json.dumps(act[k]["evidence"], ensure_ascii=False)))
            continue
        e, a = ex[k], act[k]
        if k[0].startswith("case."):
            # the product lists procedures as "KIND START至END" / "KIND START +DAYS": compare without KIND
            a = dict(a, evidence=dict(a["evidence"]))
            for key in ("suspensions", "extensions"):
                a["evidence"][key] = sorted(x.split(" ", 1)[1] for x in a["evidence"].get(key, []))
        d = sub({"severity": e["severity"], "unit": e["unit"], "occurredOn": e["occurredOn"]}, a)
        d += ["evidence." + x for x in sub(e["evidence"], a["evidence"])]
        if d:
            diffs.append("DIFF %s %s: %s" % (k[0], k[1], "; ".join(d)))
    cm = {y: sorted(v) for y, v in summary.get("calendarMissing", {}).items()}
    if cm != esum["calendarMissing"]:
        diffs.append("CALMISSING oracle=%s product=%s" % (esum["calendarMissing"], cm))
    for feed in ("cases", "procedures", "charges", "stages"):
        p = os.path.join(canon or data, feed + ".csv")
        n = sum(1 for _ in open(p, encoding="utf-8")) - 1 if os.path.exists(p) else 0
        got = summary["feeds"].get(feed, {}).get("accepted", 0)
        if got != n:
            diffs.append("ROWS %s accepted oracle=%d product=%d" % (feed, n, got))
    for feed, n in esum["futureDated"].items():
        pn = summary["feeds"].get(feed, {}).get("futureDated", 0)
        if pn != n:
            diffs.append("FUTURE %s oracle=%d product=%d" % (feed, n, pn))
    return diffs


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--repo", default=os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", "..")))
    ap.add_argument("--rules")
    ap.add_argument("--seeds")
    ap.add_argument("--data")
    ap.add_argument("--as-of")
    ap.add_argument("--work", default="/tmp/oracle-runs")
    ap.add_argument("--keep", action="store_true", help="keep every generated folder, not only failing ones")
    ap.add_argument("--scale", type=int, default=1, help="multiply the rows per data set (default 1: ~130 rows)")
    ap.add_argument("--csv-only", action="store_true", help="every feed as an English-header UTF-8 CSV")
    ap.add_argument("--no-variants", action="store_true", help="always the repository's rule set")
    ap.add_argument("--strict-unlimited", action="store_true",
                    help="expect limit-less stages NOT under calendar-missing (spec-literal reading)")
    a = ap.parse_args()
    global STRICT_UNLIMITED
    STRICT_UNLIMITED = a.strict_unlimited
    rules_dir = a.rules or os.path.join(a.repo, "rules")
    rules = Rules(rules_dir)
    bad = 0
    if a.data:
        diffs = compare(rules_dir, rules, a.data, a.as_of, os.path.join(a.work, "out-single"), a.repo)
        for d in diffs:
            print(d)
        sys.exit(1 if diffs else 0)
    lo, hi = (int(x) for x in a.seeds.split("-"))
    rows = 0
    for seed in range(lo, hi + 1):
        work = os.path.join(a.work, "seed-%d" % seed)
        if os.path.exists(work):
            shutil.rmtree(work)
        rdir, T, n = generate(rules_dir, seed, work, not a.no_variants, not a.csv_only, a.scale)
        rows += n
        HITS["data sets with variant rules"] += rdir != rules_dir
        for name in sorted(os.listdir(os.path.join(work, "data"))):
            HITS["feed file ." + name.rsplit(".", 1)[1]] += 1
            if name.endswith(".xlsx"):
                import zipfile
                with zipfile.ZipFile(os.path.join(work, "data", name)) as z:
                    HITS["xlsx in the 1904 date system"] += b"date1904" in z.read("xl/workbook.xml")
        HITS["as-of " + ("in 2027" if T.year == 2027 else "in 2017" if T.year == 2017 else "2018-2026")] += 1
        diffs = compare(rdir, Rules(rdir), os.path.join(work, "data"), T.isoformat(), os.path.join(work, "out"), a.repo,
                        os.path.join(work, "canon"))
        if diffs:
            bad += 1
            tag = "" if rdir == rules_dir else " [variant rules]"
            for d in diffs:
                print("seed %d T=%s%s %s" % (seed, T, tag, d))
        elif not a.keep:
            shutil.rmtree(work)
        sys.stdout.flush()
    for k, v in sorted(HITS.items()):
        print("  hit %6d  %s" % (v, k))
    print("seeds %d-%d: %d data sets, %d rows, %d with discrepancies" % (lo, hi, hi - lo + 1, rows, bad))
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
