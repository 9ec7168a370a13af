#!/usr/bin/env python3
"""Run bench/checks.sql on the examples each Swift check carries (its `.triggers` and
`.passes` fixtures), so the SQL and the Swift code are held to the same cases.

Usage: python3 bench/sql_fixtures.py      (exit 1 when an example disagrees)

Examples built in Swift code (CLS001's generated rosters) are listed as skipped.
"""
import json
import pathlib
import re
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parent.parent
CHECKS = ROOT / "Sources/TrainAudit/Checks"
SOURCES = {
    "REG001": "Registry/REG001NotInRegistry.swift",
    "DUP001": "Duplicates/DUP001SameOccupationTwice.swift",
    "SCH001": "Schedule/SCH001OverlappingSignIns.swift",
    "PRX001": "Proxy/PRX001SignInBurst.swift",
    "CLS001": "ClassSize/CLS001ClassTooLarge.swift",
}
HEADERS = {
    "roster.csv": "姓名,身份证号码,培训职业(工种)或专项职业能力,培训等级,开班日期,结业日期,培训学时,培训和鉴定补贴金额(元),班级编号,培训机构,鉴定或考核通过情况",
    "classes.csv": "班级编号,培训机构,培训职业(工种),培训等级,开班日期,结业日期,总学时,理论学时,实操学时,授课教师,培训地点,计划人数,证书类型",
    "payments.csv": "身份证号码,姓名,发放金额,发放日期,补贴项目,银行账号,班级编号",
    "registry.csv": "证件号码,姓名,户编号,人编号,与户主关系,县(市、区、旗),乡(镇),行政村,人员状态,贫困户状态,劳动技能,务工状况,人联系电话",
    "attendance.csv": "班级编号,身份证号码,姓名,考勤日期,时段,签到时间,签退时间,设备编号",
}
EXAMPLE = re.compile(r'\.(triggers|passes)\("([^"]+)",(?: count: (\d+),)?((?:\s*\("[a-z]+\.csv", """\n.*?"""\),?)+)\)', re.S)
FILE = re.compile(r'\("([a-z]+\.csv)", """\n(.*?)"""\)', re.S)


def example_id(region: int, birth: int, sequence: int) -> str:
    """ExampleIDs.make (Checks/CheckSupport+Enrollments.swift): a valid ID, MOD 11-2 check."""
    body = f"{region:06d}{birth:08d}{sequence % 1000:03d}"
    weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    return body + "10X98765432"[sum(int(c) * w for c, w in zip(body, weights)) % 11]


def cls_roster(count: int) -> list:
    """ClassTooLarge.roster(count) (Checks/ClassSize/CLS001ClassTooLarge.swift)."""
    return [f"学员{n},{example_id(642223, 19800101 + n % 28, 100 + n)},中式面点师,初级,2019-03-01,2019-03-25,,1600,"
            "YZ-2019-08,原州区阳光职业培训学校," for n in range(1, count + 1)]


def run_sql(d: pathlib.Path) -> dict:
    run = subprocess.run([sys.executable, str(ROOT / "bench/duckdb_checks.py"), str(d), "--json"],
                         capture_output=True, text=True, check=True)
    return json.loads(run.stdout)


def cls_examples() -> int:
    """CLS001's examples are built in Swift code; the same rosters, built here."""
    dup = f"学员1,{example_id(642223, 19800102, 101)},中式面点师,初级,2019-03-01,2019-03-25,,1600,YZ-2019-08,原州区阳光职业培训学校,"
    bad = 0
    for title, rows, want in [("51 trainees in one class", cls_roster(51), 1),
                              ("exactly 50 trainees", cls_roster(50), 0),
                              ("a trainee listed twice is one head (50 people, 51 rows)", cls_roster(50) + [dup], 0)]:
        with tempfile.TemporaryDirectory() as tmp:
            d = pathlib.Path(tmp)
            for name, h in HEADERS.items():
                (d / name).write_text(h + "\n", encoding="utf-8")
            (d / "roster.csv").write_text(HEADERS["roster.csv"] + "\n" + "\n".join(rows) + "\n", encoding="utf-8")
            got = run_sql(d)["CLS001"]
            bad += got != want
            print(f"{'ok  ' if got == want else 'FAIL'} CLS001 '{title}': SQL {got}, Swift example {want}")
    return bad


def main() -> int:
    bad = cls_examples()
    for code, rel in SOURCES.items():
        text = (CHECKS / rel).read_text(encoding="utf-8")
        header_var = re.search(r'let header = "([^"]+)"', text)
        for kind, title, count, files in EXAMPLE.findall(text):
            with tempfile.TemporaryDirectory() as tmp:
                d = pathlib.Path(tmp)
                for name, h in HEADERS.items():
                    (d / name).write_text(h + "\n", encoding="utf-8")
                skip = None
                for name, body in FILE.findall(files):
                    lines = [l.strip() for l in body.strip().splitlines()]
                    if "\\(" in lines[0] and header_var:
                        lines[0] = header_var.group(1)
                    if any("\\(" in l for l in lines):
                        skip = "built in Swift code"
                        break
                    hdr = lines[0].split(",")
                    full = HEADERS[name].split(",")
                    extra = [h for h in hdr if h not in full]
                    rows = []
                    for l in lines[1:]:
                        cells = dict(zip(hdr, l.split(",")))
                        if any(cells.get(h) for h in extra):
                            skip = f"uses {', '.join(extra)}"
                        rows.append(",".join(cells.get(h, "") for h in full))
                    (d / name).write_text(",".join(full) + "\n" + "\n".join(rows) + "\n", encoding="utf-8")
                if skip:
                    print(f"skip {code} {kind} '{title}': {skip}")
                    continue
                run = subprocess.run([sys.executable, str(ROOT / "bench/duckdb_checks.py"), str(d), "--json"],
                                     capture_output=True, text=True)
                if run.returncode != 0:
                    print(f"FAIL {code} '{title}': {run.stderr.strip()[-300:]}")
                    bad += 1
                    continue
                got = json.loads(run.stdout)[code]
                want = int(count or 1) if kind == "triggers" else 0
                ok = got == want
                bad += not ok
                print(f"{'ok  ' if ok else 'FAIL'} {code} {kind} '{title}': SQL {got}, Swift example {want}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
