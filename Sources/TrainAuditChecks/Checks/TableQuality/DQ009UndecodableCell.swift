import TrainAuditCore
/// DQ009: a cell the reader could not decode as stored: bytes invalid in the file's
/// encoding (a cut GB18030 character, a stray byte), replaced by U+FFFD, or an xlsx cell
/// pointing at a shared string the workbook lacks, left blank. The rest of the file is
/// read; these rows are named so the paper can be checked.
struct UndecodableCell: CellProblemCheck {
    let problemKind = CellProblem.Kind.undecodable
    let info = CheckInfo(
        code: "DQ009", severity: .medium,
        title: Localized(zh: "单元格含无法解码的内容", en: "cell could not be decoded"),
        summary: Localized(zh: "单元格中有按文件编码无法解码的字节（已替换为 �），或 xlsx 单元格引用了不存在的共享字符串（按空白读取）：文件可能损坏或被改动，其余行照常读取，请按行号核对原件。",
                           en: "A cell held bytes invalid in the file's encoding (replaced by �) or an xlsx cell referred to a shared string the workbook lacks (read as blank): the file may be damaged or altered; the other rows were read; check these rows against the original."),
        source: [.byDefault(zh: "错误的输入绝不能悄悄丢失数据（输入不可信）", en: "bad input never silently loses data (input is untrusted)")], needs: [])

    let examples: [CheckExample] = [
        // U+FFFF in an example's text is written as the byte 0xFF, never valid in UTF-8.
        .triggers("a stray byte in a name", ("roster.csv", """
        \(rosterHeader)
        马小\u{FFFF},640422199001010017,中式烹调师,2019-03-01,2019-03-25,150,1600,XJ-2019-01
        """)),
        .passes("clean text", ("roster.csv", """
        \(rosterHeader)
        马小军,640422199001010017,中式烹调师,2019-03-01,2019-03-25,150,1600,XJ-2019-01
        """)),
    ]
}
