#!/usr/bin/env python3
"""Writes the table-finding fixtures: a training ledger as Excel on Chinese Windows
saves CSV (GB18030, CRLF, quoted amount with a thousands separator, a 合计 row)."""
import os

here = os.path.dirname(os.path.abspath(__file__))
rows = [
    "姓名,身份证号码,培训职业(工种)或专项职业能力,开班日期,结业日期,培训学时,培训和鉴定补贴金额(元),班级编号",
    '马小军,640422199001010017,中式烹调师,2019-03-01,2019-03-25,150,"1,600",XJ-2019-01',
    "阿依古丽•买买提,11010519491231002X,中式面点师,2019/3/1,2019年3月25日,150,1600元,XJ-2019-01",
    "合计,,,,,300,3200,",
]
with open(os.path.join(here, "roster_gb18030.csv"), "w", encoding="gb18030", newline="") as f:
    f.write("\r\n".join(rows) + "\r\n")
