#!/usr/bin/env python3
"""Fills in a call sheet from `trainaudit sample` as a phone team would, for
Tests/TrainAuditTests/WorkflowTests.swift: the xlsx with openpyxl (a real spreadsheet
library, not ours), the CSV with Python's csv module (kept UTF-8 with a BOM).

    fill_call_sheet.py IN OUT

Rows with fingerprints get, in turn, 不属实 / 属实 / 无法核实 with a note. Then, to see that
nothing is silently ignored, the first row without fingerprints gets a result nobody
understands ("也许"), and the second gets an unknown fingerprint marked 属实. Prints what
it wrote as JSON: {"refuted": [...], "confirmed": [...], "unverifiable": [...],
"unknown": "ffffffffffffffff", "bad_row": N} (fingerprints without '#', N the sheet row).
"""
import csv
import json
import sys


def fill(rows):
    """rows: list of lists, rows[0] the header. Returns what was written."""
    head = rows[0]
    fp = next(i for i, h in enumerate(head) if h and (h.startswith("指纹") or h.startswith("fingerprints")))
    res = next(i for i, h in enumerate(head) if h and (h.startswith("核实结果") or h.startswith("result")))
    note = next(i for i, h in enumerate(head) if h in ("备注", "note"))
    out = {"refuted": [], "confirmed": [], "unverifiable": [], "unknown": "ffffffffffffffff", "bad_row": None}
    n = 0
    clean = []
    for k, r in enumerate(rows[1:], start=2):
        while len(r) <= max(fp, res, note):
            r.append(None)
        fps = [f.lstrip("#") for f in (r[fp] or "").split()]
        if not fps:
            clean.append((k, r))
            continue
        verdict = ["不属实", "属实", "无法核实"][n % 3]
        n += 1
        r[res] = verdict
        r[note] = f"电话核实第{n}户"
        key = {"不属实": "refuted", "属实": "confirmed", "无法核实": "unverifiable"}[verdict]
        out[key].extend(fps)
    if len(clean) >= 2:
        k, r = clean[0]
        r[res] = "也许"
        out["bad_row"] = k
        k, r = clean[1]
        r[fp] = "#" + out["unknown"]
        r[res] = "属实"
    return out


def main(src, dst):
    if src.endswith(".xlsx"):
        import openpyxl
        wb = openpyxl.load_workbook(src)
        ws = wb.worksheets[0]
        rows = [[c.value for c in row] for row in ws.iter_rows()]
        out = fill(rows)
        for i, row in enumerate(rows, start=1):
            for j, v in enumerate(row, start=1):
                if ws.cell(i, j).value != v:
                    ws.cell(i, j).value = v
        wb.save(dst)
    else:
        with open(src, encoding="utf-8-sig", newline="") as f:
            rows = list(csv.reader(f))
        out = fill(rows)
        with open(dst, "w", encoding="utf-8-sig", newline="") as f:
            csv.writer(f, lineterminator="\r\n").writerows([["" if v is None else v for v in r] for r in rows])
    json.dump(out, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
