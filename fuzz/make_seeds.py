#!/usr/bin/env python3
"""Writes the fuzz targets' seed corpora (fuzz/corpus/<target>/) and dictionaries
(fuzz/dict/) from the repository's fixtures, demo corpus and rule packs.

Run from anywhere: python3 fuzz/make_seeds.py. Files are named by content hash, so a
second run adds nothing new; sizes are capped to keep the committed corpus small."""
import hashlib, io, os, re, sys, zipfile
import xml.etree.ElementTree as ET

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "fuzz", "corpus")
INGEST = os.path.join(ROOT, "Tests", "Fixtures", "ingest")
TABLES = os.path.join(ROOT, "Tests", "Fixtures", "tables")
DEMO = os.path.join(ROOT, "corpus", "demo")
RULES = os.path.join(ROOT, "rules")
TESTS = os.path.join(ROOT, "Tests", "TrainAuditTests")

def seed(target, data, cap):
    if isinstance(data, str):
        data = data.encode("utf-8")
    data = data[:cap]
    if not data:
        return
    d = os.path.join(OUT, target)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, hashlib.sha1(data).hexdigest()[:16]), "wb") as f:
        f.write(data)

def head_lines(data, limit):
    """The first lines of `data` within `limit` bytes, cut at a line end."""
    if len(data) <= limit:
        return data
    cut = data.rfind(b"\n", 0, limit)
    return data[: cut + 1 if cut > 0 else limit]

def files(folder, exts):
    for name in sorted(os.listdir(folder)):
        p = os.path.join(folder, name)
        if os.path.isfile(p) and name.lower().endswith(exts):
            yield name, open(p, "rb").read()

def text_of(data):
    for enc in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(enc)
        except UnicodeDecodeError:
            pass
    return data.decode("utf-8", "replace")

NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"

def col_index(ref):
    n = 0
    for ch in ref:
        if ch.isalpha():
            n = n * 26 + ord(ch.upper()) - 64
        else:
            break
    return max(n - 1, 0)

def xlsx_rows(data, limit_rows=40):
    """(sheet part, rows of cell texts) of each worksheet, shared strings resolved."""
    z = zipfile.ZipFile(io.BytesIO(data))
    shared = []
    if "xl/sharedStrings.xml" in z.namelist():
        root = ET.fromstring(z.read("xl/sharedStrings.xml"))
        for si in root.iter(NS + "si"):
            shared.append("".join(t.text or "" for t in si.iter(NS + "t")))
    out = []
    for name in sorted(n for n in z.namelist() if n.startswith("xl/worksheets/") and n.endswith(".xml")):
        rows = []
        root = ET.fromstring(z.read(name))
        for row in root.iter(NS + "row"):
            cells = {}
            for c in row.iter(NS + "c"):
                v = c.find(NS + "v")
                t = c.get("t")
                if t == "s" and v is not None and v.text and v.text.isdigit() and int(v.text) < len(shared):
                    text = shared[int(v.text)]
                elif t == "inlineStr":
                    text = "".join(x.text or "" for x in c.iter(NS + "t"))
                else:
                    text = v.text if v is not None and v.text else ""
                cells[col_index(c.get("r", "A"))] = text
            width = max(cells) + 1 if cells else 0
            rows.append([cells.get(i, "").replace("\t", " ").replace("\n", " ") for i in range(min(width, 64))])
            if len(rows) >= limit_rows:
                break
        out.append((name, rows))
    return out

def parts_input(data):
    """An xlsx as the xlsx target's parts list: name, LF, bytes; NUL between parts."""
    z = zipfile.ZipFile(io.BytesIO(data))
    return b"\0".join(n.encode() + b"\n" + z.read(n) for n in z.namelist() if not n.endswith("/"))

def main():
    # csv: the reader's fixtures whole (the encoding samples need their 64 KiB), the demo's heads.
    for name, data in files(INGEST, (".csv", ".txt")):
        seed("csv", data, 80_000)
    for name, data in files(TABLES, (".csv",)):
        seed("csv", data, 80_000)
    for name, data in files(DEMO, (".csv",)):
        seed("csv", head_lines(data, 8_000), 8_000)
    seed("csv", b"a,b,c\n1,\"x\ny\",2\r\n\n3,\"he said \"\"hi\"\"\",4\r5,6\"7,\"8\n\"\n\"\",\"\r\n\",9\n10,\"\r\",11\r\n12,5\",\"\n13,,\n,\"a\"\"\n\"\"b\",14\n15,16,17", 1000)

    # xlsx: fixtures and demo workbooks as files and as parts lists.
    books = list(files(INGEST, (".xlsx",))) + [(n, d) for n, d in files(DEMO, (".xlsx",)) if len(d) <= 60_000]
    for name, data in books:
        seed("xlsx", data, 200_000)
        try:
            p = parts_input(data)
        except Exception:
            continue  # not a zip: the file form covers it
        if len(p) <= 64_000:
            seed("xlsx", p, 64_000)

    # header: rows as the header target reads them (first line the file name).
    def header_seed(name, rows):
        text = name + "\n" + "\n".join("\t".join(r) for r in rows)
        seed("header", head_lines(text.encode("utf-8"), 4_000), 4_000)
    for folder in (INGEST, TABLES, DEMO):
        for name, data in files(folder, (".csv", ".txt")):
            lines = text_of(head_lines(data, 16_000)).splitlines()[:40]
            header_seed(name, [re.split(r"\t|,", l) for l in lines])
    for name, data in files(DEMO, (".xlsx",)):
        for part, rows in xlsx_rows(data):
            header_seed(name, rows)

    # rules: every pack and the catalogue.
    for name, data in files(RULES, (".yaml",)):
        seed("rules", data, 16_000)
    seed("rules", "name: child\nextends: guyuan\nsettings:\n  max_class_size: {value: 40, source: \"default: test\"}\n", 1000)

    # normalize: the ID fixtures' inputs, and the text literals of the reader tests.
    for line in open(os.path.join(ROOT, "Tests", "Fixtures", "ids.tsv"), encoding="utf-8").read().splitlines()[1:]:
        cell = line.split("\t")[0]
        seed("normalize", cell, 256)
    lit = re.compile(r'"((?:[^"\\\n]|\\.)*)"')
    for test in ("DateReaderTests.swift", "NumberReaderTests.swift", "IDReaderTests.swift", "NameAndPhoneTests.swift"):
        for s in lit.findall(open(os.path.join(TESTS, test), encoding="utf-8").read()):
            if "\\(" in s:
                continue
            s = re.sub(r"\\u\{([0-9A-Fa-f]+)\}", lambda m: chr(int(m.group(1), 16)), s)
            s = s.replace('\\"', '"').replace("\\t", "\t").replace("\\n", "\n").replace("\\\\", "\\")
            seed("normalize", s, 256)

def dict_entry(text):
    """A libFuzzer dictionary entry: printable ASCII as is, other bytes as \\xNN."""
    out = ""
    for b in text.encode("utf-8"):
        out += chr(b) if 0x20 <= b < 0x7F and b not in (0x22, 0x5C) else "\\x%02x" % b
    return '"' + out + '"'

def header_dict():
    """The catalogue's Chinese header words, for the header target."""
    text = open(os.path.join(RULES, "columns.yaml"), encoding="utf-8").read()
    words = sorted(set(re.findall(r"[\u4e00-\u9fff]{2,}", text)))
    extra = ["\t", "/", "(", ")", "（", "）", "：", ".xlsx", ".csv", "台账", "花名册", "考勤"]
    with open(os.path.join(ROOT, "fuzz", "dict", "header.dict"), "w") as f:
        f.write("# header: the words of rules/columns.yaml (written by make_seeds.py)\n")
        for w in words + extra:
            f.write(dict_entry(w) + "\n")

if __name__ == "__main__":
    main()
    header_dict()
    total = 0
    for t in sorted(os.listdir(OUT)):
        d = os.path.join(OUT, t)
        n = len(os.listdir(d)); b = sum(os.path.getsize(os.path.join(d, f)) for f in os.listdir(d))
        total += b
        print(f"{t}: {n} files, {b} bytes")
    print(f"total: {total} bytes")
