internal import CSV
internal import Foundation
import OrgGraphCore

/// Writes an organization as a folder of CSV files (SPEC §1, §5) that loads back to an equal
/// organization: `organization.csv`, `nodes.csv`, `relations.csv` and `suppressions.csv`,
/// every file written, a header row alone when there is nothing to list.
///
/// Each file is UTF-8 with a byte order mark (without one, Excel reads UTF-8 as the system's
/// code page and garbles Vietnamese), comma-separated, with CRLF line ends (RFC 4180), cells
/// quoted by CSV.swift where they hold a comma, a quote or a line break.
public enum CSVFolderWriter {
    /// The file names of a folder, in the order ``files(_:)`` gives them.
    public static let fileNames = CSVFolder.Part.allCases.map(\.fileName)

    /// The bytes of each file of the folder, in the order of ``fileNames``.
    ///
    /// - Complexity: O(size of the organization + *a*²) for *a* attribute names.
    public static func files(_ organization: Organization) -> [[UInt8]] {
        CSVFolder.Part.allCases.map { part in
            switch part {
            case .organization: file(organizationRows(organization))
            case .nodes: file(nodeRows(organization.nodes))
            case .relations: file(relationRows(organization.relations))
            case .suppressions: file(suppressionRows(organization.suppressions))
            }
        }
    }

    private static func organizationRows(_ organization: Organization) -> [[String]] {
        var rows = [
            CSVFolder.Part.organization.columns, [TopField.orggraph.rawValue, "\(organization.formatVersion)"],
        ]
        if let title = organization.title { rows.append([TopField.title.rawValue, CSVCell.text(title)]) }
        if let rulebook = organization.rulebook { rows.append([TopField.rulebook.rawValue, CSVCell.text(rulebook)]) }
        return rows
    }

    private static func nodeRows(_ nodes: [Node]) -> [[String]] {
        let keys = attributeColumns(nodes.lazy.map(\.attributes))
        var rows = [CSVFolder.Part.nodes.columns + keys.map { CSVCell.attributePrefix + $0 }]
        rows.reserveCapacity(nodes.count + 1)
        for node in nodes {
            let fields: [String] = NodeField.fields.compactMap { field in
                switch field {
                case .id: CSVCell.text(node.id)
                case .kind: node.kind.rawValue
                case .name: CSVCell.text(node.name)
                case .level: node.level?.rawValue ?? ""
                case .sector: CSVCell.text(node.sector)
                case .partOf: CSVCell.text(node.partOf)
                case .note: CSVCell.text(node.note)
                case .attributes: nil
                }
            }
            rows.append(fields + attributeCells(node.attributes, keys))
        }
        return rows
    }

    private static func relationRows(_ relations: RelationList) -> [[String]] {
        let keys = attributeColumns(relations.lazy.map(\.attributes))
        var rows = [CSVFolder.Part.relations.columns + keys.map { CSVCell.attributePrefix + $0 }]
        rows.reserveCapacity(relations.count + 1)
        for relation in relations {
            let fields: [String] = RelationField.fields.compactMap { field in
                switch field {
                case .type: relation.type.rawValue
                case .from: CSVCell.text(relation.from)
                case .to: CSVCell.text(relation.to)
                case .period:
                    CSVCell.text(relation.period?.map(\.rawValue).joined(separator: String(CSVCell.periodSeparator)))
                case .basis: relation.basis?.rawValue ?? ""
                case .note: CSVCell.text(relation.note)
                case .attributes: nil
                }
            }
            rows.append(fields + attributeCells(relation.attributes, keys))
        }
        return rows
    }

    private static func suppressionRows(_ suppressions: [Suppression]) -> [[String]] {
        [CSVFolder.Part.suppressions.columns]
            + suppressions.map { [CSVCell.text($0.rule), CSVCell.text($0.node), CSVCell.text($0.reason)] }
    }

    private static func attributeCells(_ attributes: [Attribute], _ keys: [String]) -> [String] {
        guard !keys.isEmpty else { return [] }
        var cells = [String](repeating: "", count: keys.count)
        guard !attributes.isEmpty else { return cells }
        for attribute in attributes {
            if let column = keys.firstIndex(of: attribute.key) { cells[column] = CSVCell.text(attribute.value) }
        }
        return cells
    }

    /// The attribute names as columns, in an order that keeps the order of every row's
    /// attributes when one does (each row's attributes are read back in column order): the
    /// names by first appearance, moved only where a row needs it.
    ///
    /// - Complexity: O(*n* + *a*²) for *n* attributes written and *a* distinct names.
    static func attributeColumns<Lists: Sequence<[Attribute]>>(_ lists: Lists) -> [String] {
        var names: [String] = []
        var position: [String: Int] = [:]
        var after: [Set<Int>] = []
        var before: [Int] = []
        for list in lists where !list.isEmpty {
            var previous: Int?
            for attribute in list {
                let index: Int
                if let known = position[attribute.key] {
                    index = known
                } else {
                    index = names.count
                    position[attribute.key] = index
                    names.append(attribute.key)
                    after.append([])
                    before.append(0)
                }
                if let previous, previous != index, !after[previous].contains(index) {
                    after[previous].insert(index)
                    before[index] += 1
                }
                previous = index
            }
        }
        // Kahn's order, the earliest-seen name first among those free; a cycle (rows that order
        // the same names two ways) falls back to first appearance for what is left.
        var order: [Int] = []
        var done = [Bool](repeating: false, count: names.count)
        while order.count < names.count {
            let next =
                (0..<names.count).first { !done[$0] && before[$0] == 0 }
                ?? (0..<names.count).first { !done[$0] } ?? 0
            done[next] = true
            order.append(next)
            for later in after[next] { before[later] -= 1 }
        }
        return order.map { names[$0] }
    }

    /// The bytes of a file of `rows`: a byte order mark, then the rows through CSV.swift's
    /// writer, each ended by CRLF.
    private static func file(_ rows: [[String]]) -> [UInt8] {
        let stream = OutputStream(toMemory: ())
        stream.open()
        var data = Data()
        // A stream in memory takes every byte: the writer has nothing to throw.
        if let writer = try? CSVWriter(stream: stream, delimiter: ",", newline: .crlf) {
            for row in rows { try? writer.write(row: row) }
            data = stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data ?? Data()
        }
        return [0xEF, 0xBB, 0xBF] + [UInt8](data) + [0x0D, 0x0A]
    }
}
