#!/usr/bin/env python3
"""Give the sample paper and the encoding fixtures their on-disk encodings.

Real pages reach dubao as UTF-8, UTF-8 with a BOM, UTF-16 with a BOM or GB18030,
with LF, CRLF or CR line ends. Text editors and `git diff` are happiest with plain
UTF-8, so this script is the one place that turns pages into the other forms.

The committed files are the truth. The script reads each file in whatever encoding
it is in now (BOM, then strict UTF-8, then strict GB18030), and rewrites it in its
target form, so running it twice changes nothing. To edit an encoded page: run
`python3 Scripts/make-sample-encodings.py --utf8 FILE` to turn it back into plain
UTF-8, edit, then run the script without arguments.

Fixture twins (encoding-*.txt) are regenerated from encoding-base.txt, and
invalid-utf8.txt is written from the text below with real invalid bytes in it.

Usage: python3 Scripts/make-sample-encodings.py [--check] [--utf8 FILE...]
  --check   exit 1 if any file is not in its target form (writes nothing)
"""
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SAMPLE = os.path.join(ROOT, "Sources", "DubaoImport", "SampleData")
FIXTURES = os.path.join(ROOT, "Tests", "DubaoCoreTests", "Fixtures")

# file: (codec, bom, newline)
SAMPLE_FORMS = {
    "01-要闻.txt": ("utf-8", False, "\n"),
    "02-经济.txt": ("utf-8", True, "\r\n"),
    "03-城事.txt": ("gb18030", False, "\n"),
    "04-文化.txt": ("utf-8", False, "\n"),
}

# twin: (codec, bom, newline), all made from encoding-base.txt
TWIN_SOURCE = "encoding-base.txt"
TWIN_FORMS = {
    "encoding-crlf.txt": ("utf-8", False, "\r\n"),
    "encoding-cr.txt": ("utf-8", False, "\r"),
    "encoding-utf8-bom.txt": ("utf-8", True, "\n"),
    "encoding-utf16le-bom.txt": ("utf-16-le", True, "\n"),
    "encoding-utf16be-bom.txt": ("utf-16-be", True, "\r\n"),
    "encoding-gb18030.txt": ("gb18030", False, "\n"),
}

BOMS = {
    "utf-8": b"\xef\xbb\xbf",
    "utf-16-le": b"\xff\xfe",
    "utf-16-be": b"\xfe\xff",
}

# invalid-utf8.txt: valid UTF-8 except where BAD stands: there the file gets the
# bytes in BAD_BYTES (a lone 0xFF, which no UTF-8 or GB18030 decoder accepts).
BAD = "\u0001"
BAD_BYTES = b"\xff"
INVALID_UTF8_TEXT = f"""第03版：城事

社区食堂开进老小区

本报讯（记者 钟岚）本月起，柳巷社区食堂正式开门营业，每天供应早午晚三餐，六十岁以上老人用餐可享受八折优惠。

食堂由一处闲置的{BAD}自行车棚改建而成，面积约200平方米，可同时容纳60人就餐。

责任编辑:江远
"""


def decode_any(data):
    """Text of a page in whatever encoding it is stored in now."""
    for bom, codec in ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if data.startswith(bom):
            return data[len(bom):].decode(codec)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("gb18030")


def encode(text, codec, bom, newline):
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if newline != "\n":
        text = text.replace("\n", newline)
    return (BOMS[codec] if bom else b"") + text.encode(codec)


def read(path):
    with open(path, "rb") as f:
        return f.read()


def main(argv):
    check = "--check" in argv
    if "--utf8" in argv:
        for path in argv[argv.index("--utf8") + 1:]:
            text = decode_any(read(path)).replace("\r\n", "\n").replace("\r", "\n")
            with open(path, "wb") as f:
                f.write(text.encode("utf-8"))
            print(f"plain UTF-8: {path}")
        return 0

    wanted = {}
    for name, form in SAMPLE_FORMS.items():
        path = os.path.join(SAMPLE, name)
        wanted[path] = encode(decode_any(read(path)), *form)
    base_path = os.path.join(FIXTURES, TWIN_SOURCE)
    if os.path.exists(base_path):
        base = decode_any(read(base_path))
        for name, form in TWIN_FORMS.items():
            wanted[os.path.join(FIXTURES, name)] = encode(base, *form)
    if os.path.isdir(FIXTURES):
        wanted[os.path.join(FIXTURES, "invalid-utf8.txt")] = (
            INVALID_UTF8_TEXT.encode("utf-8").replace(BAD.encode("utf-8"), BAD_BYTES))

    stale = 0
    for path, data in wanted.items():
        current = read(path) if os.path.exists(path) else None
        if current == data:
            continue
        stale += 1
        rel = os.path.relpath(path, ROOT)
        if check:
            print(f"not in target form: {rel}")
        else:
            with open(path, "wb") as f:
                f.write(data)
            print(f"wrote {rel}")
    return 1 if check and stale else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
