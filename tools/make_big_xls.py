#!/usr/bin/env python3
"""Writes a big roster-like .xls (xlwt, BIFF8) for timing the .xls reader against the same
sheet as .xlsx (convert it with `soffice --headless --convert-to xlsx`).

Usage: python3 tools/make_big_xls.py OUT.xls [ROWS]   (default 65,000 rows, about 20 MB)
"""
import datetime
import random
import sys

import xlwt

out = sys.argv[1]
rows = int(sys.argv[2]) if len(sys.argv) > 2 else 65000
R = random.Random(1)
W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
header = ["序号", "姓名", "性别", "年龄", "身份证号码", "培训职业（工种）或专项职业能力", "培训等级", "起", "止",
          "培训学时", "鉴定或考核通过情况", "培训和鉴定补贴金额（元）", "学员手机号码", "就业去向", "班级编号", "培训机构",
          "备注", "银行账号", "开户银行", "村", "乡镇"]
wb = xlwt.Workbook()
ws = wb.add_sheet("台账")
for c, v in enumerate(header):
    ws.write(0, c, v)
date = xlwt.easyxf(num_format_str="yyyy-mm-dd")
text = xlwt.easyxf(num_format_str="@")
surnames = "马李王张杨刘陈赵黄周吴徐孙胡朱高林何郭罗"
given = "海芳明丽强燕军平英华玉兰桂花志伟德福礼义梅娟"
for k in range(1, rows + 1):
    body = "640422%04d%02d%02d%03d" % (R.randint(1960, 2000), R.randint(1, 12), R.randint(1, 28), R.randint(0, 999))
    pid = body + "10X98765432"[sum(int(d) * w for d, w in zip(body, W)) % 11]
    start = datetime.date(2019, 1, 1) + datetime.timedelta(days=R.randint(0, 330))
    vals = [k, R.choice(surnames) + R.choice(given) + R.choice(given), R.choice("男女"), R.randint(18, 59), pid,
            R.choice(["中式烹调师", "电焊工", "家政服务员", "保安员", "砌筑工"]), R.choice(["初级", "中级", ""]),
            start, start + datetime.timedelta(days=24), R.choice([120, 160, 175, 200]), R.choice([1, 0]),
            R.choice([800, 1600, 1200]), "1%010d" % R.randint(3000000000, 9999999999),
            R.choice(["县内就业", "区外务工", "待就业"]), "XJ-2019-%02d" % R.randint(1, 15),
            R.choice(["西吉县职业中学", "宁夏鑫工焊接技术培训学校", "宁夏卫安保安服务有限公司"]),
            R.choice(["", "已脱贫户", "监测户"]), "6229%015d" % R.randint(0, 10**15), "宁夏黄河农村商业银行",
            R.choice(["红庄村", "王沟村", "崖湾村"]), R.choice(["吉强镇", "兴隆镇", "平峰镇"])]
    for c, v in enumerate(vals):
        if v == "":
            continue
        if isinstance(v, datetime.date):
            ws.write(k, c, v, date)
        elif c in (4, 12, 17):
            ws.write(k, c, v, text)
        else:
            ws.write(k, c, v)
wb.save(out)
