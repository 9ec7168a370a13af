#!/usr/bin/env python3
"""One scale's section of bench/out/results.md, from what bench/run measured.

Usage: python3 bench/report.py SCALE DATA_DIR OUT_DIR
Prints markdown; exits 1 when trainaudit's and DuckDB's counts per check differ.
"""
import collections
import json
import pathlib
import sys

CODES = ["REG001", "DUP001", "SCH001", "PRX001", "CLS001"]


def main() -> int:
    scale, data, out = sys.argv[1], pathlib.Path(sys.argv[2]), pathlib.Path(sys.argv[3])
    runs = collections.defaultdict(list)
    for line in (out / "measurements.tsv").read_text().splitlines():
        name, wall, rss = line.split("\t")
        runs[name].append((float(wall), int(rss)))
    best = {k: min(w for w, _ in v) for k, v in runs.items()}
    peak = {k: max(r for _, r in v) for k, v in runs.items()}

    files = sorted(data.glob("*.csv"))
    size = sum(f.stat().st_size for f in files)
    lines = {}
    for line in (out / "wc.txt").read_text().splitlines():
        n, name = line.split()
        if name != "total":
            lines[pathlib.Path(name).stem] = int(n) - 1  # minus the header
    planted = json.loads((data / "planted.json").read_text())["planted"]

    ta = collections.Counter()
    for line in (out / "trainaudit.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            ta[json.loads(line)["code"]] += 1
    db = json.loads((out / "duckdb.txt").read_text().strip().splitlines()[-1])
    cross = out / "duckdb-checks.txt"
    db2 = json.loads(cross.read_text().strip().splitlines()[-1]) if cross.exists() else db

    mb = size / 1e6
    gb1 = 1024 * 1024  # KB
    p = print
    p(f"## Scale {scale}\n")
    p("Data: " + ", ".join(f"{k} {v:,}" for k, v in lines.items())
      + f" rows; {sum(lines.values()):,} rows, {mb:,.0f} MB in all.\n")
    p("| | wall (best) | rounds | peak RSS | throughput |")
    p("|---|---:|---|---:|---:|")
    for name in [n for n in ["trainaudit", "full", "duckdb", "cat", "wc"] if n in runs]:
        label = {"cat": "floor: cat > /dev/null", "wc": "floor: wc -l", "trainaudit": "trainaudit, five checks",
                 "full": "trainaudit, full scan", "duckdb": "DuckDB, plain SQL (fast.sql)"}.get(name, name)
        rounds = ", ".join(f"{w:.2f}" for w, _ in runs[name])
        p(f"| {label} | {best[name]:.2f} s | {rounds} | {peak[name] / 1024:,.0f} MB | {mb / best[name]:,.0f} MB/s |")
    wall_ratio = best["trainaudit"] / best["duckdb"]
    rss_ratio = peak["trainaudit"] / peak["duckdb"]
    vs_wc = best["wc"] / best["trainaudit"]
    p()
    p(f"- five checks / DuckDB: wall **{wall_ratio:.2f}×**, peak memory **{rss_ratio:.2f}×** "
      f"(issue 12 target: wall ≤ 0.5×: {'met' if wall_ratio <= 0.5 else 'NOT met'}).")
    if "full" in best:
        full_ratio = best["full"] / best["duckdb"]
        p(f"- full scan / DuckDB: wall **{full_ratio:.2f}×** (target ≤ 1×: {'met' if full_ratio <= 1 else 'NOT met'}).")
    top = max(peak.get("full", 0), peak["trainaudit"])
    p(f"- trainaudit peak memory {top / 1024:,.0f} MB "
      f"(target ≤ 1 GB for the province-year: {'met' if top <= gb1 else 'NOT met'}"
      f"{'' if float(scale) >= 1 else ' at this scale'}).")
    p(f"- trainaudit throughput {mb / best['trainaudit']:,.0f} MB/s = **{vs_wc:.3g}×** that of wc -l "
      f"(target ≥ 0.5: {'met' if vs_wc >= 0.5 else 'NOT met'}).")
    p()
    p("| check | planted | trainaudit | DuckDB fast.sql | DuckDB checks.sql | |")
    p("|---|---:|---:|---:|---:|---|")
    differ = []
    for code in CODES:
        a, b, c = ta.get(code, 0), db.get(code, 0), db2.get(code, 0)
        ok = a == b == c
        if not ok:
            differ.append(code)
        p(f"| {code} | {planted.get(code, '')} | {a:,} | {b:,} | {c:,} | {'same' if ok else '**DIFFER**'} |")
    others = {k: v for k, v in ta.items() if k not in CODES}
    if others:
        p(f"\nOther findings from trainaudit (not compared): {dict(sorted(others.items()))}")
    p()
    if differ:
        print(f"\n!!! scale {scale}: trainaudit and DuckDB disagree on {', '.join(differ)}: "
              "one implementation is wrong.", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
