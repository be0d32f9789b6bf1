#!/usr/bin/env python3
"""Check the importer's expected outputs against the pages they describe.

For every Tests/DubaoCoreTests/Fixtures/NAME.expected.json and for
Sources/DubaoImport/SampleData/EXPECTED.json this proves that the expectation
accounts for every visible character of its page exactly once and in order:

* page lines (header, editor footer, meta) must equal the stripped text of the
  line they name, and belong to the section whose lines they stand on;
* the lines of section k run from its first page line (line 1 for the first
  section) to the line before the next section's first page line;
* the non-whitespace characters of a section's remaining lines must equal, in
  order, those of kicker, title, subtitle, continuedFrom, dateline, credit,
  paragraphs with captions interleaved by afterParagraph, continuation, article
  after article.

It also checks the shape of every expectation (keys, types, trimmed text,
reporters taken from the credit, dates, encoding twins identical) and that the
fixture README mentions every fixture. It does not parse pages: it only checks
what a human wrote down.

Usage: python3 Scripts/check-fixtures.py   (exit status 1 on any problem)
"""
import glob
import json
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SAMPLE = os.path.join(ROOT, "Sources", "DubaoImport", "SampleData")
FIXTURES = os.path.join(ROOT, "Tests", "DubaoCoreTests", "Fixtures")

ARTICLE_TEXT_KEYS = ["kicker", "title", "subtitle", "continuedFrom", "dateline", "credit"]
ARTICLE_KEYS = set(ARTICLE_TEXT_KEYS) | {"reporters", "paragraphs", "captions", "continuation"}
FILE_KEYS = {"file", "sections", "pageLines", "paper"}
# "date" only when the page prints one: the importer falls back to the file name or today.
OPTIONAL_FILE_KEYS = {"date", "expectError", "expectWarning", "encoding", "note"}
SPACE = re.compile(r"\s+")  # Python's \s covers U+3000 and the other Unicode spaces

problems = []


def problem(where, message):
    problems.append(f"{where}: {message}")


def decode(data):
    """(text, fell back to lossy UTF-8?) the way a forgiving importer would read it."""
    for bom, codec in ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if data.startswith(bom):
            return data[len(bom):].decode(codec), False
    for codec in ("utf-8", "gb18030"):
        try:
            return data.decode(codec), False
        except UnicodeDecodeError:
            pass
    return data.decode("utf-8", errors="replace"), True


def visible(text):
    return SPACE.sub("", text)


def reading_order(article):
    out = [article[k] for k in ARTICLE_TEXT_KEYS]
    captions = list(article["captions"])
    i = 0

    def captions_after(n):
        nonlocal i
        while i < len(captions) and captions[i]["afterParagraph"] == n:
            out.append(captions[i]["text"])
            i += 1

    captions_after(0)
    for n, paragraph in enumerate(article["paragraphs"], start=1):
        out.append(paragraph)
        captions_after(n)
    out.extend(c["text"] for c in captions[i:])
    out.append(article["continuation"])
    return out


def first_difference(a, b):
    n = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
    return n, a[max(0, n - 12):n + 12], b[max(0, n - 12):n + 12]


def check_shape(where, expected):
    keys = set(expected)
    if not FILE_KEYS <= keys:
        problem(where, f"missing keys {sorted(FILE_KEYS - keys)}")
        return False
    if keys - FILE_KEYS - OPTIONAL_FILE_KEYS:
        problem(where, f"unknown keys {sorted(keys - FILE_KEYS - OPTIONAL_FILE_KEYS)}")
    if "date" in expected and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", expected["date"]):
        problem(where, f"date {expected['date']!r} is not YYYY-MM-DD")
    all_lines = [pl for s in expected["sections"] for pl in s.get("pageLines", [])]
    if all_lines != expected["pageLines"]:
        problem(where, "top-level pageLines differ from the sections' pageLines put together")
    for s, section in enumerate(expected["sections"]):
        sw = f"{where} section {s + 1}"
        if set(section) != {"name", "page", "pageLines", "articles"}:
            problem(sw, f"keys {sorted(section)}")
            continue
        if not section["name"]:
            problem(sw, "empty section name (without a header it is the file name's)")
        if section["page"] and not re.fullmatch(r"第[A-Z]?\d+版", section["page"]):
            problem(sw, f"page {section['page']!r}")
        headers = [pl for pl in section["pageLines"] if pl["kind"] == "header"]
        for pl in section["pageLines"]:
            if pl["kind"] not in ("header", "editor", "meta"):
                problem(sw, f"page line kind {pl['kind']!r}")
        # `第03版`, also printed `03版`, `A04版` or `【第05版…】`: the label is always written 第…版.
        bare = section["page"][1:]
        def squeezed(t):
            return re.sub(r"[ \u3000]", "", t)
        if section["page"] and not any(squeezed(h["text"]).lstrip("【[").startswith((section["page"], bare)) for h in headers):
            problem(sw, f"no header line starts with {section['page']!r}")
        if headers and not any(section["name"] in squeezed(h["text"]) for h in headers):
            problem(sw, f"no header line names {section['name']!r}")
        for a, article in enumerate(section["articles"]):
            aw = f"{sw} article {a + 1}"
            if set(article) != ARTICLE_KEYS:
                problem(aw, f"keys differ: missing {sorted(ARTICLE_KEYS - set(article))}, extra {sorted(set(article) - ARTICLE_KEYS)}")
                continue
            for key in ARTICLE_TEXT_KEYS + ["continuation"]:
                if not isinstance(article[key], str) or article[key] != article[key].strip():
                    problem(aw, f"{key} is not a trimmed string")
            for p in article["paragraphs"]:
                if not p or p != p.strip():
                    problem(aw, f"paragraph not trimmed or empty: {p[:20]!r}")
            last = 0
            for c in article["captions"]:
                n = c.get("afterParagraph")
                if set(c) != {"text", "afterParagraph"} or not isinstance(n, int):
                    problem(aw, f"caption shape {c}")
                    continue
                if n < last or n > len(article["paragraphs"]):
                    problem(aw, f"caption afterParagraph {n} out of order or range")
                last = n
            for name in article["reporters"]:
                if not name or name not in article["credit"]:
                    problem(aw, f"reporter {name!r} not in credit {article['credit']!r}")
                if any(role in name for role in ("记者", "通讯员", "实习生")):
                    problem(aw, f"reporter {name!r} still has a role in it")
            # `本报评论员`, `本报特约评论员`: a credit that names the paper's voice, not a person.
            if article["credit"] and not article["reporters"] and "评论员" not in article["credit"]:
                problem(aw, "credit without reporters")
            if not (article["title"] or article["kicker"] or article["paragraphs"] or article["captions"]):
                problem(aw, "article with nothing in it")
    return True


def check_page(where, path, expected):
    with open(path, "rb") as f:
        text, lossy = decode(f.read())
    if lossy != bool(expected.get("expectWarning")):
        problem(where, f"lossy decoding is {lossy} but expectWarning is {expected.get('expectWarning')}")
    if text.startswith("\ufeff"):
        problem(where, "BOM left in decoded text")
    lines = re.split(r"\r\n|\r|\n", text)

    if "expectError" in expected:
        if expected["sections"]:
            problem(where, "expectError with sections")
        if expected["expectError"] == "empty" and visible(text):
            problem(where, "expectError empty but the page has visible text")
        if expected["expectError"] not in ("empty", "no articles"):
            problem(where, f"unknown expectError {expected['expectError']!r}")
        return

    sections = expected["sections"]
    if not sections:
        problem(where, "no sections and no expectError")
        return
    page_line_numbers = set()
    starts = []
    for s, section in enumerate(sections):
        for pl in section["pageLines"]:
            n = pl.get("line")
            if not isinstance(n, int) or not 1 <= n <= len(lines):
                problem(where, f"page line {pl} has no valid line number")
                continue
            if lines[n - 1].strip() != pl["text"]:
                problem(where, f"line {n} is {lines[n - 1].strip()!r}, not {pl['text']!r}")
            page_line_numbers.add(n)
        numbers = [pl["line"] for pl in section["pageLines"] if isinstance(pl.get("line"), int)]
        if numbers != sorted(numbers):
            problem(where, f"section {s + 1} page lines out of order")
        if s == 0:
            starts.append(1)
        elif numbers:
            starts.append(min(numbers))
        else:
            problem(where, f"section {s + 1} has no page line to start it")
            return
    starts.append(len(lines) + 1)
    for s, section in enumerate(sections):
        for pl in section["pageLines"]:
            if not starts[s] <= pl.get("line", 0) < starts[s + 1]:
                problem(where, f"page line {pl['text']!r} stands outside section {s + 1}")
        page = "".join(visible(lines[i - 1]) for i in range(starts[s], starts[s + 1]) if i not in page_line_numbers)
        wrote = "".join(visible(t) for article in section["articles"] for t in reading_order(article))
        if page != wrote:
            n, p, w = first_difference(page, wrote)
            problem(where, f"section {s + 1} differs at visible character {n}:\n    page: {p}\n    json: {w}")


def check_expected(where, path, expected):
    if check_shape(where, expected):
        check_page(where, path, expected)


def load(path):
    try:
        with open(path, encoding="utf-8") as f:
            return json.load(f)
    except (OSError, ValueError) as error:
        problem(os.path.relpath(path, ROOT), f"cannot load: {error}")
        return None


def comparable(expected):
    return {k: v for k, v in expected.items() if k not in ("file", "encoding", "note")}


def main():
    # Sample paper.
    sample = load(os.path.join(SAMPLE, "EXPECTED.json"))
    pages = sorted(os.path.basename(p) for p in glob.glob(os.path.join(SAMPLE, "*.txt")))
    if sample is not None:
        if [e.get("file") for e in sample] != pages:
            problem("EXPECTED.json", f"files {[e.get('file') for e in sample]} but SampleData holds {pages}")
        for expected in sample:
            path = os.path.join(SAMPLE, expected.get("file", ""))
            if os.path.isfile(path):
                check_expected(f"SampleData/{expected['file']}", path, expected)

    # Fixtures.
    fixtures = {}
    readme = ""
    if os.path.exists(os.path.join(FIXTURES, "README.md")):
        with open(os.path.join(FIXTURES, "README.md"), encoding="utf-8") as f:
            readme = f.read()
    txts = sorted(glob.glob(os.path.join(FIXTURES, "*.txt")))
    for txt in txts:
        name = os.path.basename(txt)
        json_path = txt[:-len(".txt")] + ".expected.json"
        if not os.path.exists(json_path):
            problem(f"Fixtures/{name}", "no .expected.json twin")
            continue
        expected = load(json_path)
        if expected is None:
            continue
        if expected.get("file") != name:
            problem(f"Fixtures/{name}", f"expected.json names file {expected.get('file')!r}")
        if f"`{name}`" not in readme:
            problem(f"Fixtures/{name}", "not listed in README.md")
        fixtures[name] = expected
        check_expected(f"Fixtures/{name}", txt, expected)
    for json_path in glob.glob(os.path.join(FIXTURES, "*.expected.json")):
        if not os.path.exists(json_path[:-len(".expected.json")] + ".txt"):
            problem(os.path.basename(json_path), "no page for this expectation")

    # Encoding twins must expect exactly what their UTF-8 original expects.
    base = fixtures.get("encoding-base.txt")
    for name, expected in fixtures.items():
        if name.startswith("encoding-") and base is not None and comparable(expected) != comparable(base):
            problem(f"Fixtures/{name}", "expects something other than encoding-base.txt")

    articles = sum(len(s["articles"]) for e in list(fixtures.values()) + (sample or []) for s in e.get("sections", []))
    for p in problems:
        print(p)
    print(f"{len(fixtures)} fixtures, {len(sample or [])} sample pages, {articles} articles: "
          f"{'OK' if not problems else str(len(problems)) + ' problem(s)'}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
