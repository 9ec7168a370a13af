#!/usr/bin/env python3
"""Independent cross-check of corpus/demo: re-reads the written files (not the generator's
state), computes the checks of RULES.md in a simple way (pack guyuan numbers) and compares
the findings at medium or above with expected.jsonl, both directions.
This is a test aid for the corpus, not the analyzer. Exit 1 on any mismatch."""
import csv
import datetime as dt
import io
import json
import re
import sys
from collections import defaultdict
from itertools import combinations
from pathlib import Path

from openpyxl import load_workbook

DEMO = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent / "demo"
D = dt.date
W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
CK = "10X98765432"
FW = str.maketrans("０１２３４５６７８９Ｘｘ", "0123456789XX")


def ck(s17):
    return CK[sum(int(a) * w for a, w in zip(s17, W)) % 11]


def norm_id(v):
    if v is None:
        return None
    if isinstance(v, float):
        return None
    s = str(v).translate(FW).replace("\u3000", "").replace(" ", "").lstrip("'").upper()
    if re.fullmatch(r"\d{18}\.0|\d{17}X\.0", s):
        s = s[:-2]
    if re.fullmatch(r"\d{15}", s):
        s17 = s[:6] + "19" + s[6:]
        return s17 + ck(s17)
    if re.fullmatch(r"\d{17}[\dX]", s):
        return s
    return None


def norm_name(s):
    s = (s or "").replace(" ", "").replace("\u3000", "")
    return re.sub("[·•・‧]", "·", s)


def birth(i):
    try:
        return D(int(i[6:10]), int(i[10:12]), int(i[12:14]))
    except ValueError:
        return None


def age_on(b, d):
    return d.year - b.year - ((d.month, d.day) < (b.month, b.day))


def parse_date(s):
    if isinstance(s, dt.datetime):
        return s.date()
    if isinstance(s, D):
        return s
    s = str(s).strip()
    m = re.fullmatch(r"(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?", s) or re.fullmatch(r"(\d{4})(\d{2})(\d{2})", s)
    if not m:
        return None
    try:
        return D(*map(int, m.groups()))
    except ValueError:
        return None


def read_csv(name, enc):
    return list(csv.DictReader(io.StringIO((DEMO / name).read_bytes().decode(enc))))


found = set()   # (code, person or "", class or "")


def F(code, person="", klass=""):
    found.add((code, person or "", klass or ""))


# registry
wb = load_workbook(DEMO / "建档立卡贫困人口信息_西吉县.xlsx", read_only=True)
rows = list(wb.active.iter_rows(values_only=True))
hdr = rows[1]
REG = {}
for r in rows[2:]:
    d = dict(zip(hdr, r))
    REG[norm_id(d["证件号码"])] = d
# classes
wb = load_workbook(DEMO / "2019年开班备案表.xlsx", read_only=True)
rows = list(wb.active.iter_rows(values_only=True))
CL = {}
for r in rows[1:]:
    d = dict(zip(rows[0], r))
    d["start"], d["end"] = parse_date(d["开班日期"]), parse_date(d["结业日期"])
    CL[d["班级编号"]] = d
# ledger: the county's workbook, and one institution's own ledger as .xls (read with xlrd)
def ledger_sheets():
    wb = load_workbook(DEMO / "西吉县2019年精准脱贫技能培训台账.xlsx")
    for ws in wb.worksheets:
        yield [list(r) for r in ws.iter_rows(values_only=True)]
    import xlrd
    for f in sorted(DEMO.glob("*.xls")):
        book = xlrd.open_workbook(str(f))
        for sh in book.sheets():
            rows = []
            for i in range(sh.nrows):
                vals = []
                for c in sh.row(i):
                    v = c.value
                    if c.ctype == xlrd.XL_CELL_EMPTY or c.ctype == xlrd.XL_CELL_BLANK:
                        v = None
                    elif c.ctype == xlrd.XL_CELL_DATE:
                        v = xlrd.xldate.xldate_as_datetime(v, book.datemode)
                    elif c.ctype == xlrd.XL_CELL_NUMBER and v == int(v) and abs(v) < 1e15:
                        v = int(v)
                    vals.append(v)
                rows.append(vals)
            yield rows


ROSTER = []   # dicts: id, name, class, passed, subsidy, phone, sheet, row, gender, age
for sheet_rows in ledger_sheets():
    hrow = None
    for k, r in enumerate(sheet_rows[:10]):
        if any(v == "身份证号码" for v in r):
            hrow = k
            break
    if hrow is None:
        F("DQ007", klass="")
        continue
    cols = {}
    for j, v in enumerate(sheet_rows[hrow]):
        if v:
            cols[v] = j
    for r in sheet_rows[hrow + 2:]:
        cls = r[cols["班级编号"]]
        if not (isinstance(cls, str) and cls.startswith("XJ-")):
            continue
        raw = r[cols["身份证号码"]]
        pid = norm_id(raw)
        if isinstance(raw, float):
            F("ID004")
        sub = r[cols["培训和鉴定补贴金额（元）"]]
        sub = int(str(sub).replace(",", "")) if sub not in (None, "") else 0
        pv = r[cols["鉴定或考核通过情况"]]
        period = r[cols["培训期限（起止时间）"]]
        if isinstance(period, str) and "-" in period:
            a, b = period.split("-")
            if parse_date(a) and parse_date(b) and parse_date(b) < parse_date(a):
                F("DQ005")
        ROSTER.append(dict(id=pid, name=r[cols["姓名"]], cls=cls, passed=pv in (1, "合格"), sub=sub,
                           phone=r[cols["学员手机号码"]], gender=r[cols["性别"]], age=r[cols["年龄"]], raw=raw))
# attendance
ATT = []
for d in read_csv("考勤记录_人脸识别导出.csv", "gb18030"):
    ATT.append(dict(cls=d["班级编号"], id=norm_id(d["身份证号码"]), name=d["姓名"], date=parse_date(d["考勤日期"]),
                    sess=d["时段"], t=dt.datetime.strptime(d["签到时间"], "%Y-%m-%d %H:%M:%S"), dev=d["设备编号"]))
wb = load_workbook(DEMO / "考勤表_纸质_XJ-2019-09.xlsx", read_only=True)
rows = list(wb.active.iter_rows(values_only=True))
for r in rows[1:]:
    d = dict(zip(rows[0], r))
    day = parse_date(d["日期"])
    h, m = map(int, d["签到时间"].split(":"))
    ATT.append(dict(cls=d["班级编号"], id=norm_id(d["身份证号码"]), name=d["姓名"], date=day, sess=d["时段"],
                    t=dt.datetime.combine(day, dt.time(h, m)), dev=None))
# payments
PAY = read_csv("2019年培训补贴发放明细.csv", "gb18030")
for p in PAY:
    p["id"] = norm_id(p["身份证号码"])
    if "E+" in p["身份证号码"]:
        F("ID004")
# watchlists
WL = []
for d in read_csv("财政供养人员名单.csv", "utf-8-sig"):
    WL.append((norm_id(d["身份证号码"]), parse_date(d["开始日期"]), None))
wb = load_workbook(DEMO / "在校生名单.xlsx", read_only=True)
rows = list(wb.active.iter_rows(values_only=True))
for r in rows[1:]:
    d = dict(zip(rows[0], r))
    i = norm_id(d["身份证号码"])
    if i is None:
        F("ID009")
    WL.append((i, parse_date(d["开始日期"]), parse_date(d["结束日期"])))

# ---- ID checks on all IDs
for i in {r["id"] for r in ROSTER} | {a["id"] for a in ATT} | {p["id"] for p in PAY} | set(REG) | {w[0] for w in WL}:
    if not i:
        continue
    if ck(i[:17]) != i[17]:
        F("ID001", i)
    if birth(i) is None:
        F("ID002", i)
# ID008
names = defaultdict(set)
for i, d in REG.items():
    names[i].add(norm_name(d["姓名"]))
for r in ROSTER + ATT:
    if r["id"] and r["name"]:
        names[r["id"]].add(norm_name(r["name"]))
for p in PAY:
    if p["id"] and p["姓名"]:
        names[p["id"]].add(norm_name(p["姓名"]))
for i, s in names.items():
    if len(s) > 1:
        F("ID008", i)
# ---- IDs the files still hold: a ledger or payment ID lost to a number cell (its surviving
# leading digits) or with a bad check digit (one digit off, or two neighbours swapped) is the
# one registry/attendance/payment person of the same name whose ID agrees (issue 9 §4).
def agrees(cand, raw, typed):
    if not re.fullmatch(r"\d{18}", cand):
        return False
    if typed:
        diff = [k for k in range(17) if cand[k] != typed[k]]
        return len(diff) <= 1 or (len(diff) == 2 and diff[1] == diff[0] + 1
                                  and cand[diff[0]] == typed[diff[1]] and cand[diff[1]] == typed[diff[0]])
    if isinstance(raw, float):
        lead = ("%.14e" % raw).split("e")[0].replace(".", "").rstrip("0")  # 15 significant digits
    else:
        m = re.fullmatch(r"(\d)\.(\d+)E\+17", str(raw), re.I)
        if not m:
            return False
        lead = (m.group(1) + m.group(2)).rstrip("0")
    k = len(lead)
    v = int(cand)
    return k >= 6 and (v // 10 ** (18 - k) == int(lead) or (v + 5 * 10 ** (17 - k)) // 10 ** (18 - k) == int(lead))


people = defaultdict(set)   # name -> clean IDs elsewhere
for i, d in REG.items():
    if i and ck(i[:17]) == i[17]:
        people[norm_name(d["姓名"])].add(i)
for a in ATT:
    if a["id"] and ck(a["id"][:17]) == a["id"][17]:
        people[norm_name(a["name"])].add(a["id"])
for row, raw, name, key in [(r, r["raw"], r["name"], "id") for r in ROSTER] + [(p, p["身份证号码"], p["姓名"], "id") for p in PAY]:
    typed = row[key] if row[key] and ck(row[key][:17]) != row[key][17] else None
    if row[key] and not typed:
        continue
    if not typed and not (isinstance(raw, float) or "E+" in str(raw)):
        continue
    c = [i for i in people[norm_name(name)] if agrees(i, raw, typed)]
    if len(c) == 1:
        row[key] = c[0]

# ---- REG
for r in ROSTER:
    i, c = r["id"], CL[r["cls"]]
    if not i:
        continue
    g = REG.get(i)
    if g is None:
        F("REG001", i)
    else:
        sd = parse_date(g["变更日期"]) if g["变更日期"] else None
        if g["人员状态"] in ("死亡", "自然减少", "迁出") and sd and sd <= c["start"]:
            F("REG002", i, r["cls"])
        if g["劳动技能"] in ("丧失劳动力", "无劳动力"):
            F("REG005", i, r["cls"])
    b = birth(i)
    if b:
        a = age_on(b, c["start"])
        if not 16 <= a <= 60:
            F("REG003", i, r["cls"])
        if "机动车驾驶" in (c["培训职业（工种）"] + c["培训类型"]) and a >= 50:
            F("REG004", i, r["cls"])
    for wi, a_, b_ in WL:
        if wi == i and (a_ is None or a_ <= c["end"]) and (b_ is None or b_ >= c["start"]):
            F("REG006", i, r["cls"])
# ---- DUP
by_id = defaultdict(list)
for r in ROSTER:
    if r["id"]:
        by_id[r["id"]].append(r)
for i, rs in by_id.items():
    rs.sort(key=lambda r: CL[r["cls"]]["start"])
    for a, b in combinations(rs, 2):
        ca, cb = CL[a["cls"]], CL[b["cls"]]
        if (ca["培训职业（工种）"], ca["培训等级"]) == (cb["培训职业（工种）"], cb["培训等级"]) and a["passed"]:
            F("DUP001", i)
        if ca["培训机构"] != cb["培训机构"] and ca["start"] <= cb["end"] and cb["start"] <= ca["end"]:
            F("DUP003", i)
    if len(rs) > 3:
        F("DUP002", i)
seen = defaultdict(int)
for p in PAY:
    k = (p["id"], p["发放金额"].replace(",", "").replace("元", ""), p["发放日期"], p["补贴项目"], p["班级编号"])
    seen[k] += 1
for k, n in seen.items():
    if n > 1 and k[0]:
        F("DUP004", k[0], k[4])
acct = defaultdict(set)
acct_p = defaultdict(set)
for p in PAY:
    if p["id"]:
        hh = REG[p["id"]]["户编号"] if p["id"] in REG else p["id"]
        acct[p["银行账号"]].add(hh)
        acct_p[p["银行账号"]].add(p["id"])
for a, hs in acct.items():
    if len(hs) > 1:
        F("DUP005", sorted(acct_p[a])[0])
# ---- PAY (guyuan: 培训合格证书 800 yuan; training item 培训补贴)


def amount(p):
    t = p["发放金额"].translate(FW).replace(",", "").replace("元", "")
    return int(t) if t.isdigit() else None


on_roster = defaultdict(set)     # class -> ids on its roster
roster_line = {}
for r in ROSTER:
    if r["id"]:
        on_roster[r["cls"]].add(r["id"])
        roster_line[(r["id"], r["cls"])] = r
paid = defaultdict(list)         # (id, class) -> training payments
for p in PAY:
    if p["id"] and p["补贴项目"] == "培训补贴" and amount(p):
        paid[(p["id"], p["班级编号"])].append(p)
for (i, c), ps in paid.items():
    total = sum(amount(p) for p in ps)
    if CL.get(c, {}).get("证书类型") == "培训合格证书" and total > 800:
        F("PAY001", i, c)
    r = roster_line.get((i, c))
    if r and not r["passed"]:
        F("PAY002", i, c)
    if i not in on_roster[c]:
        F("PAY004", i, c)
    end = CL.get(c, {}).get("end")
    if end and any(parse_date(p["发放日期"]) and parse_date(p["发放日期"]) < end for p in ps):
        F("PAY005", i, c)
    if len({(amount(p), p["发放日期"]) for p in ps}) > 1:
        F("PAY006", i, c)
for p in PAY:
    holder = p.get("户名", "")
    if p["id"] and holder and norm_name(holder) != norm_name(p["姓名"]):
        family = {norm_name(q["姓名"]) for q in REG.values() if p["id"] in REG and q["户编号"] == REG[p["id"]]["户编号"]}
        if norm_name(holder) not in family:
            F("PAY008", p["id"], p["班级编号"])
# ---- SCH
slots = defaultdict(set)
for a in ATT:
    if a["id"]:
        slots[(a["id"], a["date"], a["sess"])].add(a["cls"])
for (i, d, s), cs in slots.items():
    if len(cs) > 1:
        F("SCH001", i)
for a, b in combinations(CL.values(), 2):
    ta = set(re.split("[、,，]", a["授课教师"]))
    tb = set(re.split("[、,，]", b["授课教师"]))
    if ta & tb and a["培训地点"] != b["培训地点"] and a["start"] <= b["end"] and b["start"] <= a["end"]:
        F("SCH002", klass=a["班级编号"])
for a in ATT:
    c = CL[a["cls"]]
    if not c["start"] <= a["date"] <= c["end"]:
        F("SCH003", a["id"], a["cls"])
    g = REG.get(a["id"])
    if g and g["人员状态"] == "死亡" and parse_date(g["变更日期"]) < a["date"]:
        F("SCH004", a["id"], a["cls"])
    if g and g["务工状况"] == "省外务工":
        F("PRX007", a["id"], a["cls"])
for k, c in CL.items():
    days = (c["end"] - c["start"]).days + 1
    if not 20 <= days <= 30:
        F("SCH005", klass=k)
    if c["总学时"] / days < 6:
        F("SCH006", klass=k)
    if c["总学时"] > days * 8:
        F("SCH007", klass=k)
    if c["实操学时"] * 3 < c["总学时"] * 2:
        F("SCH008", klass=k)
# ---- PRX
bydev = defaultdict(list)
for a in ATT:
    if a["dev"]:
        bydev[a["dev"]].append(a)
for dev, rs in bydev.items():
    rs.sort(key=lambda a: a["t"])
    for j in range(len(rs)):
        ids = {x["id"] for x in rs[j:j + 12] if (x["t"] - rs[j]["t"]).total_seconds() <= 10}
        if len(ids) >= 5:
            F("PRX001", klass=rs[j]["cls"])
bycls = defaultdict(lambda: defaultdict(dict))
for a in ATT:
    bycls[(a["cls"], a["sess"])][a["date"]][a["id"]] = a["t"].strftime("%H:%M")
for k, days in bycls.items():
    for d1, d2 in combinations(sorted(days), 2):
        both = set(days[d1]) & set(days[d2])
        if len(both) >= 10 and sum(days[d1][i] == days[d2][i] for i in both) >= 0.9 * len(both):
            F("PRX002", klass=k[0])
phones = defaultdict(set)
phone_p = defaultdict(set)
for r in ROSTER:
    if r["id"] and r["phone"]:
        phones[r["phone"]].add(REG[r["id"]]["户编号"] if r["id"] in REG else r["id"])
        phone_p[r["phone"]].add(r["id"])
for ph, hs in phones.items():
    if len(hs) > 1:
        F("PRX003", sorted(phone_p[ph])[0])
att_ids = defaultdict(set)
sess_ids = defaultdict(set)
for a in ATT:
    att_ids[a["cls"]].add(a["id"])
    sess_ids[(a["cls"], a["date"], a["sess"])].add(a["id"])
roster_ids = defaultdict(set)
for r in ROSTER:
    if r["id"]:
        roster_ids[r["cls"]].add(r["id"])
for r in ROSTER:
    if r["id"] and att_ids[r["cls"]] and r["id"] not in att_ids[r["cls"]]:
        F("PRX005", r["id"], r["cls"])
# PAY003: subsidised, signed in, but to under 80% of the class's sessions (guyuan: national default)
class_sessions = defaultdict(set)
person_sessions = defaultdict(set)
for a in ATT:
    class_sessions[a["cls"]].add((a["date"], a["sess"]))
    person_sessions[(a["cls"], a["id"])].add((a["date"], a["sess"]))
for r in ROSTER:
    mine = person_sessions.get((r["cls"], r["id"]))
    total = len(class_sessions[r["cls"]])
    if r["id"] and mine and total >= 3 and r["passed"] and r["sub"] > 0 and len(mine) / total < 0.8:
        F("PAY003", r["id"], r["cls"])
for p in PAY:
    if p["id"] and att_ids[p["班级编号"]] and p["id"] not in att_ids[p["班级编号"]]:
        F("PRX005", p["id"], p["班级编号"])
for a in ATT:
    if a["id"] not in roster_ids[a["cls"]]:
        F("PRX006", a["id"], a["cls"])
# ---- CLS
rows_per_class = defaultdict(int)
for r in ROSTER:
    rows_per_class[r["cls"]] += 1
for k in CL:
    if rows_per_class[k] > 50:
        F("CLS001", klass=k)
    if att_ids[k] and rows_per_class[k] >= 1.5 * len(att_ids[k]):
        F("CLS003", klass=k)
for (k, d, s), ids in sess_ids.items():
    if len(ids) > len(roster_ids[k]):
        F("CLS002", klass=k)

# ---- DQ001: a table without an ID column
for f in DEMO.glob("*.csv"):
    raw = f.read_bytes()
    try:
        txt = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        txt = raw.decode("gb18030")
    if "身份证号码" not in txt.splitlines()[0]:
        F("DQ001")
# ---- low checks that must appear only where planted
for r in ROSTER:
    if r["id"] and birth(r["id"]):
        c = CL[r["cls"]]
        if (int(r["id"][16]) % 2 == 1) != (r["gender"] == "男"):
            F("ID006", r["id"], r["cls"])
        if abs(age_on(birth(r["id"]), c["start"]) - r["age"]) > 1:
            F("ID007", r["id"], r["cls"])
        if r["id"][:6] not in ("640422", "642223"):
            F("ID003", r["id"])

# ---- compare
exp = [json.loads(l) for l in (DEMO / "expected.jsonl").open(encoding="utf-8")]
MED = {"medium", "high", "critical"}
ok = True
used = set()
for e in exp:
    if e["severity"] not in MED and e["code"] not in ("ID003", "ID006", "ID007"):
        continue
    cands = [f for f in found if f[0] == e["code"]
             and (not e.get("person") or f[1] in ("", e["person"]) or f[1] in e.get("persons", []))
             and (not e.get("class") or f[2] in ("", e["class"]) or f[2] in e.get("classes", []))]
    if not cands:
        print("EXPECTED BUT NOT FOUND:", e["code"], e.get("person"), e.get("class"), e["note"])
        ok = False
    used.update(cands)
sev = {}
for e in exp:
    sev[e["code"]] = e["severity"]
for f in sorted(found - used):
    if f[0] in ("ID005", "DQ002", "DQ003", "DQ004", "DQ006"):
        continue
    print("FOUND BUT NOT EXPECTED:", f)
    ok = False
print("verify:", "OK" if ok else "MISMATCH", f"({len(found)} findings, {len(exp)} expected)")
sys.exit(0 if ok else 1)
