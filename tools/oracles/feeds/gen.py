"""Random small feed folders exercising feeds.md. `python3 gen.py SEED OUTDIR`."""
import datetime
import decimal
import json
import random
import re
import sys
import os

from oracle import COLUMNS

UNITS = ['U00', 'U01', 'U0101', 'U0102', 'U02', 'U0201', 'U0202', 'U03', 'U0301', 'U04', 'U0401', 'U0402', 'U05',
         'U06', 'U0601', 'U07', 'U0701', 'U0702', 'U08', 'U0801', 'U09', 'U10', 'U11', 'U12', 'U99']
ITEMS = ['X0101', 'X0102', 'X0201', 'X0203', 'X0206', 'X0207', 'X0301', 'X0403', 'X0704', 'X0801', 'X9999']
FEES = ['F0101', 'F0102', 'F0203', 'F0204', 'F0205', 'F0301', 'F0703', 'F9901', 'F0000']
NAMES = ['钱塘华信物业管理有限公司', '云栖博远餐饮管理股份有限公司', '程欣丽', '张三', 'Acme, Ltd.', '"老王"五金店',
         '城东区,盛世服装店', '李四\n王五', 'O\'Brien & Co', '北塘 信息技术', '￥先生', '无名氏', '𠀀𠮷记', '㐀·€商行',
         '李\r\n四', '\u00a0张三\u00a0']
APPLICANT_TYPES = ['企业', '小微企业', '个人', '']
STATUS_OK = ['在办', '办结', '作废', '退回', 'open', 'decided', 'void', 'returned']
STATUS_ODD = ['Open', 'DECIDED', 'Void', ' 办结 ', '已归档', 'closed', '办 结', '在办中']
KINDS_OK = ['1', '2', '延长审批', 'extension', '暂停计时', 'suspension', '听证', '招标', '拍卖', '检验', '检测', '检疫',
            '鉴定', '专家评审', '补正']
KINDS_ODD = ['Extension', 'SUSPENSION', '3', '其他', '延期', ' 检验 ', '01']
STAGES_OK = ['立项', '规划', '环评', '用地', '建设', 'approval', 'planning', 'eia', 'land', 'construction',
             '施工许可', '环评审批', '用地审批', 'project-approval', '规划许可']
STAGES_ODD = ['EIA', 'Approval', '施工', '验收', ' 环评 ', 'Project-Approval']
STAGE_TYPES = ['核准', '备案', '报告书', '报告表', '登记表', '']
UNITS_OK = ['工作日', '自然日', 'working', 'calendar']
UNITS_ODD = ['Working', 'CALENDAR', '天', '日', '工作天']

AS_OF = datetime.date(2025, 11, 3)


class G:
    def __init__(self, rng):
        self.r = rng
        self.date_style = rng.random()

    def pick(self, xs):
        return self.r.choice(xs)

    def day(self, lo=datetime.date(2018, 1, 2), hi=datetime.date(2025, 12, 20)):
        return lo + datetime.timedelta(days=self.r.randint(0, (hi - lo).days))

    def fmt_date(self, d, time=None):
        r = self.r
        form = r.choice(['-', '/', 'c', 'zh'] if self.date_style < 0.7 else ['-'])
        if form == '-':
            s = d.strftime('%Y-%m-%d')
        elif form == '/':
            s = d.strftime('%Y/%m/%d')
        elif form == 'c':
            s = d.strftime('%Y%m%d')
        else:
            s = d.strftime('%Y年%m月%d日')
        if time is None:
            time = r.random() < 0.4
        if time:
            hh, mm, ss = r.randint(0, 23), r.randint(0, 59), r.randint(0, 59)
            t = r.choice(['sp_hm', 'sp_hms', 'T_hms', 'T_hm', 'c_hms'] if form == 'c' else ['sp_hm', 'sp_hms', 'T_hms', 'T_hm'])
            if t == 'sp_hm':
                s += ' %02d:%02d' % (hh, mm)
            elif t == 'sp_hms':
                s += ' %02d:%02d:%02d' % (hh, mm, ss)
            elif t == 'T_hms':
                s += 'T%02d:%02d:%02d' % (hh, mm, ss)
            elif t == 'T_hm':
                s += 'T%02d:%02d' % (hh, mm)
            else:
                s += 'T%02d%02d%02d' % (hh, mm, ss)
        if r.random() < 0.05:
            s = r.choice([' ', '  ', '\u3000']) + s if r.random() < 0.5 else s + r.choice([' ', '\u3000'])
        return s

    def bad_date(self):
        return self.pick(['2025-02-30', '2025-13-01', '2025-00-10', '2025-10-32', '2025-10-30 24:00',
                          '2025-10-30 14:60', '2025-10-30 14:05:60', '2025-1030', '30/10/2025', '2025.10.30',
                          '２０２５-１０-３０', '2025-10-30 14', '2025-10-30 14:05:09.123', '2025-10-30T14:05:09Z',
                          '2025-10-30 14:05:09+08:00', '2025/1/5', '2025年1月5日', '2025-1-5', '20251030T1405',
                          '20251030 140509', 'yesterday', '2025年10月30', '2025-10-30 2:05', '1899-12-31',
                          '2023-02-29', '2024-02-30', '45231', '2025-10-30\t14:05', '0000-01-01', '2025-10-30 14:05 ',
                          '2025年10月30日 14时05分', '2025/10/30T14:05:09', '2025年10月30日T14:05'])

    def amount(self):
        r = self.r
        v = r.choice([0, 0, 1, 5, 10, 80, 550, 800, 1000, 1234, 12345, 1234567, 99999999]) + \
            (r.choice([0, 0, 0.5, 0.05, 0.99, 0.1]) if r.random() < 0.5 else 0)
        cents = round(v * 100)
        yuan, fen = divmod(cents, 100)
        if r.random() < 0.3 and yuan >= 1000:
            ys = '{:,}'.format(yuan)
        else:
            ys = str(yuan)
        dec = r.random()
        if fen:
            s = ys + ('.%02d' % fen if fen % 10 or dec < 0.5 else '.%d' % (fen // 10))
        else:
            s = ys + ('' if dec < 0.4 else ('.00' if dec < 0.8 else '.0'))
        if r.random() < 0.15:
            s = r.choice(['¥', '￥']) + s
        if r.random() < 0.1:
            s = s + '元'
        return s

    def bad_amount(self):
        return self.pick(['0.001', '1,00.00', '1,0000', ',100', 'abc', '八十元', '1e3', '.5', '5.', '+5', '¥-5',
                          '-¥5', '80 元', '¥ 80', '８０', '1 000', '1.234,56', '10.000', '$80', '80.00.00',
                          'RMB80', '1,234,56', '12,34.5', '--5', '0x10', 'NaN', '∞', '1_000'])

    def negative_amount(self):
        return self.pick(['-1', '-0.01', '-1,000.00', '-80', '-5.5', '-0', '-0.00'])

    def limit(self):
        return str(self.r.choice([0, 1, 5, 10, 20, 30, 45, 60, 90, 120]))

    def bad_limit(self):
        return self.pick(['20.5', '二十', '20天', '+20', '-1', '-5', '1e2', '２０', '20.0', '0x14', '020', '20 ', ' 20',
                          '1,000', '99999999999'])


def header_name(g, feed, key, zh):
    r = g.r
    name = zh if r.random() < 0.55 else key
    if name == key:
        c = r.random()
        if c < 0.1:
            name = name.upper()
        elif c < 0.2:
            name = name.title()
    c = r.random()
    if c < 0.08:
        name = name + '(必填)'
    elif c < 0.12:
        name = name + '*'
    elif c < 0.14:
        name = name + '（必填）'
    elif c < 0.15:
        name = name + ' (必填)'
    if r.random() < 0.1:
        name = r.choice([' ', '  ', '\u3000', '\t', '\u00a0']) + name
    if r.random() < 0.1:
        name = name + r.choice([' ', '\u3000', '  '])
    return name


UNKNOWN_HEADERS = ['备注', 'remark', 'Remarks', '', '', '经办人', 'extra_col', '办件编号2', 'case id', '受理时间（北京）']


def csv_field(g, v, force_quote=False):
    need = any(c in v for c in ',"\r\n')
    if need or force_quote or g.r.random() < 0.05:
        return '"' + v.replace('"', '""') + '"'
    return v


class Row:
    def __init__(self, vals, dates=None):
        self.vals = vals  # key -> raw string
        self.dates = dates or {}  # key -> the date a date value stands for
        self.orig = None  # the values before a fault was injected
        self.fault = None


def make_cases(g, n):
    r = g.r
    rows = []
    ids = []
    for i in range(n):
        cid = 'XK-%d-%05d' % (r.choice([2024, 2025]), r.randint(0, 99999) if r.random() < 0.1 else i + 1)
        acc = g.day()
        dec = None
        if r.random() < 0.6:
            dec = acc + datetime.timedelta(days=r.randint(0, 90))
        st = ''
        if r.random() < 0.5:
            st = g.pick(STATUS_OK)
        v = {
            'case_id': cid, 'item_code': g.pick(ITEMS), 'item_name': g.pick(['企业设立登记', '', '不动产登记, 转移']),
            'unit_code': g.pick(UNITS), 'unit_name': g.pick(['市市场监督管理局', '', '城东"分局"']),
            'applicant': g.pick(NAMES), 'applicant_type': g.pick(APPLICANT_TYPES),
            'accepted_at': g.fmt_date(acc), 'decided_at': g.fmt_date(dec) if dec else '',
            'statutory_limit': g.limit() if r.random() < 0.3 else '',
            'promised_limit': g.limit() if r.random() < 0.3 else '', 'status': st,
        }
        rows.append(Row(v, {'accepted_at': acc, 'decided_at': dec}))
        ids.append(cid)
    return rows, ids


def make_procedures(g, n, case_ids):
    r = g.r
    rows = []
    for _ in range(n):
        cid = g.pick(case_ids) if case_ids and r.random() < 0.9 else 'XK-0000-%05d' % r.randint(0, 99)
        s = g.day()
        e = s + datetime.timedelta(days=r.randint(0, 30)) if r.random() < 0.7 else None
        v = {'case_id': cid, 'kind': g.pick(KINDS_OK), 'start': g.fmt_date(s), 'end': g.fmt_date(e) if e else '',
             'extension_days': g.limit() if r.random() < 0.4 else ''}
        rows.append(Row(v, {'start': s, 'end': e}))
    return rows


def make_charges(g, n, case_ids):
    r = g.r
    rows = []
    for i in range(n):
        cid = ''
        c = r.random()
        if c < 0.7 and case_ids:
            cid = g.pick(case_ids)
        elif c < 0.8:
            cid = 'XK-0000-%05d' % r.randint(0, 99)
        day = g.day()
        v = {'charge_id': 'JK%010d' % (i + 1 if r.random() < 0.9 else r.randint(0, 9999)), 'case_id': cid,
             'fee_code': g.pick(FEES), 'fee_name': g.pick(['不动产登记费', '', '工本费, 证书']),
             'amount': g.amount(), 'charged_at': g.fmt_date(day),
             'unit_code': g.pick(UNITS) if r.random() < 0.3 else '',
             'payer_type': g.pick(APPLICANT_TYPES) if r.random() < 0.4 else ''}
        rows.append(Row(v, {'charged_at': day}))
    return rows


def make_stages(g, n):
    r = g.r
    rows = []
    projects = ['2024-330102-47-02-%06d' % i for i in range(1, max(2, n // 3))]
    for _ in range(n):
        s = g.day()
        c = s + datetime.timedelta(days=r.randint(0, 80)) if r.random() < 0.6 else None
        lim = ''
        lu = ''
        if r.random() < 0.25:
            lim = str(r.choice([5, 7, 20, 30, 60, 100]))
            lu = g.pick(UNITS_OK)
        v = {'project_code': g.pick(projects), 'project_name': g.pick(['智能制造产业园项目', '', '一期,二期', '"重点"项目']),
             'stage': g.pick(STAGES_OK), 'stage_type': g.pick(STAGE_TYPES), 'unit_code': g.pick(UNITS),
             'started_at': g.fmt_date(s), 'completed_at': g.fmt_date(c) if c else '', 'limit': lim, 'limit_unit': lu}
        rows.append(Row(v, {'started_at': s, 'completed_at': c}))
    return rows


DATE_KEYS = {'accepted_at', 'decided_at', 'start', 'end', 'charged_at', 'started_at', 'completed_at'}
INT_KEYS = {'statutory_limit', 'promised_limit', 'extension_days', 'limit'}


def inject_faults(g, feed, rows, rate):
    r = g.r
    req = [k for k, _z, q in COLUMNS[feed] if q]
    for row in rows:
        if r.random() >= rate:
            continue
        v = row.vals
        kinds = ['missing', 'bad-date', 'end-before', 'spaces', 'csv']
        if feed == 'charges':
            kinds += ['bad-amount', 'neg-amount', 'bad-amount']
        if feed == 'cases':
            kinds += ['bad-int', 'status']
        if feed == 'procedures':
            kinds += ['bad-int', 'kind']
        if feed == 'stages':
            kinds += ['bad-int', 'stage', 'unit', 'limit-no-unit', 'unit-no-limit']
        k = r.choice(kinds)
        row.fault = k
        row.orig = dict(v)
        if k == 'missing':
            v[r.choice(req)] = r.choice(['', ' ', '  ', '\u3000', '\t', '\u00a0', '\u2003'])
        elif k == 'bad-date':
            dk = r.choice([x for x in v if x in DATE_KEYS])
            v[dk] = g.bad_date()
        elif k == 'end-before':
            a, b = {'cases': ('accepted_at', 'decided_at'), 'procedures': ('start', 'end'),
                    'charges': ('charged_at', 'charged_at'), 'stages': ('started_at', 'completed_at')}[feed]
            d = g.day(datetime.date(2019, 1, 1))
            v[a] = g.fmt_date(d)
            if a != b:
                v[b] = g.fmt_date(d - datetime.timedelta(days=r.choice([1, 1, 2, 30])))
        elif k == 'spaces':
            key = r.choice(list(v))
            if v[key]:
                v[key] = r.choice([' ', '\u3000', '\t', '\u00a0']) + v[key] + r.choice(['', ' ', '\u3000', '\u2002'])
        elif k == 'bad-amount':
            v['amount'] = g.bad_amount()
        elif k == 'neg-amount':
            v['amount'] = g.negative_amount()
        elif k == 'bad-int':
            key = r.choice([x for x in v if x in INT_KEYS])
            v[key] = g.bad_limit()
            if key == 'limit' and not v.get('limit_unit'):
                v['limit_unit'] = g.pick(UNITS_OK)
        elif k == 'status':
            v['status'] = g.pick(STATUS_ODD)
        elif k == 'kind':
            v['kind'] = g.pick(KINDS_ODD)
        elif k == 'stage':
            v['stage'] = g.pick(STAGES_ODD)
        elif k == 'unit':
            v['limit'] = g.limit()
            v['limit_unit'] = g.pick(UNITS_ODD)
        elif k == 'limit-no-unit':
            v['limit'] = g.limit()
            v['limit_unit'] = r.choice(['', ' '])
        elif k == 'unit-no-limit':
            v['limit'] = ''
            v['limit_unit'] = g.pick(UNITS_OK)
        elif k == 'csv':
            row.fault = r.choice(['few', 'many', 'bare-quote', 'after-quote', 'ws-line', 'commas-only'])


def add_duplicates(g, feed, rows, rate):
    r = g.r
    if feed == 'procedures':
        rate /= 3
    out = []
    for row in rows:
        out.append(row)
        if out and r.random() < rate:
            src = r.choice(out)
            c = r.random()
            dup = Row(dict(src.vals), src.dates)
            dup.fault = src.fault
            if c < 0.35:
                dup.fault = (src.fault or '') + '+identical'
            elif c < 0.55:
                key = r.choice([k for k in dup.vals if k not in ('case_id', 'charge_id', 'project_code', 'stage')])
                dup.vals[key] = dup.vals[key] + 'x' if dup.vals[key] else 'y'
                dup.fault = (src.fault or '') + '+conflict'
            elif c < 0.65 and src.orig is not None:
                # the row a faulty one should have been: its key may be taken by nothing yet
                dup.vals = dict(src.orig)
                dup.fault = '+fixed'
            elif c < 0.72:
                # a key that differs only in case or padding
                kk = {'cases': 'case_id', 'charges': 'charge_id', 'stages': 'project_code', 'procedures': 'case_id'}[feed]
                dup.vals[kk] = r.choice([dup.vals[kk].lower(), ' ' + dup.vals[kk] + '\u3000', dup.vals[kk] + ' '])
                dup.fault = (src.fault or '') + '+key-respelt'
            else:
                # the same values written differently: dates in another form, amounts, stage aliases, status
                respell(g, feed, dup)
                dup.fault = (src.fault or '') + '+respelt'
            out.insert(r.randint(len(out) - 1 if r.random() < 0.5 else 0, len(out)), dup)
    return out


STAGE_SPELLINGS = [['立项', 'approval', 'project-approval', 'Approval'], ['规划', 'planning', '规划许可', '建设工程规划许可'],
                   ['环评', 'eia', '环评审批', '环境影响评价', 'EIA'], ['用地', 'land', '用地审批', '用地预审'],
                   ['建设', 'construction', '施工许可', '施工许可证', '建筑工程施工许可']]


def respell(g, feed, row):
    r = g.r
    v = row.vals
    for k, d in row.dates.items():
        if k in v and d is not None and v[k].strip() and r.random() < 0.7:
            v[k] = g.fmt_date(d)
    if feed == 'charges' and r.random() < 0.7:
        a = v['amount'].strip().lstrip('¥￥').rstrip('元').replace(',', '')
        if a and all(ch in '0123456789.' for ch in a) and a.count('.') <= 1:
            x = a if '.' in a else a + '.00'
            v['amount'] = r.choice([x, '¥' + x, x + '元', a.rstrip('0').rstrip('.') if '.' in a else a])
    if feed == 'stages' and r.random() < 0.7:
        for group in STAGE_SPELLINGS:
            if v['stage'].strip() in group:
                v['stage'] = r.choice(group)
    if feed == 'cases' and r.random() < 0.5:
        if not v['status'].strip():
            v['status'] = r.choice(['办结', 'decided']) if v['decided_at'].strip() else r.choice(['在办', 'open'])
        elif v['status'].strip() in ('办结', 'decided') and v['decided_at'].strip():
            v['status'] = ''
    if r.random() < 0.3:
        k = r.choice(list(v))
        if v[k]:
            v[k] = ' ' + v[k] + ' '


def write_feed(g, feed, rows, path, opts):
    r = g.r
    cols = []
    for key, zh, req in COLUMNS[feed]:
        if req or r.random() < 0.75:
            cols.append((key, header_name(g, feed, key, zh)))
    if r.random() < opts['missing_col_rate']:
        reqs = [c for c in cols if c[0] in {k for k, _z, q in COLUMNS[feed] if q}]
        victim = r.choice(reqs)
        cols.remove(victim)
    for _ in range(r.choice([0, 0, 0, 1, 2])):
        cols.append((None, r.choice(UNKNOWN_HEADERS)))
    if r.random() < 0.02:
        # the same column twice
        k, name = r.choice(cols)
        if k:
            cols.append((k, name))
    if r.random() < 0.7:
        r.shuffle(cols)
    eol_mode = r.choice(['\r\n', '\n', '\r', 'mixed'] if r.random() < 0.2 else ['\r\n', '\n'])

    def eol():
        return r.choice(['\r\n', '\n', '\r']) if eol_mode == 'mixed' else eol_mode

    out = [''] * r.choice([0] * 20 + [1, 2])  # blank lines before the header
    out.append(','.join(csv_field(g, name) for _k, name in cols))
    if r.random() < 0.03:
        out[0] += ','  # a nameless trailing column
        cols.append((None, ''))
    last_unterminated = False
    for idx, row in enumerate(rows):
        while r.random() < opts['blank_rate']:
            out.append('')
        fields = []
        for k, _name in cols:
            if k is None:
                fields.append(r.choice(['', '备注', 'x,y', '']))
            else:
                v = row.vals.get(k, '')
                if eol_mode != '\n' and '\n' in v and r.random() < 0.5:
                    v = v.replace('\n', eol())
                fields.append(v)
        f = row.fault or ''
        enc = [csv_field(g, x) for x in fields]
        if 'few' in f and len(enc) > 1:
            enc = enc[:-1]
        elif 'many' in f:
            enc.append(csv_field(g, r.choice(['', 'extra'])))
        elif 'bare-quote' in f:
            i = r.randrange(len(enc))
            enc[i] = 'ab"c' if r.random() < 0.5 else enc[i].strip('"') + '"'
        elif 'after-quote' in f:
            i = r.randrange(len(enc))
            enc[i] = '"ab"c'
        elif 'ws-line' in f:
            enc = [r.choice([' ', '  ', '\t'])]
        elif 'commas-only' in f:
            enc = [''] * len(enc)
        out.append(','.join(enc))
        if idx == len(rows) - 1 and r.random() < 0.02:
            out[-1] += ',"unterminated' + eol() + 'more'
            last_unterminated = True
    text = ''
    for i, line in enumerate(out):
        text += line
        if i < len(out) - 1 or (not last_unterminated and r.random() < 0.8):
            text += eol()
    if r.random() < 0.03:
        text += eol() + eol()
    write_bytes(g, text, path, opts)


PLAIN_NUMBER = re.compile(r"^-?(0|[1-9][0-9]*)(\.[0-9]+)?$")  # a valid JSON number: no leading zeros


def json_value(g, key, v):
    """The JSON text for one raw value: a string mostly, a number where the value is one."""
    r = g.r
    s = v
    if s == '' and r.random() < 0.5:
        return 'null'
    if PLAIN_NUMBER.match(s) and r.random() < 0.6:
        if key in ('amount',) and '.' not in s and r.random() < 0.2:
            return s + '.0'
        if r.random() < 0.15 and not s.startswith('-'):
            d = decimal.Decimal(s)
            if d != 0:
                return '{:E}'.format(d).replace('E+', r.choice(['E+', 'e', 'E']))
        return s
    return json.dumps(s, ensure_ascii=r.random() < 0.2)


def write_feed_json(g, feed, rows, path, opts):
    r = g.r
    names = {}
    for key, zh, _req in COLUMNS[feed]:
        names[key] = key if r.random() < 0.85 else header_name(g, feed, key, zh)
    if r.random() < opts['missing_col_rate']:
        victim = r.choice([k for k, _z, q in COLUMNS[feed] if q])
        names[victim] = None
    extra = [r.choice(['remark', '备注', '']) for _ in range(r.choice([0, 0, 0, 1]))]
    pretty = r.random() < 0.4
    eol = r.choice(['\n', '\r\n'])
    parts = []
    for row in rows:
        f = row.fault or ''
        if any(x in f for x in ('few', 'many', 'bare-quote', 'after-quote', 'ws-line', 'commas-only')):
            kind = r.choice(['container', 'dupkey', 'element'])
        else:
            kind = None
        if kind == 'element':
            parts.append(r.choice(['null', '1', '"x"', '0', 'true', 'false', '[1, 2]', '1.50', '2E3']))
            continue
        items = []
        for key, _zh, req in COLUMNS[feed]:
            if names[key] is None:
                continue
            v = row.vals.get(key, '')
            if not req and v == '' and r.random() < 0.5:
                continue
            items.append((names[key], json_value(g, key, v)))
        for name in extra:
            items.append((name, json.dumps(r.choice(['x', '', '备注']), ensure_ascii=False)))
        if r.random() < 0.5:
            r.shuffle(items)
        if kind == 'container' and items:
            i = r.randrange(len(items))
            items[i] = (items[i][0], r.choice(['{"a": 1}', '[1, 2]', '[]']))
        elif kind == 'dupkey' and items:
            items.append(r.choice(items))
        body = [json.dumps(k, ensure_ascii=False) + ': ' + x for k, x in items]
        if pretty:
            parts.append('{' + eol + (',' + eol).join('    ' + b for b in body) + eol + '  }')
        else:
            parts.append('{' + ', '.join(body) + '}')
    text = '[' + eol + (',' + eol).join('  ' + p for p in parts) + eol + ']' + (eol if r.random() < 0.7 else '')
    if not rows and r.random() < 0.5:
        text = '[]'
    write_bytes(g, text, path, opts)


def write_feed_xlsx(g, feed, rows, path, opts):
    import xlsx
    r = g.r
    cols = []
    for key, zh, req in COLUMNS[feed]:
        if req or r.random() < 0.75:
            cols.append((key, header_name(g, feed, key, zh)))
    if r.random() < opts['missing_col_rate']:
        cols.remove(r.choice([c for c in cols if c[0] in {k for k, _z, q in COLUMNS[feed] if q}]))
    for _ in range(r.choice([0, 0, 1])):
        cols.append((None, r.choice(UNKNOWN_HEADERS)))
    r.shuffle(cols)
    shared = r.random() < 0.5

    def text_cell(s):
        return ('s', s) if shared else s

    sheet = [[text_cell(name) for _k, name in cols]]
    for row in rows:
        while r.random() < opts['blank_rate']:
            sheet.append([])
        cells = []
        for k, _name in cols:
            if k is None:
                cells.append(text_cell(r.choice(['', '备注'])))
                continue
            v = row.vals.get(k, '')
            d = row.dates.get(k)
            if v == '' and r.random() < 0.5:
                cells.append(None)
            elif d is not None and v.strip() and r.random() < 0.3 and k in row.dates:
                serial = (d - datetime.date(1899, 12, 30)).days
                cells.append(('d', str(serial)) if r.random() < 0.5 else ('dt', '%d.%d' % (serial, r.randint(0, 99))))
            elif PLAIN_NUMBER.match(v) and r.random() < 0.6:
                cells.append(('n', v))
            else:
                cells.append(text_cell(v))
        if 'many' in (row.fault or ''):
            cells.append(text_cell('extra'))
        sheet.append(cells)
    xlsx.write(path, sheet)


def write_bytes(g, text, path, opts):
    r = g.r
    enc = opts['encoding']()
    if enc == 'gb18030':
        data = text.encode('gb18030')
    elif enc == 'utf-8-bom':
        data = b'\xef\xbb\xbf' + text.encode('utf-8')
    else:
        data = text.encode('utf-8')
    if r.random() < opts['undecodable_rate']:
        pos = r.randrange(len(data) + 1)
        data = data[:pos] + r.choice([b'\xff', b'\x80', b'\xfe\xfe', b'\x81\x30']) + data[pos:]
    with open(path, 'wb') as fh:
        fh.write(data)


def generate(seed, outdir):
    rng = random.Random(seed)
    g = G(rng)
    os.makedirs(outdir, exist_ok=True)
    fault_rate = rng.choice([0, 0.05, 0.1, 0.2, 0.4])
    dup_rate = rng.choice([0, 0.03, 0.1])
    opts = {
        'missing_col_rate': rng.choice([0, 0, 0, 0.1]),
        'blank_rate': rng.choice([0, 0, 0.02, 0.1]),
        'undecodable_rate': rng.choice([0, 0, 0, 0, 0.1]),
    }
    enc_choice = rng.random()
    opts['encoding'] = lambda: rng.choice(['utf-8', 'utf-8-bom', 'gb18030']) if enc_choice < 0.5 else \
        ['utf-8', 'utf-8-bom', 'gb18030'][int(enc_choice * 10) % 3]
    size = rng.choice([5, 20, 60, 150])
    cases, ids = make_cases(g, rng.randint(1, size * 2))
    feeds = {
        'cases': cases,
        'procedures': make_procedures(g, rng.randint(0, size), ids),
        'charges': make_charges(g, rng.randint(0, size * 2), ids),
        'stages': make_stages(g, rng.randint(0, size)),
    }
    for feed, rows in feeds.items():
        if rng.random() < 0.08:
            continue
        inject_faults(g, feed, rows, fault_rate)
        rows = add_duplicates(g, feed, rows, dup_rate)
        name = feed if rng.random() < 0.95 else rng.choice([feed.upper(), feed.title()])
        form = rng.random()
        forced = os.environ.get('FO_FORM')  # csv, xlsx, json or both: every feed in that form
        if forced:
            form = {'csv': 0.5, 'xlsx': 0.8, 'json': 0.9, 'both': 0.95}[forced]
        if form < 0.76:
            write_feed(g, feed, rows, os.path.join(outdir, name + '.csv'), opts)
        elif form < 0.84:
            write_feed_xlsx(g, feed, rows, os.path.join(outdir, name + '.xlsx'), opts)
        elif form < 0.92:
            write_feed_json(g, feed, rows, os.path.join(outdir, name + rng.choice(['.json', '.json', '.JSON'])), opts)
        else:
            cut = rng.randint(0, len(rows))
            extra = [rows[i] for i in range(cut) if rng.random() < 0.1]  # some rows in both files
            write_feed(g, feed, rows[:cut], os.path.join(outdir, name + '.csv'), opts)
            write_feed_json(g, feed, rows[cut:] + extra, os.path.join(outdir, name + '.json'), opts)


if __name__ == '__main__':
    generate(int(sys.argv[1]), sys.argv[2])
