#!/usr/bin/env python3
"""Generate the TrainAudit demo corpus: one county's (宁夏固原市西吉县, 640422) 2019
vocational-training data as the county office would hand it to a 季度巡查组, with
planted cases for every check code (except PRX004: no photo/signature hash column).

Usage:  python3 corpus/make_demo.py          (writes corpus/demo/)
Deterministic: random.Random(20190301); xlsx zip entry dates and docProps are fixed,
so the same script gives byte-identical files.

Every planted case is recorded as it is planted and written to corpus/demo/expected.jsonl
(and the table in corpus/demo/README.md). Nothing here is derived from running the analyzer.
"""
import csv
import datetime as dt
import io
import json
import re
import zipfile
from pathlib import Path
import random

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

import sys
# optional: make_demo.py [OUTDIR [SEED]] (other seeds only for robustness tests; the demo is seed 20190301)
R = random.Random(int(sys.argv[2]) if len(sys.argv) > 2 else 20190301)
HERE = Path(__file__).resolve().parent
OUT = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE / "demo"
D = dt.date
FIXED = dt.datetime(2019, 12, 31, 0, 0, 0)

COUNTY = "西吉县"
REGION = "640422"
TOWNS = ["吉强镇", "兴隆镇", "平峰镇", "新营乡", "红耀乡", "田坪乡", "马建乡", "震湖乡", "兴平乡", "西滩乡",
         "王民乡", "什字乡", "马莲乡", "将台堡镇", "偏城乡", "沙沟乡", "白崖乡", "火石寨乡", "硝河乡"]
VILLAGE_STEMS = ["红庄", "王沟", "崖湾", "团结", "新庄", "大坪", "沙岗", "梁堡", "杨河", "蒙宣", "火集", "苏堡",
                 "下堡", "上街", "保林", "张堡", "二府营", "毛沟", "玉桥", "山河", "夏寨", "堡子", "庙湾", "阳洼"]

F_REG = "建档立卡贫困人口信息_西吉县.xlsx"
F_CLS = "2019年开班备案表.xlsx"
F_LED = "西吉县2019年精准脱贫技能培训台账.xlsx"
# One institution sends its own ledger as Excel 97-2003 .xls (written with xlwt), as many
# offices still do: its class is left out of the county ledger's 第四季度 sheet.
F_LED_XLS = "宁夏卫安保安服务有限公司2019年培训台账.xls"
XLS_CLASS = 15
XLS_SHEET = "保安员班"
F_ATT = "考勤记录_人脸识别导出.csv"
F_PAPER = "考勤表_纸质_XJ-2019-09.xlsx"
F_PAY = "2019年培训补贴发放明细.csv"
F_PAY_AGAIN = "2019年培训补贴发放明细_第二批补报.csv"
F_TGT = "2019年技能培训任务分解表.xlsx"
F_FIN = "财政供养人员名单.csv"
F_STU = "在校生名单.xlsx"
F_LIVE = "2019年生活费补贴发放表_兴隆镇.csv"

SEV = {
    "ID001": "medium", "ID002": "medium", "ID003": "low", "ID004": "medium", "ID005": "info", "ID006": "low",
    "ID007": "low", "ID008": "high", "ID009": "medium",
    "DQ001": "medium", "DQ002": "low", "DQ003": "low", "DQ004": "low", "DQ005": "medium", "DQ006": "info",
    "DQ007": "medium",
    "REG001": "high", "REG002": "critical", "REG003": "medium", "REG004": "medium", "REG005": "medium",
    "REG006": "high",
    "DUP001": "high", "DUP002": "medium", "DUP003": "high", "DUP004": "high", "DUP005": "high",
    "SCH001": "high", "SCH002": "medium", "SCH003": "medium", "SCH004": "high", "SCH005": "medium",
    "SCH006": "medium", "SCH007": "medium", "SCH008": "medium",
    "PRX001": "high", "PRX002": "medium", "PRX003": "medium", "PRX004": "high", "PRX005": "high",
    "PRX006": "medium", "PRX007": "medium",
    "CLS001": "high", "CLS002": "medium", "CLS003": "medium",
    "PAY001": "high", "PAY002": "high", "PAY004": "high", "PAY005": "medium", "PAY006": "high", "PAY008": "high",
    "TGT002": "low", "ID010": "info", "DQ012": "low", "PAY003": "medium", "PAY007": "low",
}
EXPECTED = []


def expect(code, note, planted=True, **subject):
    e = {"code": code, "severity": SEV[code]}
    e.update({k: v for k, v in subject.items() if v is not None})
    e["planted"] = planted  # False = a consequence (side effect) of another planted case
    e["note"] = note
    EXPECTED.append(e)


# ----------------------------------------------------------------------------- IDs
WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
CHECK = "10X98765432"


def check_digit(s17):
    return CHECK[sum(int(a) * w for a, w in zip(s17, WEIGHTS)) % 11]


USED_IDS = set()


def make_id(birth, male, region=REGION, birth_str=None):
    b = birth_str or birth.strftime("%Y%m%d")
    while True:
        seq = R.randint(0, 499) * 2 + (1 if male else 0)
        s17 = f"{region}{b}{seq:03d}"
        if s17 not in USED_IDS:
            USED_IDS.add(s17)
            return s17 + check_digit(s17)


def age_on(birth, day):
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


def rand_birth(age_lo, age_hi, ref=D(2019, 1, 1)):
    """birth date so that age on ref is in [age_lo, age_hi]"""
    lo = D(ref.year - age_hi - 1, ref.month, ref.day) + dt.timedelta(days=1)
    hi = D(ref.year - age_lo, ref.month, ref.day)
    return lo + dt.timedelta(days=R.randint(0, (hi - lo).days))


# ----------------------------------------------------------------------------- names, phones, accounts
SURNAMES = ["马"] * 10 + ["杨"] * 4 + ["李"] * 3 + ["王"] * 3 + ["苏", "田", "海", "冯", "单", "穆", "何", "兰", "虎",
                                                                 "白", "金", "丁", "沙", "禹", "张", "刘", "赵", "陈",
                                                                 "魏", "康", "蒙", "周", "哈", "撒", "黑", "锁"]
MALE_CH = "国建军华强明成福海平文志学忠礼义俊龙斌鹏伟刚彦有德宝林虎登元祥生荣贵山云飞亮东兵武"
FEMALE_CH = "梅花霞兰秀英芳娟燕红丽萍玲琴玉凤艳雪桂莲慧婷蓉娥春香翠琳"


def rand_name(male):
    ch = MALE_CH if male else FEMALE_CH
    s = R.choice(SURNAMES)
    if R.random() < 0.3:
        return s + R.choice(ch)
    return s + R.choice(ch) + R.choice(ch)


PHONES = set()
PHONE_PREFIX = ["139", "138", "135", "150", "151", "152", "158", "159", "180", "183", "187", "189", "133",
                "153", "177", "199", "186", "130", "131", "155", "156", "182", "181"]


def new_phone():
    while True:
        p = R.choice(PHONE_PREFIX) + f"{R.randint(0, 99999999):08d}"
        if p not in PHONES:
            PHONES.add(p)
            return p


ACCOUNTS = set()


def new_account():
    while True:
        a = "622947" + f"{R.randint(0, 10**13 - 1):013d}"
        if a not in ACCOUNTS:
            ACCOUNTS.add(a)
            return a


# ----------------------------------------------------------------------------- registry
PEOPLE = []          # registry people (dicts)
BY_ID = {}
HOUSEHOLDS = {}
EDU = ["文盲或半文盲", "小学", "小学", "初中", "初中", "初中", "高中", "大专及以上"]


def add_person(hh, rel, male, birth, **kw):
    p = dict(hh=hh["hh"], town=hh["town"], village=hh["village"], nvillage=hh["nvillage"], rel=rel,
             male=male, birth=birth, name=rand_name(male), nation=hh["nation"], status="正常", status_date="",
             poverty=hh["poverty"], hh_phone=hh["phone"], edu=R.choice(EDU), student="非在校生",
             health="健康", labor="普通劳动力", work="", work_months="", trainee=False)
    p.update(kw)
    p["id"] = make_id(birth, male)
    p["pid"] = f"{hh['hh']}{len(hh['members']) + 1:02d}"
    a = age_on(birth, D(2019, 1, 1))
    if a < 6:
        p.update(labor="无劳动力", student="学龄前儿童", edu="学龄前儿童")
    elif a < 16:
        p.update(labor="无劳动力", student=("小学" if a < 12 else "七年级" if a < 13 else "八年级" if a < 14 else "九年级"),
                 edu="小学" if a < 12 else "初中")
    elif a < 23 and R.random() < 0.55:
        p.update(labor="无劳动力", student=R.choice(["普通高中一年级", "普通高中二年级", "普通高中三年级", "中职一年级",
                                                     "中职二年级", "高职高专一年级", "本科二年级"]), edu="初中")
    elif a <= 60:
        r = R.random()
        if r < 0.80:
            p["labor"] = "普通劳动力"
        elif r < 0.90:
            p["labor"] = "技能劳动力"
        elif r < 0.97:
            p.update(labor="弱劳动力", health="长期慢性病")
        else:
            p.update(labor="丧失劳动力", health=R.choice(["患有大病", "残疾"]))
        if p["labor"] in ("普通劳动力", "技能劳动力") and a <= 55:
            w = R.random()
            if w < 0.15:
                p.update(work="省外务工", work_months=str(R.randint(5, 10)))
            elif w < 0.30:
                p.update(work="县外省内务工", work_months=str(R.randint(3, 8)))
            elif w < 0.50:
                p.update(work="乡外县内务工", work_months=str(R.randint(2, 8)))
            elif w < 0.62:
                p.update(work="乡内务工", work_months=str(R.randint(2, 6)))
    elif a <= 65:
        r = R.random()
        p.update(labor="普通劳动力" if r < 0.45 else "弱劳动力" if r < 0.9 else "丧失劳动力",
                 health="健康" if r < 0.45 else "长期慢性病")
    else:
        p.update(labor="弱劳动力" if R.random() < 0.3 else "丧失劳动力", health=R.choice(["健康", "长期慢性病", "长期慢性病"]),
                 edu=R.choice(["文盲或半文盲", "小学"]))
    p["phone"] = new_phone() if (a >= 18 and R.random() < 0.75) else ""
    hh["members"].append(p)
    PEOPLE.append(p)
    BY_ID[p["id"]] = p
    return p


def make_household(i):
    t = R.randrange(len(TOWNS))
    v = R.randrange(len(VILLAGE_STEMS))
    hh = dict(hh=f"{REGION}{t + 100:03d}{v + 200:03d}{i:04d}", town=TOWNS[t], village=VILLAGE_STEMS[v] + "村",
              nvillage=R.choice("一二三四五六七") + "组", nation="回族" if R.random() < 0.62 else "汉族",
              poverty=R.choice(["已脱贫", "已脱贫", "未脱贫"]), phone=new_phone(), members=[])
    HOUSEHOLDS[hh["hh"]] = hh
    head_age = R.randint(26, 68)
    male_head = R.random() < 0.9
    hb = rand_birth(head_age, head_age)
    add_person(hh, "户主", male_head, hb)
    if R.random() < 0.88:
        sa = max(20, head_age + R.randint(-6, 2))
        add_person(hh, "配偶", not male_head, rand_birth(sa, sa))
    nkids = R.choice([1, 2, 2, 3, 3, 4])
    for _ in range(nkids):
        ka = head_age - R.randint(20, 34)
        if ka < 0:
            continue
        m = R.random() < 0.52
        add_person(hh, "之子" if m else "之女", m, rand_birth(ka, ka))
    sons = [p for p in hh["members"] if p["rel"] == "之子" and age_on(p["birth"], D(2019, 1, 1)) >= 24]
    if head_age >= 50 and sons and R.random() < 0.6:
        da = age_on(sons[0]["birth"], D(2019, 1, 1)) + R.randint(-4, 1)
        add_person(hh, "之儿媳", False, rand_birth(da, da))
        for _ in range(R.randint(0, 2)):
            ga = R.randint(0, max(0, da - 20))
            gm = R.random() < 0.5
            add_person(hh, "之孙子" if gm else "之孙女", gm, rand_birth(ga, ga))
    if head_age < 45 and R.random() < 0.5:
        pa = head_age + R.randint(22, 30)
        add_person(hh, R.choice(["之父", "之母"]), None, rand_birth(pa, pa)) if False else \
            add_person(hh, "之父" if R.random() < 0.5 else "之母", None, rand_birth(pa, pa))
    for p in hh["members"]:
        if p["male"] is None:
            p["male"] = p["rel"] == "之父"
    return hh


def eligible(p, drive=False):
    a = age_on(p["birth"], D(2019, 1, 1))
    hi = 47 if drive else 57
    return (18 <= a <= hi and p["labor"] in ("普通劳动力", "技能劳动力") and p["work"] != "省外务工"
            and p["student"] == "非在校生" and p["status"] == "正常" and not p["trainee"])


# parents added with male=None: fix gender-dependent ID after the fact
def fix_parent_ids():
    for p in PEOPLE:
        s17 = p["id"][:17]
        if (int(s17[16]) % 2 == 1) != p["male"]:
            del BY_ID[p["id"]]
            seq = int(s17[14:17]) ^ 1
            n17 = s17[:14] + f"{seq:03d}"
            while n17 in USED_IDS:
                seq = (seq + 2) % 1000
                n17 = s17[:14] + f"{seq:03d}"
            USED_IDS.add(n17)
            p["id"] = n17 + check_digit(n17)
            if p["male"] is not None and p["rel"] in ("之父", "之母"):
                pass
            p["name"] = rand_name(p["male"])
            BY_ID[p["id"]] = p


i = 1
while True:
    make_household(i)
    i += 1
    if i > 200 and sum(1 for p in PEOPLE if eligible(p)) >= 460:
        break
fix_parent_ids()

# ----------------------------------------------------------------------------- classes
CLASSES = []


def klass(n, inst, occ, level, prog, start, end, cert, subsidy, loc_town, location, teacher, size, hours=None,
          theory=None, capacity=None, paper=False, female=0.5, drive=False):
    days = (end - start).days + 1
    total = hours or days * 7
    th = theory if theory is not None else round(total * 0.3)
    c = dict(id=f"XJ-2019-{n:02d}", inst=inst, occ=occ, level=level, prog=prog, start=start, end=end, days=days,
             hours=total, theory=th, practical=total - th, cert=cert, subsidy=subsidy, town=loc_town,
             location=location, teacher=teacher, size=size, capacity=capacity or size, paper=paper, female=female,
             drive=drive, device=None if paper else f"FACE-XJ-{n + 2:02d}", roster=[])
    CLASSES.append(c)
    return c


K = {}
K[1] = klass(1, "西吉县职业中学", "中式烹调师", "初级", "就业技能培训", D(2019, 3, 4), D(2019, 3, 28), "职业技能等级证书",
             1600, "吉强镇", "西吉县职业中学实训楼", "马国强、杨玉梅", 32, female=0.4)
K[2] = klass(2, "西吉县福泰家政服务有限公司", "家政服务员", "初级", "就业技能培训", D(2019, 3, 11), D(2019, 4, 4), "培训合格证书",
             800, "兴隆镇", "兴隆镇便民服务中心培训室", "李秀琴", 28, female=0.9)
K[3] = klass(3, "宁夏鑫工焊接技术培训学校", "电焊工", "初级", "就业技能培训", D(2019, 4, 8), D(2019, 5, 2), "职业技能等级证书",
             1600, "平峰镇", "平峰镇扶贫车间实训基地", "王建军、何志刚", 26, female=0.1)
K[4] = klass(4, "西吉县农业技术推广服务中心", "农业实用技术（马铃薯种植）", "", "农业实用技术培训", D(2019, 4, 15), D(2019, 5, 8),
             "培训合格证书", 800, "新营乡", "新营乡二府营村村部", "田志华", 36)
K[5] = klass(5, "西吉县福泰家政服务有限公司", "育婴员", "初级", "就业技能培训", D(2019, 5, 6), D(2019, 5, 30), "职业技能等级证书",
             1200, "将台堡镇", "将台堡镇综合文化站", "苏雪梅、马红霞", 28, female=0.95)
K[6] = klass(6, "西吉县福泰家政服务有限公司", "家政服务员", "初级", "就业技能培训", D(2019, 5, 13), D(2019, 6, 6), "培训合格证书",
             800, "硝河乡", "硝河乡人民政府培训室", "苏雪梅", 30, female=0.9)
K[7] = klass(7, "西吉县宏达工程机械职业培训学校", "挖掘机驾驶员", "初级", "就业技能培训", D(2019, 6, 10), D(2019, 6, 24),
             "职业技能等级证书", 1600, "吉强镇", "西吉县宏达工程机械实训场", "海军、冯建平", 22, female=0.05)
K[8] = klass(8, "宁夏兴达驾驶员培训有限公司西吉分公司", "机动车驾驶员", "", "机动车驾驶员培训", D(2019, 6, 17), D(2019, 7, 11),
             "培训合格证书", 800, "吉强镇", "兴达驾校西吉训练场", "单永福", 28, female=0.2, drive=True)
K[9] = klass(9, "固原市金鹰职业技能培训学校", "中式面点师", "初级", "就业技能培训", D(2019, 7, 15), D(2019, 8, 8), "职业技能等级证书",
             1200, "什字乡", "什字乡保林村扶贫车间", "穆桂兰", 26, paper=True, female=0.7)
K[10] = klass(10, "西吉县锦绣民族手工艺专业合作社", "回族刺绣", "", "专项职业能力培训", D(2019, 9, 2), D(2019, 9, 26),
              "专项职业能力证书", 1200, "马莲乡", "马莲乡张堡村刺绣车间", "兰彩霞", 25, female=1.0)
K[11] = klass(11, "西吉县职业中学", "中式烹调师", "初级", "就业技能培训", D(2019, 9, 9), D(2019, 10, 3), "职业技能等级证书",
              1600, "吉强镇", "西吉县职业中学实训楼", "马国强", 32, female=0.4)
K[12] = klass(12, "西吉县畜牧水产技术推广服务中心", "农业实用技术（肉牛养殖）", "", "农业实用技术培训", D(2019, 10, 8),
              D(2019, 11, 1), "培训合格证书", 800, "偏城乡", "偏城乡肉牛养殖示范园区", "禹登科、金文斌", 55, capacity=50,
              female=0.2)
K[13] = klass(13, "固原市金鹰职业技能培训学校", "电子商务（农村电商）", "", "专项职业能力培训", D(2019, 10, 14), D(2019, 11, 7),
              "专项职业能力证书", 1200, "吉强镇", "西吉县电子商务公共服务中心", "赵丽娟", 24, hours=120, theory=36)
K[14] = klass(14, "西吉县建业职业技能培训学校", "砌筑工", "初级", "就业技能培训", D(2019, 11, 4), D(2019, 11, 25),
              "职业技能等级证书", 1600, "红耀乡", "红耀乡红耀村实训场地", "蒙有德", 26, hours=200, theory=60, female=0.1)
K[15] = klass(15, "宁夏卫安保安服务有限公司", "保安员", "初级", "就业技能培训", D(2019, 11, 11), D(2019, 12, 4),
              "职业技能等级证书", 1200, "吉强镇", "西吉县城区保安实训基地", "沙建林", 24, hours=168, theory=84, female=0.15)

# class-level plants
expect("SCH005", "挖掘机驾驶员班 2019-06-10 至 06-24 仅15天，固原要求20–30天", class_="XJ-2019-07")
expect("SCH006", "总学时120 / 25天 = 4.8学时/天 < 6", class_="XJ-2019-13")
expect("SCH007", "总学时200 > 22天 × 8", class_="XJ-2019-14")
expect("SCH008", "实操84 / 总168 = 50% < 2/3", class_="XJ-2019-15")
expect("SCH002", "授课教师苏雪梅同时在将台堡镇(XJ-2019-05)与硝河乡(XJ-2019-06)授课，2019-05-13至05-30重叠",
       class_="XJ-2019-05", classes=["XJ-2019-05", "XJ-2019-06"], teacher="苏雪梅")
expect("CLS001", "花名册55人 > 50人上限（计划人数填50）", class_="XJ-2019-12")

# ----------------------------------------------------------------------------- roster entries
# an enrollment: person p in class c, with ledger overrides
ENR = []


def enroll(p, c, **kw):
    e = dict(p=p, c=c, ledger_id=p["id"], ledger_name=p["name"], att_id=p["id"], att_name=p["name"],
             pay_id=p["id"], pay_name=p["name"], gender=None, age=None, passed=True, ghost=False, phone=None,
             account=None, pay_dup=False, remark="", no_absence=False, period_text=None, pay_amount_text=None,
             pay_date_text=None)
    e.update(kw)
    p["trainee"] = True
    c["roster"].append(e)
    ENR.append(e)
    return e


def pick(drive=False, male=None, age_range=None, exclude_hh=()):
    cands = [p for p in PEOPLE if eligible(p, drive) and p["hh"] not in exclude_hh]
    if male is not None:
        cands = [p for p in cands if p["male"] == male] or cands
    if age_range:
        cands = [p for p in cands if age_range[0] <= age_on(p["birth"], D(2019, 1, 1)) <= age_range[1]] or cands
    p = R.choice(cands)
    return p


def pick_registry(pred):
    cands = [p for p in PEOPLE if pred(p) and not p["trainee"]]
    return R.choice(cands)


def cid(c):
    return c["id"]


# --- ID001: typo (one sequence digit) in the ledger and in payments; attendance carries the correct ID
p = pick()
good = p["id"]
d14 = str((int(good[14]) + 1) % 10)
typo17 = good[:14] + d14 + good[15:17]
typo = typo17 + good[17]
assert check_digit(typo17) != good[17]
# own phone and own account: the typo ID has no registry household, so a shared household phone or
# account would otherwise add PRX003/DUP005
e = enroll(p, K[3], ledger_id=typo, pay_id=typo, tag="ID001", phone=new_phone(), account=new_account())
expect("ID001", f"台账身份证号 {typo} 第15位录入错误，校验码不符（正确号码 {good} 见登记库和考勤：登记库中唯一同名且只差一位的人，推定为此号并据以比对，所以不另报 REG001/PRX005/PRX006）", person=typo, file=F_LED)

# --- ID004: scientific-notation ID in the ledger (float cell) and in payments (text "6.40422E+17")
p = pick()
e = enroll(p, K[2], ledger_id=("SCI", float(int(p["id"][:15]) * 1000)), pay_id="6.40422E+17", tag="ID004")
# The ledger's 15 surviving digits and the payment's 6 agree with one registered person of that
# name: the ID is inferred (and said), so the face-system sign-ins under the right ID are on the
# roster and no PRX006 follows.

# --- REG002 死亡 before class start, still signs in (=> SCH004)
p = pick()
p.update(status="死亡", status_date="2019-02-20")
enroll(p, K[3], tag="REG002-death")
expect("REG002", "登记库人员状态=死亡，变更日期2019-02-20，早于XJ-2019-03开班2019-04-08", person=p["id"], class_="XJ-2019-03")
expect("SCH004", "REG002 的后果：死亡(2019-02-20)后仍有人脸签到（代签）", planted=False, person=p["id"], class_="XJ-2019-03")

# --- negative: died after the class ended (no finding)
p = pick()
enroll(p, K[1], tag="NEG-died-later")
p.update(status="死亡", status_date="2019-11-15")
NEG = [("死亡日期晚于结业", p["id"], "XJ-2019-01", "登记库死亡 2019-11-15，培训在3月：不应报 REG002/SCH004")]

# --- REG002 迁出 before class 12
p = pick()
p.update(status="迁出", status_date="2019-06-30")
enroll(p, K[12], tag="REG002-out")
p["trainee"] = True
expect("REG002", "登记库人员状态=迁出，变更日期2019-06-30，早于XJ-2019-12开班2019-10-08", person=p["id"], class_="XJ-2019-12")

# --- DUP003 + SCH001: on rosters of XJ-2019-03 (鑫工) and XJ-2019-04 (农技中心), overlapping; signs in to both
p = pick(male=True)
enroll(p, K[3], no_absence=True, tag="DUP003")
enroll(p, K[4], no_absence=True, tag="DUP003")
expect("DUP003", "同时在鑫工焊接(XJ-2019-03, 04-08至05-02)与农技中心(XJ-2019-04, 04-15至05-08)两个机构花名册，期间重叠",
       person=p["id"], classes=["XJ-2019-03", "XJ-2019-04"])
expect("SCH001", "DUP003 的后果：2019-04-15至05-02每天同一时段在平峰镇与新营乡两台设备上都有签到", planted=False,
       person=p["id"], classes=["XJ-2019-03", "XJ-2019-04"])

# --- REG005 丧失劳动力
p = pick(age_range=(40, 50))
p.update(labor="丧失劳动力", health="患有大病")
enroll(p, K[4], tag="REG005")
p["trainee"] = True
expect("REG005", "登记库劳动技能=丧失劳动力（患有大病）却参加培训", person=p["id"], class_="XJ-2019-04")

# --- PRX007 省外务工 while signing in
p = pick(age_range=(22, 40))
enroll(p, K[4], tag="PRX007")
p.update(work="省外务工", work_months="8")
expect("PRX007", "登记库务工状况=省外务工(8个月，数据日期2019-12-31)，却在XJ-2019-04有人脸签到", person=p["id"],
       class_="XJ-2019-04")

# --- negative: two trainees of one household in class 04, both give the household phone
hh_pair = None
for hh in HOUSEHOLDS.values():
    el = [m for m in hh["members"] if eligible(m)]
    if len(el) >= 2:
        hh_pair = el[:2]
        break
for m in hh_pair:
    enroll(m, K[4], phone=HOUSEHOLDS[m["hh"]]["phone"], tag="NEG-hh-phone")
NEG.append(("同户共用电话", hh_pair[0]["id"] + "," + hh_pair[1]["id"], "XJ-2019-04",
            "同一户两名学员填写同一户联系电话：允许，不应报 PRX003"))

# --- REG006 在校生 during training (class 05); negative: graduated before (class 05)
p = pick(age_range=(19, 22))
enroll(p, K[5], tag="REG006-student")
STUDENT_PLANT = (p, D(2018, 9, 1), D(2022, 6, 30))
expect("REG006", "在校生名单：2018-09-01至2022-06-30在读，与XJ-2019-05培训期重叠", person=p["id"], class_="XJ-2019-05")
p = pick(age_range=(20, 24))
enroll(p, K[5], tag="NEG-graduated")
STUDENT_NEG = (p, D(2015, 9, 1), D(2018, 6, 30))
NEG.append(("毕业后参训", p["id"], "XJ-2019-05", "在校生名单结束日期2018-06-30，早于培训：不应报 REG006"))

# --- minority name with a middle dot, three spellings (negative for ID008)
hh = R.choice([h for h in HOUSEHOLDS.values() if h["nation"] == "回族"])
uy = add_person(hh, "之儿媳", False, rand_birth(27, 27), nation="维吾尔族", labor="普通劳动力", student="非在校生",
                work="", work_months="", health="健康")
uy["name"] = "阿依古丽·买买提"
enroll(uy, K[5], ledger_name="阿依古丽•买买提", att_name="阿依古丽・买买提", pay_name="阿依古丽·买买提", tag="NEG-dot")
NEG.append(("姓名间隔号变体", uy["id"], "XJ-2019-05", "登记库 ·、台账 •、考勤 ・：统一后相同，不应报 ID008"))

# --- DUP002: 4 trainings in 2019 (01, 05, 09, 12), different occupations, no overlap
p = pick()
for k in (1, 5, 9, 12):
    enroll(p, K[k], tag="DUP002")
expect("DUP002", "2019年享受4次培训补贴（XJ-2019-01/05/09/12），超过每年3次", person=p["id"])

# --- DUP001: 中式烹调师 初级 twice (01 and 11), passed both times, paid twice
p = pick()
enroll(p, K[1], tag="DUP001")
enroll(p, K[11], tag="DUP001")
expect("DUP001", "中式烹调师(初级)在XJ-2019-01考核合格并领补贴后，又在XJ-2019-11重复培训领补贴", person=p["id"],
       classes=["XJ-2019-01", "XJ-2019-11"])
# negative: failed in 01 (no subsidy), re-took in 11
p = pick()
enroll(p, K[1], passed=False, tag="NEG-retake")
enroll(p, K[11], tag="NEG-retake")
NEG.append(("补考重训", p["id"], "XJ-2019-01,XJ-2019-11", "首次考核不合格(0元)，再次参加同职业同等级：允许，不应报 DUP001"))

# --- ID005: 15-digit legacy ID in the ledger (registry/attendance/payments have 18 digits)
p = pick(age_range=(42, 55))   # a 15-digit card was issued before 1999, so an older trainee
id15 = p["id"][:6] + p["id"][8:17]
enroll(p, K[1], ledger_id=id15, tag="ID005")
expect("ID005", f"台账填写15位旧号码 {id15}，转换为18位后与登记库一致", person=p["id"], file=F_LED)

# --- ID006 gender contradiction, ID007 age off
p = pick(male=True)
enroll(p, K[1], gender="女", tag="ID006")
expect("ID006", "台账性别填'女'，身份证顺序码为奇数（男）", person=p["id"], class_="XJ-2019-01")
p = pick(age_range=(30, 40))
real_age = age_on(p["birth"], K[7]["start"])
enroll(p, K[7], age=real_age + 7, tag="ID007")
expect("ID007", f"台账年龄{real_age + 7}，按身份证计算开班日年龄{real_age}", person=p["id"], class_="XJ-2019-07")

# --- SCH003: a sign-in the day after class 01 ended
p = pick()
enroll(p, K[1], tag="SCH003")
SCH003_PERSON = p
expect("SCH003", "2019-03-29（XJ-2019-01结业次日）有一条人脸签到", person=p["id"], class_="XJ-2019-01")

# --- ID008: roster/attendance/payments name differs from the registry name (冒名)
p = pick(male=True)
alias = p["name"][0] + ("建军" if p["name"][1:] != "建军" else "建国")
enroll(p, K[6], ledger_name=alias, att_name=alias, pay_name=alias, tag="ID008")
expect("ID008", f"登记库姓名 {p['name']}，台账/考勤/发放表姓名 {alias}（冒名顶替嫌疑）", person=p["id"])

# --- PRX005 ghost in class 06
p = pick()
enroll(p, K[6], ghost=True, tag="PRX005")
expect("PRX005", "在XJ-2019-06花名册并领取补贴，该班有考勤但本人从未签到", person=p["id"], class_="XJ-2019-06")

# --- REG004: driving course at 52
p = pick_registry(lambda q: 51 <= age_on(q["birth"], D(2019, 6, 17)) <= 54 and q["status"] == "正常"
                  and q["student"] == "非在校生")
p.update(labor="普通劳动力", health="健康", work="", work_months="")
enroll(p, K[8], tag="REG004")
expect("REG004", f"机动车驾驶员培训，开班日{age_on(p['birth'], K[8]['start'])}岁 ≥ 50", person=p["id"], class_="XJ-2019-08")

# --- PRX003: two trainees of different households give one phone (class 08)
a = pick(drive=True)
b = pick(drive=True, exclude_hh=(a["hh"],))
shared_phone = new_phone()
enroll(a, K[8], phone=shared_phone, tag="PRX003")
enroll(b, K[8], phone=shared_phone, tag="PRX003")
expect("PRX003", f"不同户的两名学员填写同一手机号 {shared_phone}", person=a["id"], persons=[a["id"], b["id"]],
       phone=shared_phone, class_="XJ-2019-08")

# --- ID002: impossible birth date (Feb 30) carried in every table (system-wide data error)
p = pick(age_range=(30, 40))
BY_ID.pop(p["id"])
b17 = f"{REGION}{p['birth'].year}0230" + p["id"][14:17]
p["id"] = b17 + check_digit(b17)
p["birth"] = D(p["birth"].year, 2, 28)  # used only for the ledger's age column
BY_ID[p["id"]] = p
enroll(p, K[11], tag="ID002")
expect("ID002", f"身份证出生日期 {p['id'][6:14]}（2月30日）不存在；各表一致使用该号", person=p["id"])

# --- ID003: unknown region code 640429 (never existed); historical 642223 (固原地区西吉县, -2001) is a negative
p = pick(age_range=(28, 45))
BY_ID.pop(p["id"])
p["id"] = make_id(p["birth"], p["male"], region="640429")
BY_ID[p["id"]] = p
enroll(p, K[13], tag="ID003")
expect("ID003", "行政区划代码 640429 不在 GB/T 2260（含历史代码）中", person=p["id"])
p = pick(age_range=(36, 50))
BY_ID.pop(p["id"])
p["id"] = make_id(p["birth"], p["male"], region="642223")
BY_ID[p["id"]] = p
enroll(p, K[13], tag="NEG-642223")
NEG.append(("历史区划代码", p["id"], "XJ-2019-13", "642223 = 固原地区西吉县(2001年前)，历史代码有效：不应报 ID003"))

# --- REG001: not in the registry (valid ID), attends and is paid
nb = rand_birth(28, 40)
ghost_reg = dict(id=make_id(nb, True), name=rand_name(True), male=True, birth=nb, hh=None, phone=new_phone(),
                 trainee=True)
enroll(ghost_reg, K[13], tag="REG001")
expect("REG001", "身份证号有效但不在建档立卡贫困人口库", person=ghost_reg["id"], class_="XJ-2019-13")

# --- REG006 财政供养人员 (class 13)
p = pick(age_range=(30, 48))
enroll(p, K[13], tag="REG006-payroll")
PAYROLL_PLANT = p
expect("REG006", "财政供养人员名单（开始日期2016-03-01，无结束日期）", person=p["id"], class_="XJ-2019-13")

# --- DUP004 duplicate payment row; DUP005 one account for two households (class 14)
p = pick()
enroll(p, K[14], pay_dup=True, tag="DUP004")
expect("DUP004", "发放明细中同一人同金额同日期同项目同班级出现两行", person=p["id"], class_="XJ-2019-14", file=F_PAY)
a = pick()
b = pick(exclude_hh=(a["hh"],))
acct = new_account()
enroll(a, K[14], account=acct, tag="DUP005")
enroll(b, K[14], account=acct, tag="DUP005")
expect("DUP005", f"银行账号 {acct} 收到两个不同户学员的补贴", person=a["id"], persons=[a["id"], b["id"]], account=acct)

# --- REG003 age 62 (class 15)
p = pick_registry(lambda q: age_on(q["birth"], D(2019, 11, 11)) == 62 and q["status"] == "正常")
p.update(labor="普通劳动力", health="健康", work="", work_months="")
enroll(p, K[15], tag="REG003")
expect("REG003", "开班日62岁，超出16–60", person=p["id"], class_="XJ-2019-15")

# --- CLS003 + 9 ghosts in class 10 (25 on roster, 16 ever signed in)
CLS003_GHOSTS = 9
expect("CLS003", "花名册25人，仅16人有过签到（25 ≥ 1.5 × 16）", class_="XJ-2019-10")

# --- CLS002 + 2 x PRX006: two non-trainees sign in to class 11 on a full-attendance session
OUTSIDERS = [pick(), None]
OUTSIDERS[0]["trainee"] = True
OUTSIDERS[1] = pick(exclude_hh=(OUTSIDERS[0]["hh"],))
OUTSIDERS[1]["trainee"] = True
for o in OUTSIDERS:
    o["trainee"] = True
expect("CLS002", "2019-09-16 上午全班32人到齐，另有2名非学员签到，共34人 > 花名册32人", class_="XJ-2019-11")
for o in OUTSIDERS:
    expect("PRX006", "CLS002 的后果：非本班学员在XJ-2019-11签到", planted=False, person=o["id"], class_="XJ-2019-11")

# --- messy-but-valid cells (negatives), placed on fresh enrollments later
# fill rosters
for c in CLASSES:
    while len(c["roster"]) < c["size"]:
        fem = R.random() < c["female"]
        p = pick(drive=c["drive"], male=not fem)
        enroll(p, c)
for n in range(CLS003_GHOSTS):
    e = K[10]["roster"][-1 - n]
    e["ghost"] = True
    e["tag"] = "PRX005-CLS003"
    expect("PRX005", "CLS003 的后果：XJ-2019-10 的空挂学员，从未签到", planted=False, person=e["p"]["id"], class_="XJ-2019-10")

# failed trainees (clean, no subsidy, not paid) — a few in other classes
for c in CLASSES:
    for e in c["roster"]:
        if not e.get("tag") and R.random() < 0.03:
            e["passed"] = False


def untagged(c, k=1):
    es = [e for e in c["roster"] if not e.get("tag") and e["passed"]]
    out = R.sample(es, k)
    for e in out:
        e["tag"] = "messy"
    return out


FW = str.maketrans("0123456789X", "０１２３４５６７８９Ｘ")
for e in untagged(K[1], 2) + untagged(K[6], 1):
    e["ledger_id"] = "'" + e["p"]["id"]
for e in untagged(K[3], 1) + untagged(K[12], 1):
    s = e["p"]["id"]
    e["ledger_id"] = f"{s[:6]} {s[6:14]} {s[14:]}"
for e in untagged(K[11], 1):
    e["ledger_id"] = e["p"]["id"].translate(FW)
for e in untagged(K[4], 1):
    e["pay_id"] = e["p"]["id"] + ".0"
# lower-case x: an ID ending in X
xs = [e for e in ENR if not e.get("tag") and e["p"]["id"].endswith("X")]
if xs:
    xs[0]["tag"] = "messy"
    xs[0]["ledger_id"] = xs[0]["p"]["id"][:17] + "x"
    xs[0]["pay_id"] = xs[0]["p"]["id"][:17] + "x"
# names with spaces
for e in untagged(K[2], 1) + untagged(K[14], 1):
    nm = e["p"]["name"]
    e["ledger_name"] = " ".join(nm)
for e in untagged(K[8], 1):
    nm = e["p"]["name"]
    e["pay_name"] = nm[0] + "\u3000" + nm[1:]
# ledger period variant (Chinese)
for e in K[2]["roster"][::3]:
    e["period_text"] = "2019年3月11日至4月4日"
# payment messy amounts / dates
for e in untagged(K[3], 1):
    e["pay_amount_text"] = "1,600"
for e in untagged(K[5], 1):
    e["pay_amount_text"] = "1,200"
for e in untagged(K[6], 2):
    e["pay_amount_text"] = "800元"
for e in untagged(K[12], 1):
    e["pay_amount_text"] = "８００"

# --- DQ plants in payments / ledger
e_dq2 = untagged(K[7], 1)[0]
e_dq2["pay_name"] = ""
e_dq3 = untagged(K[8], 1)[0]
e_dq3["pay_date_text"] = "2019-08-"
e_dq4 = untagged(K[9], 1)[0]
e_dq4["pay_amount_text"] = "壹仟贰佰"
e_dq5 = untagged(K[11], 1)[0]
e_dq5["period_text"] = "2019.10.3-2019.9.9"

# --- PAY plants (chosen in roster order, no draw from R, so the rest of the corpus is
# unchanged); classes 01 and 02 are left alone for the attendance section's own picks.


def plant(c, tag, passed=True):
    for e in c["roster"]:
        if not e.get("tag") and e["passed"] == passed and not e["ghost"]:
            e["tag"] = tag
            return e
    raise SystemExit(f"no untagged enrollment for {tag} in {c['id']}")


# PAY001: XJ-2019-06 leads to a 培训合格证书 (guyuan standard 800 yuan); one trainee is paid 1,600.
PAY001 = plant(K[6], "PAY001")
PAY001["pay_amount_text"] = "1600"
expect("PAY001", "XJ-2019-06 证书为培训合格证书（标准800元），该学员发放培训补贴1600元", person=PAY001["p"]["id"], class_="XJ-2019-06", file=F_PAY)
# PAY002: a trainee who failed the assessment (台账 0/不合格, subsidy 0) is paid all the same.
PAY002 = next(e for c in CLASSES if c["id"] not in ("XJ-2019-01", "XJ-2019-02", "XJ-2019-10", "XJ-2019-11")
              for e in c["roster"] if not e["passed"] and not e.get("tag") and not e["ghost"])
PAY002["tag"] = "PAY002"
PAY002["pay_anyway"] = True
PAY002["account"] = "6229471" + PAY002["p"]["id"][6:18].replace("X", "0")  # no draw from R: the rest stays as it was
expect("PAY002", f"{PAY002['c']['id']} 台账考核不合格（补贴0元），发放明细却有培训补贴{PAY002['c']['subsidy']}元", person=PAY002["p"]["id"], class_=PAY002["c"]["id"], file=F_PAY)
# PAY005: a training subsidy of XJ-2019-04 paid five days before the class ended (2019-05-08).
PAY005 = plant(K[4], "PAY005")
PAY005["pay_date_text"] = (K[4]["end"] - dt.timedelta(days=5)).isoformat()
expect("PAY005", f"XJ-2019-04 于 {PAY005['pay_date_text']} 发放培训补贴，早于结业日期2019-05-08", person=PAY005["p"]["id"], class_="XJ-2019-04", file=F_PAY)
# PAY006: a trainee of XJ-2019-05 is paid the training subsidy again six weeks later.
PAY006 = plant(K[5], "PAY006")
PAY006["pay_again_days"] = 42
expect("PAY006", "XJ-2019-05 同一学员的培训补贴发放两笔（相隔42天）", person=PAY006["p"]["id"], class_="XJ-2019-05", file=F_PAY)
# PAY008: the account a XJ-2019-13 trainee's subsidy went into is held by a stranger.
PAY008 = plant(K[13], "PAY008")
PAY008["holder"] = "郭建军"
expect("PAY008", "XJ-2019-13 学员的补贴发入户名“郭建军”的账户，户名不是本人，也不是同户成员", person=PAY008["p"]["id"], class_="XJ-2019-13", file=F_PAY)
# PAY004: a registered person on no roster is paid a training subsidy for XJ-2019-08 (and so is a
# PRX005 ghost of that class: paid for it, never signed in).
PAY004_PERSON = next(p for p in PEOPLE if eligible(p) and not p["trainee"] and p["status"] == "正常")
expect("PAY004", "发放明细有XJ-2019-08的培训补贴，领取人不在任何班级花名册上", person=PAY004_PERSON["id"], class_="XJ-2019-08", file=F_PAY)
expect("PRX005", "PAY004 的后果：为XJ-2019-08领取补贴，却从未签到", planted=False, person=PAY004_PERSON["id"], class_="XJ-2019-08")

# PAY003: a XJ-2019-07 trainee signs in to the first 10 of its 30 sessions only and is
# paid in full. PAY007: a XJ-2019-12 trainee is paid 60 yuan less than the class's amount, which
# is no standard of the pack.
PAY003 = plant(K[7], "PAY003")
PAY003["attend_sessions"] = 10
expect("PAY003", "XJ-2019-07 学员只在前10个课次签到（30个课次的三分之一，低于80%），补贴照发", person=PAY003["p"]["id"], class_="XJ-2019-07")
PAY007 = plant(K[12], "PAY007")
PAY007["pay_amount_text"] = str(K[12]["subsidy"] - 60)
expect("PAY007", f"XJ-2019-12 学员补贴发放 {K[12]['subsidy'] - 60} 元，既不是标准也不是本班通常金额 {K[12]['subsidy']} 元", person=PAY007["p"]["id"], class_="XJ-2019-12", file=F_PAY)

# --- ID010: an ID in a number cell that still holds all 18 digits (a program that keeps
# integers wrote it); chosen in roster order, no draw from R.
ID010 = next(e for e in K[9]["roster"] if not e.get("tag") and e["passed"] and not e["ghost"]
             and not e["p"]["id"].endswith("X") and not e["p"]["id"].endswith("000"))
ID010["tag"] = "ID010"
ID010["ledger_id"] = ("NUM", int(ID010["p"]["id"]))
WHOLE_NUMBER_IDS = [int(ID010["p"]["id"])]
expect("ID010", "台账身份证号码单元格为数值，18位尚在（已按此号比对），再用 Excel 保存将丢失后三位", person=ID010["p"]["id"], file=F_LED)

# honest late arrival (class 01) and the burst (class 02) persons are chosen in the attendance section

# ----------------------------------------------------------------------------- xlsx helpers


def finish_xlsx(wb, path):
    wb.properties.creator = "Administrator"
    wb.properties.lastModifiedBy = "Administrator"
    wb.properties.created = FIXED
    wb.properties.modified = FIXED
    buf = io.BytesIO()
    wb.save(buf)
    src = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename.startswith("xl/worksheets/"):
                # openpyxl writes a big int as a float (6.404221983052529e+17); systems that
                # export with integer formatting (Go's excelize, hand-written XML) keep all
                # 18 digits, as the ID010 plant's export did.
                for n in WHOLE_NUMBER_IDS:
                    data = data.replace(f"<v>{float(n)!r}</v>".encode(), f"<v>{n}</v>".encode())
            if info.filename == "docProps/core.xml":
                data = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)",
                              rb"\g<1>2019-12-31T00:00:00Z\g<2>", data)
            zi = zipfile.ZipInfo(info.filename, date_time=(2019, 12, 31, 0, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o600 << 16
            z.writestr(zi, data)
    path.write_bytes(out.getvalue())


def write_csv(path, header, rows, encoding, bom=False):
    s = io.StringIO()
    w = csv.writer(s, lineterminator="\r\n")
    w.writerow(header)
    w.writerows(rows)
    data = s.getvalue().encode(encoding)
    if bom:
        data = b"\xef\xbb\xbf" + data
    path.write_bytes(data)


def fmt_dot(d):
    return f"{d.year}.{d.month}.{d.day}"


OUT.mkdir(parents=True, exist_ok=True)
COUNTS = {}

# ----------------------------------------------------------------------------- 1. registry
wb = Workbook()
ws = wb.active
ws.title = "Sheet1"
REG_COLS = ["序号", "数据日期", "县(市、区、旗)", "乡(镇)", "行政村", "自然村", "户编号", "人编号", "姓名", "证件号码", "与户主关系",
            "民族", "文化程度", "在校生状况", "健康状况", "劳动技能", "务工状况", "务工时间（月）", "人员状态", "变更日期", "贫困户状态",
            "户联系电话", "人联系电话"]
ws.append(["西吉县建档立卡贫困人口明细"])
ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(REG_COLS))
ws.append(REG_COLS)
n = 0
for hh in HOUSEHOLDS.values():
    for p in hh["members"]:
        n += 1
        ws.append([n, "2019-12-31", COUNTY, p["town"], p["village"], p["nvillage"], p["hh"], p["pid"], p["name"],
                   p["id"], p["rel"], p["nation"], p["edu"], p["student"], p["health"], p["labor"], p["work"],
                   p["work_months"], p["status"], p["status_date"], p["poverty"], p["hh_phone"], p["phone"]])
for row in ws.iter_rows(min_row=3, min_col=10, max_col=10):
    for cell in row:
        cell.number_format = "@"
COUNTS[F_REG] = f"{n} people in {len(HOUSEHOLDS)} households"
finish_xlsx(wb, OUT / F_REG)

# ----------------------------------------------------------------------------- 2. class register
wb = Workbook()
ws = wb.active
ws.title = "开班备案"
ws.append(["班级编号", "培训机构", "培训职业（工种）", "培训等级", "培训类型", "开班日期", "结业日期", "总学时", "理论学时", "实操学时",
           "授课教师", "培训地点", "县区", "计划人数", "证书类型"])
for c in CLASSES:
    ws.append([c["id"], c["inst"], c["occ"], c["level"], c["prog"], c["start"], c["end"], c["hours"], c["theory"],
               c["practical"], c["teacher"], c["location"], COUNTY, c["capacity"], c["cert"]])
    for col in (6, 7):
        ws.cell(row=ws.max_row, column=col).number_format = "yyyy-mm-dd"
COUNTS[F_CLS] = f"{len(CLASSES)} classes"
finish_xlsx(wb, OUT / F_CLS)

# ----------------------------------------------------------------------------- 3. ledger
LED_TITLE = "西吉县2019年农村建档立卡贫困劳动力技能培训台账"
LED_UNIT = "填报单位（章）：西吉县人力资源和社会保障局    填报时间：2019年12月20日"
FOOTER = "负责人：马某某    填表人：李某某    联系电话：0954-3012345"
H_BEFORE = ["序号", "姓名", "性别", "年龄", "身份证号码", "培训职业（工种）或专项职业能力", "培训等级"]
H_AFTER = ["培训学时", "鉴定或考核通过情况", "培训和鉴定补贴金额（元）", "学员手机号码", "就业去向", "班级编号", "培训机构", "备注"]
EMPLOY = ["县内就业", "区外务工", "区内务工", "扶贫车间就业", "灵活就业", "自主创业", "待就业", "区外务工", "县内就业"]
SHEETS = [("第一季度", [1, 2], False, "10"), ("第二季度", [3, 4, 5, 6, 7, 8], True, "合格"),
          ("第三季度", [9, 10, 11], False, "10"), ("第四季度", [12, 13, 14, 15], True, "合格")]


def subsidy_of(e):
    return e["c"]["subsidy"] if e["passed"] else 0


def header_rows(ws, r0, split):
    ncol = len(H_BEFORE) + (2 if split else 1) + len(H_AFTER)
    row1 = H_BEFORE + ["培训期限（起止时间）"] + ([""] if split else []) + H_AFTER
    row2 = [""] * len(H_BEFORE) + (["起", "止"] if split else [""]) + [""] * len(H_AFTER)
    for j, v in enumerate(row1, 1):
        ws.cell(row=r0, column=j, value=v or None)
        ws.cell(row=r0, column=j).alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        ws.cell(row=r0, column=j).font = Font(bold=True)
    for j, v in enumerate(row2, 1):
        if v:
            ws.cell(row=r0 + 1, column=j, value=v).alignment = Alignment(horizontal="center")
    pcol = len(H_BEFORE) + 1
    for j in range(1, ncol + 1):
        if split and j in (pcol, pcol + 1):
            continue
        ws.merge_cells(start_row=r0, start_column=j, end_row=r0 + 1, end_column=j)
    if split:
        ws.merge_cells(start_row=r0, start_column=pcol, end_row=r0, end_column=pcol + 1)
    return ncol


LEDGER_ROWS = 0
XLS_ROWS = []   # (values, ledger id) of the XLS_CLASS trainees, in roster order
wb = Workbook()
wb.remove(wb.active)
for sname, knums, split, passfmt in SHEETS:
    ws = wb.create_sheet(sname)
    ncol = len(H_BEFORE) + (2 if split else 1) + len(H_AFTER)
    ws.cell(row=1, column=1, value=LED_TITLE).font = Font(bold=True, size=14)
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=ncol)
    ws.cell(row=2, column=1, value=LED_UNIT)
    ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=ncol)
    header_rows(ws, 3, split)
    r = 5
    seq = 0
    skipped = {"blank": 0, "repeated_header": 0, "total": 0, "footer": 0}
    total_sub = 0
    total_hours = 0
    for bi, kn in enumerate(knums):
        c = K[kn]
        to_xls = kn == XLS_CLASS        # this block goes to the institution's own .xls
        if bi > 0 and sname == "第二季度" and kn == 6:
            header_rows(ws, r, split)   # repeated header (two rows) in the middle of the sheet
            skipped["repeated_header"] += 2
            r += 2
        elif bi > 0 and R.random() < 0.7 and not to_xls:
            r += 1                      # blank row between class blocks
            skipped["blank"] += 1
        for e in c["roster"]:
            p = e["p"]
            sub = subsidy_of(e)
            if to_xls:
                number = len(XLS_ROWS) + 1
            else:
                seq += 1
                number = seq
                total_sub += sub
                total_hours += c["hours"]
            gender = e["gender"] or ("男" if p["male"] else "女")
            age = e["age"] if e["age"] is not None else age_on(p["birth"], c["start"])
            if passfmt == "10":
                passed = 1 if e["passed"] else 0
            else:
                passed = "合格" if e["passed"] else "不合格"
            if e["phone"] is None:
                e["phone"] = p["phone"] or (HOUSEHOLDS[p["hh"]]["phone"] if p.get("hh") else new_phone())
            lid = e["ledger_id"]
            vals = [number, e["ledger_name"], gender, age, None, c["occ"], c["level"] or None]
            if split:
                vals += [c["start"], c["end"]]
            else:
                vals += [e["period_text"] or f"{fmt_dot(c['start'])}-{fmt_dot(c['end'])}"]
            sub_cell = sub
            if kn == 5 and e is c["roster"][3]:
                sub_cell = f"{sub:,}" if sub else 0
            vals += [c["hours"], passed, sub_cell, e["phone"], R.choice(EMPLOY) if e["passed"] else "待就业", c["id"],
                     c["inst"], e["remark"] or (R.choice(["", "", "", "", "已脱贫户", "未脱贫户", "监测户"]))]
            if to_xls:
                xr = 5 + len(XLS_ROWS)      # title, 填报单位 and two header rows above
                XLS_ROWS.append((vals, lid))
                e["ledger_row"] = (XLS_SHEET, xr)
                if isinstance(lid, tuple):
                    expect("ID004", f"身份证号码单元格为数值 {lid[1]!r}（科学计数法，后三位丢失）", file=F_LED_XLS, sheet=XLS_SHEET, row=xr)
                continue
            for j, v in enumerate(vals, 1):
                if v is not None and v != "":
                    ws.cell(row=r, column=j, value=v)
            idc = ws.cell(row=r, column=5)
            if isinstance(lid, tuple) and lid[0] == "NUM":
                idc.value = lid[1]          # int: all 18 digits in a number cell
            elif isinstance(lid, tuple):
                idc.value = lid[1]          # float: Excel mangled, 15 significant digits
                e["ledger_ref"] = (sname, r)
                expect("ID004", f"身份证号码单元格为数值 {lid[1]!r}（科学计数法，后三位丢失）", file=F_LED, sheet=sname, row=r)
            else:
                idc.value = lid
                idc.number_format = "@"
            if split:
                ws.cell(row=r, column=8).number_format = "yyyy-mm-dd"
                ws.cell(row=r, column=9).number_format = "yyyy-mm-dd"
            e["ledger_row"] = (sname, r)
            if e is e_dq5:
                expect("DQ005", "培训期限 2019.10.3-2019.9.9：结束早于开始（开班备案表中XJ-2019-11为09-09至10-03）",
                       file=F_LED, sheet=sname, row=r, person=p["id"])
            r += 1
            LEDGER_ROWS += 1
    # total and footer
    if R.random() < 0.5 or sname == "第一季度":
        r += 1
        skipped["blank"] += 1
    ws.cell(row=r, column=1, value="合计")
    ws.cell(row=r, column=2, value=f"{seq}人")
    hcol = len(H_BEFORE) + (2 if split else 1) + 1
    ws.cell(row=r, column=hcol, value=total_hours)
    ws.cell(row=r, column=hcol + 2, value=total_sub)
    skipped["total"] += 1
    r += 2
    skipped["blank"] += 1
    ws.cell(row=r, column=1, value=FOOTER)
    ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=ncol)
    skipped["footer"] += 1
    ws.column_dimensions["E"].width = 22
    ws.column_dimensions["B"].width = 10
    ws.column_dimensions["F"].width = 26
    expect("DQ006", f"跳过的行：{skipped}（标题行、填报单位行和两行表头不计）", file=F_LED, sheet=sname, skipped=skipped)

# 填表说明 sheet: no table
ws = wb.create_sheet("填表说明")
ws["A1"] = "填表说明"
ws["A2"] = "1.此表由县人社局填写并留存备查，每季度末报送市就业局；"
ws["A3"] = "2.“鉴定或考核通过情况”栏“1”表示“合格”，“0”表示“不合格”；"
ws["A4"] = "3.培训等级为初级或中级，专项职业能力此项不填；"
ws["A5"] = "4.身份证号码请设置为文本格式。"
expect("DQ007", "工作表“填表说明”只有文字说明，没有可识别的表头", file=F_LED, sheet="填表说明")
COUNTS[F_LED] = f"{LEDGER_ROWS} trainee lines on 4 sheets (+ 填表说明)"
finish_xlsx(wb, OUT / F_LED)


def write_ledger_xls(path, rows):
    """The XLS_CLASS institution's ledger as Excel 97-2003 (BIFF8, xlwt): the county layout
    (title, 填报单位, two-row merged header with 起/止 date cells, data, 合计, footer)."""
    import xlwt
    wb = xlwt.Workbook(encoding="utf-8")
    ws = wb.add_sheet(XLS_SHEET)
    ncol = len(H_BEFORE) + 2 + len(H_AFTER)
    head = xlwt.easyxf("font: bold on; align: horiz center, vert center, wrap on")
    date = xlwt.easyxf(num_format_str="yyyy-mm-dd")
    text = xlwt.easyxf(num_format_str="@")
    inst = K[XLS_CLASS]["inst"]
    ws.write_merge(0, 0, 0, ncol - 1, f"{inst}2019年精准脱贫技能培训台账", xlwt.easyxf("font: bold on, height 280"))
    ws.write_merge(1, 1, 0, ncol - 1, f"填报单位（章）：{inst}    填报时间：2019年12月10日")
    pcol = len(H_BEFORE)
    row1 = H_BEFORE + ["培训期限（起止时间）", ""] + H_AFTER
    for j, v in enumerate(row1):
        if j == pcol:
            ws.write_merge(2, 2, pcol, pcol + 1, v, head)
        elif j != pcol + 1:
            ws.write_merge(2, 3, j, j, v, head)
    ws.write(3, pcol, "起", head)
    ws.write(3, pcol + 1, "止", head)
    total_hours = total_sub = 0
    for i, (vals, lid) in enumerate(rows):
        r = 4 + i
        for j, v in enumerate(vals):
            if v is None or v == "":
                continue
            ws.write(r, j, v, date if isinstance(v, D) else xlwt.Style.default_style)
        ws.write(r, 4, lid[1] if isinstance(lid, tuple) else lid, xlwt.Style.default_style if isinstance(lid, tuple) else text)
        total_hours += vals[pcol + 2]
        total_sub += vals[pcol + 4] if isinstance(vals[pcol + 4], int) else 0
    r = 4 + len(rows)
    ws.write(r, 0, "合计")
    ws.write(r, 1, f"{len(rows)}人")
    ws.write(r, pcol + 2, total_hours)
    ws.write(r, pcol + 4, total_sub)
    ws.write_merge(r + 2, r + 2, 0, ncol - 1, "负责人：张某某    填表人：王某某    联系电话：0954-3019876")
    wb.save(str(path))


write_ledger_xls(OUT / F_LED_XLS, XLS_ROWS)
expect("DQ006", "跳过的行：{'blank': 1, 'repeated_header': 0, 'total': 1, 'footer': 1}（标题行、填报单位行和两行表头不计）",
       file=F_LED_XLS, sheet=XLS_SHEET, skipped={"blank": 1, "repeated_header": 0, "total": 1, "footer": 1})
COUNTS[F_LED_XLS] = f"{len(XLS_ROWS)} trainee lines (class XJ-2019-{XLS_CLASS:02d})"

# ----------------------------------------------------------------------------- 4. attendance
ATT = []       # face rows
PAPER = []     # paper rows


def hms(day, sec):
    return dt.datetime.combine(day, dt.time(0)) + dt.timedelta(seconds=sec)


def spaced(n, base, spread, gap=8):
    ts = sorted(R.randint(0, spread) for _ in range(n))
    for i in range(1, n):
        if ts[i] < ts[i - 1] + gap:
            ts[i] = ts[i - 1] + gap + R.randint(0, 5)
    return [base + t for t in ts]


SESS = {"上午": (7 * 3600 + 35 * 60, 11 * 3600 + 35 * 60), "下午": (13 * 3600 + 55 * 60, 17 * 3600 + 35 * 60)}
late_done = False
burst_info = None

for c in CLASSES:
    days = [c["start"] + dt.timedelta(days=i) for i in range(c["days"])]
    sessions = [(d, s) for d in days for s in ("上午", "下午")]
    attendees = [e for e in c["roster"] if not e["ghost"]]
    absent = {}   # (day, sess) -> set of enrollment indices
    for e in attendees:
        if e["no_absence"]:
            continue
        r_ = R.random()
        if r_ < 0.15:
            for _ in range(R.randint(1, 2)):
                absent.setdefault(R.choice(sessions), set()).add(id(e))
        elif r_ < 0.20:
            d = R.choice(days)
            for s in ("上午", "下午"):
                absent.setdefault((d, s), set()).add(id(e))
    for e in attendees:
        if e.get("attend_sessions"):
            for ses in sessions[e["attend_sessions"]:]:
                absent.setdefault(ses, set()).add(id(e))
    full_session = None
    if c is K[11]:
        full_session = (D(2019, 9, 16), "上午")
        absent.pop(full_session, None)
    if c is K[2]:
        # keep at least one absentee in every session so the readable roster (27) is never exceeded
        cand = [e for e in attendees if not e.get("tag")]
        for ses in sessions:
            if not absent.get(ses):
                absent.setdefault(ses, set()).add(id(R.choice(cand)))
    copy_from = copy_to = None
    if c["paper"]:
        copy_from, copy_to = days[7], days[14]
        expect("PRX002", f"纸质考勤 {copy_from} 与 {copy_to} 两天上午、下午签到时间逐人完全相同（照抄）", class_=c["id"],
               file=F_PAPER, days=[str(copy_from), str(copy_to)])
        absent[(copy_to, "上午")] = set(absent.get((copy_from, "上午"), set()))
        absent[(copy_to, "下午")] = set(absent.get((copy_from, "下午"), set()))
    paper_saved = {}
    for (d, s) in sessions:
        present = [e for e in attendees if id(e) not in absent.get((d, s), set())]
        if c["paper"]:
            if d == copy_to:
                for e, t in paper_saved[s]:
                    PAPER.append((c, e, d, s, t))
                continue
            base = (7 * 60 + 40) if s == "上午" else (13 * 60 + 55)
            rows = []
            for e in present:
                t = base + R.randint(0, 35)
                rows.append((e, f"{t // 60}:{t % 60:02d}"))
            R.shuffle(rows)
            if d == copy_from:
                paper_saved[s] = rows
            for e, t in rows:
                PAPER.append((c, e, d, s, t))
            continue
        bin_, bout = SESS[s]
        R.shuffle(present)
        ins = spaced(len(present), bin_, 1800)
        outs = spaced(len(present), bout, 1500)
        R.shuffle(outs)
        pairs = list(zip(present, ins, outs))
        if c is K[2] and burst_info is None and d == c["start"] + dt.timedelta(days=5) and s == "上午":
            # PRX001: 6 consecutive clean roster members compressed into 8 seconds
            pairs.sort(key=lambda x: x[1])
            mid = len(pairs) // 2 - 3
            j = mid
            while any(pairs[k][0].get("tag") for k in range(j, j + 6)):
                j += 1
            t0 = pairs[j][1]
            for k, off in zip(range(j, j + 6), (0, 1, 3, 5, 6, 8)):
                pairs[k] = (pairs[k][0], t0 + off, pairs[k][2])
            burst_info = (d, hms(d, t0), [pairs[k][0]["att_id"] for k in range(j, j + 6)])
            expect("PRX001", f"设备{c['device']}在 {hms(d, t0)} 起8秒内6名不同学员签到", class_=c["id"],
                   device=c["device"], persons=burst_info[2])
        if c is K[1] and not late_done and d == c["start"] + dt.timedelta(days=9) and s == "上午":
            k = next(i for i, x in enumerate(pairs) if not x[0].get("tag"))
            pairs[k] = (pairs[k][0], bin_ + 3600 + 10 * 60 + R.randint(0, 59), pairs[k][2])
            late_done = True
            NEG.append(("迟到", pairs[k][0]["att_id"], c["id"], f"{d} 上午 {hms(d, pairs[k][1]).time()} 签到（迟到约40分钟）：正常，不应报任何代签"))
        for e, ti, to in pairs:
            ATT.append((c, e["att_name"], e["att_id"], d, s, hms(d, ti), hms(d, to)))
        if (d, s) == full_session:
            base_t = max(ti for _, ti, _ in pairs) + 60
            for k, o in enumerate(OUTSIDERS):
                ATT.append((c, o["name"], o["id"], d, s, hms(d, base_t + 40 * k), hms(d, bout + 1600 + 30 * k)))
    if c is K[1]:
        d = c["end"] + dt.timedelta(days=1)
        ATT.append((c, SCH003_PERSON["name"], SCH003_PERSON["id"], d, "上午", hms(d, 8 * 3600 + 12 * 60 + 7),
                    hms(d, 8 * 3600 + 40 * 60 + 51)))
    if c is K[10]:
        pass

ATT.sort(key=lambda x: (x[0]["id"], x[3], x[4] != "上午", x[5]))
rows = []
for c, name, pid, d, s, ti, to in ATT:
    rows.append([c["id"], name, pid, d.isoformat(), s, ti.strftime("%Y-%m-%d %H:%M:%S"),
                 to.strftime("%Y-%m-%d %H:%M:%S"), "人脸识别", c["device"], c["location"]])
write_csv(OUT / F_ATT, ["班级编号", "姓名", "身份证号码", "考勤日期", "时段", "签到时间", "签退时间", "签到方式", "设备编号", "签到地点"],
          rows, "gb18030")
COUNTS[F_ATT] = f"{len(rows)} sign-in rows (GB18030)"

# paper attendance
wb = Workbook()
ws = wb.active
ws.title = "考勤"
ws.append(["班级编号", "姓名", "身份证号码", "日期", "时段", "签到时间", "签到方式"])
PAPER.sort(key=lambda x: (x[2], x[3] != "上午", x[1]["c"]["roster"].index(x[1])))
for c, e, d, s, t in PAPER:
    ws.append([c["id"], e["att_name"], e["att_id"], d, s, t, "手签"])
    ws.cell(row=ws.max_row, column=4).number_format = "yyyy/m/d"
    ws.cell(row=ws.max_row, column=3).number_format = "@"
COUNTS[F_PAPER] = f"{len(PAPER)} rows"
finish_xlsx(wb, OUT / F_PAPER)

# ----------------------------------------------------------------------------- 5. payments
pay_rows = []
hh_account = {}
for c in CLASSES:
    pay_day = c["end"] + dt.timedelta(days=R.randint(14, 40))
    if pay_day > D(2019, 12, 28):
        pay_day = D(2019, 12, 27)
    style = R.choice(["iso", "slash", "cn", "compact"])
    fund = "就业补助资金" if R.random() < 0.6 else "财政专项扶贫资金"
    for e in c["roster"]:
        if not e["passed"] and not e.get("pay_anyway"):
            continue
        p = e["p"]
        if e["account"]:
            acct = e["account"]
        elif p.get("hh") and p["hh"] in hh_account and R.random() < 0.3:
            acct = hh_account[p["hh"]]      # same household shares one 一卡通: allowed
        else:
            acct = p.get("acct") or new_account()
        p["acct"] = p.get("acct") or acct
        if p.get("hh") and not e["account"]:
            hh_account.setdefault(p["hh"], acct)
        if style == "iso":
            ds = pay_day.isoformat()
        elif style == "slash":
            ds = f"{pay_day.year}/{pay_day.month}/{pay_day.day}"
        elif style == "cn":
            ds = f"{pay_day.year}年{pay_day.month}月{pay_day.day}日"
        else:
            ds = pay_day.strftime("%Y%m%d")
        amount = e["pay_amount_text"] or str(subsidy_of(e) if e["passed"] else c["subsidy"])
        ds = e["pay_date_text"] or ds
        holder = e.get("holder") or p["name"]
        row = [None, e["pay_name"], e["pay_id"], amount, ds, "培训补贴", holder, acct, fund, "西吉县就业和创业服务局", c["id"]]
        pay_rows.append((e, row))
        if e["pay_dup"]:
            pay_rows.append((e, list(row)))
        if e.get("pay_again_days"):
            again = list(row)
            again[4] = (pay_day + dt.timedelta(days=e["pay_again_days"])).isoformat()
            pay_rows.append((e, again))
    if c is K[8]:
        # PAY004: a registered person on no roster, paid with the class.
        q = PAY004_PERSON
        pay_rows.append(({"p": q, "tag": "PAY004"}, [None, q["name"], q["id"], str(c["subsidy"]), ds, "培训补贴", q["name"],
                                                   "6229470" + q["id"][6:18].replace("X", "0"), fund, "西吉县就业和创业服务局", c["id"]]))
out_rows = []
for i, (e, row) in enumerate(pay_rows, 1):
    row[0] = i
    out_rows.append(row)
    fr = i + 1  # file row (header = row 1)
    if e is e_dq2:
        expect("DQ002", "发放明细姓名为空", file=F_PAY, row=fr, person=e["p"]["id"])
    if e is e_dq3 and row[4] == "2019-08-":
        expect("DQ003", "发放日期“2019-08-”无法解析", file=F_PAY, row=fr, person=e["p"]["id"])
    if e is e_dq4:
        expect("DQ004", "发放金额“壹仟贰佰”无法解析为数字", file=F_PAY, row=fr, person=e["p"]["id"])
    if e.get("tag") == "ID004":
        expect("ID004", "发放明细身份证号码为“6.40422E+17”（Excel 科学计数法，已丢失）", file=F_PAY, row=fr)
write_csv(OUT / F_PAY, ["序号", "姓名", "身份证号码", "发放金额", "发放日期", "补贴项目", "户名", "银行账号", "资金来源", "发放单位", "班级编号"],
          out_rows, "gb18030")
COUNTS[F_PAY] = f"{len(out_rows)} payment rows (GB18030)"

# DQ012: the town re-sent XJ-2019-07's payments as a 补报 file, renumbered: the same rows again.
# Counted twice they would be 25 duplicate payments (DUP004) and the money doubled.
again = [list(r) for r in out_rows if r[10] == "XJ-2019-07"]
for i, r in enumerate(again, 1):
    r[0] = i
write_csv(OUT / F_PAY_AGAIN, ["序号", "姓名", "身份证号码", "发放金额", "发放日期", "补贴项目", "户名", "银行账号", "资金来源", "发放单位", "班级编号"],
          again, "gb18030")
expect("DQ012", f"{F_PAY_AGAIN} 的 {len(again)} 行与 {F_PAY} 中 XJ-2019-07 的行完全相同（重新编号的补报）：按同一条记录计，不算重复发放", file=F_PAY_AGAIN)
COUNTS[F_PAY_AGAIN] = f"{len(again)} payment rows repeated from {F_PAY} (GB18030)"

# ----------------------------------------------------------------------------- 6. targets
distinct = len({e["p"]["id"] for e in ENR})
wb = Workbook()
ws = wb.active
ws.title = "任务分解"
ws.append(["固原市2019年建档立卡贫困劳动力技能培训任务分解表"])
ws.merge_cells("A1:D1")
ws.append(["序号", "区县", "年度", "培训人数"])
target = (distinct * 105 // 100 + 9) // 10 * 10
for i, (cty, t) in enumerate([("原州区", 3120), ("西吉县", target), ("隆德县", 1860), ("泾源县", 1240), ("彭阳县", 2050)], 1):
    ws.append([i, cty, 2019, t])
ws.append(["合计", None, None, 3120 + target + 1860 + 1240 + 2050])
expect("DQ006", "任务分解表：标题行和合计行跳过", file=F_TGT, skipped={"total": 1})
expect("TGT002", f"西吉县2019年目标任务{target}人，台账去重后{distinct}人，未完成（得分 = 80 − 未完成的百分点）", file=F_TGT)
COUNTS[F_TGT] = f"5 counties; 西吉县 target {target} (distinct trainees {distinct})"
finish_xlsx(wb, OUT / F_TGT)

# ----------------------------------------------------------------------------- 7. watchlists


def outsider_id(lo=25, hi=55):
    b = rand_birth(lo, hi)
    m = R.random() < 0.5
    return make_id(b, m, region=R.choice(["640422", "640422", "640402", "640423", "640425"])), rand_name(m)


fin = []
for _ in range(36):
    pid_, nm = outsider_id()
    fin.append([nm, pid_, "财政供养人员", f"{R.randint(2003, 2018)}-{R.randint(1, 12):02d}-01"])
q = pick_registry(lambda x: 30 <= age_on(x["birth"], D(2019, 1, 1)) <= 50)
fin.append([q["name"], q["id"], "财政供养人员", "2014-09-01"])   # registry non-trainee: no finding
fin.append([PAYROLL_PLANT["name"], PAYROLL_PLANT["id"], "财政供养人员", "2016-03-01"])
R.shuffle(fin)
for row in fin:
    if R.random() < 0.3:
        y, m_, d_ = row[3].split("-")
        row[3] = f"{y}/{int(m_)}/{int(d_)}"
write_csv(OUT / F_FIN, ["姓名", "身份证号码", "名单类型", "开始日期"], fin, "utf-8", bom=True)
COUNTS[F_FIN] = f"{len(fin)} rows (UTF-8 BOM)"

wb = Workbook()
ws = wb.active
ws.title = "在校生"
ws.append(["姓名", "身份证号码", "名单类型", "开始日期", "结束日期"])
stu = []
for p in PEOPLE:
    if p["student"] not in ("非在校生", "学龄前儿童") and age_on(p["birth"], D(2019, 1, 1)) >= 15 and not p["trainee"]:
        y = R.choice([2016, 2017, 2018])
        stu.append([p["name"], p["id"], "在校生", D(y, 9, 1), D(y + 3, 6, 30)])
stu = stu[:45]
for _ in range(8):
    pid_, nm = outsider_id(16, 21)
    stu.append([nm, pid_, "在校生", D(2018, 9, 1), D(2021, 6, 30)])
bad_pid, bad_nm = outsider_id(16, 20)
for sp, a_, b_ in (STUDENT_PLANT, STUDENT_NEG):
    stu.append([sp["name"], sp["id"], "在校生", a_, b_])
R.shuffle(stu)
bad_row = [bad_nm, bad_pid[:10] + bad_pid[11:], "在校生", D(2018, 9, 1), D(2021, 6, 30)]  # 17 digits: one dropped
stu.insert(len(stu) // 2, bad_row)
for row in stu:
    ws.append(row)
    ws.cell(row=ws.max_row, column=2).number_format = "@"
    ws.cell(row=ws.max_row, column=4).number_format = "yyyy-mm-dd"
    ws.cell(row=ws.max_row, column=5).number_format = "yyyy-mm-dd"
bad_r = stu.index(bad_row) + 2
expect("ID009", f"身份证号码 {bad_row[1]} 只有17位", file=F_STU, row=bad_r)
COUNTS[F_STU] = f"{len(stu)} rows"
finish_xlsx(wb, OUT / F_STU)

# ----------------------------------------------------------------------------- DQ001: township sheet without ID column
live = []
for i, e in enumerate([e for e in K[2]["roster"] if e["p"].get("town") == "兴隆镇"][:8] or K[2]["roster"][:8], 1):
    live.append([i, e["p"]["name"], e["p"].get("village", ""), "300", "2019/4/20", "生活费补贴", ""])
if len(live) < 8:
    for e in K[2]["roster"][len(live):8]:
        live.append([len(live) + 1, e["p"]["name"], e["p"].get("village", ""), "300", "2019/4/20", "生活费补贴", ""])
write_csv(OUT / F_LIVE, ["序号", "姓名", "村组", "发放金额", "发放日期", "补贴项目", "领取人签字"], live, "gb18030")
expect("DQ001", "乡镇报送的生活费补贴发放表缺少身份证号码列（必需列）", file=F_LIVE)
COUNTS[F_LIVE] = f"{len(live)} rows (GB18030), no ID column"

# ----------------------------------------------------------------------------- expected.jsonl + README
for e in EXPECTED:
    if "class_" in e:
        e["class"] = e.pop("class_")
order = list(SEV)
with open(OUT / "expected.jsonl", "w", encoding="utf-8", newline="\n") as f:
    for e in EXPECTED:
        keys = ["code", "severity", "person", "class", "file", "sheet", "row"]
        o = {k: e[k] for k in keys if k in e}
        o.update({k: v for k, v in e.items() if k not in o})
        f.write(json.dumps(o, ensure_ascii=False) + "\n")


def where(e):
    bits = []
    if "file" in e:
        bits.append(e["file"] + (f" / {e['sheet']}" if "sheet" in e else "") + (f" 行{e['row']}" if "row" in e else ""))
    return "; ".join(bits)


def ledger_pos(pid):
    for en in ENR:
        if en["p"]["id"] == pid and "ledger_row" in en:
            return f"台账 {en['ledger_row'][0]} 行{en['ledger_row'][1]}"
    return ""


lines = []
for e in EXPECTED:
    who = e.get("person", "")
    if who and who in BY_ID:
        who = f"{BY_ID[who]['name']} {who}"
    elif who == ghost_reg["id"]:
        who = f"{ghost_reg['name']} {who}"
    cls = e.get("class", "") or ",".join(e.get("classes", []))
    loc = where(e) or ledger_pos(e.get("person", ""))
    lines.append(f"| {e['code']} | {e['severity']} | {'是' if e['planted'] else '后果'} | {who} | {cls} | {loc} | {e['note']} |")

from collections import Counter
cnt = Counter(e["code"] for e in EXPECTED)
neg_lines = [f"| {a} | {b} | {c} | {d} |" for a, b, c, d in NEG]
readme = f"""# TrainAudit demo corpus: 宁夏固原市西吉县 2019

Generated by `corpus/make_demo.py` (Python 3.11 + openpyxl + xlwt 1.3, `random.Random(20190301)`;
xlsx zip entry dates and docProps fixed, and xlwt writes no dates, so a rerun gives byte-identical
files). All people, IDs, phones
and accounts are synthetic (IDs carry correct GB 11643 check digits unless planted otherwise).
Rule pack for this county: `guyuan` (20–30 days, ≥ 6 学时/天, 实操 ≥ 2/3, ≤ 50 人/班,
培训合格证书 800 元, 机动车驾驶 < 50 岁).

## Files

| file | what it is | size |
|---|---|---|
| `{F_REG}` | 建档立卡贫困人口 national-system extract (title row above the header; 数据日期 2019-12-31) | {COUNTS[F_REG]} |
| `{F_CLS}` | 开班备案表: one row per class | {COUNTS[F_CLS]} |
| `{F_LED}` | 培训台账: sheets 第一季度…第四季度 (title row, 填报单位 row, two-row merged header, data, 合计, footer); 第一/第三季度 keep 培训期限 in one text cell, 第二/第四季度 split it into 起/止 date cells; 第二季度 repeats the header in the middle; 备注 is an extra column; plus a 填表说明 sheet with no table | {COUNTS[F_LED]} |
| `{F_LED_XLS}` | one institution's own 培训台账 as Excel 97-2003 .xls (xlwt, BIFF8): the county layout (title, 填报单位, merged two-row header, 起/止 date cells, 合计, footer) for its class, which is not in the county ledger | {COUNTS[F_LED_XLS]} |
| `{F_ATT}` | 人脸识别 sign-ins, GB18030, CRLF: one row per trainee per class day per session (上午/下午), one device per class | {COUNTS[F_ATT]} |
| `{F_PAPER}` | paper sign-in sheet of XJ-2019-09 typed in (签到时间 like 8:05, 手签, no device); this class has no face records | {COUNTS[F_PAPER]} |
| `{F_PAY}` | 培训补贴发放明细, GB18030: one line per passed trainee per class, paid 2–6 weeks after the class ended; failed trainees (鉴定 0/不合格) get 0 yuan and no payment line | {COUNTS[F_PAY]} |
| `{F_TGT}` | 任务分解表 for the five Guyuan counties (西吉县 is this corpus) | {COUNTS[F_TGT]} |
| `{F_FIN}` | watchlist 财政供养人员 (UTF-8 with BOM) | {COUNTS[F_FIN]} |
| `{F_STU}` | watchlist 在校生 (dates as date cells) | {COUNTS[F_STU]} |
| `{F_LIVE}` | a township's 生活费补贴 sheet with no ID column (GB18030) | {COUNTS[F_LIVE]} |
| `expected.jsonl` | the findings the analyzer must produce (every medium-or-above one, plus the planted low/info ones); `planted: false` marks a consequence of another planted case | {len(EXPECTED)} lines |

Messy-but-valid cells (must be normalised, never reported above low): IDs with a leading
apostrophe, spaces inside, full-width digits, lower-case x (台账 and 发放明细), a `.0` suffix
(发放明细); names with spaces (台账) and a full-width space (发放明细); amounts `1,600`,
`1,200`, `800元`, `８００`; 发放日期 as 2019-04-20 / 2019/4/20 / 2019年4月20日 / 20190420 per
batch; 培训期限 as `2019.3.4-2019.3.28` and `2019年3月11日至4月4日`; Excel date cells.
PRX004 (photo/signature hash) is not planted: no file has a hash column.
The paper sheet has no device column and minute-precision times: PRX001 (burst per device) must
not be applied to it.

## Expected findings ({len(EXPECTED)}; by code: {dict(sorted(cnt.items()))})

| code | severity | planted? | person | class | where | why |
|---|---|---|---|---|---|---|
""" + "\n".join(lines) + """

Fields of `expected.jsonl`: `code`, `severity`, the subject (`person` = the 18-digit ID as read
after cleaning, `class`, `file` with `sheet`/`row`), sometimes `persons`/`classes` (all people or
classes involved when a finding concerns several; `person`/`class` is then the first of them),
`device`, `phone`, `account`, `teacher`, `days`, `skipped`; `planted` (false = consequence of another
planted case) and `note`. Low/info lines are there only for what was planted on purpose (the
analyzer may report more low/info, e.g. DQ002 for the blank 培训等级 of 专项/农业/驾驶 classes).

`corpus/verify_demo.py` re-reads these files independently (openpyxl, and xlrd for the .xls) (not the generator's state), computes
the checks in a simple way and compares with `expected.jsonl` both ways; it passes.

## Negative cases (must NOT be reported at medium or above)

| case | person | class | why it is fine |
|---|---|---|---|
""" + "\n".join(neg_lines) + """
| 同户共用一卡通 | several | all | people of one household sometimes paid to one account: allowed, no DUP005 |
| 缺勤1–2次 | many | all | normal absence, no PRX005 |
| 同一教师不重叠 | 马国强 | XJ-2019-01, XJ-2019-11 | same teacher, periods do not overlap: no SCH002 |
| 同一设备 ≥ 8 秒 | all | face classes | consecutive sign-ins on one device are ≥ 8 s apart; only XJ-2019-02's planted burst is closer |

## Notes and open points

- PAY: eight planted cases (PAY001 1,600 yuan for a 培训合格证书 class, PAY002 a failed trainee paid,
  PAY003 a XJ-2019-07 trainee who signed in to 10 of 30 sessions and was paid in full, PAY004 a
  registered person on no roster paid for XJ-2019-08, PAY005 paid before the class ended, PAY006
  paid twice for one class, PAY007 740 yuan where the class and the standard pay 800, PAY008 an
  account held by a stranger; the 发放明细 has a 户名 column). The messy amounts (`1,600`,
  `800元`, `８００`) read as the class's amount. The PAY003 plant changes which sign-ins the
  generator draws after it, so the attendance times differ from the corpus before it.
- ID010: one ledger ID is a number cell holding all 18 digits (as an exporter that keeps
  integers writes it: openpyxl would write a float, so the generator writes the integer into the
  sheet XML). DQ012: `2019年培训补贴发放明细_第二批补报.csv` re-sends XJ-2019-07's payment rows, renumbered; they are one
  record each with the originals, so no DUP004 and no money counted twice.
- The ID001 typo and the ID004 lost IDs are inferred (the registry holds exactly one person of the
  name whose ID agrees): the findings name the inferred ID, and the typo is not also REG001,
  PRX005 and PRX006 as it was before.
- The ID004 person's payment line also carries the mangled ID (`6.40422E+17`), so no payment is
  joinable to a person who is on no roster.
- DQ005 (XJ-2019-11, one row) swaps start and end in that row's 培训期限; the class register
  still has the right period, which the schedule checks should use.
- TGT002 (low): 西吉县's 2019 target is a little above the distinct trainees (see the file table), so
  the county falls short; the analyzer gives the seed-000 score, as reported and with the trainees
  with high or critical findings set aside. TGT003 (employment) needs a pack with an employment
  floor (luzhou), not guyuan.
- The registry extract is a little larger per household than a typical extract (the county's
  trainees are drawn from it, so it must hold enough eligible 18–57-year-olds).
- The ID001 trainee has her own phone and account: with the typo the ID has no registry household,
  so a shared household phone/account would have added PRX003/DUP005 (verify_demo.py caught this).
- ID002 (2月30日) is the same in every table, so it joins; no age can be computed from that ID
  (ledger age column filled by the office), so no REG003/ID007 is expected for it.
"""
(OUT / "README.md").write_text(readme, encoding="utf-8")
print("wrote", OUT)
for k, v in COUNTS.items():
    print(f"  {k}: {v}")
print("  expected.jsonl:", len(EXPECTED), dict(sorted(cnt.items())))
