#!/usr/bin/env python3
"""Writes the .xls (BIFF8) test fixtures into xls/ beside this script.

Run from anywhere: python3 Tests/Fixtures/ingest/make_xls_fixtures.py
Needs xlwt 1.3 (PyPI) and LibreOffice Calc (`soffice`, Debian libreoffice-calc-nogui);
the tests read only the committed files.

Three kinds of file:
- xlwt_*.xls: written by xlwt (shared strings, RK/NUMBER, MERGEDCELLS, DATEMODE).
- calc_*.xls: written by LibreOffice Calc from the xlsx fixtures of make_fixtures.py and
  from xlwt sources, with a profile that recalculates on load (Calc's headless export
  otherwise writes string formula results as 0); calc_formulas.xlsx is the same source
  converted to xlsx, for the xls/xlsx comparison.
- hand_*.xls and hostile/*: built here byte by byte (a minimal compound file around BIFF8
  records): what no writer at hand produces (GBK byte strings under CODEPAGE 936, SST
  strings split across CONTINUE, FILEPASS, BIFF5: LibreOffice 7.4 no longer exports
  "MS Excel 95"), and damaged containers.

The tests state their expected cells by hand from what this script writes.
"""
import datetime
import os
import shutil
import struct
import subprocess
import tempfile

import xlwt

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "xls")


def path(name):
    return os.path.join(OUT, name)


def write_bytes(name, data):
    os.makedirs(os.path.dirname(path(name)), exist_ok=True)
    with open(path(name), "wb") as f:
        f.write(data)


# ---------------------------------------------------------------- xlwt

def xlwt_basic():
    # The table of basic.xlsx (make_fixtures.py), cell for cell.
    wb = xlwt.Workbook()
    ws = wb.add_sheet("花名册")
    for c, v in enumerate(["姓名", "身份证号", "金额", "备注"]):
        ws.write(0, c, v)
    for c, v in enumerate(["张三", "510502199001011234", 1600, "合格"]):
        ws.write(1, c, v)
    ws.write(2, 0, "李四")
    ws.write(2, 1, 510502199001011234)   # an 18-digit ID typed as a number
    ws.write(2, 2, 1600.5)
    ws.write(4, 0, "王五")
    ws.write(4, 1, 123456789012345)
    ws.write(4, 4, 1234567890123456)
    ws.write(5, 0, 0.1)
    ws.write(5, 1, -42)
    ws.write(5, 2, True)
    ws.write(5, 3, "a&b <c>")
    wb.save(path("xlwt_basic.xls"))


def xlwt_dates():
    for name, in1904 in [("xlwt_dates.xls", False), ("xlwt_dates1904.xls", True)]:
        wb = xlwt.Workbook()
        wb.dates_1904 = in1904
        ws = wb.add_sheet("日期")
        ws.write(0, 0, datetime.date(2016, 3, 5), xlwt.easyxf(num_format_str="yyyy-mm-dd"))
        ws.write(1, 0, datetime.datetime(2016, 3, 5, 8, 30, 15), xlwt.easyxf(num_format_str="yyyy-mm-dd hh:mm:ss"))
        ws.write(2, 0, datetime.time(8, 30), xlwt.easyxf(num_format_str="hh:mm"))
        ws.write(3, 0, 42434, xlwt.easyxf(num_format_str="M/D/YY"))     # built-in 14
        ws.write(4, 0, 42434)
        ws.write(5, 0, 42434, xlwt.easyxf(num_format_str='yyyy"年"m"月"d"日"'))
        ws.write(6, 0, 1600, xlwt.easyxf(num_format_str="0.00"))
        ws.write(7, 0, 1600, xlwt.easyxf(num_format_str='[Red]#,##0.00;"-"'))
        ws.write(8, 0, 1600, xlwt.easyxf(num_format_str='#,##0"元"'))
        wb.save(path(name))


def xlwt_merged():
    # The table of merged.xlsx: merged title, unit and footer rows, a two-row header.
    wb = xlwt.Workbook()
    ws = wb.add_sheet("第一期")
    ws.write_merge(0, 0, 0, 4, "泸州市农村建卡贫困户劳动者培训就业月台账")
    ws.write_merge(1, 1, 0, 4, "填报单位（章）：某某职业培训学校")
    ws.write_merge(2, 3, 0, 0, "序号")
    ws.write_merge(2, 3, 1, 1, "姓名")
    ws.write_merge(2, 2, 2, 3, "培训期限")
    ws.write(3, 2, "起")
    ws.write(3, 3, "止")
    ws.write_merge(2, 3, 4, 4, "补贴金额（元）")
    for r, row in [(4, [1, "张三", "2016.3.1", "2016.3.25", 1600]), (5, [2, "李四", "2016.3.1", "2016.3.25", 800])]:
        for c, v in enumerate(row):
            ws.write(r, c, v)
    ws.write_merge(7, 7, 0, 4, "负责人：王五    联系电话：13800000000")
    ws2 = wb.add_sheet("第二期")
    ws2.write(0, 0, "姓名")
    ws2.write(0, 2, "金额")
    ws2.write(1, 0, "赵六")
    ws2.write(1, 2, 900)
    wb.save(path("xlwt_merged.xls"))


LARGE_ROWS = 60000


def large_id(k):
    """A synthetic 18-digit ID for row k (check digit computed), the test recomputes it."""
    body = "640422%08d%03d" % (19600101 + (k % 28), k % 1000)
    weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    total = sum(int(d) * w for d, w in zip(body, weights))
    return body + "10X98765432"[total % 11]


def xlwt_large():
    # 60,000 data rows under a header: 序号 (number), 姓名 (shared strings), 身份证号 (text).
    wb = xlwt.Workbook()
    ws = wb.add_sheet("台账")
    for c, v in enumerate(["序号", "姓名", "身份证号"]):
        ws.write(0, c, v)
    names = ["张三", "李四", "王五", "马福", "赵六", "穆宝志", "阿依古丽·买买提"]
    for k in range(1, LARGE_ROWS + 1):
        ws.write(k, 0, k)
        ws.write(k, 1, names[k % len(names)])
        ws.write(k, 2, large_id(k))
    wb.save(path("xlwt_large.xls"))


def xlwt_formula_source(name):
    # Formulas for Calc to compute and cache (xlwt itself stores no results).
    wb = xlwt.Workbook()
    ws = wb.add_sheet("公式")
    for c, v in enumerate(["姓名", "学时", "补贴", "合格", "说明", "错误", "空", "日均"]):
        ws.write(0, c, v)
    ws.write(1, 0, "张三")
    ws.write(1, 1, 120)
    ws.write(1, 2, xlwt.Formula("B2*10"))                          # number
    ws.write(1, 3, xlwt.Formula("B2>=100"))                        # boolean
    ws.write(1, 4, xlwt.Formula('IF(B2>=100;"合格";"不合格")'))     # string (STRING record)
    ws.write(1, 5, xlwt.Formula("1/0"))                            # error
    ws.write(1, 6, xlwt.Formula('""'))                             # empty string
    ws.write(1, 7, xlwt.Formula("B2/7"))                           # 17.142857142857142: Calc's xlsx keeps 15 digits
    ws.write(2, 0, "李四")
    ws.write(2, 1, 80)
    ws.write(2, 2, xlwt.Formula("B3*10"))
    ws.write(2, 3, xlwt.Formula("B3>=100"))
    ws.write(2, 4, xlwt.Formula('A3&"（"&IF(B3>=100;"合格";"不合格")&"）"'))
    ws.write(2, 5, xlwt.Formula("NA()"))
    ws.write(2, 7, xlwt.Formula("B3/3"))                           # 26.666666666666668
    ws.write(3, 0, "合计")
    ws.write(3, 2, xlwt.Formula("SUM(C2:C3)"))
    ws.write(3, 4, xlwt.Formula('REPT("长";300)'))                 # a long string result
    wb.save(name)


# ---------------------------------------------------------------- LibreOffice Calc

RECALC_PROFILE = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
"""


def soffice(src, fmt, outdir, profile):
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    subprocess.run([exe, "-env:UserInstallation=file://" + profile, "--headless", "--calc",
                    "--convert-to", fmt, "--outdir", outdir, src], check=True, capture_output=True)


def calc_workbooks():
    with tempfile.TemporaryDirectory() as tmp:
        profile = os.path.join(tmp, "profile")
        os.makedirs(os.path.join(profile, "user"))
        with open(os.path.join(profile, "user", "registrymodifications.xcu"), "w") as f:
            f.write(RECALC_PROFILE)
        out = os.path.join(tmp, "out")
        for src in ["basic.xlsx", "merged.xlsx", "dates.xlsx", "date1904.xlsx"]:
            soffice(os.path.join(HERE, src), "xls:MS Excel 97", out, profile)
            shutil.copyfile(os.path.join(out, src.replace(".xlsx", ".xls")), path("calc_" + src.replace(".xlsx", ".xls")))
        # The demo county's ledger (corpus/demo, openpyxl) saved by Calc as .xls: read
        # through the loader, it must give the records the xlsx gives.
        demo = os.path.join(HERE, "..", "..", "..", "corpus", "demo", "西吉县2019年精准脱贫技能培训台账.xlsx")
        shutil.copyfile(demo, os.path.join(tmp, "demo_ledger.xlsx"))
        soffice(os.path.join(tmp, "demo_ledger.xlsx"), "xls:MS Excel 97", out, profile)
        shutil.copyfile(os.path.join(out, "demo_ledger.xls"), path("calc_demo_ledger.xls"))
        # Formulas: the xlsx goes through Calc first, so the xls and the xlsx come from
        # one recalculated document.
        xlwt_formula_source(os.path.join(tmp, "formulas.xls"))
        soffice(os.path.join(tmp, "formulas.xls"), "xlsx:Calc MS Excel 2007 XML", out, profile)
        shutil.copyfile(os.path.join(out, "formulas.xlsx"), path("calc_formulas.xlsx"))
        soffice(os.path.join(out, "formulas.xlsx"), "xls:MS Excel 97", out, profile)
        shutil.copyfile(os.path.join(out, "formulas.xls"), path("calc_formulas.xls"))


# ---------------------------------------------------------------- by hand

def record(rtype, payload=b""):
    return struct.pack("<HH", rtype, len(payload)) + payload


def bof(dt):
    # BIFF8 BOF: version 0x0600, substream type, build, year, history flags, lowest version.
    return record(0x0809, struct.pack("<HHHHII", 0x0600, dt, 0x0DBB, 0x07CC, 0, 0x0206))


def xl_string(text, count_bytes=2):
    """XLUnicodeString: 16-bit chars unless Latin-1 fits."""
    try:
        data = text.encode("latin-1")
        flags = 0
    except UnicodeEncodeError:
        data = text.encode("utf-16-le")
        flags = 1
    n = len(text) if flags == 0 else len(data) // 2
    return struct.pack("<H" if count_bytes == 2 else "<B", n) + bytes([flags]) + data


def cell_header(row, col, xf=15):
    return struct.pack("<HHH", row, col, xf)


def workbook_stream(globals_records, sheets):
    """Globals then each sheet's records, BOUNDSHEET offsets filled in."""
    names = [n for n, _ in sheets]
    bodies = [bof(0x0010) + b"".join(recs) + record(0x000A) for _, recs in sheets]

    def boundsheets(offsets):
        out = b""
        for name, off in zip(names, offsets):
            out += record(0x0085, struct.pack("<IBB", off, 0, 0) + xl_string(name, 1))
        return out

    head = bof(0x0005) + b"".join(globals_records)
    glob_len = len(head) + len(boundsheets([0] * len(names))) + len(record(0x000A))
    offsets = []
    pos = glob_len
    for b in bodies:
        offsets.append(pos)
        pos += len(b)
    return head + boundsheets(offsets) + record(0x000A) + b"".join(bodies)


def compound_file(streams, version=3):
    """A compound file holding `streams` (name -> bytes), each padded to at least 4096
    bytes so none goes to the mini stream: version 3 has 512-byte sectors, version 4
    4096-byte ones."""
    ss = 512 if version == 3 else 4096
    sectors = []       # data sectors after the header
    fat = []
    entries = []
    for name, data in streams:
        size = len(data)
        if size < 4096:
            data = data + b"\0" * (4096 - size)
            size = 4096
        data += b"\0" * (-len(data) % ss)
        start = len(sectors)
        n = len(data) // ss
        for k in range(n):
            sectors.append(data[k * ss:(k + 1) * ss])
            fat.append(start + k + 1 if k + 1 < n else 0xFFFFFFFE)
        entries.append((name, 2, start, size))
    # Directory: one sector of four entries (root + up to 3 streams).
    assert len(entries) <= 3
    dir_start = len(sectors)
    fat.append(0xFFFFFFFE)
    fat_start = dir_start + 1
    fat.append(0xFFFFFFFD)  # the FAT's own sector

    def entry(name, kind, start, size, child=0xFFFFFFFF, right=0xFFFFFFFF):
        raw = name.encode("utf-16-le") + b"\0\0"
        return (raw.ljust(64, b"\0") + struct.pack("<HBB", len(raw), kind, 1)
                + struct.pack("<III", 0xFFFFFFFF, right, child) + b"\0" * 16 + b"\0" * 4 + b"\0" * 16
                + struct.pack("<IIi", start, size, 0))
    d = entry("Root Entry", 5, 0xFFFFFFFE, 0, child=1)
    for k, (name, kind, start, size) in enumerate(entries):
        right = k + 2 if k + 1 < len(entries) else 0xFFFFFFFF
        d += entry(name, kind, start, size, right=right)
    d = d.ljust(ss, b"\0")
    assert len(fat) <= ss // 4
    fat_sector = b"".join(struct.pack("<I", v) for v in fat).ljust(ss, b"\xff")
    sectors += [d, fat_sector]
    header = (bytes.fromhex("D0CF11E0A1B11AE1") + b"\0" * 16
              + struct.pack("<HHHHH", 0x3E, version, 0xFFFE, 9 if version == 3 else 12, 6) + b"\0" * 6
              + struct.pack("<IIIIIIIII", 0 if version == 3 else 1, 1, dir_start, 0, 4096, 0xFFFFFFFE, 0, 0xFFFFFFFE, 0)
              + struct.pack("<I", fat_start) + b"\xff" * 4 * 108)
    assert len(header) == 512
    return header.ljust(ss, b"\0") + b"".join(sectors)


XF_GENERAL = record(0x00E0, struct.pack("<HHHBBBBIIH", 0, 0, 0x0001, 0x20, 0, 0, 0, 0, 0, 0x20C0))


def sst(strings_bytes, count):
    return struct.pack("<II", count, count) + strings_bytes


def hand_gbk():
    # CODEPAGE 936 with 8-bit strings holding GBK bytes, as some Chinese exporters write
    # BIFF8: an SST string, a LABEL, and a sheet name.
    def gbk_string(text, count_bytes=2):
        data = text.encode("gbk")
        return struct.pack("<H" if count_bytes == 2 else "<B", len(data)) + b"\0" + data
    strings = gbk_string("姓名") + gbk_string("张三")
    globals_records = [record(0x0042, struct.pack("<H", 936))] + [XF_GENERAL] * 16 + [
        record(0x00FC, sst(strings, 2))]
    sheet = [
        record(0x00FD, cell_header(0, 0) + struct.pack("<I", 0)),
        record(0x0204, cell_header(0, 1) + gbk_string("培训机构")),
        record(0x00FD, cell_header(1, 0) + struct.pack("<I", 1)),
        record(0x0204, cell_header(1, 1) + gbk_string("西吉县职教中心")),
        record(0x0204, cell_header(1, 2) + struct.pack("<H", 4) + b"\0" + "café".encode("latin-1")),
    ]
    stream = workbook_stream(globals_records, [("Sheet1", sheet)])
    # The sheet name in GBK bytes as well.
    name = "台账".encode("gbk")
    # Same record length: 6 Latin-1 characters become 4 GBK bytes and two NULs after them.
    stream = stream.replace(b"\x06\x00Sheet1", bytes([len(name), 0]) + name + b"\0\0", 1)
    write_bytes("hand_gbk.xls", compound_file([("Workbook", stream)]))


def hand_sst_continue():
    # SST strings split across CONTINUE records: a compressed string continued as UTF-16,
    # a UTF-16 string continued compressed, a rich-text string with phonetic data whose
    # runs fall in the next CONTINUE, and a string starting right at a record boundary.
    s1 = "ABCDEFGH" + "张三"        # 8 Latin-1 chars in the SST, the rest in CONTINUE as UTF-16
    s2 = "李四abc"                   # UTF-16 in SST, continued compressed
    s3 = "阿依古丽"                  # rich + ext
    s4 = "XYZ"
    sst_payload = struct.pack("<II", 5, 4)
    sst_payload += struct.pack("<HB", len(s1), 0) + b"ABCDEFGH"
    cont1 = b"\x01" + "张三".encode("utf-16-le")
    cont1 += struct.pack("<HB", len(s2), 1) + "李四".encode("utf-16-le")
    cont2 = b"\x00" + b"abc"
    # rich (0x08) and ext (0x04): cRun = 2, cbExtRst = 10
    cont2 += struct.pack("<HBHI", len(s3), 0x0D, 2, 10) + s3.encode("utf-16-le") + b"\x00\x00\x01\x00"
    cont3 = b"\x02\x00\x00\x00" + b"P" * 10      # rest of the runs, then phonetic data
    cont4 = struct.pack("<HB", len(s4), 0) + b"XYZ"
    globals_records = [record(0x0042, struct.pack("<H", 1200))] + [XF_GENERAL] * 16 + [
        record(0x00FC, sst_payload), record(0x003C, cont1), record(0x003C, cont2),
        record(0x003C, cont3), record(0x003C, cont4)]
    sheet = [record(0x00FD, cell_header(0, c) + struct.pack("<I", c)) for c in range(4)]
    # A string formula whose STRING record runs on into a CONTINUE.
    formula = cell_header(1, 0) + b"\x00\x00\x00\x00\x00\x00\xff\xff" + b"\x00\x00" + b"\0" * 4 + struct.pack("<H", 0)
    sheet += [record(0x0006, formula),
              record(0x0207, struct.pack("<HB", 6, 0) + b"abc"), record(0x003C, b"\x01" + "合格中".encode("utf-16-le"))]
    # Cells out of row order (no writer seen does this): row 3 before row 2.
    sheet += [record(0x0203, cell_header(3, 0) + struct.pack("<d", 3.0)),
              record(0x0203, cell_header(2, 0) + struct.pack("<d", 2.0))]
    write_bytes("hand_sst_continue.xls", compound_file([("Workbook", workbook_stream(globals_records, [("续", sheet)]))]))


def hand_filepass():
    # FILEPASS right after the globals' BOF: RC4 CryptoAPI header (contents not needed).
    globals_records = [record(0x002F, struct.pack("<HHH", 1, 4, 2) + b"\0" * 48)]
    write_bytes("hand_filepass.xls", compound_file([("Workbook", workbook_stream(globals_records, [("Sheet1", [])]))]))


def hand_biff5():
    # An Excel 5.0/95 workbook: BIFF5 BOF (version 0x0500) in a "Book" stream.
    stream = record(0x0809, struct.pack("<HHHH", 0x0500, 0x0005, 0x0DBB, 0x07CC)) + record(0x000A)
    write_bytes("hand_biff5.xls", compound_file([("Book", stream)]))


def hand_rows():
    # ROW records for rows without cells (Excel writes them for a changed height or
    # format): shown as blank rows, as the xlsx reader shows <row> without <c>. In a
    # version-4 container (4096-byte sectors).
    def row(r):
        return record(0x0208, struct.pack("<HHHHHHI", r, 0, 2, 300, 0, 0, 0x0100))
    sheet = [row(r) for r in range(6)] + [
        record(0x0203, cell_header(0, 0) + struct.pack("<d", 1.0)),
        record(0x0203, cell_header(3, 1) + struct.pack("<d", 4.0)),
        row(7)]
    stream = workbook_stream([XF_GENERAL], [("行", sheet)])
    write_bytes("hand_rows_v4.xls", compound_file([("Workbook", stream)], version=4))


def hand_sheets():
    # Three BOUNDSHEETs, two at one offset (one sheet), and a first sheet whose EOF is
    # missing: its records end where the next sheet's begin.
    names = ["甲", "乙", "丙"]
    def boundsheet(name, off):
        return record(0x0085, struct.pack("<IBB", off, 0, 0) + xl_string(name, 1))
    def label(r, c, text):
        return record(0x0204, cell_header(r, c) + xl_string(text))
    head = bof(0x0005) + XF_GENERAL
    glob_len = len(head) + sum(len(boundsheet(n, 0)) for n in names) + len(record(0x000A))
    body_a = bof(0x0010) + label(0, 0, "甲表") + record(0x0200, b"")      # no EOF
    body_b = bof(0x0010) + label(0, 0, "乙表") + record(0x000A)
    offsets = [glob_len, glob_len + len(body_a), glob_len + len(body_a)]
    stream = head + b"".join(boundsheet(n, o) for n, o in zip(names, offsets)) + record(0x000A) + body_a + body_b
    write_bytes("hand_sheets.xls", compound_file([("Workbook", stream)]))


def hand_trailing_blanks():
    # Blank cells (formatted, no value) below the table: down to the last row (65,536),
    # as Calc writes a column's format, they are left out; ending earlier, they are blank
    # rows, as in an xlsx.
    for name, last in [("hand_trailing_blanks.xls", 65535), ("hand_blank_rows.xls", 99)]:
        sheet = [record(0x0203, cell_header(0, 0) + struct.pack("<d", 1.0)),
                 record(0x0203, cell_header(1, 0) + struct.pack("<d", 2.0)),
                 record(0x0201, cell_header(2, 0)), record(0x0201, cell_header(3, 1)),
                 record(0x00BE, struct.pack("<HH", last, 0) + struct.pack("<HHH", 15, 15, 15) + struct.pack("<H", 2))]
        write_bytes(name, compound_file([("Workbook", workbook_stream([XF_GENERAL], [("空", sheet)]))]))


def difat_variant():
    # xlwt's file with its FAT sector listed in a DIFAT sector instead of the header
    # (what files with more than 109 FAT sectors, about 7 MB, need).
    b = bytearray(open(path("xlwt_basic.xls"), "rb").read())
    fat_sector = struct.unpack_from("<I", b, 0x4C)[0]
    new = (len(b) - 512) // 512          # the sector to append
    difat = struct.pack("<I", fat_sector) + b"\xff" * 4 * 126 + struct.pack("<I", 0xFFFFFFFE)
    struct.pack_into("<I", b, 0x4C, 0xFFFFFFFF)
    struct.pack_into("<II", b, 0x44, new, 1)
    struct.pack_into("<I", b, (fat_sector + 1) * 512 + 4 * new, 0xFFFFFFFC)
    write_bytes("xlwt_basic_difat.xls", bytes(b) + difat)


def hand_encrypted_xlsx():
    # A password-protected .xlsx is a compound file with EncryptionInfo and
    # EncryptedPackage streams (contents not needed to name it).
    write_bytes("hand_encrypted.xlsx", compound_file([("EncryptionInfo", b"\x04\x00\x04\x00" + b"\0" * 60),
                                                     ("EncryptedPackage", b"\0" * 64)]))


def hand_not_workbook():
    # A compound file holding a Word document stream (a .doc renamed .xls).
    write_bytes("hand_word.xls", compound_file([("WordDocument", b"\xec\xa5" + b"\0" * 100)]))


def hostile():
    base = open(path("calc_basic.xls"), "rb").read()
    ss = 512
    # Truncated: the first 3,000 bytes of a sound file.
    write_bytes("hostile/truncated.xls", base[:3000])

    def u32(b, o):
        return struct.unpack_from("<I", b, o)[0]
    fat_sector = u32(base, 0x4C)
    fat_off = (fat_sector + 1) * ss
    dir_sector = u32(base, 0x30)
    # FAT loop: the directory's sector points back to itself.
    b = bytearray(base)
    struct.pack_into("<I", b, fat_off + 4 * dir_sector, dir_sector)
    write_bytes("hostile/fat_loop.xls", bytes(b))
    # The stream-level cases start from xlwt's file, whose Workbook stream is in regular
    # sectors (Calc's small ones sit in the mini stream).
    base = open(path("xlwt_basic.xls"), "rb").read()
    fat_off = (u32(base, 0x4C) + 1) * ss
    dir_sector = u32(base, 0x30)
    # Find the Workbook directory entry.
    d = (dir_sector + 1) * ss
    wb_entry = None
    for k in range(4):
        name = base[d + 128 * k:d + 128 * k + 64].decode("utf-16-le").split("\0")[0]
        if name == "Workbook":
            wb_entry = d + 128 * k
    assert wb_entry is not None
    # Out-of-range sector: the Workbook stream starts at sector 0x00FFFFF0.
    b = bytearray(base)
    struct.pack_into("<I", b, wb_entry + 0x74, 0x00FFFFF0)
    write_bytes("hostile/bad_sector.xls", bytes(b))
    # Huge declared size: the Workbook stream claims 2 GiB.
    b = bytearray(base)
    struct.pack_into("<I", b, wb_entry + 0x78, 0x7FFFFFF0)
    write_bytes("hostile/huge_size.xls", bytes(b))
    # The Workbook chain loops inside itself: its second sector points to its first.
    b = bytearray(base)
    start = u32(base, wb_entry + 0x74)
    second = u32(base, fat_off + 4 * start)
    struct.pack_into("<I", b, fat_off + 4 * second, start)
    write_bytes("hostile/stream_loop.xls", bytes(b))
    # The header declares a million FAT sectors.
    b = bytearray(base)
    struct.pack_into("<I", b, 0x2C, 1000000)
    write_bytes("hostile/many_fat_sectors.xls", bytes(b))
    # An SST declaring 2^31 strings that holds one: read as one.
    globals_records = [XF_GENERAL, record(0x00FC, struct.pack("<II", 0x7FFFFFFF, 0x7FFFFFFF) + struct.pack("<HB", 1, 0) + b"A")]
    sheet = [record(0x00FD, cell_header(0, 0) + struct.pack("<I", 0))]
    write_bytes("hostile/lying_sst.xls", compound_file([("Workbook", workbook_stream(globals_records, [("Sheet1", sheet)]))]))
    # A BOUNDSHEET pointing past the stream.
    stream = workbook_stream([XF_GENERAL], [("Sheet1", sheet)])
    k = stream.index(b"\x85\x00")
    stream = stream[:k + 4] + struct.pack("<I", 0x7FFFFFF0) + stream[k + 8:]
    write_bytes("hostile/bad_sheet_offset.xls", compound_file([("Workbook", stream)]))
    # A cell record claiming 8,000 bytes near the stream's end (it swallows the EOF).
    stream = workbook_stream([XF_GENERAL], [("Sheet1", [struct.pack("<HH", 0x0203, 8000) + b"\0" * 10])])
    write_bytes("hostile/short_record.xls", compound_file([("Workbook", stream)]))


def disguised():
    # Offices rename files: the bytes decide.
    shutil.copyfile(os.path.join(HERE, "basic.xlsx"), path("really_xlsx.xls"))
    shutil.copyfile(path("calc_basic.xls"), path("really_xls.xlsx"))
    shutil.copyfile(path("calc_basic.xls"), path("really_xls.csv"))
    shutil.copyfile(path("calc_basic.xls"), path("wps_basic.et"))
    write_bytes("html.xls", ("<html xmlns:x=\"urn:schemas-microsoft-com:office:excel\"><body><table>"
                             "<tr><td>姓名</td><td>身份证号</td></tr></table></body></html>\n").encode("utf-8"))
    write_bytes("xml2003.xls", ('<?xml version="1.0"?>\n<?mso-application progid="Excel.Sheet"?>\n'
                                '<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"></Workbook>\n').encode("utf-8"))
    write_bytes("csv_text.xls", "姓名\t身份证号\t金额\n张三\t510502199001011234\t1600\n".encode("gb18030"))


if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    xlwt_basic()
    xlwt_dates()
    xlwt_merged()
    xlwt_large()
    calc_workbooks()
    hand_gbk()
    hand_sst_continue()
    hand_filepass()
    hand_rows()
    hand_sheets()
    hand_trailing_blanks()
    difat_variant()
    hand_biff5()
    hand_not_workbook()
    hand_encrypted_xlsx()
    hostile()
    disguised()
    print("xls fixtures written to", OUT)
