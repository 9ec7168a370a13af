import Foundation
import Yams

/// What `rules/columns.yaml` says: how to recognise each table kind and its columns.
public struct ColumnCatalog: Sendable {
    public struct Column: Sendable {
        public var name: String
        public var aliases: [Pattern]
    }

    public struct KindSpec: Sendable {
        public var kind: TableKind
        public var fileHint: Pattern?
        public var required: [String]
        public var signature: [String]
        /// Columns reported missing when absent; each entry lists alternatives (period|start_date).
        public var expected: [[String]]
        public var columns: [Column]
    }

    public var headerSearchRows: Int
    public var totalRow: Pattern
    public var footerRow: Pattern
    public private(set) var kinds: [KindSpec]
    /// Every kind's aliases in catalogue order, and those that can be asked as one pattern
    /// (`AliasMatcher`): compiled once, not for each sheet's header search.
    let aliases: JoinedAliases

    public struct LoadError: Error, CustomStringConvertible {
        public var file: String
        public var line: Int?
        public var message: String
        public var description: String { "\(file)\(line.map { ":\($0)" } ?? ""): \(message)" }
    }

    public init(path: String) throws {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw LoadError(file: path, line: nil, message: "cannot read the column catalogue")
        }
        try self.init(yaml: text, file: path)
    }

    public init(yaml: String, file: String = "columns.yaml") throws {
        func fail(_ node: Node?, _ message: String) -> LoadError {
            LoadError(file: file, line: node?.mark.map { $0.line }, message: message)
        }
        guard let root = try Yams.compose(yaml: yaml), let map = root.mapping else {
            throw fail(nil, "expected a mapping at the top")
        }
        func pattern(_ node: Node) throws -> Pattern {
            guard let s = node.string else { throw fail(node, "expected a pattern string") }
            do { return try Pattern(s) } catch { throw fail(node, "\(error)") }
        }
        headerSearchRows = map["header_search_rows"]?.int ?? 30
        guard let skip = map["skip_rows"]?.mapping, let total = skip["total"], let footer = skip["footer"] else {
            throw fail(root, "skip_rows.total and skip_rows.footer are required")
        }
        totalRow = try pattern(total)
        footerRow = try pattern(footer)
        guard let kindsNode = map["kinds"]?.mapping else { throw fail(root, "kinds is required") }
        var kinds: [KindSpec] = []
        for (keyNode, specNode) in kindsNode {
            guard let key = keyNode.string, let kind = TableKind(rawValue: key) else {
                throw fail(keyNode, "unknown table kind '\(keyNode.string ?? "")'")
            }
            guard let spec = specNode.mapping, let cols = spec["columns"]?.mapping else {
                throw fail(specNode, "kind \(key) needs columns")
            }
            var columns: [Column] = []
            for (nameNode, aliasNode) in cols {
                guard let name = nameNode.string, let list = aliasNode.sequence else {
                    throw fail(aliasNode, "column aliases must be a list of patterns")
                }
                columns.append(Column(name: name, aliases: try list.map { n in
                    guard let s = n.string else { throw fail(n, "expected a pattern string") }
                    do { return try Pattern("^(?:" + s + ")$") } catch { throw fail(n, "\(error)") }
                }))
            }
            let names = Set(columns.map(\.name))
            func list(_ k: String) throws -> [String] {
                let items = spec[k]?.sequence?.compactMap(\.string) ?? []
                for i in items where !names.contains(i) { throw fail(spec[k], "\(key).\(k) names unknown column '\(i)'") }
                return items
            }
            let expected = try (spec["expected"]?.sequence ?? []).map { node -> [String] in
                let alternatives = (node.string ?? "").split(separator: "|").map(String.init)
                for a in alternatives where !names.contains(a) { throw fail(node, "\(key).expected names unknown column '\(a)'") }
                return alternatives
            }
            kinds.append(KindSpec(kind: kind, fileHint: try spec["file_hint"].map(pattern), required: try list("required"),
                                  signature: try list("signature"), expected: expected, columns: columns))
        }
        self.kinds = kinds
        aliases = JoinedAliases(kinds.flatMap { $0.columns.flatMap(\.aliases) })
    }

    /// A header cell as aliases see it: no white space, full-width （）： as ASCII.
    public static func cleanHeader(_ cell: String) -> String {
        if FastPath.isPlain(cell) { return cell }
        var out = ""
        for ch in cell {
            switch ch {
            case "（": out.append("(")
            case "）": out.append(")")
            case "：": out.append(":")
            case _ where ch.isWhitespace: continue
            default: out.append(ch)
            }
        }
        return out
    }
}
