/// A place in a source file: 1-based line and column, columns counted in Unicode scalars
/// (as libyaml counts them). Line 0 means "unknown".
public struct SourceLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var line: Int32
    public var column: Int32

    public init(line: Int, column: Int) {
        self.line = Self.clamped(line)
        self.column = Self.clamped(column)
    }

    /// `value` as an `Int32`, the nearest one when it does not fit (not the generic
    /// `init(clamping:)`, which costs a call per location in an unoptimized build).
    private static func clamped(_ value: Int) -> Int32 {
        value > Int(Int32.max) ? .max : value < Int(Int32.min) ? .min : Int32(truncatingIfNeeded: value)
    }

    /// A location that is not known.
    public static let unknown = SourceLocation(line: 0, column: 0)

    public var isKnown: Bool { line > 0 }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }

    public var description: String { "\(line):\(column)" }
}

/// Where the parts of an organization were written.
public struct SourceMap: Sendable {
    /// The file name as the user gave it (`-` for standard input).
    public var file: String
    /// The start of each node, by node index.
    public var nodes: [SourceLocation]
    /// The value of each node's `part-of:` field (``SourceLocation/unknown`` when it has none).
    public var partOf: [SourceLocation]
    /// The value of each node's `level:` field (``SourceLocation/unknown`` when it has none).
    public var level: [SourceLocation]
    /// The start of each relation, by relation index.
    public var relations: [SourceLocation]
    /// The start of each suppression.
    public var suppressions: [SourceLocation]
    /// The value of the `rulebook:` field (``SourceLocation/unknown`` when there is none).
    public var rulebook: SourceLocation = .unknown
    /// For an organization read from a folder of CSV files, the file each part was read from
    /// (``file`` is then the folder, and a location's line is a spreadsheet row); `nil` when
    /// the whole organization is one file.
    public var parts: PartFiles?

    /// The files of an organization read from a folder of CSV files.
    public struct PartFiles: Sendable, Hashable {
        /// `organization.csv`: the format version, `title` and `rulebook`.
        public var organization: String
        public var nodes: String
        public var relations: String
        public var suppressions: String

        public init(organization: String, nodes: String, relations: String, suppressions: String) {
            self.organization = organization
            self.nodes = nodes
            self.relations = relations
            self.suppressions = suppressions
        }
    }

    /// The file the nodes (and their `part-of` and `level`) were read from.
    public var nodeFile: String { parts?.nodes ?? file }
    /// The file the relations were read from.
    public var relationFile: String { parts?.relations ?? file }
    /// The file the suppressions were read from.
    public var suppressionFile: String { parts?.suppressions ?? file }
    /// The file the `rulebook` field was read from.
    public var rulebookFile: String { parts?.organization ?? file }

    public init(
        file: String = "", nodes: [SourceLocation] = [], partOf: [SourceLocation] = [],
        level: [SourceLocation] = [], relations: [SourceLocation] = [], suppressions: [SourceLocation] = []
    ) {
        self.file = file
        self.nodes = nodes
        self.partOf = partOf
        self.level = level
        self.relations = relations
        self.suppressions = suppressions
    }

    /// The location of node `index`, or ``SourceLocation/unknown``.
    public func node(_ index: Int) -> SourceLocation {
        index < nodes.count ? nodes[index] : .unknown
    }
    /// The location of node `index`'s `part-of:` value, or of the node when not known.
    public func partOf(_ index: Int) -> SourceLocation {
        index < partOf.count && partOf[index].isKnown ? partOf[index] : node(index)
    }
    /// The location of node `index`'s `level:` value, or of the node when not known.
    public func level(_ index: Int) -> SourceLocation {
        index < level.count && level[index].isKnown ? level[index] : node(index)
    }
    /// The location of relation `index`, or ``SourceLocation/unknown``.
    public func relation(_ index: Int) -> SourceLocation {
        index < relations.count ? relations[index] : .unknown
    }
    /// The location of suppression `index`, or ``SourceLocation/unknown``.
    public func suppression(_ index: Int) -> SourceLocation {
        index < suppressions.count ? suppressions[index] : .unknown
    }
}
