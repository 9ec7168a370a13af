#!/usr/bin/env python3
"""One table over every scale measured in bench/out/ (bench/run prints it last).

Usage: python3 bench/summary.py [OUT_DIR]    (default bench/out)
"""
import collections
import json
import pathlib
import sys

CODES = ["REG001", "DUP001", "SCH001", "PRX001", "CLS001"]


def load(out: pathlib.Path, data: pathlib.Path):
    runs = collections.defaultdict(list)
    for line in (out / "measurements.tsv").read_text().splitlines():
        name, wall, rss = line.split("\t")
        runs[name].append((float(wall), int(rss)))
    best = {k: min(w for w, _ in v) for k, v in runs.items()}
    peak = {k: max(r for _, r in v) / 1024 for k, v in runs.items()}
    size = sum(f.stat().st_size for f in data.glob("*.csv")) / 1e6
    rows = sum(int(l.split()[0]) - 1 for l in (out / "wc.txt").read_text().splitlines() if not l.endswith(" total"))
    ta = collections.Counter()
    for line in (out / "trainaudit.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            ta[json.loads(line)["code"]] += 1
    db = json.loads((out / "duckdb.txt").read_text().strip().splitlines()[-1])
    planted = json.loads((data / "planted.json").read_text())["planted"]
    return best, peak, size, rows, ta, db, planted, len(runs["trainaudit"])


def main() -> int:
    out = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "bench/out")
    scales = sorted((d for d in out.iterdir() if (d / "result.md").exists()), key=lambda d: float(d.name))
    if not scales:
        return 0
    p = print
    p("| scale | commit | rows | MB | five checks wall | full scan wall | DuckDB wall (fast.sql) | five / DuckDB | full / DuckDB | trainaudit peak | DuckDB peak | ratio | cat | wc -l |")
    p("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    counts = []
    for d in scales:
        best, peak, size, rows, ta, db, planted, rounds = load(d, out.parent / "data" / d.name)
        commit = (d / "commit.txt").read_text().strip() if (d / "commit.txt").exists() else "?"
        full = best.get("full")
        full_cell = f"{full:.1f} s" if full else "–"
        full_ratio = f"**{full / best['duckdb']:.2f}×**" if full else "–"
        top = max(peak["trainaudit"], peak.get("full", 0))
        p(f"| {d.name} | {commit} | {rows:,} | {size:,.0f} | {best['trainaudit']:.1f} s | {full_cell} "
          f"| {best['duckdb']:.1f} s | **{best['trainaudit'] / best['duckdb']:.2f}×** | {full_ratio} "
          f"| {top:,.0f} MB | {peak['duckdb']:,.0f} MB | {top / peak['duckdb']:.2f}× "
          f"| {best['cat']:.2f} s | {best['wc']:.2f} s |")
        counts.append((d.name, ta, db, planted))
    p()
    p("| scale | " + " | ".join(f"{c} planted / trainaudit / DuckDB" for c in CODES) + " |")
    p("|---:|" + "---|" * len(CODES))
    for name, ta, db, planted in counts:
        cells = []
        for c in CODES:
            a, b = ta.get(c, 0), db.get(c, 0)
            cells.append(f"{planted.get(c, '?')} / {a:,} / {b:,}" + ("" if a == b else " **DIFFER**"))
        p(f"| {name} | " + " | ".join(cells) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
