/// A number of bytes as a person writes it: `1048576`, `64K`, `10M`, `2G` (powers of 1024).
package struct ByteCount: Sendable, Hashable, CustomStringConvertible {
    package var value: Int

    package init(_ value: Int) {
        self.value = value
    }

    /// The size `written` says, or `nil` when it is not a positive size that fits an `Int`.
    package init?(parsing written: String) {
        var text = Substring(written.uppercased())
        if text.count > 1, text.hasSuffix("B") { text = text.dropLast() }
        let binary = text.hasSuffix("I")
        if binary { text = text.dropLast() }
        let shifts: [Character: Int] = ["K": 10, "M": 20, "G": 30, "T": 40]
        var scale = 1
        if let unit = text.last, let shift = shifts[unit] {
            scale = 1 << shift
            text = text.dropLast()
        } else if binary {
            return nil
        }
        guard !text.isEmpty, text.allSatisfy(\.isASCIIDigit), let number = Int(text) else { return nil }
        let (product, overflow) = number.multipliedReportingOverflow(by: scale)
        guard !overflow, product > 0 else { return nil }
        value = product
    }

    package var description: String {
        for (suffix, shift) in [("G", 30), ("M", 20), ("K", 10)] where value >= 1 << shift && value % (1 << shift) == 0
        {
            return "\(value >> shift)\(suffix)"
        }
        return "\(value)"
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
