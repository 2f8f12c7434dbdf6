"""Writers for the feed forms of feeds.md: CSV (UTF-8, UTF-8 with BOM, GB18030; English or Chinese
headers), JSON (array of objects, English keys) and XLSX (first sheet, first row headers).

A row is a dict of typed values: str, int or None, datetime.date / datetime.datetime, or
decimal.Decimal (an amount). Every form also gets a canonical CSV (ISO dates, plain amounts) that
the oracle reads, so the oracle judges exactly the days the product was handed.
"""
import csv
import datetime as dt
import io
import json
import os
import zipfile
from decimal import Decimal
from xml.sax.saxutils import escape

COLUMNS = {
    "cases": [("case_id", "办件编号"), ("item_code", "事项编码"), ("unit_code", "受理单位编码"),
              ("applicant_type", "申请人类型"), ("accepted_at", "受理时间"), ("decided_at", "办结时间"),
              ("statutory_limit", "法定时限"), ("promised_limit", "承诺时限"), ("status", "办件状态")],
    "procedures": [("case_id", "办件编号"), ("kind", "特别程序种类"), ("start", "开始时间"), ("end", "结束时间"),
                   ("extension_days", "延长天数")],
    "charges": [("charge_id", "缴款单号"), ("case_id", "办件编号"), ("fee_code", "收费项目编码"), ("amount", "收费金额"),
                ("charged_at", "收费时间"), ("unit_code", "收费单位编码"), ("payer_type", "缴款人类型")],
    "stages": [("project_code", "项目代码"), ("stage", "环节"), ("stage_type", "环节类型"), ("unit_code", "责任单位编码"),
               ("started_at", "开始时间"), ("completed_at", "完成时间"), ("limit", "时限"), ("limit_unit", "时限单位")],
}
REQUIRED = {"case_id", "item_code", "unit_code", "accepted_at", "kind", "start", "charge_id", "fee_code", "amount",
            "charged_at", "project_code", "stage", "started_at"}


def canon(v):
    if v is None:
        return ""
    if isinstance(v, dt.datetime):
        return v.date().isoformat()
    if isinstance(v, dt.date):
        return v.isoformat()
    if isinstance(v, Decimal):
        return "%.2f" % v
    return str(v)


def date_text(rnd, v):
    d = v.date() if isinstance(v, dt.datetime) else v
    x = rnd.random()
    if x < 0.45:
        s = d.isoformat()
    elif x < 0.6:
        s = "%04d/%02d/%02d" % (d.year, d.month, d.day)
    elif x < 0.7:
        s = "%04d%02d%02d" % (d.year, d.month, d.day)
    else:
        s = ("%04d年%02d月%02d日" if rnd.random() < 0.5 else "%04d年%d月%d日") % (d.year, d.month, d.day)
    if isinstance(v, dt.datetime):
        t = v.time()
        y = rnd.random()
        if len(s) == 8 and y < 0.4:
            s += "T%02d%02d%02d" % (t.hour, t.minute, t.second)
        elif "-" in s and y < 0.4:
            s += "T%02d:%02d:%02d" % (t.hour, t.minute, t.second)
        elif y < 0.7:
            s += " %02d:%02d" % (t.hour, t.minute)
        else:
            s += " %02d:%02d:%02d" % (t.hour, t.minute, t.second)
    return s


def amount_text(rnd, a):
    s = "%.2f" % a
    z = rnd.random()
    if z < 0.1:
        return "¥" + s
    if z < 0.15:
        return "￥" + s
    if z < 0.2:
        return s + "元"
    if z < 0.3 and a >= 1000:
        return "{:,.2f}".format(a)
    if z < 0.4 and a == a.to_integral_value():
        return str(int(a))
    return s


def text(rnd, v):
    if v is None:
        return ""
    if isinstance(v, (dt.date, dt.datetime)):
        return date_text(rnd, v)
    if isinstance(v, Decimal):
        return amount_text(rnd, v)
    return str(v)


def header(rnd, en, zh, chinese):
    if chinese:
        h = zh
        if en in REQUIRED and rnd.random() < 0.4:
            h += rnd.choice(["(必填)", "*"])
    else:
        h = en if rnd.random() < 0.8 else en.upper()
    if rnd.random() < 0.1:
        h = rnd.choice([" ", "\u3000"]) + h + rnd.choice([" ", "\u3000"])
    return h


def write_csv(path, rows, cols, rnd, chinese, encoding):
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow([header(rnd, en, zh, chinese) for en, zh in cols])
    for r in rows:
        w.writerow([text(rnd, r.get(en)) for en, _ in cols])
    data = buf.getvalue()
    if encoding == "utf-8-bom":
        raw = b"\xef\xbb\xbf" + data.encode("utf-8")
    else:
        raw = data.encode(encoding)
    with open(path, "wb") as f:
        f.write(raw)


def write_json(path, rows, cols, rnd):
    parts = []
    for r in rows:
        fields = []
        for en, _ in cols:
            v = r.get(en)
            if v is None:
                if rnd.random() < 0.5:
                    continue
                js = "null" if rnd.random() < 0.5 else '""'
            elif isinstance(v, bool):
                js = json.dumps(str(v))
            elif isinstance(v, int):
                js = str(v) if rnd.random() < 0.6 else json.dumps(str(v))
            elif isinstance(v, Decimal):
                js = ("%.2f" % v) if rnd.random() < 0.5 else json.dumps(amount_text(rnd, v), ensure_ascii=False)
            else:
                js = json.dumps(text(rnd, v), ensure_ascii=False)
            fields.append("%s: %s" % (json.dumps(en), js))
        parts.append("  {" + ", ".join(fields) + "}")
    with open(path, "w", encoding="utf-8") as f:
        f.write("[\n" + ",\n".join(parts) + "\n]\n")


EPOCH = dt.datetime(1899, 12, 30)


EPOCH_1904 = dt.datetime(1904, 1, 1)


def serial(v, date1904=False):
    epoch = EPOCH_1904 if date1904 else EPOCH
    if isinstance(v, dt.datetime):
        delta = v - epoch
    else:
        delta = dt.datetime(v.year, v.month, v.day) - epoch
    s = delta.days + delta.seconds / 86400.0
    return repr(s) if isinstance(v, dt.datetime) else str(delta.days)


def col_name(i):
    s = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(65 + r) + s
    return s


# date styles: cellXfs index -> numFmtId; 1/2 are the usual ones, 4.. East Asian built-ins and a custom code
DATE_STYLES = [1, 2, 4, 5, 6, 7]


def write_xlsx(path, rows, cols, rnd, chinese):
    date1904 = rnd.random() < 0.25
    strings = []
    index = {}

    def sst(s):
        if s not in index:
            index[s] = len(strings)
            strings.append(s)
        return index[s]

    xml_rows = []
    all_rows = [None] + rows
    for ri, r in enumerate(all_rows):
        cells = []
        for ci, (en, zh) in enumerate(cols):
            ref = "%s%d" % (col_name(ci), ri + 1)
            if r is None:
                cells.append('<c r="%s" t="s"><v>%d</v></c>' % (ref, sst(header(rnd, en, zh, chinese))))
                continue
            v = r.get(en)
            if v is None:
                continue
            if isinstance(v, (dt.date, dt.datetime)) and rnd.random() < 0.1:
                iso = v.isoformat() if isinstance(v, dt.date) and not isinstance(v, dt.datetime) else v.strftime("%Y-%m-%dT%H:%M:%S")
                cells.append('<c r="%s" t="d"><v>%s</v></c>' % (ref, iso))
            elif isinstance(v, (dt.date, dt.datetime)) and rnd.random() < 0.7:
                style = rnd.choice(DATE_STYLES) if rnd.random() < 0.5 else (2 if isinstance(v, dt.datetime) else 1)
                cells.append('<c r="%s" s="%d"><v>%s</v></c>' % (ref, style, serial(v, date1904)))
            elif isinstance(v, int) and not isinstance(v, bool) and rnd.random() < 0.7:
                cells.append('<c r="%s"><v>%d</v></c>' % (ref, v))
            elif isinstance(v, Decimal) and rnd.random() < 0.6:
                cells.append('<c r="%s" s="3"><v>%s</v></c>' % (ref, str(v.normalize()) if v != 0 else "0"))
            else:
                cells.append('<c r="%s" t="s"><v>%d</v></c>' % (ref, sst(text(rnd, v))))
        xml_rows.append('<row r="%d">%s</row>' % (ri + 1, "".join(cells)))
    sheet = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
             '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
             + "".join(xml_rows) + '</sheetData></worksheet>')
    shared = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
              '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="%d" uniqueCount="%d">'
              % (len(strings), len(strings))
              + "".join('<si><t xml:space="preserve">%s</t></si>' % escape(s) for s in strings) + '</sst>')
    styles = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
              '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
              '<numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd hh:mm:ss"/></numFmts>'
              '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>'
              '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>'
              '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
              '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
              '<cellXfs count="8"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
              '<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
              '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
              '<xf numFmtId="2" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
              '<xf numFmtId="31" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
              '<xf numFmtId="57" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
              '<xf numFmtId="22" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
              '<xf numFmtId="30" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>'
              '</styleSheet>')
    ct = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
          '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
          '<Default Extension="xml" ContentType="application/xml"/>'
          '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
          '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
          '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
          '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
          '</Types>')
    rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
            '</Relationships>')
    wb = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
          '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
          'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
          + ('<workbookPr date1904="1"/>' if date1904 else '') +
          '<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>')
    wbrels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
              '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
              '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
              '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
              '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
              '</Relationships>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", ct)
        z.writestr("_rels/.rels", rels)
        z.writestr("xl/workbook.xml", wb)
        z.writestr("xl/_rels/workbook.xml.rels", wbrels)
        z.writestr("xl/worksheets/sheet1.xml", sheet)
        z.writestr("xl/sharedStrings.xml", shared)
        z.writestr("xl/styles.xml", styles)


FORMS = ["csv-en", "csv-en", "csv-zh-gb18030", "csv-zh-bom", "json", "xlsx"]


def write_feed(folder, canon_folder, feed, rows, rnd, form):
    cols = COLUMNS[feed]
    os.makedirs(folder, exist_ok=True)
    os.makedirs(canon_folder, exist_ok=True)
    with open(os.path.join(canon_folder, feed + ".csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow([en for en, _ in cols])
        for r in rows:
            w.writerow([canon(r.get(en)) for en, _ in cols])
    if form == "csv-en":
        write_csv(os.path.join(folder, feed + ".csv"), rows, cols, rnd, False, "utf-8")
    elif form == "csv-zh-gb18030":
        write_csv(os.path.join(folder, feed + ".csv"), rows, cols, rnd, True, "gb18030")
    elif form == "csv-zh-bom":
        write_csv(os.path.join(folder, feed + ".csv"), rows, cols, rnd, True, "utf-8-bom")
    elif form == "json":
        write_json(os.path.join(folder, feed + ".json"), rows, cols, rnd)
    elif form == "xlsx":
        write_xlsx(os.path.join(folder, feed + ".xlsx"), rows, cols, rnd, rnd.random() < 0.5)
    else:
        raise ValueError(form)
