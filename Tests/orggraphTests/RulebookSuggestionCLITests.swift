import Foundation
import TestSupport
import Testing

/// The note that suggests `125-QD/TW-2025` for a file that looks two-tier, audited under the
/// 2023 rulebook: shown in every format, and nothing else changes.
@Suite("validate suggests the two-tier rulebook")
struct RulebookSuggestionCLITests {
    /// A commune school whose cell has the commune committee as its immediate superior, and no
    /// district level.
    static let twoTier = """
        orggraph: 1
        nodes:
          - {id: tu, kind: provincial-party-committee}
          - {id: dx, kind: commune-party-committee}
          - {id: truong, kind: public-service-unit, level: commune}
          - {id: cb, kind: grassroots-cell, part-of: truong}
        relations:
          - {type: leads, from: tu, to: dx}
          - {type: leads, from: dx, to: cb}
          - {type: superior-of, from: dx, to: cb}
        """

    static let suggestion = "note: this file has no district level and commune party committees as immediate superiors"

    @Test("a two-tier file under the default rulebook gets one note; its findings and status are those of 125-QD/TW")
    func noteUnderDefault() throws {
        let file = try temporaryFile(Self.twoTier)
        let result = try orggraph(["validate", file])
        #expect(result.status == 1)
        let lines = result.out.split(separator: "\n").map(String.init)
        #expect(lines.filter { $0.contains(Self.suggestion) }.count == 1)
        #expect(lines.last?.hasPrefix("\(file):4:5: \(Self.suggestion)") == true)
        #expect(lines.last?.contains("--rulebook 125-QD/TW-2025") == true)
        #expect(lines.contains { $0.hasSuffix("[commune-not-superior]") })
        // The same findings as with the rulebook named, which also gets the note.
        let named = try orggraph(["validate", file, "--rulebook", "125-QD/TW"])
        #expect(named.out == result.out)
        #expect(named.status == result.status)

        let json = try JSONSerialization.jsonObject(with: try orggraph(["validate", file, "--format", "json"]).output)
        let notes = (json as? [String: Any])?["notes"] as? [[String: Any]]
        #expect(notes?.count == 1)
        #expect(notes?.first?["line"] as? Int == 4)

        let sarif = try orggraph(["validate", file, "--format", "sarif"]).out
        #expect(sarif.contains(#""level": "note""#) || sarif.contains(#""level":"note""#))
        #expect(sarif.contains(#""executionSuccessful": true"#) || sarif.contains(#""executionSuccessful":true"#))
    }

    @Test("no note under the two-tier rulebook, with a district level, or without commune superiors")
    func noNote() throws {
        let file = try temporaryFile(Self.twoTier)
        let twoTier = try orggraph(["validate", file, "--rulebook", "125-QD/TW-2025"])
        #expect(!twoTier.out.contains(Self.suggestion))
        #expect(!twoTier.out.contains("[commune-not-superior]"))

        let district = try temporaryFile(
            Self.twoTier.replacingOccurrences(
                of: "  - {id: dx, kind: commune-party-committee}",
                with: "  - {id: hu, kind: district-party-committee}\n  - {id: dx, kind: commune-party-committee}"))
        #expect(!(try orggraph(["validate", district]).out.contains(Self.suggestion)))

        let noCommuneSuperior = try temporaryFile(
            Self.twoTier.replacingOccurrences(
                of: "{type: superior-of, from: dx, to: cb}", with: "{type: superior-of, from: tu, to: cb}"))
        #expect(!(try orggraph(["validate", noCommuneSuperior]).out.contains(Self.suggestion)))
        #expect(!(try orggraph(["validate", "Examples/province.yaml"]).out.contains(Self.suggestion)))
    }
}
