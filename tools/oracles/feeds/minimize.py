"""Delta-debug one feed file: drop chunks of physical lines (never the header) while a predicate on the
product's output still holds. python3 minimize.py FILE 'python-expr over rejects, summary'"""
import os, shutil, subprocess, sys, tempfile, csv, json
import compare

def run(data):
    d = tempfile.mkdtemp(prefix='fo-min-')
    open(os.path.join(d, NAME), 'wb').write(data)
    try:
        rejects, messages, summary, probes = compare.run_product(d, d + '-out')
    finally:
        shutil.rmtree(d); shutil.rmtree(d + '-out', ignore_errors=True)
    return rejects, summary, probes

def holds(data):
    rejects, summary, probes = run(data)
    return eval(PRED)

def split(data):
    out, i = [], 0
    while i < len(data):
        j = i
        while j < len(data) and data[j:j+1] not in (b'\n', b'\r'): j += 1
        if data[j:j+2] == b'\r\n': j += 2
        elif j < len(data): j += 1
        out.append(data[i:j]); i = j
    return out

if __name__ == '__main__':
    path, PRED = sys.argv[1], sys.argv[2]
    NAME = os.path.basename(path)
    compare.make_probe_rules()
    data = open(path, 'rb').read()
    bom = b''
    if data.startswith(b'\xef\xbb\xbf'): bom, data = data[:3], data[3:]
    lines = split(data)
    head, body = lines[:1], lines[1:]
    assert holds(bom + b''.join(head + body)), 'predicate does not hold at start'
    n = max(1, len(body) // 2)
    while n >= 1:
        i, changed = 0, False
        while i < len(body):
            cand = body[:i] + body[i+n:]
            if holds(bom + b''.join(head + cand)):
                body, changed = cand, True
            else:
                i += n
        if not changed: n //= 2
    res = bom + b''.join(head + body)
    open(path + '.min', 'wb').write(res)
    print(res)
