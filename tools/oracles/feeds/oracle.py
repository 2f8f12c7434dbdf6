"""Independent ingest oracle for `compliance check`, written from feeds.md alone.

Given a data folder (and the rule set's stages.json for stage aliases) and the as-of date, compute what
ingest must do: accepted records with their parsed values, rejects (feed, file, line, column, raw value,
reason), identical duplicates, whole-file rejects, unknown columns, input encodings.

Readings of the spec that the spec leaves open are marked READING; each was settled against the product
(see README.md) and is listed in the final report.
"""
import datetime
import decimal
import hashlib
import json
import os
import re

FEEDS = ["cases", "procedures", "charges", "stages"]

# (key, zh, en, required)
COLUMNS = {
    "cases": [
        ("case_id", "办件编号", True), ("item_code", "事项编码", True), ("item_name", "事项名称", False),
        ("unit_code", "受理单位编码", True), ("unit_name", "受理单位", False), ("applicant", "申请人", False),
        ("applicant_type", "申请人类型", False), ("accepted_at", "受理时间", True),
        ("decided_at", "办结时间", False), ("statutory_limit", "法定时限", False),
        ("promised_limit", "承诺时限", False), ("status", "办件状态", False),
    ],
    "procedures": [
        ("case_id", "办件编号", True), ("kind", "特别程序种类", True), ("start", "开始时间", True),
        ("end", "结束时间", False), ("extension_days", "延长天数", False),
    ],
    "charges": [
        ("charge_id", "缴款单号", True), ("case_id", "办件编号", False), ("fee_code", "收费项目编码", True),
        ("fee_name", "收费项目名称", False), ("amount", "收费金额", True), ("charged_at", "收费时间", True),
        ("unit_code", "收费单位编码", False), ("payer_type", "缴款人类型", False),
    ],
    "stages": [
        ("project_code", "项目代码", True), ("project_name", "项目名称", False), ("stage", "环节", True),
        ("stage_type", "环节类型", False), ("unit_code", "责任单位编码", True), ("started_at", "开始时间", True),
        ("completed_at", "完成时间", False), ("limit", "时限", False), ("limit_unit", "时限单位", False),
    ],
}

# READING (product's): "Empty means empty or only spaces": every Unicode white space counts (.NET's
# char.IsWhiteSpace: the full-width space, NBSP, line breaks...), and a value is read without the white space
# around it.
SPACES = "\t\n\v\f\r \x85\xa0\u1680" + "".join(chr(c) for c in range(0x2000, 0x200B)) + "\u2028\u2029\u202f\u205f\u3000"


def is_empty(v):
    return v is None or v.strip(SPACES) == ""


# ---------------------------------------------------------------- encoding

def decode(data):
    """(text, encoding label) or (None, 'undecodable', first bad byte offset)."""
    if data.startswith(b"\xef\xbb\xbf"):
        try:
            return data[3:].decode("utf-8"), "utf-8-bom", None
        except UnicodeDecodeError as e:
            return None, "undecodable", e.start + 3
    try:
        return data.decode("utf-8"), "utf-8", None
    except UnicodeDecodeError as e:
        utf8_at = e.start
    try:
        return data.decode("gb18030"), "gb18030", None
    except UnicodeDecodeError as e:
        # READING (product's): the bad byte reported is the later of the two decoders' failures, the one
        # that is most likely the real stray byte.
        return None, "undecodable", max(utf8_at, e.start)


# ---------------------------------------------------------------- CSV (RFC 4180)

class CsvRecord:
    def __init__(self, line, fields, raw, error):
        self.line = line
        self.fields = fields
        self.raw = raw
        self.error = error


def parse_csv(text):
    """Records with the physical line each starts on. Line ends: CRLF, LF or a lone CR.
    Blank lines (nothing between two line ends) are skipped."""
    out = []
    i, n, ln = 0, len(text), 1

    def eol_len(j):
        if j >= n:
            return 0
        if text[j] == "\r":
            return 2 if j + 1 < n and text[j + 1] == "\n" else 1
        if text[j] == "\n":
            return 1
        return 0

    while i < n:
        start, start_ln = i, ln
        # READING: a line of nothing but spaces is a blank line too.
        j = i
        while j < n and text[j] in SPACES:
            j += 1
        e = eol_len(j)
        if e or j >= n:
            i = j + e
            ln += 1 if e else 0
            continue
        fields, error = [], None
        while True:
            if i < n and text[i] == '"':
                i += 1
                buf = []
                closed = False
                while i < n:
                    c = text[i]
                    if c == '"':
                        if i + 1 < n and text[i + 1] == '"':
                            buf.append('"')
                            i += 2
                            continue
                        i += 1
                        closed = True
                        break
                    e = eol_len(i)
                    if e:
                        buf.append(text[i:i + e])
                        i += e
                        ln += 1
                        continue
                    buf.append(c)
                    i += 1
                if not closed:
                    error = "unterminated"
                    fields.append("".join(buf))
                    break
                fields.append("".join(buf))
                if i < n and text[i] == ",":
                    i += 1
                    continue
                if i >= n or eol_len(i):
                    break
                error = "after-quote"
                break
            else:
                j = i
                while j < n and text[j] != "," and not eol_len(j):
                    j += 1
                f = text[i:j]
                if '"' in f:
                    error = "quote-in-field"  # READING: strict RFC 4180, a bare quote is broken quoting
                fields.append(f)
                i = j
                if i < n and text[i] == ",":
                    i += 1
                    continue
                break
        if error:
            # READING (product's): a row with broken quoting is its first physical line; reading starts again on
            # the next line, so that one bad quote costs one line.
            i = start
            while i < n and not eol_len(i):
                i += 1
            ln = start_ln
        raw_end = i
        e = eol_len(i)
        # READING (product's): a row whose every field is empty (",,,,", Excel's empty rows) is a blank line.
        if error or not all(f.strip(SPACES) == "" for f in fields):
            out.append(CsvRecord(start_ln, fields, text[start:raw_end], error))
        if e:
            i += e
            ln += 1
    return out


# ---------------------------------------------------------------- headers

def header_key(name, feed):
    h = name.strip(SPACES)
    if h.endswith("(必填)") or h.endswith("（必填）"):
        h = h[: -len("(必填)")]
    elif h.endswith("*"):
        h = h[:-1]
    h = h.strip(SPACES).casefold()
    for key, zh, _req in COLUMNS[feed]:
        if h == zh or h == key:
            return key
    return None


# ---------------------------------------------------------------- values

DATE_RE = re.compile(
    r"^(?:([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})|([0-9]{4})/([0-9]{1,2})/([0-9]{1,2})|([0-9]{4})年([0-9]{1,2})月([0-9]{1,2})日"
    r"|([0-9]{4})([0-9]{2})([0-9]{2}))"
    # READING (product's): one-digit hours (Excel's "2025/1/5 2:05"), and the compact time with or without seconds.
    r"(?:[ T]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:\.[0-9]+)?)?|[ T]([0-9]{2})([0-9]{2})([0-9]{2})?)?$"
)


def parse_date(v):
    m = DATE_RE.match(v)
    if not m:
        return None
    g = m.groups()
    for k in range(0, 12, 3):
        if g[k] is not None:
            y, mo, d = int(g[k]), int(g[k + 1]), int(g[k + 2])
            break
    try:
        day = datetime.date(y, mo, d)
    except ValueError:
        return None
    if g[12] is not None:
        hh, mm, ss = int(g[12]), int(g[13]), int(g[14] or 0)
    elif g[15] is not None:
        hh, mm, ss = int(g[15]), int(g[16]), int(g[17] or 0)
    else:
        hh = mm = ss = 0
    if hh > 23 or mm > 59 or ss > 59:
        return None
    return day


# READING (product's): a leading "+" and spaces before 元 are tolerated.
# READING (product's): the sign may stand before or after the ¥, and spaces after the ¥ and before the 元.
AMOUNT_RE = re.compile(r"^([-+]?)(?:[¥￥] *)?([-+]?)([0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.([0-9]{1,2}))?(?: *元)?$")


def parse_amount(v):
    """Decimal, or 'bad' / 'negative'."""
    m = AMOUNT_RE.match(v)
    if not m:
        return "bad"
    if m.group(1) and m.group(2):
        return "bad"
    s = m.group(3).replace(",", "") + ("." + m.group(4) if m.group(4) else "")
    d = decimal.Decimal(s)
    # READING (product's): at most 15 digits of yuan (below a thousand trillion).
    if d >= 10**15:
        return "bad"
    if "-" in (m.group(1), m.group(2)) and d != 0:
        return "negative"
    return d


# READING (product's): a whole number of days, "20.0" included; it must fit a 32-bit int.
INT_RE = re.compile(r"^([0-9]+)(?:\.0*)?$")


def parse_int(v):
    m = INT_RE.match(v)
    if not m:
        return None
    x = int(m.group(1))
    return x if x <= 2**31 - 1 else None


STATUS = {"在办": "Open", "open": "Open", "办结": "Decided", "decided": "Decided", "作废": "Void", "void": "Void",
          "退回": "Returned", "returned": "Returned"}
EXTENSION_KINDS = {"1", "延长审批", "extension"}
SUSPENSION_KINDS = {"2", "暂停计时", "suspension", "听证", "招标", "拍卖", "检验", "检测", "检疫", "鉴定", "专家评审", "补正"}
STAGES = {"立项": "立项", "approval": "立项", "规划": "规划", "planning": "规划", "环评": "环评", "eia": "环评",
          "用地": "用地", "land": "用地", "建设": "建设", "construction": "建设"}
LIMIT_UNITS = {"工作日": "Working", "working": "Working", "自然日": "Calendar", "calendar": "Calendar"}


def lookup(table, v):
    # READING: English words match whatever their case, as headers do.
    if v in table:
        return table[v]
    return table.get(v.casefold())


# ---------------------------------------------------------------- rows

class RowReject(Exception):
    def __init__(self, problems):
        self.problems = problems  # [(column, value, reason)], first = the oracle's own order


class Ctx:
    def __init__(self, aliases, case_ids):
        self.aliases = {k.casefold(): v for k, v in aliases.items()}
        self.case_ids = case_ids


DATE_KEYS = ("accepted_at", "decided_at", "start", "end", "charged_at", "started_at", "completed_at")
INT_KEYS = ("statutory_limit", "promised_limit", "extension_days", "limit")


def build_record(feed, vals, ctx):
    """vals: key -> (header as written, raw value). Raises RowReject listing every problem the row has
    (the spec does not say which one a row with several is reported for). Returns the parsed values."""

    def raw(k):
        return vals[k][1] if k in vals else None

    def col(k):
        # READING (product's): a column the file lacks is named by its Chinese name.
        return vals[k][0] if k in vals else dict((c[0], c[1]) for c in COLUMNS[feed])[k]

    order = [k for k, _zh, _r in COLUMNS[feed]]
    req = {k for k, _zh, r in COLUMNS[feed] if r}
    rec = {}
    problems = []
    for k in order:
        v = raw(k)
        if k in req and is_empty(v):
            problems.append((col(k), v or "", "missing-required"))
            continue
        if is_empty(v):
            rec[k] = None
            continue
        t = v.strip(SPACES)
        if k in DATE_KEYS:
            d = parse_date(t)
            if d is None:
                problems.append((col(k), v, "bad-date"))
                continue
            rec[k] = d
        elif k == "amount":
            a = parse_amount(t)
            if a == "bad":
                problems.append((col(k), v, "bad-number"))
                continue
            if a == "negative":
                problems.append((col(k), v, "negative-amount"))
                continue
            rec[k] = a
        elif k in INT_KEYS:
            x = parse_int(t)
            if x is None:
                problems.append((col(k), v, "bad-number"))
                continue
            rec[k] = x
        elif k == "status":
            s = lookup(STATUS, t)
            if s is None:
                problems.append((col(k), v, "unknown-value"))
                continue
            rec[k] = s
        elif k == "kind":
            if t in EXTENSION_KINDS or t.casefold() in EXTENSION_KINDS:
                rec["kind_class"] = "Extension"
            elif t in SUSPENSION_KINDS or t.casefold() in SUSPENSION_KINDS:
                rec["kind_class"] = "Suspension"
            else:
                problems.append((col(k), v, "unknown-value"))
                continue
            rec[k] = t
        elif k == "stage":
            s = lookup(STAGES, t)
            if s is None:
                s = ctx.aliases.get(t.casefold())
            if s is None:
                problems.append((col(k), v, "unknown-value"))
                continue
            rec[k] = s
        elif k == "limit_unit":
            u = lookup(LIMIT_UNITS, t)
            if u is None:
                problems.append((col(k), v, "unknown-value"))
                continue
            rec[k] = u
        else:
            rec[k] = t
    pairs = {"cases": ("accepted_at", "decided_at"), "procedures": ("start", "end"),
             "stages": ("started_at", "completed_at")}
    if feed in pairs:
        a, b = pairs[feed]
        if rec.get(a) is not None and rec.get(b) is not None and rec[b] < rec[a]:
            problems.append((col(b), raw(b), "end-before-start"))
    if feed == "stages" and rec.get("limit") is not None and "limit_unit" in rec and rec["limit_unit"] is None:
        problems.append((col("limit_unit"), raw("limit_unit") or "", "missing-required"))
    if feed == "procedures" and rec.get("case_id") is not None and rec["case_id"] not in ctx.case_ids:
        problems.append((col("case_id"), raw("case_id"), "unknown-value"))
    if problems:
        raise RowReject(problems)
    if feed == "cases" and rec.get("status") is None:
        rec["status"] = "Decided" if rec.get("decided_at") is not None else "Open"
    if feed == "procedures" and rec["kind_class"] == "Extension" and rec.get("extension_days") is None:
        rec["extension_days"] = 10
    return rec


def record_key(feed, rec):
    if feed == "cases":
        return rec["case_id"]
    if feed == "charges":
        return rec["charge_id"]
    if feed == "stages":
        return (rec["project_code"], rec["stage"])
    return None


# ---------------------------------------------------------------- a feed file

class FeedResult:
    def __init__(self, feed):
        self.feed = feed
        self.stats = {"read": 0, "accepted": 0, "rejected": 0, "duplicate": 0, "filesRejected": 0}
        self.records = []  # (line, rec)
        self.rejects = []
        self.alternatives = {}
        self.unknown = {}
        self.inputs = []


def ingest_rows(feed, fname, rows, res, ctx, seen):
    """rows: list of (line, vals or None, raw, bad-row?)"""
    for line, vals, rawrow, badrow in rows:
        res.stats["read"] += 1
        if badrow:
            res.stats["rejected"] += 1
            res.rejects.append((feed, fname, line, "", rawrow, "bad-row"))
            continue
        try:
            rec = build_record(feed, vals, ctx)
        except RowReject as r:
            res.stats["rejected"] += 1
            res.rejects.append((feed, fname, line) + r.problems[0])
            res.alternatives[(feed, fname, line)] = [(feed, fname, line) + p for p in r.problems]
            continue
        key = record_key(feed, rec)
        if key is not None:
            # READING (product's): identical = the same values once read (a date written another way, an amount
            # with or without its decimals, a stage by its alias, padding aside); columns the feed does not know
            # are not compared.
            ident = tuple(sorted((k, v) for k, v in rec.items() if k != "line"))
            if key in seen:
                first_line, first_ident = seen[key]
                if first_ident == ident:
                    res.stats["duplicate"] += 1
                    continue
                res.stats["rejected"] += 1
                kcol = "charge_id" if feed == "charges" else ("case_id" if feed == "cases" else "project_code")
                res.rejects.append((feed, fname, line, vals[kcol][0], vals[kcol][1], "duplicate-key"))
                continue
            seen[key] = (line, ident)
        rec["line"] = line
        res.stats["accepted"] += 1
        res.records.append(rec)


def line_of(text, offset):
    """Physical line (1-based) of a char offset: LF, CRLF and lone CR each end a line."""
    s = text[:offset]
    return 1 + s.count("\n") + s.count("\r") - s.count("\r\n")


class JsonFileError(Exception):
    pass


def json_number_text(tok):
    # READING: a JSON number is read as written, its exponent written out (1.5e1 -> 15, 1.50e1 -> 15.0).
    if "e" in tok or "E" in tok:
        m = re.match(r"^(-?)([0-9]*)(?:\.([0-9]*))?[eE]([-+]?[0-9]+)$", tok)
        exp = int(m.group(4))
        if abs(exp) > 28:
            return tok
        digits = m.group(2) + (m.group(3) or "")
        whole_digits = len(m.group(2)) + exp
        if whole_digits <= 0:
            whole, frac = "", "0" * -whole_digits + digits
        elif whole_digits >= len(digits):
            whole, frac = digits + "0" * (whole_digits - len(digits)), ""
        else:
            whole, frac = digits[:whole_digits], digits[whole_digits:]
        return m.group(1) + (whole.lstrip("0") or "0") + ("." + frac if frac else "")
    return tok


def parse_json(text):
    """(headers, records) for a JSON array of objects; records as CsvRecord with fields aligned to headers, or
    error set (with a raw value) for an element or object that cannot be a row."""
    dec = json.JSONDecoder(parse_float=lambda s: ("num", s), parse_int=lambda s: ("num", s),
                           parse_constant=lambda s: ("num", s), object_pairs_hook=lambda pairs: ("obj", pairs))
    i, n = 0, len(text)

    def ws(i):
        while i < n and text[i] in " \t\r\n":
            i += 1
        return i

    i = ws(i)
    if i >= n or text[i] != "[":
        raise JsonFileError("not an array")
    i += 1
    elements = []
    while True:
        i = ws(i)
        if i >= n:
            raise JsonFileError("truncated")
        if text[i] == "]":
            i += 1
            break
        if elements:
            if text[i] != ",":
                raise JsonFileError("syntax")
            i = ws(i + 1)
        try:
            value, end = dec.raw_decode(text, i)
        except json.JSONDecodeError:
            raise JsonFileError("syntax")
        elements.append((line_of(text, i), value, text[i:end]))
        i = end
    if ws(i) != n:
        raise JsonFileError("content after the array")
    headers = []
    for _line, v, _src in elements:
        if isinstance(v, tuple) and v[0] == "obj":
            for k, _x in v[1]:
                if k not in headers:
                    headers.append(k)
    recs = []
    for line, v, src in elements:
        if not (isinstance(v, tuple) and v[0] == "obj"):
            # READING (product's): the element's JSON text: a string in quotes, a number or an array as written
            # (cut after 200 chars), null, true, false.
            if v is None:
                raw = "null"
            elif isinstance(v, tuple):
                raw = v[1]
            elif isinstance(v, bool):
                raw = "true" if v else "false"
            elif isinstance(v, str):
                raw = json.dumps(v, ensure_ascii=False)
            else:
                raw = src if len(src) <= 200 else src[:200] + "…"
            recs.append(CsvRecord(line, [], raw, "not-object"))
            continue
        keys = [k for k, _x in v[1]]
        vals = dict(v[1])
        if len(set(keys)) != len(keys) or any(isinstance(x, (list,)) or (isinstance(x, tuple) and x[0] == "obj")
                                             for x in vals.values()):
            recs.append(CsvRecord(line, [], "", "bad-value"))
            continue
        fields = []
        for h in headers:
            x = vals.get(h)
            if x is None:
                fields.append("")
            elif isinstance(x, bool):
                fields.append("true" if x else "false")
            elif isinstance(x, tuple):
                fields.append(json_number_text(x[1]))
            else:
                fields.append(x)
        recs.append(CsvRecord(line, fields, "", None))
    return headers, recs


def col_index(ref):
    n = 0
    for ch in ref:
        if ch.isalpha():
            n = n * 26 + ord(ch.upper()) - 64
        else:
            break
    return n - 1


def xlsx_number_text(v):
    # READING (product's): a number cell is a double; it is read to 15 significant digits, as Excel shows it
    # (1234.5599999999999 is 1234.56), and written out plainly.
    d = decimal.Decimal("%.15g" % float(v))
    s = format(d, "f")
    return s


def parse_xlsx(path):
    """(headers, records) of the first sheet: row 1 is the header; every row is as wide as the widest; rows
    with nothing in them are skipped; a row's line is its sheet row."""
    import zipfile
    import xml.etree.ElementTree as ET
    ns = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
    z = zipfile.ZipFile(path)
    shared = []
    if "xl/sharedStrings.xml" in z.namelist():
        for si in ET.fromstring(z.read("xl/sharedStrings.xml")).findall("m:si", ns):
            shared.append("".join(x.text or "" for x in si.iter("{%s}t" % ns["m"])))
    styles = ET.fromstring(z.read("xl/styles.xml"))
    date_styles = set()
    xfs = styles.find("m:cellXfs", ns)
    for i, xf in enumerate(xfs.findall("m:xf", ns)):
        if xf.get("numFmtId") in ("14", "164"):
            date_styles.add(str(i))
    sheet = ET.fromstring(z.read("xl/worksheets/sheet1.xml"))
    rows = []
    for row in sheet.find("m:sheetData", ns).findall("m:row", ns):
        r = int(row.get("r"))
        cells = {}
        for c in row.findall("m:c", ns):
            i = col_index(c.get("r"))
            t = c.get("t")
            v = c.find("m:v", ns)
            if t == "inlineStr":
                text = "".join(x.text or "" for x in c.iter("{%s}t" % ns["m"]))
            elif t == "s":
                text = shared[int(v.text)]
            elif t == "str":
                text = v.text or ""
            elif v is None:
                text = ""
            elif c.get("s") in date_styles:
                # READING (product's): a date cell reads as its date and time, the time cut to the second.
                serial = decimal.Decimal(v.text)
                moment = datetime.datetime(1899, 12, 30) + datetime.timedelta(days=int(serial))
                moment += datetime.timedelta(seconds=int((serial - int(serial)) * 86400))
                text = moment.strftime("%Y-%m-%d %H:%M:%S")
            else:
                text = xlsx_number_text(v.text)
            cells[i] = text
        rows.append((r, cells))
    if not rows:
        return [], []
    width = max([max(c) + 1 for _r, c in rows if c] + [0])
    header = [rows[0][1].get(i, "") for i in range(width)] if rows[0][0] == 1 else [""] * width
    recs = []
    for r, cells in rows[1:] if rows[0][0] == 1 else rows:
        fields = [cells.get(i, "") for i in range(width)]
        if all(is_empty(f) for f in fields):
            continue
        recs.append(CsvRecord(r, fields, "", None))
    return header, recs


def read_file(feed, path, fname, res, ctx, seen):
    data = open(path, "rb").read()
    if fname.lower().endswith(".xlsx"):
        res.inputs.append({"feed": feed, "file": fname, "sha256": hashlib.sha256(data).hexdigest(), "encoding": "binary"})
        header, recs = parse_xlsx(path)
        read_rows(feed, fname, header, recs, True, res, ctx, seen)
        return
    text, enc, bad = decode(data)
    res.inputs.append({"feed": feed, "file": fname, "sha256": hashlib.sha256(data).hexdigest(), "encoding": enc})
    if text is None:
        line = line_of(data[:bad].decode("latin-1"), bad)  # READING: line of the first byte that does not decode
        res.stats["filesRejected"] += 1
        res.rejects.append((feed, fname, line, "", "", "bad-file"))
        return
    is_json = fname.lower().endswith(".json")
    if is_json:
        try:
            header, recs = parse_json(text)
        except JsonFileError:
            res.stats["filesRejected"] += 1
            res.rejects.append((feed, fname, 0, "", "", "bad-file"))
            return
        has_columns = any(not r.error or r.error == "bad-value" for r in recs)
    else:
        recs = parse_csv(text)
        if recs and recs[0].error:
            res.stats["filesRejected"] += 1
            res.rejects.append((feed, fname, 0, "", "", "bad-file"))
            return
        header = recs[0].fields if recs else []
        recs = recs[1:]
        has_columns = True
    read_rows(feed, fname, header, recs, has_columns, res, ctx, seen)


def read_rows(feed, fname, header, recs, has_columns, res, ctx, seen):
    keys = [header_key(h, feed) for h in header]
    # READING (product's): the value of a whole-file reject is the headers found, unquoted, joined by commas.
    hraw = ",".join(header)
    # READING (product's): two columns naming the same field refuse the file whole (bad-file).
    named = [k for k in keys if k is not None]
    if len(named) != len(set(named)):
        res.stats["filesRejected"] += 1
        res.rejects.append((feed, fname, 0, "", hraw, "bad-file"))
        return
    missing = [k for k, _zh, r in COLUMNS[feed] if r and k not in keys]
    if missing and has_columns:
        res.stats["filesRejected"] += 1
        res.rejects.append((feed, fname, 0, "", hraw, "missing-column"))
        return
    # READING (product's): a nameless column is listed, as 第N列（无列名）, only when some row that is not a
    # bad row has a value in it.
    with_data = set()
    for r in recs:
        if not r.error and len(r.fields) == len(header):
            with_data.update(i for i, f in enumerate(r.fields) if not is_empty(f))
    unknown = [h if not is_empty(h) else f"第{i + 1}列（无列名）" for i, (h, k) in enumerate(zip(header, keys))
               if k is None and (not is_empty(h) or i in with_data)]
    if unknown:
        res.unknown[fname] = unknown
    rows = []
    for r in recs:
        if r.error or len(r.fields) != len(header):
            rows.append((r.line, None, r.raw, True))
            continue
        vals = {}
        for h, k, v in zip(header, keys, r.fields):
            if k is not None and k not in vals:
                vals[k] = (h, v)
        rows.append((r.line, vals, r.raw, False))
    ingest_rows(feed, fname, rows, res, ctx, seen)


def load_aliases(rules_dir):
    try:
        sj = json.load(open(os.path.join(rules_dir, "stages.json"), encoding="utf-8"))
    except FileNotFoundError:
        return {}
    return dict(sj.get("aliases", {}))


def run(data_dir, rules_dir, as_of):
    aliases = load_aliases(rules_dir)
    ctx = Ctx(aliases, set())
    results = {}
    for feed in FEEDS:
        res = FeedResult(feed)
        seen = {}
        names = sorted(os.listdir(data_dir))
        for ext in (".csv", ".json", ".xlsx"):
            # READING (product's): file names match ignoring case; .csv, then .json, each in ordinal order.
            for fname in [x for x in names if x.lower() == feed + ext]:
                p = os.path.join(data_dir, fname)
                if os.path.isfile(p):
                    read_file(feed, p, fname, res, ctx, seen)
        results[feed] = res
        if feed == "cases":
            ctx.case_ids = {r["case_id"] for r in res.records}
    return summarize(results, as_of)


DATE_OF = {"cases": "accepted_at", "procedures": "start", "charges": "charged_at", "stages": "started_at"}


def summarize(results, as_of):
    out = {"inputs": [], "feeds": {}, "unknownColumns": {}, "rejects": [], "alternatives": {}, "records": {}}
    case_ids = {r["case_id"] for r in results["cases"].records}
    for feed in FEEDS:
        res = results[feed]
        st = dict(res.stats)
        st["futureDated"] = sum(1 for r in res.records if r[DATE_OF[feed]] > as_of)
        out["feeds"][feed] = st
        out["inputs"].extend(res.inputs)
        out["unknownColumns"].update(res.unknown)
        out["rejects"].extend(res.rejects)
        out["alternatives"].update(res.alternatives)
        out["records"][feed] = res.records
    # READING (product's): a future-dated charge does not exist for the run, so it is no orphan either.
    out["orphanCharges"] = sorted(r["charge_id"] for r in results["charges"].records
                                  if (r.get("case_id") is None or r["case_id"] not in case_ids)
                                  and r["charged_at"] <= as_of)
    return out
