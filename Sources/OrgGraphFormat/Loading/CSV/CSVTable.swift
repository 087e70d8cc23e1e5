internal import CSV
import OrgGraphCore

/// One CSV file of an organization folder, read into its header and records, as Excel and
/// LibreOffice save it: UTF-8 with or without a byte order mark, comma or semicolon separated
/// (told from the header row), LF or CRLF line ends, quoted cells holding separators, quotes and
/// line breaks.
///
/// A record's number is its row in the spreadsheet (the header is row 1), however many lines
/// its quoted cells span; a cell's number is its column (1 for A).
struct CSVTable {
    /// A record after the header.
    struct Record {
        /// Its spreadsheet row.
        var row: Int
        /// Its cells, one for each column of the header (missing cells are empty).
        var cells: [String]
    }

    /// The name diagnostics use: `FOLDER/nodes.csv`.
    let file: String
    /// The column names as written; trailing columns with no name and no value in any record
    /// are left out.
    private(set) var header: [String]
    /// The records with a value in at least one cell.
    private(set) var records: [Record]
    /// The separator the header row uses.
    let separator: Unicode.Scalar
    /// How many rows the file has, the header and blank rows counted.
    let rowCount: Int

    /// Reads the CSV file `file` from its bytes.
    ///
    /// - Throws: ``LoadError`` for a file that is not UTF-8, is empty, has a quoted cell that
    ///   is never closed, or has a value in a column with no name.
    init(bytes: [UInt8], file: String) throws(LoadError) {
        self.file = file
        var bytes = bytes
        // A byte order mark is allowed and ignored (Excel writes one).
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if let encoding = DocumentInput.otherEncoding(bytes) {
            throw Self.error(
                file, at: SourceLocation(line: 1, column: 1),
                LocalizedText(
                    en: "the file is \(encoding.en), not UTF-8; save it as \"CSV UTF-8\"",
                    vi: "tệp được mã hóa \(encoding.vi), không phải UTF-8; hãy lưu lại dưới dạng \"CSV UTF-8\""))
        }
        if let offset = UTF8Validation.firstInvalidOffset(in: bytes) {
            // The row and column of the bad byte: the records of the valid text before it.
            let before = Self.parse(String(decoding: bytes[..<offset], as: UTF8.self), separator: ",")
            let location = SourceLocation(line: max(1, before.count), column: max(1, before.last?.count ?? 1))
            let byte = String(bytes[offset], radix: 16, uppercase: true)
            throw Self.error(
                file, at: location,
                LocalizedText(
                    en: "the file is not valid UTF-8 (byte 0x\(byte.count == 1 ? "0" : "")\(byte)); "
                        + "save it as \"CSV UTF-8\"",
                    vi: "tệp không phải UTF-8 hợp lệ (byte 0x\(byte.count == 1 ? "0" : "")\(byte)); "
                        + "hãy lưu lại dưới dạng \"CSV UTF-8\""))
        }
        let text = String(decoding: bytes, as: UTF8.self)
        separator = Self.separator(ofHeaderIn: text)
        let rows = Self.parse(text, separator: separator)
        rowCount = rows.count
        guard let first = rows.first, first.contains(where: { !$0.isEmpty }) else {
            throw Self.error(
                file, at: SourceLocation(line: 1, column: 1),
                LocalizedText(
                    en: "the file has no header row; its first row names the columns",
                    vi: "tệp không có dòng tiêu đề; dòng đầu tiên ghi tên các cột"))
        }
        try Self.checkQuotes(text, rows: rows, file: file)
        var header = first
        // Trailing columns with no name are ignored when no record has a value in them.
        let used = rows.dropFirst().reduce(0) { widest, row in
            max(widest, (row.lastIndex(where: { !$0.isEmpty }) ?? -1) + 1)
        }
        while let last = header.last, last.trimmingSpaces.isEmpty, header.count > used { header.removeLast() }
        self.header = header
        var records: [Record] = []
        for (index, row) in rows.enumerated().dropFirst() where row.contains(where: { !$0.isEmpty }) {
            var cells = Array(row.prefix(header.count))
            if cells.count < header.count { cells += Array(repeating: "", count: header.count - cells.count) }
            if let extra = row.indices.dropFirst(header.count).first(where: { !row[$0].isEmpty }) {
                throw Self.error(
                    file, at: SourceLocation(line: index + 1, column: extra + 1),
                    LocalizedText(
                        en: "a value in column \(extra + 1), past the last column with a name in the header row",
                        vi: "có giá trị ở cột \(extra + 1), nằm ngoài cột cuối cùng có tên ở dòng tiêu đề"))
            }
            records.append(Record(row: index + 1, cells: cells))
        }
        self.records = records
    }

    /// The rows of `text`, each as its cells, through CSV.swift.
    private static func parse(_ text: String, separator: Unicode.Scalar) -> [[String]] {
        guard let reader = try? CSVReader(string: text, hasHeaderRow: false, trimFields: false, delimiter: separator)
        else { return [] }
        var rows: [[String]] = []
        while let row = reader.next() { rows.append(row) }
        return rows
    }

    /// The separator of the header row: a semicolon when it has more semicolons than commas
    /// outside quotes (as Excel writes CSV where the decimal mark is a comma), else a comma.
    ///
    /// - Complexity: O(length of the header row).
    static func separator(ofHeaderIn text: String) -> Unicode.Scalar {
        var (commas, semicolons) = (0, 0)
        var quoted = false
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": quoted.toggle()
            case "," where !quoted: commas += 1
            case ";" where !quoted: semicolons += 1
            case "\n", "\r": if !quoted { return semicolons > commas ? ";" : "," }
            default: break
            }
        }
        return semicolons > commas ? ";" : ","
    }

    /// Refuses a quoted cell that is never closed: CSV.swift reads it to the end of the file,
    /// so its record is the last one, and the file has an odd number of quotes.
    private static func checkQuotes(_ text: String, rows: [[String]], file: String) throws(LoadError) {
        let quotes = text.utf8.reduce(0) { $0 + ($1 == UInt8(ascii: "\"") ? 1 : 0) }
        guard quotes % 2 == 1, let last = rows.last else { return }
        let column = last.firstIndex { $0.contains("\n") || $0.contains("\r") || $0.contains("\r\n") }
        guard let column else { return }
        throw error(
            file, at: SourceLocation(line: rows.count, column: column + 1),
            LocalizedText(
                en: "a quoted cell is not closed: it runs to the end of the file; add the closing \"",
                vi: "một ô mở dấu ngoặc kép nhưng không đóng: ô kéo dài tới hết tệp; hãy thêm dấu \" đóng"))
    }

    /// A load error in `file` at `location`.
    static func error(_ file: String, at location: SourceLocation, _ message: LocalizedText) -> LoadError {
        LoadError([Diagnostic(file: file, location: location, message: message)])
    }
}

extension String {
    /// The text without the spaces and tabs around it.
    ///
    /// - Complexity: O(*n*).
    var trimmingSpaces: String {
        let scalars = unicodeScalars
        guard let start = scalars.firstIndex(where: { $0 != " " && $0 != "\t" }),
            let end = scalars.lastIndex(where: { $0 != " " && $0 != "\t" })
        else { return "" }
        return String(scalars[start...end])
    }
}
