"""Run `compliance check` on a folder and compare it with the oracle.

python3 compare.py DATA_DIR            compare one folder
python3 compare.py --seeds A B         generate seeds A..B-1 under /tmp/fo-seeds and compare each
"""
import collections
import csv
import datetime
import decimal
import io
import json
import os
import shutil
import subprocess
import sys

import oracle

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.environ.get("FO_REPO", os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", "..")))
BIN = os.path.join(REPO, "src/Compliance.Host/bin/Release/net10.0/compliance")
PROBE_RULES = "/tmp/fo-rules"
AS_OF = datetime.date(2025, 11, 3)
CAL_FROM = datetime.date(2018, 1, 1)
NULL = "无"
ORDER = collections.Counter()
REASONS = collections.Counter()
ENCODINGS = collections.Counter()  # (oracle's first problem, product's choice) for rows with several


def make_probe_rules():
    """The repo's rules plus one always-failing custom rule per workflow whose message carries the accepted
    record's values: the only way to see them from outside."""
    if os.path.isdir(PROBE_RULES):
        shutil.rmtree(PROBE_RULES)
    shutil.copytree(os.path.join(REPO, "rules"), PROBE_RULES)
    shutil.rmtree(os.path.join(PROBE_RULES, "tests"), ignore_errors=True)
    shutil.copy(os.path.join(HERE, "probe.json"), os.path.join(PROBE_RULES, "workflows", "probe.json"))


def run_product(data_dir, out_dir):
    if os.path.isdir(out_dir):
        shutil.rmtree(out_dir)
    p = subprocess.run([BIN, "check", "--rules", PROBE_RULES, "--data", data_dir, "--as-of", AS_OF.isoformat(),
                        "--out", out_dir], capture_output=True, text=True)
    if p.returncode not in (0, 1):
        raise RuntimeError(f"exit {p.returncode}: {p.stderr[-2000:]}")
    with open(os.path.join(out_dir, "rejects.csv"), encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    assert rows[0] == ["feed", "file", "line", "column", "value", "reason", "message"], rows[0]
    rejects = [(r[0], r[1], int(r[2]), r[3], r[4], r[5]) for r in rows[1:]]
    messages = {(r[0], r[1], int(r[2]), r[3], r[4], r[5]): r[6] for r in rows[1:]}
    summary = json.load(open(os.path.join(out_dir, "summary.json"), encoding="utf-8"))
    probes = collections.defaultdict(list)
    with open(os.path.join(out_dir, "findings.jsonl"), encoding="utf-8") as fh:
        for line in fh:
            f = json.loads(line)
            if f["rule"].startswith("probe."):
                probes[f["rule"][6:]].append(f)
    return rejects, messages, summary, probes


def s(v):
    if v is None or v == "":
        return NULL
    if isinstance(v, datetime.date):
        return v.isoformat()
    return str(v)


def expected_probe(feed, rec):
    if feed == "cases":
        ks = ["case_id", "item_code", "item_name", "unit_code", "unit_name", "applicant", "applicant_type",
              "accepted_at", "decided_at", "statutory_limit", "promised_limit", "status", "line"]
    elif feed == "charges":
        ks = ["charge_id", "case_id", "fee_code", "fee_name", "amount", "charged_at", "unit_code", "payer_type", "line"]
    else:
        ks = ["project_code", "project_name", "stage", "stage_type", "unit_code", "started_at", "completed_at", "limit",
              "limit_unit", "line"]
    return [s(rec.get(k)) for k in ks]


def norm_probe(feed, parts):
    if feed == "charge" and parts[4] != NULL:
        parts[4] = format(decimal.Decimal(parts[4]), ".2f")
    return parts


def display_kind(rec):
    k = rec["kind"]
    if k in oracle.EXTENSION_KINDS or k.casefold() in oracle.EXTENSION_KINDS:
        return "延长审批"
    if k in ("2", "暂停计时") or k.casefold() == "suspension":
        return "暂停计时"
    return k


def judged(feed, rec):
    if feed == "cases":
        return rec["status"] not in ("Void", "Returned") and CAL_FROM <= rec["accepted_at"] <= AS_OF
    if feed == "stages":
        return CAL_FROM <= rec["started_at"] <= AS_OF
    if feed == "charges":
        return rec["charged_at"] <= AS_OF
    return False


def judged_or_future(feed, rec):
    return True


def compare(data_dir, out_dir="/tmp/fo-out"):
    exp = oracle.run(data_dir, PROBE_RULES, AS_OF)
    rejects, messages, summary, probes = run_product(data_dir, out_dir)
    diffs = []
    # rejects
    # a row with several problems may be reported for any one of them
    alts = exp["alternatives"]
    primary = {r[:3]: r for r in exp["rejects"]}
    adjusted = []
    for r in rejects:
        if r[:3] in alts and r in alts[r[:3]] and r != primary.get(r[:3]):
            ORDER[(primary[r[:3]][5], r[5])] += 1
            adjusted.append(primary[r[:3]])
        else:
            adjusted.append(r)
    messages.update({a: messages[r] for a, r in zip(adjusted, rejects)})
    rejects = adjusted
    ce, cp = collections.Counter(exp["rejects"]), collections.Counter(rejects)
    for r in sorted(ce - cp, key=str):
        diffs.append(("reject-missing", r))
    for r in sorted(cp - ce, key=str):
        diffs.append(("reject-extra", r, messages.get(r)))
    # summary
    ei = sorted((i["feed"], i["file"], i["sha256"], i["encoding"]) for i in exp["inputs"])
    pi = sorted((i["feed"], i["file"], i["sha256"], i["encoding"]) for i in summary["inputs"])
    if ei != pi:
        diffs.append(("inputs", ei, pi))
    for feed in oracle.FEEDS:
        pf = {k: summary["feeds"][feed][k] for k in exp["feeds"][feed]}
        if pf != exp["feeds"][feed]:
            diffs.append(("feed-counts", feed, exp["feeds"][feed], pf))
    if {k: sorted(v) for k, v in exp["unknownColumns"].items()} != {k: sorted(v) for k, v in summary["unknownColumns"].items()}:
        diffs.append(("unknownColumns", exp["unknownColumns"], summary["unknownColumns"]))
    # unit codes no units.json entry names (rule-files.md: still judged, and listed in the run summary)
    known = {u["code"] for u in json.load(open(os.path.join(PROBE_RULES, "units.json"), encoding="utf-8"))["units"]}
    met = set()
    for feed in ("cases", "charges", "stages"):
        for rec in exp["records"][feed]:
            if rec.get("unit_code") and judged_or_future(feed, rec):
                met.add(rec["unit_code"])
    want_units = sorted(met - known)
    got_units = sorted(u if isinstance(u, str) else u.get("code") for u in summary["unknownUnits"])
    if want_units != got_units:
        diffs.append(("unknownUnits", want_units, summary["unknownUnits"]))
    po = summary["orphanCharges"]
    if po["count"] != len(exp["orphanCharges"]) or sorted(po["charges"]) != exp["orphanCharges"]:
        diffs.append(("orphans", exp["orphanCharges"], po))
    # accepted values, through the probe rules
    for feed, tag in (("cases", "case"), ("charges", "charge"), ("stages", "stage")):
        want = collections.Counter()
        for rec in exp["records"][feed]:
            if judged(feed, rec):
                want[tuple(norm_probe(tag, expected_probe(feed, rec)))] += 1
        got = collections.Counter(tuple(norm_probe(tag, f["message"].split("|"))) for f in probes[tag])
        for r in sorted(want - got, key=str):
            diffs.append(("value-missing", feed, r))
        for r in sorted(got - want, key=str):
            diffs.append(("value-extra", feed, r))
    # procedures, as the judged cases' evidence lists them
    procs = collections.defaultdict(list)
    for p in exp["records"]["procedures"]:
        procs[p["case_id"]].append(p)
    cases = {c["case_id"]: c for c in exp["records"]["cases"]}
    got_p, want_p = collections.Counter(), collections.Counter()
    for f in probes["case"]:
        cid = f["message"].split("|")[0]
        for x in f["evidence"].get("suspensions", []) + f["evidence"].get("extensions", []):
            got_p[(cid, x)] += 1
    for cid, c in cases.items():
        if not judged("cases", c):
            continue
        end = c["decided_at"] if c["decided_at"] is not None and c["decided_at"] <= AS_OF else AS_OF
        for p in procs.get(cid, []):
            if p["start"] > end:
                continue
            if p["kind_class"] == "Suspension":
                x = f"{display_kind(p)} {p['start'].isoformat()}至{p['end'].isoformat() if p['end'] else '今'}"
            else:
                x = f"{display_kind(p)} {p['start'].isoformat()} +{p['extension_days']}"
            want_p[(cid, x)] += 1
    for r in sorted(want_p - got_p, key=str):
        diffs.append(("procedure-missing", r))
    for r in sorted(got_p - want_p, key=str):
        diffs.append(("procedure-extra", r))
    return diffs, exp


def main():
    make_probe_rules()
    if sys.argv[1] == "--seeds":
        import gen
        a, b = int(sys.argv[2]), int(sys.argv[3])
        stats = collections.Counter()
        bad = 0
        for seed in range(a, b):
            d = f"/tmp/fo-seeds/{seed}"
            if os.path.isdir(d):
                shutil.rmtree(d)
            gen.generate(seed, d)
            diffs, exp = compare(d)
            stats["folders"] += 1
            for feed in oracle.FEEDS:
                stats["rows"] += exp["feeds"][feed]["read"]
                stats["accepted"] += exp["feeds"][feed]["accepted"]
                stats["duplicates"] += exp["feeds"][feed]["duplicate"]
                stats["futureDated"] += exp["feeds"][feed]["futureDated"]
                stats["files"] += len([i for i in exp["inputs"] if i["feed"] == feed])
            for r in exp["rejects"]:
                REASONS[r[5]] += 1
            for i in exp["inputs"]:
                ENCODINGS[(i["file"].rsplit(".", 1)[1].lower(), i["encoding"])] += 1
            if diffs:
                bad += 1
                print(f"seed {seed}: {len(diffs)} differences")
                for x in diffs[:8]:
                    print("   ", x)
            else:
                shutil.rmtree(d)
        print(dict(stats), "folders with differences:", bad)
        print("several problems, product chose:", dict(ORDER))
        print("rejects by reason:", dict(REASONS))
        print("files by encoding:", dict(ENCODINGS))
    else:
        diffs, _ = compare(sys.argv[1])
        for x in diffs:
            print(x)
        print(len(diffs), "differences")


if __name__ == "__main__":
    main()
