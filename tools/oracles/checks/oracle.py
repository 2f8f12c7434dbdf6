#!/usr/bin/env python3
"""Independent oracle for `compliance check`, written from the contract (../shared/spec/) only.

Usage: oracle.py --rules RULES --data DATA --as-of YYYY-MM-DD [--json]
Prints the expected findings (one JSON per line) and the expected summary parts
(calendarMissing, futureDated per feed) as a final line {"summary": ...}.

Only valid rows are expected (the generator writes no bad rows); the oracle does not model rejects.
"""
import argparse
import csv
import datetime as dt
import glob
import json
import os
import re
import sys
from collections import Counter
from decimal import Decimal

D = dt.date
ONE = dt.timedelta(days=1)


def iso(d):
    return None if d is None else d.isoformat()


# ---------------------------------------------------------------- rule set

class Calendar:
    def __init__(self, folder):
        self.listed = {}
        self.years = set()
        for path in sorted(glob.glob(os.path.join(folder, "*.json"))):
            with open(path, encoding="utf-8") as f:
                doc = json.load(f)
            self.years.add(int(doc["year"]))
            for day in doc["days"]:
                self.listed[D.fromisoformat(day["date"])] = bool(day["isOffDay"])

    def covered(self, d):
        return d.year in self.years

    def working(self, d):
        if not self.covered(d):
            raise Uncovered(d.year)
        if d in self.listed:
            return not self.listed[d]
        return d.weekday() < 5

    def first_uncovered(self, start, end):
        """Year of the first day in [start, end] in no covered year, else None."""
        d = start
        while d <= end:
            if not self.covered(d):
                return d.year
            d = D(d.year + 1, 1, 1)  # the rest of a covered year is covered
        return None


class Uncovered(Exception):
    def __init__(self, year):
        super().__init__(year)
        self.year = year


class Rules:
    def __init__(self, folder):
        self.cal = Calendar(os.path.join(folder, "calendars"))
        s = {}
        p = os.path.join(folder, "settings.json")
        if os.path.exists(p):
            s = json.load(open(p, encoding="utf-8"))
        self.warn_days = s.get("warnDays", 2)
        self.default_statutory = s.get("defaultStatutoryLimit", 20)
        wt = s.get("warningTalk", {})
        self.talk_red = wt.get("redFindings", 5)
        self.talk_window = wt.get("windowDays", 90)
        self.checks = s.get("checks", {})
        self.items = {i["code"]: i for i in json.load(open(os.path.join(folder, "items.json"), encoding="utf-8"))["items"]}
        self.fees = {f["code"]: f for f in json.load(open(os.path.join(folder, "fees.json"), encoding="utf-8"))["fees"]}
        st = {"stages": [], "prerequisites": {}, "aliases": {}}
        p = os.path.join(folder, "stages.json")
        if os.path.exists(p):
            st.update(json.load(open(p, encoding="utf-8")))
        self.stage_entries = st["stages"]
        self.prereqs = st.get("prerequisites", {})
        self.aliases = dict(st.get("aliases", {}))
        for zh, en in [("立项", "approval"), ("规划", "planning"), ("环评", "eia"), ("用地", "land"), ("建设", "construction")]:
            self.aliases[en] = zh
            self.aliases[zh] = zh

    def stage_name(self, raw):
        raw = raw.strip()
        if raw in self.aliases:
            return self.aliases[raw]
        low = raw.lower()
        for k, v in self.aliases.items():
            if k.lower() == low:
                return v
        raise ValueError("unknown stage " + raw)

    def stage_entry(self, stage, typ):
        if typ:
            for e in self.stage_entries:
                if e["stage"] == stage and e.get("type") == typ:
                    return e
        for e in self.stage_entries:
            if e["stage"] == stage and not e.get("type"):
                return e
        return None


# ---------------------------------------------------------------- feeds

HEADERS = {
    "case_id": ["办件编号"], "item_code": ["事项编码"], "unit_code": ["受理单位编码", "收费单位编码", "责任单位编码"],
    "applicant_type": ["申请人类型"], "accepted_at": ["受理时间"], "decided_at": ["办结时间"],
    "statutory_limit": ["法定时限"], "promised_limit": ["承诺时限"], "status": ["办件状态"],
    "kind": ["特别程序种类"], "start": ["开始时间"], "end": ["结束时间"], "extension_days": ["延长天数"],
    "charge_id": ["缴款单号"], "fee_code": ["收费项目编码"], "amount": ["收费金额"], "charged_at": ["收费时间"],
    "payer_type": ["缴款人类型"], "project_code": ["项目代码"], "stage": ["环节"], "stage_type": ["环节类型"],
    "started_at": ["开始时间"], "completed_at": ["完成时间"], "limit": ["时限"], "limit_unit": ["时限单位"],
}


def read_feed(folder, name):
    path = os.path.join(folder, name + ".csv")
    if not os.path.exists(path):
        return []
    with open(path, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    head = [h.strip().lower() for h in rows[0]]
    out = []
    for r in rows[1:]:
        if not any(c.strip() for c in r):
            continue
        rec = {}
        for h, v in zip(head, r):
            rec[h] = v.strip()
        out.append(rec)
    return out


def empty(v):
    return v is None or v.strip() == "" or v.strip("\u3000 ") == ""


DATE_RE = [
    re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})"),
    re.compile(r"^(\d{4})/(\d{1,2})/(\d{1,2})"),
    re.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})日"),
    re.compile(r"^(\d{4})(\d{2})(\d{2})"),
]


def pdate(v):
    if empty(v):
        return None
    v = v.strip()
    for rx in DATE_RE:
        m = rx.match(v)
        if m:
            return D(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    raise ValueError("bad date " + v)


def pamount(v):
    v = v.strip().replace(",", "").replace("¥", "").replace("￥", "").replace("元", "")
    return Decimal(v)


def pint(v):
    return None if empty(v) else int(v.strip())


SUSPENSION_KINDS = {"2", "暂停计时", "suspension", "听证", "招标", "拍卖", "检验", "检测", "检疫", "鉴定", "专家评审", "补正"}
EXTENSION_KINDS = {"1", "延长审批", "extension"}


# ---------------------------------------------------------------- checks

class Oracle:
    def __init__(self, rules, data, asof, list_unlimited_stages=True):
        self.r = rules
        self.T = asof
        self.findings = []
        self.hits = Counter()  # edge conditions met, to show what a run exercised
        self.calendar_missing = {}
        self.future = {"cases": 0, "procedures": 0, "charges": 0, "stages": 0}
        self.list_unlimited_stages = list_unlimited_stages
        self.cases = {}
        for c in read_feed(data, "cases"):
            self.cases[c["case_id"]] = c
        self.procs = read_feed(data, "procedures")
        self.charges = read_feed(data, "charges")
        self.stages = read_feed(data, "stages")

    def missing(self, year, subject):
        self.hits["calendar-missing " + subject.split(":")[0]] += 1
        self.calendar_missing.setdefault(str(year), []).append(subject)

    def emit(self, rule, severity, subject, unit, occurred, evidence):
        o = self.r.checks.get(rule, {})
        if o.get("enabled", True) is False:
            self.hits["finding suppressed (enabled: false) " + rule] += 1
            return
        if "severity" in o and o["severity"] != severity:
            self.hits["severity overridden " + rule] += 1
        severity = o.get("severity", severity)
        self.hits["finding " + rule] += 1
        self.findings.append({"rule": rule, "severity": severity, "subject": subject, "unit": unit or "",
                              "occurredOn": iso(occurred), "evidence": evidence})

    # counted day helpers ------------------------------------------------
    def nth_counted(self, after, n, stopped, limit_day=None):
        """The n-th working, not stopped, day after `after`; None if a needed day is uncovered."""
        d = after
        k = 0
        if n <= 0:
            return after
        while True:
            d += ONE
            if not self.r.cal.covered(d):
                return None
            if self.r.cal.working(d) and d not in stopped:
                k += 1
                if k == n:
                    return d

    # cases ----------------------------------------------------------------
    def case_status(self, c):
        s = (c.get("status") or "").strip().lower()
        m = {"在办": "open", "open": "open", "办结": "decided", "decided": "decided", "作废": "void", "void": "void",
             "退回": "returned", "returned": "returned"}
        if s == "":
            return None
        return m[s]

    def run_cases(self):
        T = self.T
        procs_by_case = {}
        for p in self.procs:
            procs_by_case.setdefault(p["case_id"], []).append(p)
            if pdate(p["start"]) > T:
                self.future["procedures"] += 1
        for cid, c in sorted(self.cases.items()):
            A = pdate(c["accepted_at"])
            st = self.case_status(c)
            if A > T:
                self.future["cases"] += 1
                continue
            if st in ("void", "returned"):
                continue
            Dd = pdate(c.get("decided_at"))
            if Dd is not None and Dd <= T:
                E, is_open = Dd, False
            else:
                E, is_open = T, True
            subject = "case:" + cid
            y = self.r.cal.first_uncovered(A + ONE, E)
            if y is not None:
                self.missing(y, subject)
                continue
            stopped = set()
            X = 0
            susp_list, ext_list = [], []
            for p in procs_by_case.get(cid, []):
                kind = p["kind"].strip()
                ps = pdate(p["start"])
                pe = pdate(p.get("end"))
                if kind in EXTENSION_KINDS or kind.lower() in EXTENSION_KINDS:
                    if ps <= E:
                        ext = pint(p.get("extension_days"))
                        X += 10 if ext is None else ext
                        ext_list.append("%s +%d" % (iso(ps), 10 if ext is None else ext))
                elif kind in SUSPENSION_KINDS or kind.lower() in SUSPENSION_KINDS:
                    self.hits["suspension open-ended" if pe is None else "suspension"] += 1
                    self.hits["suspension starts at E"] += ps == E
                    self.hits["suspension starts E+1"] += ps == E + ONE
                    if ps <= E:
                        susp_list.append("%s至%s" % (iso(ps), iso(pe) if pe else "今"))
                        last = E if (pe is None or pe > E) else pe
                        d = ps
                        while d <= last:
                            stopped.add(d)
                            d += ONE
                else:
                    raise ValueError("kind " + kind)
            U = 0
            stopped_n = 0
            d = A + ONE
            while d <= E:
                if self.r.cal.working(d):
                    if d in stopped:
                        stopped_n += 1
                    else:
                        U += 1
                d += ONE
            item = self.r.items.get(c["item_code"])
            cs = pint(c.get("statutory_limit"))
            cp = pint(c.get("promised_limit"))
            if cs is not None:
                Ls, ls_src = cs, "case"
            elif item is not None and item.get("statutoryLimit") is not None:
                Ls, ls_src = item["statutoryLimit"], "item"
            else:
                Ls, ls_src = self.r.default_statutory, "default"
            if cp is not None:
                Lp, lp_src = cp, "case"
            elif item is not None and item.get("promisedLimit") is not None:
                Lp, lp_src = item["promisedLimit"], "item"
            else:
                Lp, lp_src = Ls, ls_src
            if Lp > Ls:
                Lp = Ls
                self.hits["case promised above statutory"] += 1
            h = self.hits
            h["case judged " + ("open" if is_open else "decided")] += 1
            h["case U == Lp+X (at limit)"] += U == Lp + X
            h["case U == Ls+X+1 (1 over statutory)"] += U == Ls + X + 1
            h["case U == Lp+X+1 (1 over promise)"] += U == Lp + X + 1 and Lp < Ls
            h["case stopped > 0"] += stopped_n > 0
            h["case extension > 0"] += X > 0
            h["case A on rest day"] += not self.r.cal.working(A) if self.r.cal.covered(A) else 0
            h["case E on rest day"] += self.r.cal.covered(E) and not self.r.cal.working(E)
            if is_open:
                h["case open, remaining == warnDays"] += (Lp + X) - U == self.r.warn_days
                h["case open, remaining == warnDays+1"] += (Lp + X) - U == self.r.warn_days + 1
                h["case open, remaining == 0"] += (Lp + X) - U == 0
                h["case open, decided after T"] += Dd is not None
            unit = c["unit_code"]
            base = {"accepted": iso(A), "end": iso(E), "used": U, "extension": X, "stopped": stopped_n, "open": is_open,
                    "suspensions": sorted(susp_list), "extensions": sorted(ext_list)}
            if U > Ls + X:
                ev = dict(base, limit=Ls, allowed=Ls + X, over=U - (Ls + X),
                          deadline=iso(self.nth_counted(A, Ls + X, stopped)))
                self.emit("case.overdue-statutory", "red", subject, unit, self.nth_counted(A, Ls + X + 1, stopped), ev)
            elif U > Lp + X:
                ev = dict(base, limit=Lp, allowed=Lp + X, over=U - (Lp + X),
                          deadline=iso(self.nth_counted(A, Lp + X, stopped)))
                self.emit("case.overdue-promised", "yellow", subject, unit, self.nth_counted(A, Lp + X + 1, stopped), ev)
            elif is_open and (Lp + X) - U <= self.r.warn_days:
                ev = dict(base, limit=Lp, allowed=Lp + X, remaining=(Lp + X) - U, warnDays=self.r.warn_days,
                          deadline=iso(self.nth_counted(A, Lp + X, stopped)))
                self.emit("case.due-soon", "warning", subject, unit, T, ev)

    # stages -----------------------------------------------------------------
    def run_stages(self):
        T = self.T
        rows = {}
        for s in self.stages:
            name = self.r.stage_name(s["stage"])
            rows[(s["project_code"], name)] = s
        for (proj, name), s in sorted(rows.items()):
            S = pdate(s["started_at"])
            if S > T:
                self.future["stages"] += 1
                continue
            C = pdate(s.get("completed_at"))
            if C is not None and C <= T:
                E, is_open = C, False
            else:
                E, is_open = T, True
            subject = "stage:%s/%s" % (proj, name)
            unit = s["unit_code"]
            # order
            pre = self.r.prereqs.get(name, [])
            if pre:
                miss = []
                for p in pre:
                    pr = rows.get((proj, p))
                    pc = pdate(pr.get("completed_at")) if pr else None
                    if pc is None or pc > S:
                        shown = pc if (pc is not None and pc <= T) else None
                        self.hits["prerequisite completed after T"] += pc is not None and pc > T
                        self.hits["prerequisite completed the day after S"] += pc == S + ONE
                        miss.append({"stage": p, "completed": iso(shown)})
                if miss:
                    self.emit("stage.out-of-order", "red", subject, unit, S, {"missing": miss, "started": iso(S)})
            # limit
            rl = pint(s.get("limit"))
            entry = self.r.stage_entry(name, (s.get("stage_type") or "").strip())
            if rl is not None:
                N = rl
                u = s["limit_unit"].strip().lower()
                unit_kind = "working" if u in ("工作日", "working") else "calendar"
                warn = self.r.warn_days
            elif entry is not None and entry.get("limit") is not None:
                N = entry["limit"]
                unit_kind = entry["unit"]
                warn = entry.get("warnDays", self.r.warn_days)
            else:
                if self.list_unlimited_stages:
                    y = self.r.cal.first_uncovered(S + ONE, E)
                    if y is not None:
                        self.missing(y, subject)
                continue
            base = {"started": iso(S), "end": iso(E), "open": is_open, "limit": N, "limitUnit": unit_kind}
            if unit_kind == "working":
                y = self.r.cal.first_uncovered(S + ONE, E)
                if y is not None:
                    self.missing(y, subject)
                    continue
                U = 0
                d = S + ONE
                while d <= E:
                    if self.r.cal.working(d):
                        U += 1
                    d += ONE
                dl = self.nth_counted(S, N, set())
                self.hits["stage working U == N"] += U == N
                self.hits["stage working U == N+1"] += U == N + 1
                if U > N:
                    self.emit("stage.overdue", "red", subject, unit, self.nth_counted(S, N + 1, set()),
                              dict(base, used=U, over=U - N, deadline=iso(dl)))
                elif is_open and N - U <= warn:
                    self.emit("stage.due-soon", "warning", subject, unit, T,
                              dict(base, used=U, remaining=N - U, warnDays=warn, deadline=iso(dl)))
            else:
                nominal = S + dt.timedelta(days=N)
                y = self.r.cal.first_uncovered(S + ONE, max(E, nominal))
                if y is not None:
                    self.missing(y, subject)
                    continue
                DL = nominal
                bad = None
                while True:
                    if not self.r.cal.covered(DL):
                        bad = DL.year
                        break
                    if self.r.cal.working(DL):
                        break
                    DL += ONE
                if bad is not None:
                    # days up to max(E, DL) must be covered; DL ran into an uncovered year
                    self.missing(bad, subject)
                    continue
                self.hits["stage calendar E == DL"] += E == DL
                self.hits["stage calendar E == DL+1"] += E == DL + ONE
                self.hits["stage calendar DL moved past rest days"] += DL != nominal
                self.hits["stage calendar open DL-T == warn"] += is_open and (DL - T).days == warn
                self.hits["stage calendar open DL-T == warn+1"] += is_open and (DL - T).days == warn + 1
                ev = dict(base, elapsed=(E - S).days, nominalDeadline=iso(nominal), deadline=iso(DL))
                if E > DL:
                    self.emit("stage.overdue", "red", subject, unit, DL + ONE, dict(ev, over=(E - DL).days))
                elif is_open and (DL - T).days <= warn:
                    self.emit("stage.due-soon", "warning", subject, unit, T,
                              dict(ev, remaining=(DL - T).days, warnDays=warn))

    # charges ----------------------------------------------------------------
    def run_charges(self):
        T = self.T
        judged = []
        for ch in sorted(self.charges, key=lambda c: c["charge_id"]):
            d = pdate(ch["charged_at"])
            if d > T:
                self.future["charges"] += 1
                continue
            judged.append((d, ch))
            cid = (ch.get("case_id") or "").strip()
            case = self.cases.get(cid) if cid else None
            payer = (ch.get("payer_type") or "").strip() or ((case.get("applicant_type") or "").strip() if case else "")
            payer = payer or None
            collector = (ch.get("unit_code") or "").strip() or (case["unit_code"] if case else "")
            collector = collector or None
            amount = pamount(ch["amount"])
            f = ch["fee_code"].strip()
            subject = "charge:" + ch["charge_id"]
            item_code = case["item_code"] if case else None
            common = {"chargedOn": iso(d), "feeCode": f, "caseKnown": case is not None, "itemCode": item_code,
                      "payerType": payer, "collector": collector}
            fee = self.r.fees.get(f)
            period = None
            if fee is None:
                self.emit("fee.unknown", "red", subject, collector, d, dict(common))
            else:
                for p in fee["periods"]:
                    pf = D.fromisoformat(p["from"])
                    pt = D.fromisoformat(p["to"]) if p.get("to") else None
                    if pf <= d and (pt is None or d <= pt):
                        period = p
                        self.hits["charge on a period's first day"] += d == pf
                        self.hits["charge on a period's last day"] += d == pt
                if period is None:
                    self.emit("fee.not-in-force", "red", subject, collector, d, dict(common))
                else:
                    pev = dict(common, period={"from": period["from"], "to": period.get("to"),
                                               "status": period.get("status", "active")})
                    status = period.get("status", "active")
                    if status in ("abolished", "suspended"):
                        self.emit("fee.abolished", "red", subject, collector, d, pev)
                    elif status == "exempt" and (not period.get("exemptPayers") or payer in period["exemptPayers"]):
                        self.emit("fee.exempt-charged", "red", subject, collector, d, pev)
                    else:
                        if period.get("scope") is not None and case is not None and item_code not in period["scope"]:
                            self.emit("fee.out-of-scope", "red", subject, collector, d, pev)
                        if period.get("max") is not None:
                            self.hits["charge == max"] += amount == Decimal(str(period["max"]))
                            self.hits["charge == max+0.01"] += amount == Decimal(str(period["max"])) + Decimal("0.01")
                        if period.get("max") is not None and amount > Decimal(str(period["max"])):
                            mx = Decimal(str(period["max"]))
                            self.emit("fee.over-standard", "red", subject, collector, d,
                                      dict(pev, max=str(mx.quantize(Decimal("0.01"))),
                                           over=str((amount - mx).quantize(Decimal("0.01")))))
                        if period.get("collectors") is not None and collector is not None and collector not in period["collectors"]:
                            self.emit("fee.unauthorized-collector", "red", subject, collector, d, pev)
            if case is not None:
                item = self.r.items.get(item_code)
                if item is not None and item.get("free"):
                    ev = dict(common)
                    if period is not None:
                        ev["period"] = {"from": period["from"], "to": period.get("to"), "status": period.get("status", "active")}
                    self.emit("fee.free-item-charged", "red", subject, collector, d, ev)
        groups = {}
        for d, ch in judged:
            cid = (ch.get("case_id") or "").strip()
            if not cid:
                continue
            groups.setdefault((cid, ch["fee_code"].strip()), []).append((d, ch["charge_id"], ch))
        for (cid, f), lst in groups.items():
            lst.sort(key=lambda t: (t[0], t[1]))
            first = lst[0]
            for i, (d, chid, ch) in enumerate(lst[1:], start=2):
                case = self.cases.get(cid)
                collector = (ch.get("unit_code") or "").strip() or (case["unit_code"] if case else "")
                self.emit("fee.duplicate", "yellow", "charge:" + chid, collector, d,
                          {"caseId": cid, "feeCode": f, "chargedOn": iso(d), "occurrence": i,
                           "firstCharge": first[1], "firstChargedOn": iso(first[0])})

    # units ------------------------------------------------------------------
    def run_units(self):
        T = self.T
        lo = T - dt.timedelta(days=self.r.talk_window - 1)
        per = {}
        for f in self.findings:
            if f["severity"] != "red" or not f["unit"]:
                continue
            o = D.fromisoformat(f["occurredOn"])
            self.hits["red finding on window's first day"] += o == lo
            self.hits["red finding the day before the window"] += o == lo - ONE
            if lo <= o <= T:
                per.setdefault(f["unit"], {}).setdefault(f["rule"], 0)
                per[f["unit"]][f["rule"]] += 1
        for u, by in sorted(per.items()):
            n = sum(by.values())
            self.hits["unit with exactly threshold red findings"] += n == self.r.talk_red
            self.hits["unit with threshold-1 red findings"] += n == self.r.talk_red - 1
            if n >= self.r.talk_red:
                self.emit("unit.warning-talk", "yellow", "unit:" + u, u, T,
                          {"windowFrom": iso(lo), "windowTo": iso(T), "redFindings": n, "byCode": dict(sorted(by.items()))})

    def run(self):
        self.run_cases()
        self.run_stages()
        self.run_charges()
        self.run_units()
        self.findings.sort(key=lambda f: (f["subject"], f["rule"]))
        return self.findings, {"calendarMissing": {k: sorted(v) for k, v in sorted(self.calendar_missing.items())},
                               "futureDated": self.future}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rules", required=True)
    ap.add_argument("--data", required=True)
    ap.add_argument("--as-of", required=True)
    ap.add_argument("--strict-unlimited", action="store_true",
                    help="do not list limit-less stages under calendar-missing (spec-literal reading)")
    a = ap.parse_args()
    o = Oracle(Rules(a.rules), a.data, D.fromisoformat(a.as_of), list_unlimited_stages=not a.strict_unlimited)
    findings, summary = o.run()
    for f in findings:
        print(json.dumps(f, ensure_ascii=False))
    print(json.dumps({"summary": summary}, ensure_ascii=False))


if __name__ == "__main__":
    main()
