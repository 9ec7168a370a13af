#!/usr/bin/env python3
"""Writes the ingest test fixtures (CSV and xlsx) into this folder.

Run from anywhere: python3 Tests/Fixtures/ingest/make_fixtures.py
Needs openpyxl. If LibreOffice (soffice) is installed, also writes the Calc-converted
workbooks calc_*.xlsx; otherwise the committed ones are kept.

The tests state their expected cells by hand from what this script writes.
"""
import datetime
import os
import shutil
import subprocess
import tempfile
import zipfile

import openpyxl
from openpyxl.styles import Alignment
from openpyxl.utils.datetime import CALENDAR_MAC_1904

HERE = os.path.dirname(os.path.abspath(__file__))


def path(name):
    return os.path.join(HERE, name)


def write_bytes(name, data):
    with open(path(name), "wb") as f:
        f.write(data)


# ---------------------------------------------------------------- CSV

def csv_fixtures():
    # Plain UTF-8, LF line ends, final newline.
    write_bytes("utf8.csv", "姓名,身份证号,金额\n张三,510502199001011234,1600\n李四,51050219900101123X,800\n".encode("utf-8"))
    # UTF-8 with BOM, CRLF.
    write_bytes("utf8_bom.csv", "\ufeff姓名,金额\r\n张三,1600\r\n".encode("utf-8"))
    # GB18030 with characters outside GBK (U+20000, U+3400) and common ones.
    write_bytes("gb18030.csv", "姓名,备注\r\n张三,𠀀㐀\r\n李四,培训合格\r\n".encode("gb18030"))
    # Tab separated, named .txt so the separator must be detected.
    write_bytes("tabs.txt", "姓名\t金额\t备注\n张三\t1,600\t有,逗号\n".encode("utf-8"))
    # RFC 4180: quotes, "" escapes, CRLF and LF and CR inside quotes, a blank line,
    # an empty last field, no final newline.
    write_bytes("quoted.csv", (
        '姓名,备注,金额\r\n'                  # line 1
        '"张三","他说""好""",1600\r\n'        # line 2
        '"李四","第一行\r\n第二行",800\r\n'   # lines 3-4
        '\r\n'                                # line 5: blank
        '王五,"a,b",\r\n'                     # line 6
        '"赵六","x\ny\rz",0'                  # lines 7-9, no newline at the end
    ).encode("utf-8"))
    # Old Mac line ends (CR only).
    write_bytes("cr.csv", b"a,b\rc,d\r")
    # Unterminated quote at end of file.
    write_bytes("unterminated.csv", 'a,b\n1,"open\nstill open'.encode("utf-8"))
    # Random high bytes: not UTF-8, not GB18030 (0x80 and 0xFF are no GB18030 lead bytes).
    write_bytes("unknown_encoding.csv", b"name,x\n\x80\xff\x80\xff,1\n")
    # UTF-16 (with BOM and NUL bytes).
    write_bytes("utf16.csv", "姓名,金额\n张三,1\n".encode("utf-16"))
    # NUL bytes without a BOM: binary.
    write_bytes("binary.csv", b"ab\x00cd,1\n")
    # A long field: cut in tests with a small limit.
    write_bytes("long_field.csv", "一二三四五,x\nshort,y\n".encode("utf-8"))
    # Invalid UTF-8 after the 64 KiB sample: replaced, counted, reading goes on.
    body = "n,v\n" + "张三,1\n" * 8000
    write_bytes("utf8_bad_tail.csv", body.encode("utf-8") + b"bad\xff\xfe,2\nok,3\n")
    # Invalid GB18030 after the sample.
    body = "n,v\n" + "张三,1\n" * 10000
    write_bytes("gb18030_bad_tail.csv", body.encode("gb18030") + b"bad\xff,2\n")
    # GB18030 whose first 64 KiB are plain ASCII: the encoding is decided further on.
    body = "id,name\n" + "1,abc\n" * 12000 + "2,张三\n"
    write_bytes("ascii_head_gb18030.csv", body.encode("gb18030"))


# ---------------------------------------------------------------- xlsx (openpyxl)

def basic_workbook():
    # openpyxl 3.1 writes strings inline (t="inlineStr"), not as shared strings; the
    # Calc-converted calc_basic.xlsx and the hand-written inline.xlsx cover shared strings.
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "花名册"
    ws.append(["姓名", "身份证号", "金额", "备注"])
    ws.append(["张三", "510502199001011234", 1600, "合格"])
    ws.append(["李四", 510502199001011234, 1600.5, None])   # 18-digit number cell
    ws["A5"] = "王五"          # row 4 left out; C5 and D5 empty, B5 and E5 set
    ws["B5"] = 123456789012345   # 15 digits: kept
    ws["E5"] = 1234567890123456  # 16 digits: scientific
    ws["A6"] = 0.1
    ws["B6"] = -42
    ws["C6"] = True
    ws["D6"] = "a&b <c>"
    wb.save(path("basic.xlsx"))


def dates_workbook():
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "日期"
    ws["A1"] = datetime.date(2016, 3, 5)
    ws["A1"].number_format = "yyyy-mm-dd"
    ws["A2"] = datetime.datetime(2016, 3, 5, 8, 30, 15)
    ws["A2"].number_format = "yyyy-mm-dd hh:mm:ss"
    ws["A3"] = datetime.time(8, 30)
    ws["A3"].number_format = "hh:mm"
    ws["A4"] = 42434
    ws["A4"].number_format = "mm-dd-yy"           # built-in id 14
    ws["A5"] = 42434                               # General: a number
    ws["A6"] = 42434
    ws["A6"].number_format = 'yyyy"年"m"月"d"日"'
    ws["A7"] = 1600
    ws["A7"].number_format = "0.00"
    ws["A8"] = 1600
    ws["A8"].number_format = '[Red]#,##0.00;"-"'
    ws["A9"] = 1600
    ws["A9"].number_format = '#,##0"元"'
    wb.save(path("dates.xlsx"))

    wb = openpyxl.Workbook()
    wb.epoch = CALENDAR_MAC_1904
    ws = wb.active
    ws["A1"] = datetime.date(2016, 3, 5)
    ws["A1"].number_format = "yyyy-mm-dd"
    wb.save(path("date1904.xlsx"))
    with zipfile.ZipFile(path("date1904.xlsx")) as z:
        assert b'date1904="1"' in z.read("xl/workbook.xml") or b"date1904=\"true\"" in z.read("xl/workbook.xml")
        assert b"<v>40972</v>" in z.read("xl/worksheets/sheet1.xml")


def merged_workbook():
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "第一期"
    ws["A1"] = "泸州市农村建卡贫困户劳动者培训就业月台账"
    ws.merge_cells("A1:E1")
    ws["A2"] = "填报单位（章）：某某职业培训学校"
    ws.merge_cells("A2:E2")
    ws["A3"] = "序号"
    ws.merge_cells("A3:A4")
    ws["B3"] = "姓名"
    ws.merge_cells("B3:B4")
    ws["C3"] = "培训期限"
    ws.merge_cells("C3:D3")
    ws["C4"] = "起"
    ws["D4"] = "止"
    ws["E3"] = "补贴金额（元）"
    ws.merge_cells("E3:E4")
    ws.append([1, "张三", "2016.3.1", "2016.3.25", 1600])     # row 5
    ws.append([2, "李四", "2016.3.1", "2016.3.25", 800])      # row 6
    ws["A8"] = "负责人：王五    联系电话：13800000000"     # row 7 left empty
    ws.merge_cells("A8:E8")
    ws["A1"].alignment = Alignment(horizontal="center")
    ws2 = wb.create_sheet("第二期")
    ws2["A1"] = "姓名"
    ws2["C1"] = "金额"       # B1 skipped
    ws2["A2"] = "赵六"
    ws2["C2"] = 900
    wb.save(path("merged.xlsx"))


# ---------------------------------------------------------------- xlsx (by hand)

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    '</Types>')
ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
    '</Relationships>')
# A prefixed SpreadsheetML namespace (x:) as some writers emit.
WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<x:workbook xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<x:sheets><x:sheet name="内联&amp;字符串" sheetId="1" r:id="rId7"/></x:sheets></x:workbook>')
# Absolute target, and shared strings found by relationship type.
WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId7" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/sheet1.xml"/>'
    '<Relationship Id="rId8" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="strings/ss.xml"/>'
    '</Relationships>')
SHARED = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="2" uniqueCount="2">'
    '<si><t xml:space="preserve"> 张 三 </t></si>'
    '<si><r><rPr><b/></rPr><t>阿依古丽</t></r><r><t>·买买提</t></r>'
    '<rPh sb="0" eb="1"><t>アイ</t></rPh><phoneticPr fontId="1"/></si>'
    '</sst>')
SHEET_INLINE = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    '<x:sheetData>'
    '<x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>姓名</x:t></x:is></x:c>'
    '<x:c r="B1" t="inlineStr"><x:is><x:r><x:t>身份</x:t></x:r><x:r><x:t>证号</x:t></x:r></x:is></x:c></x:row>'
    '<x:row r="2"><x:c r="A2" t="s"><x:v>0</x:v></x:c><x:c r="B2" t="s"><x:v>1</x:v></x:c></x:row>'
    # Cells without r attributes; entities and character references; str, e and b types.
    '<x:row r="4"><x:c t="inlineStr"><x:is><x:t>a&amp;b&lt;c&gt;&quot;&apos;&#20013;&#x6587;</x:t></x:is></x:c>'
    '<x:c t="str"><x:f>A1&amp;"x"</x:f><x:v>姓名x</x:v></x:c>'
    '<x:c t="e"><x:v>#N/A</x:v></x:c><x:c t="b"><x:v>0</x:v></x:c></x:row>'
    '<x:row r="5"><x:c r="AA5"><x:v>7</x:v></x:c></x:row>'
    '<x:row r="6"><x:c r="A6" t="inlineStr"><x:is><x:t><![CDATA[<raw> & text]]></x:t></x:is></x:c></x:row>'
    # Excel's _xHHHH_ escapes: CR, and an escaped underscore; _x12_ is no escape.
    '<x:row r="7"><x:c r="A7" t="inlineStr"><x:is><x:t>一_x000D_\n二</x:t></x:is></x:c>'
    '<x:c r="B7" t="inlineStr"><x:is><x:t>_x005F_x0041_ _x12_</x:t></x:is></x:c></x:row>'
    '</x:sheetData></x:worksheet>')


def hand_zip(name, parts):
    with zipfile.ZipFile(path(name), "w", zipfile.ZIP_DEFLATED) as z:
        for part, text in parts:
            z.writestr(part, text if isinstance(text, bytes) else text.encode("utf-8"))


def declare_size(name, part, size):
    """Overwrites the uncompressed-size fields of `part` in a zip's headers."""
    import struct
    data = bytearray(open(path(name), "rb").read())
    with zipfile.ZipFile(path(name)) as z:
        info = z.getinfo(part)
    # Local header: the size is at offset 22.
    struct.pack_into("<I", data, info.header_offset + 22, size)
    # Central directory record: the size is at offset 24.
    needle = b"PK\x01\x02"
    i = data.find(needle)
    while i >= 0:
        n = struct.unpack_from("<H", data, i + 28)[0]
        if data[i + 46:i + 46 + n] == part.encode():
            struct.pack_into("<I", data, i + 24, size)
        i = data.find(needle, i + 4)
    write_bytes(name, bytes(data))


def hand_workbooks():
    hand_zip("inline.xlsx", [
        ("[Content_Types].xml", CONTENT_TYPES),
        ("_rels/.rels", ROOT_RELS),
        ("xl/workbook.xml", WORKBOOK),
        ("xl/_rels/workbook.xml.rels", WORKBOOK_RELS),
        ("xl/strings/ss.xml", SHARED),
        ("xl/worksheets/sheet1.xml", SHEET_INLINE),
    ])
    simple_rels = WORKBOOK_RELS.replace('<Relationship Id="rId8" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="strings/ss.xml"/>', "")
    # A DOCTYPE with an entity in the sheet: must be refused, never expanded.
    evil_sheet = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<!DOCTYPE x [<!ENTITY boom "BOOMBOOMBOOM">]>'
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
        '<row r="1"><c r="A1" t="inlineStr"><is><t>&boom;</t></is></c></row></sheetData></worksheet>')
    hand_zip("doctype.xlsx", [
        ("[Content_Types].xml", CONTENT_TYPES),
        ("_rels/.rels", ROOT_RELS),
        ("xl/workbook.xml", WORKBOOK),
        ("xl/_rels/workbook.xml.rels", simple_rels),
        ("xl/worksheets/sheet1.xml", evil_sheet),
    ])
    # An entry that inflates to 4 MiB of whitespace from a few KiB.
    big_sheet = (
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
        '<row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row>'
        + ' ' * (4 << 20) + '</sheetData></worksheet>')
    hand_zip("bomb.xlsx", [
        ("[Content_Types].xml", CONTENT_TYPES),
        ("_rels/.rels", ROOT_RELS),
        ("xl/workbook.xml", WORKBOOK),
        ("xl/_rels/workbook.xml.rels", simple_rels),
        ("xl/worksheets/sheet1.xml", big_sheet),
    ])
    # The same sheet with its zip headers lying: 100 bytes declared (local and central
    # headers), 4 MiB actual. Only counting bytes while inflating catches it.
    hand_zip("lying_size.xlsx", [
        ("[Content_Types].xml", CONTENT_TYPES),
        ("_rels/.rels", ROOT_RELS),
        ("xl/workbook.xml", WORKBOOK),
        ("xl/_rels/workbook.xml.rels", simple_rels),
        ("xl/worksheets/sheet1.xml", big_sheet),
    ])
    declare_size("lying_size.xlsx", "xl/worksheets/sheet1.xml", 100)
    # Hostile merge ranges (a 12-digit row, columns past XFD) and a row absent from the
    # XML inside a merge: row 2 is filled from the merge, nothing after row 3 is.
    merge_sheet = (
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
        '<row r="1"><c r="A1" t="inlineStr"><is><t>t</t></is></c></row>'
        '<row r="3"><c r="C3" t="inlineStr"><is><t>x</t></is></c></row>'
        '</sheetData><mergeCells count="3"><mergeCell ref="A1:B999999999999"/>'
        '<mergeCell ref="ZZZZZ1:A2"/><mergeCell ref="nonsense"/></mergeCells></worksheet>')
    hand_zip("hostile_merge.xlsx", [
        ("[Content_Types].xml", CONTENT_TYPES),
        ("_rels/.rels", ROOT_RELS),
        ("xl/workbook.xml", WORKBOOK),
        ("xl/_rels/workbook.xml.rels", simple_rels),
        ("xl/worksheets/sheet1.xml", merge_sheet),
    ])
    # A zip without xl/workbook.xml.
    hand_zip("no_workbook.xlsx", [("hello.txt", "not a workbook")])
    # Not a zip at all.
    write_bytes("notzip.xlsx", "姓名,金额\n张三,1\n".encode("utf-8"))
    # An xlsx saved with a .csv name.
    shutil.copyfile(path("basic.xlsx"), path("really_xlsx.csv"))


# ---------------------------------------------------------------- hostile and broken input

ROSTER_HEADER = "姓名,身份证号码,培训职业(工种)或专项职业能力,开班日期,结业日期,培训学时,培训和鉴定补贴金额(元),班级编号"
ROSTER_ROW = "马小军,640422199001010017,中式烹调师,2019-03-01,2019-03-25,150,1600,XJ-2019-01"


def hostile_fixtures():
    # Excel's "Unicode 文本" export: UTF-16LE with a BOM, tabs, CRLF.
    text = "\r\n".join([ROSTER_HEADER.replace(",", "\t"), ROSTER_ROW.replace(",", "\t")]) + "\r\n"
    write_bytes("unicode_text.txt", b"\xff\xfe" + text.encode("utf-16-le"))
    # UTF-16BE with a BOM, UTF-16LE without one, UTF-32LE with a BOM: the same table.
    text = ROSTER_HEADER + "\n" + ROSTER_ROW + "\n"
    write_bytes("utf16be.csv", b"\xfe\xff" + text.encode("utf-16-be"))
    write_bytes("utf16le_nobom.csv", text.encode("utf-16-le"))
    write_bytes("utf32le.csv", b"\xff\xfe\x00\x00" + text.encode("utf-32-le"))
    # A GB18030 roster whose last character is cut (the file ends on a lead byte), and
    # one with a single invalid byte inside the first 64 KiB: every other row is read.
    rows = [ROSTER_HEADER] + [ROSTER_ROW] * 3
    write_bytes("gb18030_cut_end.csv", ("\n".join(rows) + "\n马小").encode("gb18030")[:-1])
    # Rows 2-4 good, row 5's name is 马小 and a stray 0xFF byte, rows 6-8 good.
    data = ("\n".join(rows) + "\n").encode("gb18030")
    damaged = "马小".encode("gb18030") + b"\xff" + ROSTER_ROW[3:].encode("gb18030") + b"\n"
    write_bytes("gb18030_one_bad.csv", data + damaged + data.split(b"\n", 1)[1])
    # No header in the first 30 rows: 40 rows of notes, then the header.
    notes = ["说明第%d条" % i for i in range(1, 41)]
    write_bytes("header_below_30.csv", ("\n".join(notes + rows) + "\n").encode("utf-8"))
    # A workbook whose workbook.xml lists 5,000 sheets, all naming one worksheet part.
    sheets = "".join('<sheet name="S%d" sheetId="%d" r:id="rId1"/>' % (i, i) for i in range(1, 5001))
    many = ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
            'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
            '<sheets>' + sheets + '</sheets></workbook>')
    rels = ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
            '</Relationships>')
    one_sheet = ('<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
                 '<row r="1"><c r="A1" t="inlineStr"><is><t>姓名</t></is></c></row></sheetData></worksheet>')
    hand_zip("many_sheets.xlsx", [
        ("[Content_Types].xml", CONTENT_TYPES), ("_rels/.rels", ROOT_RELS),
        ("xl/workbook.xml", many), ("xl/_rels/workbook.xml.rels", rels),
        ("xl/worksheets/sheet1.xml", one_sheet),
    ])
    # Shared-string references past the table (index 7 of 1), and t="s" in a workbook
    # with no shared-string part at all.
    sst = ('<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1">'
           '<si><t>马小军</t></si></sst>')
    def inline(ref, text):
        return '<c r="%s" t="inlineStr"><is><t>%s</t></is></c>' % (ref, text)

    def shared(ref, index):
        return '<c r="%s" t="s"><v>%d</v></c>' % (ref, index)

    header = ["姓名", "身份证号码", "培训职业(工种)或专项职业能力", "开班日期", "结业日期", "班级编号"]
    sheet = ('<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
             '<row r="1">' + "".join(inline("ABCDEF"[i] + "1", h) for i, h in enumerate(header)) + '</row>'
             # Row 2: the name from the table, the occupation from index 7 (not there).
             '<row r="2">' + shared("A2", 0) + inline("B2", "640422199001010017") + shared("C2", 7)
             + inline("D2", "2019-03-01") + inline("E2", "2019-03-25") + inline("F2", "XJ-2019-01") + '</row>'
             # Row 3: nothing but a reference that is not there.
             '<row r="3">' + shared("A3", 9) + '</row>'
             '</sheetData></worksheet>')
    rels_sst = rels.replace('</Relationships>',
                            '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>')
    one = many.replace(sheets, '<sheet name="名单" sheetId="1" r:id="rId1"/>')
    hand_zip("bad_shared_index.xlsx", [
        ("[Content_Types].xml", CONTENT_TYPES), ("_rels/.rels", ROOT_RELS),
        ("xl/workbook.xml", one), ("xl/_rels/workbook.xml.rels", rels_sst),
        ("xl/sharedStrings.xml", sst), ("xl/worksheets/sheet1.xml", sheet),
    ])
    hand_zip("no_shared_strings.xlsx", [
        ("[Content_Types].xml", CONTENT_TYPES), ("_rels/.rels", ROOT_RELS),
        ("xl/workbook.xml", one), ("xl/_rels/workbook.xml.rels", rels),
        ("xl/worksheets/sheet1.xml", sheet),
    ])


def folder_tree():
    root = path("tree")
    if os.path.exists(root):
        shutil.rmtree(root)
    for d in ["tree/b", "tree/a/.hidden_dir", "tree/c"]:
        os.makedirs(path(d), exist_ok=True)
    for f in ["tree/b/2.csv", "tree/a/1.xlsx", "tree/a/z.TSV", "tree/a/.hidden.csv",
              "tree/a/~$lock.xlsx", "tree/a/.hidden_dir/x.csv", "tree/a/notes.docx",
              "tree/c/old.xls", "tree/c/m.xlsm", "tree/c/readme.txt", "tree/0.csv"]:
        write_bytes(f, b"x\n")


def calc_workbooks():
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        print("soffice not found: keeping the committed calc_*.xlsx")
        return
    with tempfile.TemporaryDirectory() as tmp:
        for src in ["basic.xlsx", "merged.xlsx", "dates.xlsx"]:
            subprocess.run([soffice, "--headless", "--calc", "--convert-to", "xlsx:Calc MS Excel 2007 XML",
                            "--outdir", tmp, path(src)], check=True, capture_output=True)
            shutil.copyfile(os.path.join(tmp, src), path("calc_" + src))


if __name__ == "__main__":
    csv_fixtures()
    basic_workbook()
    dates_workbook()
    merged_workbook()
    hand_workbooks()
    hostile_fixtures()
    folder_tree()
    calc_workbooks()
    print("fixtures written to", HERE)
