import ArgumentParser
import OrgGraph

/// The options of every command that reads an organization or rulebook file.
struct InputOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "The most bytes an organization or rulebook file may have: a number, or one with K, M or G (64K, 10M, 2G).",
            valueName: "size"))
    var maxInputBytes = ByteCount(defaultMaximumInputBytes)

    /// An organization loader with these limits.
    var organizationLoader: OrganizationLoader {
        var loader = OrganizationLoader()
        loader.maximumInputBytes = maxInputBytes.value
        return loader
    }

    /// A rulebook loader with these limits.
    var rulebookLoader: RulebookLoader {
        var loader = RulebookLoader()
        loader.maximumInputBytes = maxInputBytes.value
        return loader
    }
}

/// A number of bytes as a person writes it: `1048576`, `64K`, `10M`, `2G` (powers of 1024).
struct ByteCount: ExpressibleByArgument, CustomStringConvertible {
    var value: Int

    init(_ value: Int) {
        self.value = value
    }

    init?(argument: String) {
        var text = Substring(argument.uppercased())
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

    var description: String {
        for (suffix, shift) in [("G", 30), ("M", 20), ("K", 10)] where value >= 1 << shift && value % (1 << shift) == 0 {
            return "\(value >> shift)\(suffix)"
        }
        return "\(value)"
    }

    static var defaultCompletionKind: CompletionKind { .default }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
