#!/usr/bin/env python3
"""Run the five checks in DuckDB over a data folder; print one "CODE count" line per check.

Usage: python3 bench/duckdb_checks.py DATA_DIR [--json] [--sql fast|checks]

--sql fast (the default) runs bench/fast.sql, the plain SQL that bench/run times;
--sql checks runs bench/checks.sql, which mirrors the Swift checks step by step (the
cross-check of the counts).
"""
import json
import pathlib
import re
import sys

import duckdb


def main() -> int:
    if len(sys.argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    data = pathlib.Path(sys.argv[1]).resolve()
    which = sys.argv[sys.argv.index("--sql") + 1] if "--sql" in sys.argv else "fast"
    if which not in ("fast", "checks"):
        print(__doc__, file=sys.stderr)
        return 2
    sql = (pathlib.Path(__file__).resolve().parent / f"{which}.sql").read_text(encoding="utf-8")
    sql = sql.replace("${DATA}", str(data).replace("'", "''"))
    # The roster's assessment column is optional.
    with open(data / "roster.csv", encoding="utf-8-sig") as f:
        header = f.readline().rstrip("\r\n").split(",")
    sql = sql.replace("${CERT}", '"鉴定或考核通过情况"' if "鉴定或考核通过情况" in header else "NULL")
    # Statements end with ';' at the end of a line; comments are dropped first.
    body = "\n".join(line for line in sql.splitlines() if not line.lstrip().startswith("--"))
    statements = [s.strip() for s in re.split(r";\s*\n", body) if s.strip()]
    con = duckdb.connect()
    result = None
    for statement in statements:
        result = con.execute(statement).fetchall()
    counts = {code: int(n) for code, n in result}
    if "--json" in sys.argv:
        print(json.dumps(counts, sort_keys=True))
    else:
        for code, n in counts.items():
            print(f"{code} {n}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
