"""Encoding fuzz: small cases.csv files in UTF-8 (BOM or not) or GB18030 with odd byte sequences put into a
value, compared with the oracle like any folder. `python3 encfuzz.py FIRST LAST`."""
import os
import random
import shutil
import sys

import compare

UTF8_ODD = [b"\xc0\x80", b"\xe0\x80\x80", b"\xed\xa0\x80", b"\xf4\x90\x80\x80", b"\xf5\x80\x80\x80", b"\xff",
            b"\xe4\xb8", b"\x80", b"\xef\xbf\xbf", b"\xf0\x9f\x98\x80", b"\xc2\xa0", b"\xef\xbb\xbf", b"\xe2\x80\xa8",
            b"\xf0\x90\x80", b"\xc3"]
GB_ODD = [b"\x80", b"\xff", b"\x81\x7f", b"\x81\x20", b"\x81\xff", b"\x81\x30\x81\x30", b"\x84\x31\xa4\x39",
          b"\x84\x31\xa5\x30", b"\x90\x30\x81\x30", b"\xe3\x32\x9a\x35", b"\xe3\x32\x9a\x36", b"\xfe\x39\xfe\x39",
          b"\x85\x30\x81\x30", b"\x81\x30\x81", b"\xaa\xa1", b"\xf8\xa1", b"\xa1\x40", b"\xa6\xd9", b"\xa8\xbf",
          b"\xa2\xe3", b"\xfe\x51", b"\xfe\x50", b"\x81\x30", b"\x8f\x39\xfe\x39", b"\x84\x30\x85\x34",
          b"\xfd\x9b", b"\xa3\xa0", b"\xa1\xa1", b"\x95\x32\x82\x36", b"\x81\x35\xf4\x37"]


def make(seed, d):
    r = random.Random(seed)
    if os.path.isdir(d):
        shutil.rmtree(d)
    os.makedirs(d)
    enc = r.choice(["utf-8", "utf-8-bom", "gb18030"])
    header = "办件编号,事项编码,受理单位编码,受理时间,申请人\n"
    rows = [f"C{i},X0101,U01,2025-01-0{1 + i % 9},张三{i}\n" for i in range(6)]
    data = b""
    if enc == "utf-8-bom":
        data += b"\xef\xbb\xbf"
    codec = "gb18030" if enc == "gb18030" else "utf-8"
    data += header.encode(codec)
    odd = GB_ODD if enc == "gb18030" else UTF8_ODD
    for i, row in enumerate(rows):
        if r.random() < 0.5:
            cut = row.rindex("\n")
            data += row[:cut].encode(codec) + b"x" + r.choice(odd) + b"y" + b"\n"
        else:
            data += row.encode(codec)
    open(os.path.join(d, "cases.csv"), "wb").write(data)


if __name__ == "__main__":
    compare.make_probe_rules()
    bad = 0
    for seed in range(int(sys.argv[1]), int(sys.argv[2])):
        d = f"/tmp/fo-enc/{seed}"
        make(seed, d)
        diffs, _ = compare.compare(d)
        if diffs:
            bad += 1
            print("seed", seed, open(os.path.join(d, "cases.csv"), "rb").read())
            for x in diffs[:6]:
                print("   ", x)
        else:
            shutil.rmtree(d)
    print("folders with differences:", bad)
