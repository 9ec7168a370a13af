#!/usr/bin/env python3
"""Reads a workbook with openpyxl (a real reader, not ours) and prints what a test needs
as JSON: every sheet's cells with their openpyxl data_type, the formula cells, frozen
panes, autofilter ranges and hyperlinks. Used by Tests/TrainAuditTests/ReportTests.swift."""
import json
import sys

import openpyxl


def main(path):
    wb = openpyxl.load_workbook(path)  # not read_only: hyperlinks and panes need the full model
    out = {"sheets": [], "formulas": []}
    for ws in wb.worksheets:
        rows = []
        for row in ws.iter_rows():
            cells = []
            for c in row:
                if c.data_type == "f":
                    out["formulas"].append(f"{ws.title}!{c.coordinate}")
                cells.append({"v": c.value if c.value is None or isinstance(c.value, (str, int, float)) else str(c.value),
                              "t": c.data_type,
                              "fmt": c.number_format,
                              "quote": bool(getattr(c, "quotePrefix", False))})
            rows.append(cells)
        links = [{"cell": c.coordinate, "location": c.hyperlink.location, "target": c.hyperlink.target}
                 for row in ws.iter_rows() for c in row if c.hyperlink is not None]
        out["sheets"].append({"name": ws.title, "rows": rows, "freeze": ws.freeze_panes,
                              "autofilter": ws.auto_filter.ref, "links": links,
                              "widths": {k: v.width for k, v in ws.column_dimensions.items()}})
    json.dump(out, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main(sys.argv[1])
