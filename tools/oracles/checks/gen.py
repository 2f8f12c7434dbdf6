#!/usr/bin/env python3
"""Adversarial small data sets for `compliance check`.

Usage: gen.py --rules RULES --seed N --out DIR [--no-variants]
Writes DIR/data/{cases,procedures,charges,stages}.csv (UTF-8, English headers), DIR/asof.txt and,
for some seeds, a rule-set variant DIR/rules (other settings, a calendar year removed, a local adjustment).
All rows are valid per feeds.md: the point is day-exact judging, not ingest.
"""
import argparse
import csv
import datetime as dt
import os
import glob
import json
import random
import shutil
import sys
from decimal import Decimal

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from oracle import Rules, D, ONE  # noqa: E402
import forms  # noqa: E402

DAY = dt.timedelta(days=1)


class Gen:
    def __init__(self, rules, seed, use_forms=True, scale=1):
        self.scale = scale
        self.forms = use_forms
        self.r = rules
        self.rnd = random.Random(seed)
        cal = rules.cal
        inter = set()
        for d in cal.listed:
            for k in range(-2, 3):
                inter.add(d + dt.timedelta(days=k))
        for y in (2018, 2027):
            for k in range(-6, 7):
                inter.add(D(y, 1, 1) + dt.timedelta(days=k))
        self.interesting = sorted(inter)
        self.items = sorted(rules.items)
        self.fees = sorted(rules.fees)
        self.units = ["U00", "U01", "U0101", "U0102", "U02", "U0201", "U0202", "U03", "U0301", "U04", "U0401",
                      "U0402", "U05", "U06", "U07", "U0701", "U08", "U09", "U10", "U11", "U12"]
        scoped = set()
        for f in rules.fees.values():
            for p in f["periods"]:
                scoped.update(p.get("scope") or [])
        scoped.update(c for c, i in rules.items.items() if i.get("free"))
        self.scoped_items = sorted(scoped)

    # helpers -------------------------------------------------------------
    def ch(self, xs):
        return self.rnd.choice(xs)

    def p(self, x):
        return self.rnd.random() < x

    def working(self, d):
        return self.r.cal.covered(d) and self.r.cal.working(d)

    def nth_working_after(self, d, n):
        k = 0
        while k < n:
            d += DAY
            if not self.r.cal.covered(d):
                return None
            if self.r.cal.working(d):
                k += 1
        return d

    def back_working(self, t, n):
        """A with exactly n working days in (A, t]."""
        if n == 0:
            return t
        d = t
        k = 0
        while True:
            if not self.r.cal.covered(d):
                return None
            if self.r.cal.working(d):
                k += 1
                if k == n:
                    a = d - DAY
                    # sometimes start on an earlier rest day: same count
                    while self.p(0.3) and self.r.cal.covered(a) and not self.r.cal.working(a):
                        a -= DAY
                    return a
            d -= DAY

    def near(self, d, spread=2):
        return d + dt.timedelta(days=self.rnd.randint(-spread, spread))

    def pick_T(self):
        x = self.rnd.random()
        if x < 0.65:
            t = self.ch([d for d in self.interesting if D(2018, 1, 1) <= d <= D(2026, 12, 31)])
        elif x < 0.8:
            t = self.ch([d for d in self.interesting if d.month in (12, 1) and d.year in (2017, 2018, 2026, 2027)])
        else:
            t = D(2018, 1, 1) + dt.timedelta(days=self.rnd.randint(0, 9 * 365))
        return t

    def fmt(self, d):
        if d is None:
            return ""
        x = self.rnd.random()
        if x < 0.45:
            s = d.isoformat()
        elif x < 0.6:
            s = "%04d/%02d/%02d" % (d.year, d.month, d.day)
        elif x < 0.7:
            s = "%04d%02d%02d" % (d.year, d.month, d.day)
        else:
            s = ("%04d年%02d月%02d日" if self.p(0.5) else "%04d年%d月%d日") % (d.year, d.month, d.day)
        y = self.rnd.random()
        if y < 0.25:
            s += " " + self.ch(["00:00", "00:00:01", "23:59:59", "08:30", "16:05:09"])
        elif y < 0.32 and s[4] not in "/年" and s[-1] != "日":
            s += "T" + (self.ch(["000000", "235959", "120000"]) if len(s) == 8 else self.ch(["00:00:00", "23:59:59", "07:59:59"]))
        return s

    def limits_of(self, item, st, pr):
        it = self.r.items.get(item)
        if st is not None:
            ls = st
        elif it is not None and it.get("statutoryLimit") is not None:
            ls = it["statutoryLimit"]
        else:
            ls = self.r.default_statutory
        if pr is not None:
            lp = pr
        elif it is not None and it.get("promisedLimit") is not None:
            lp = it["promisedLimit"]
        else:
            lp = ls
        return ls, min(lp, ls)

    # cases ---------------------------------------------------------------
    def gen_cases(self, T, n):
        cases = []
        for i in range(n):
            cid = "C%d" % (i + 1)
            item = self.ch(self.scoped_items) if self.p(0.3) else self.ch(self.items)
            if self.p(0.03):
                item = "X9999"
            unit = self.ch(self.units) if not self.p(0.03) else "U99"
            st = pr = None
            if self.p(0.4):
                x = self.rnd.random()
                if x < 0.6:
                    st = self.ch([1, 2, 3, 5, 7, 10, 15, 20, 30, 45, 60])
                if self.p(0.7):
                    base = st if st is not None else self.limits_of(item, None, None)[0]
                    pr = max(1, base + self.ch([-5, -2, -1, 0, 0, 1, 3]))
            ls, lp = self.limits_of(item, st, pr)
            target = self.ch([ls, lp, lp, ls])
            x = self.rnd.random()
            A = Dd = None
            if x < 0.05:
                A = T + dt.timedelta(days=self.rnd.randint(1, 15))
                if self.p(0.5):
                    Dd = A + dt.timedelta(days=self.rnd.randint(0, 20))
            elif x < 0.35:
                # open at T, T near the deadline
                delta = self.rnd.randint(-4, 3)
                A = self.back_working(T, max(0, target + delta))
                if A is None:
                    A = T - dt.timedelta(days=self.rnd.randint(0, 40))
                if self.p(0.3):
                    Dd = T + dt.timedelta(days=self.rnd.randint(1, 30))  # decided after T: still open
            elif x < 0.7:
                # decided near the deadline
                A = self.near(self.ch([d for d in self.interesting if d <= T] or [T]), 3)
                if A > T:
                    A = T
                Dd = self.nth_working_after(A, max(0, target + self.rnd.randint(-2, 2)))
                if Dd is None:
                    Dd = A + dt.timedelta(days=self.rnd.randint(0, 40))
            else:
                A = T - dt.timedelta(days=self.rnd.randint(0, 80))
                if self.p(0.6):
                    Dd = A + dt.timedelta(days=self.rnd.randint(0, 60))
                if self.p(0.05):
                    Dd = A
            status = ""
            y = self.rnd.random()
            if y < 0.08:
                status = self.ch(["作废", "void"])
            elif y < 0.14:
                status = self.ch(["退回", "returned"])
            elif y < 0.3:
                status = self.ch(["办结", "decided"]) if Dd is not None else self.ch(["在办", "open"])
            atype = self.ch(["", "企业", "小微企业", "个体工商户", "个人"])
            cases.append(dict(case_id=cid, item_code=item, unit_code=unit, applicant_type=atype, accepted=A,
                              decided=Dd, statutory_limit=st, promised_limit=pr, status=status))
        return cases

    def gen_procs(self, T, cases):
        procs = []
        for c in cases:
            if not self.p(0.35):
                continue
            A = c["accepted"]
            E = c["decided"] if c["decided"] is not None and c["decided"] <= T else T
            if E < A:
                E = A
            prev = None
            for _ in range(self.rnd.randint(1, 3)):
                ext = self.p(0.35)
                x = self.rnd.random()
                if prev is not None and x < 0.3:
                    start = prev + dt.timedelta(days=self.ch([0, 1, -1, -3]))
                elif x < 0.45:
                    start = A + dt.timedelta(days=self.ch([-3, -1, 0, 1, 2]))
                elif x < 0.65:
                    start = E + dt.timedelta(days=self.ch([-1, 0, 1]))
                elif x < 0.72:
                    start = T + dt.timedelta(days=self.ch([0, 1, 2]))
                else:
                    span = max(0, (E - A).days)
                    start = A + dt.timedelta(days=self.rnd.randint(0, span))
                if self.p(0.3):
                    # start on a holiday / make-up day near
                    cands = [d for d in self.interesting if abs((d - start).days) <= 10]
                    if cands:
                        start = self.ch(cands)
                end = None
                if self.p(0.8):
                    end = start + dt.timedelta(days=self.ch([0, 0, 1, 2, 3, 5, 7, 10, 14, 20]))
                prev = end if end is not None else start
                if ext:
                    kind = self.ch(["1", "延长审批", "extension"])
                    days = self.ch(["", "", "5", "10", "15", "20", "1"])
                else:
                    kind = self.ch(["2", "暂停计时", "suspension", "听证", "招标", "拍卖", "检验", "检测", "检疫",
                                    "鉴定", "专家评审", "补正"])
                    days = ""
                procs.append(dict(case_id=c["case_id"], kind=kind, start=start, end=end, extension_days=days))
        return procs

    # charges -------------------------------------------------------------
    def gen_charges(self, T, cases, n):
        out = []
        known = [c for c in cases]
        for i in range(n):
            chid = "K%d" % (i + 1)
            fee = self.ch(self.fees) if not self.p(0.06) else self.ch(["F9999", "F0000"])
            f = self.r.fees.get(fee)
            period = self.ch(f["periods"]) if f else None
            x = self.rnd.random()
            if period is not None and x < 0.6:
                pf = D.fromisoformat(period["from"])
                pts = [pf - DAY, pf, pf + DAY]
                if period.get("to"):
                    pt = D.fromisoformat(period["to"])
                    pts += [pt - DAY, pt, pt + DAY]
                d = self.ch(pts)
            elif x < 0.8:
                d = T - dt.timedelta(days=self.rnd.randint(0, 400))
            elif x < 0.88:
                d = T + dt.timedelta(days=self.ch([1, 2, 30]))
            else:
                d = T - dt.timedelta(days=self.ch([0, 0, 1]))
            y = self.rnd.random()
            case = None
            if y < 0.65 and known:
                if period is not None and period.get("scope") and self.p(0.5):
                    sc = [c for c in known if c["item_code"] in period["scope"]]
                    case = self.ch(sc) if sc else self.ch(known)
                else:
                    case = self.ch(known)
                case_id = case["case_id"]
            elif y < 0.85:
                case_id = ""
            else:
                case_id = self.ch(["C999", "CX1"])
            amt = None
            if period is not None and period.get("max") is not None and self.p(0.7):
                mx = Decimal(str(period["max"]))
                amt = self.ch([mx, mx + Decimal("0.01"), mx - Decimal("0.01"), Decimal(0), mx * 2])
            else:
                amt = Decimal(self.rnd.randint(0, 200000)) / 100
            a = amt
            unit = ""
            if self.p(0.55):
                cols = (period or {}).get("collectors") or []
                unit = self.ch(cols) if cols and self.p(0.6) else self.ch(self.units)
            payer = self.ch(["", "", "企业", "小微企业", "个体工商户", "个人"])
            out.append(dict(charge_id=chid, case_id=case_id, fee_code=fee, amt=a, charged=d, unit_code=unit,
                            payer_type=payer))
        # a unit with red findings right at the warning-talk window's edges
        if self.p(0.4):
            u = self.ch(self.units)
            w = self.r.talk_window
            for k in range(self.r.talk_red + self.rnd.randint(-1, 2)):
                d = T - dt.timedelta(days=self.ch([w - 1, w - 1, w, w - 2, 0, 1, w + 1]))
                out.append(dict(charge_id="KT%d" % (k + 1), case_id="", fee_code="F9999", amt=Decimal("1.00"), charged=d,
                                unit_code=u, payer_type=""))
        # deliberate duplicates
        for i in range(self.rnd.randint(0, 6)):
            if not out:
                break
            base = self.ch(out)
            if not base["case_id"]:
                continue
            dup = dict(base)
            dup["charge_id"] = "K%d" % (len(out) + 1 + self.rnd.randint(0, 3) * 10)
            if any(o["charge_id"] == dup["charge_id"] for o in out):
                continue
            dup["charged"] = base["charged"] + dt.timedelta(days=self.ch([0, 0, 1, -1, 5]))
            out.append(dup)
        return out

    # stages --------------------------------------------------------------
    NAMES = {"立项": ["立项", "approval", "project-approval"], "规划": ["规划", "planning", "规划许可", "建设工程规划许可"],
             "环评": ["环评", "eia", "环境影响评价", "环评审批"], "用地": ["用地", "land", "用地审批", "用地预审"],
             "建设": ["建设", "construction", "施工许可", "施工许可证", "建筑工程施工许可"]}
    TYPES = {"立项": ["核准", "备案", "", "审批"], "环评": ["报告书", "报告表", "登记表", ""], "规划": ["", "", "x类"],
             "用地": [""], "建设": [""]}

    def gen_stages(self, T, nproj):
        rows = []
        for pi in range(nproj):
            proj = "P%d" % (pi + 1)
            stages = [s for s in ["立项", "规划", "环评", "用地"] if self.p(0.7)]
            comp = {}
            for s in stages:
                typ = self.ch(self.TYPES[s])
                rl = ru = None
                if self.p(0.15):
                    rl = self.ch([1, 5, 7, 10, 20, 30, 60])
                    ru = self.ch(["工作日", "working", "自然日", "calendar"])
                entry = self.r.stage_entry(s, typ)
                if rl is not None:
                    N, unit = rl, ("working" if ru in ("工作日", "working") else "calendar")
                elif entry and entry.get("limit"):
                    N, unit = entry["limit"], entry["unit"]
                else:
                    N, unit = 20, "working"
                S, C = self.stage_dates(T, N, unit)
                if C is not None and C < S:
                    C = S
                comp[s] = C
                rows.append(dict(project_code=proj, stage=self.ch(self.NAMES[s]), stage_type=typ,
                                 unit_code=self.ch(self.units), started=S, completed=C, limit=rl, limit_unit=ru))
            if self.p(0.7):
                # construction, relative to the prerequisites
                done = [c for c in comp.values() if c is not None]
                x = self.rnd.random()
                if done and x < 0.6:
                    S = max(done) + dt.timedelta(days=self.ch([-1, 0, 0, 1, 3]))
                else:
                    S = T - dt.timedelta(days=self.rnd.randint(-3, 30))
                rl = ru = None
                if self.p(0.15):
                    rl = self.ch([3, 7, 10])
                    ru = self.ch(["工作日", "自然日"])
                N = rl or 7
                unit = "calendar" if ru in (None, "自然日") else "working"
                C = None
                if self.p(0.6):
                    C = self.stage_end(S, N, unit)
                rows.append(dict(project_code=proj, stage=self.ch(self.NAMES["建设"]), stage_type="",
                                 unit_code=self.ch(self.units), started=S, completed=C, limit=rl, limit_unit=ru))
        return rows

    def cal_deadline(self, S, N):
        d = S + dt.timedelta(days=N)
        while self.r.cal.covered(d) and not self.r.cal.working(d):
            d += DAY
        return d

    def stage_end(self, S, N, unit):
        if unit == "working":
            e = self.nth_working_after(S, N)
            if e is None:
                return S + dt.timedelta(days=N)
            return self.ch([e - DAY, e, e + DAY, self.nth_working_after(e, 1) or e])
        dl = self.cal_deadline(S, N)
        return dl + dt.timedelta(days=self.ch([-1, 0, 1, 2]))

    def stage_dates(self, T, N, unit):
        x = self.rnd.random()
        if x < 0.4:
            # open, T near the deadline
            if unit == "working":
                S = self.back_working(T, max(0, N + self.rnd.randint(-4, 2)))
                if S is None:
                    S = T - dt.timedelta(days=N)
            else:
                S = T - dt.timedelta(days=N + self.rnd.randint(-6, 2))
            C = None
            if self.p(0.2):
                C = T + dt.timedelta(days=self.rnd.randint(1, 10))
            return S, C
        S = self.near(self.ch([d for d in self.interesting if d <= T] or [T]), 4)
        if S > T:
            S = T - dt.timedelta(days=self.rnd.randint(0, 5))
        if self.p(0.04):
            S = T + dt.timedelta(days=self.rnd.randint(1, 5))
        C = self.stage_end(S, N, unit) if self.p(0.8) else None
        return S, C

    # write -----------------------------------------------------------------
    def when(self, d):
        """A date, sometimes with a time of day (which every check must drop)."""
        if d is None or not self.p(0.35):
            return d
        h, m, sec = self.ch([(0, 0, 0), (0, 0, 1), (23, 59, 59), (12, 0, 0), (8, 30, 0), (16, 5, 9), (23, 30, 0),
                             (self.rnd.randint(0, 23), self.rnd.randint(0, 59), self.rnd.randint(0, 59))])
        return dt.datetime(d.year, d.month, d.day, h, m, sec)

    def write(self, out, canon_out, T, cases, procs, charges, stages):
        feeds = {
            "cases": [dict(case_id=c["case_id"], item_code=c["item_code"], unit_code=c["unit_code"],
                           applicant_type=c["applicant_type"] or None, accepted_at=self.when(c["accepted"]),
                           decided_at=self.when(c["decided"]), statutory_limit=c["statutory_limit"],
                           promised_limit=c["promised_limit"], status=c["status"] or None) for c in cases],
            "procedures": [dict(case_id=p["case_id"], kind=p["kind"], start=self.when(p["start"]),
                                end=self.when(p["end"]),
                                extension_days=int(p["extension_days"]) if p["extension_days"] else None)
                           for p in procs],
            "charges": [dict(charge_id=c["charge_id"], case_id=c["case_id"] or None, fee_code=c["fee_code"],
                             amount=c["amt"], charged_at=self.when(c["charged"]), unit_code=c["unit_code"] or None,
                             payer_type=c["payer_type"] or None) for c in charges],
            "stages": [dict(project_code=s["project_code"], stage=s["stage"], stage_type=s["stage_type"] or None,
                            unit_code=s["unit_code"], started_at=self.when(s["started"]),
                            completed_at=self.when(s["completed"]), limit=s["limit"], limit_unit=s["limit_unit"])
                       for s in stages],
        }
        self.forms_used = {}
        for feed, rows in feeds.items():
            form = self.ch(forms.FORMS) if self.forms else "csv-en"
            self.forms_used[feed] = form
            forms.write_feed(out, canon_out, feed, rows, self.rnd, form)

    def generate(self, out):
        T = self.pick_T()
        data = os.path.join(out, "data")
        cases = self.gen_cases(T, self.rnd.randint(10, 70) * self.scale)
        for c in cases:
            if c["decided"] is not None and c["decided"] < c["accepted"]:
                c["decided"] = c["accepted"]
        procs = self.gen_procs(T, cases)
        charges = self.gen_charges(T, cases, self.rnd.randint(10, 70) * self.scale)
        stages = self.gen_stages(T, self.rnd.randint(1, 8) * self.scale)
        self.write(data, os.path.join(out, "canon"), T, cases, procs, charges, stages)
        with open(os.path.join(out, "asof.txt"), "w") as f:
            f.write(T.isoformat() + "\n")
        return T, len(cases) + len(procs) + len(charges) + len(stages)


CODES = ["case.overdue-statutory", "case.overdue-promised", "case.due-soon", "stage.overdue", "stage.due-soon",
         "stage.out-of-order", "fee.unknown", "fee.not-in-force", "fee.abolished", "fee.exempt-charged",
         "fee.out-of-scope", "fee.over-standard", "fee.unauthorized-collector", "fee.free-item-charged",
         "fee.duplicate", "unit.warning-talk"]


def make_rules(base, out, rnd):
    """A rule-set variant: other settings, a missing calendar year, a local calendar adjustment."""
    shutil.copytree(base, out)
    cal = os.path.join(out, "calendars")
    if rnd.random() < 0.4:
        for y in rnd.choice([[2018], [2022], [2019], [2026], [2021, 2022], [rnd.randint(2018, 2026)]]):
            os.remove(os.path.join(cal, "%d.json" % y))
    if rnd.random() < 0.3:
        listed = set()
        for p in glob.glob(os.path.join(cal, "*.json")):
            listed.update(x["date"] for x in json.load(open(p, encoding="utf-8"))["days"])
        y = rnd.choice([2024, 2025, 2026, 2027])
        days = []
        for _ in range(rnd.randint(1, 6)):
            d = D(y, rnd.randint(1, 12), rnd.randint(1, 28))
            if d.isoformat() in listed or any(x["date"] == d.isoformat() for x in days):
                continue
            days.append({"name": "本地调整", "date": d.isoformat(), "isOffDay": d.weekday() < 5})
        with open(os.path.join(cal, "local-%d.json" % y), "w", encoding="utf-8") as f:
            json.dump({"year": y, "papers": [], "days": days}, f, ensure_ascii=False, indent=1)
    if rnd.random() < 0.6:
        st = {"warnDays": rnd.choice([0, 1, 2, 3, 5]), "defaultStatutoryLimit": rnd.choice([1, 5, 20, 30]),
              "warningTalk": {"redFindings": rnd.choice([1, 2, 3, 5]), "windowDays": rnd.choice([1, 7, 30, 90])},
              "checks": {}}
        for code in rnd.sample(CODES, rnd.randint(0, 4)):
            o = {}
            if rnd.random() < 0.3:
                o["enabled"] = False
            else:
                o["severity"] = rnd.choice(["warning", "yellow", "red"])
            st["checks"][code] = o
        for k in list(st):
            if k != "checks" and rnd.random() < 0.2:
                del st[k]
        with open(os.path.join(out, "settings.json"), "w", encoding="utf-8") as f:
            json.dump(st, f, ensure_ascii=False, indent=1)


def generate(base_rules, seed, out, variants=True, use_forms=True, scale=1):
    """One data set in out/data (its oracle copy in out/canon, a rule-set variant in out/rules);
    returns (rules folder, T, rows)."""
    rnd = random.Random(seed * 7919 + 1)
    rules_dir = base_rules
    if variants and rnd.random() < 0.35:
        rules_dir = os.path.join(out, "rules")
        make_rules(base_rules, rules_dir, rnd)
    T, n = Gen(Rules(rules_dir), seed, use_forms, scale).generate(out)
    return rules_dir, T, n


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rules", required=True)
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--no-variants", action="store_true")
    a = ap.parse_args()
    rules_dir, T, n = generate(a.rules, a.seed, a.out, not a.no_variants)
    print(rules_dir, T.isoformat(), n)


if __name__ == "__main__":
    main()
