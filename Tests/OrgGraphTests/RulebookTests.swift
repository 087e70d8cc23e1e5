import Foundation
import TestSupport
import Testing

@testable import OrgGraph
@testable import OrgGraphAudit
@testable import OrgGraphChart
@testable import OrgGraphCore
@testable import OrgGraphFormat
@testable import OrgGraphGenerate
@testable import OrgGraphQuery

@Suite("Rulebooks")
struct RulebookTests {
    static let twoTierPath = "Examples/rulebooks/two-tier-2025.yaml"

    static func twoTier() throws -> Rulebook {
        try RulebookLoader().load(packageRoot.appendingPathComponent(twoTierPath).path)
    }

    /// Loads `text` as a rulebook named `file`, returning the rendered error.
    static func loadError(_ text: String, file: String = "book.yaml") -> String? {
        do {
            _ = try RulebookLoader().load(bytes: Array(text.utf8), file: file)
            return nil
        } catch {
            return error.description
        }
    }

    @Test("A user rulebook extends 125-QD/TW-2025: adds a rule of its own and changes a severity")
    func extending() throws {
        let rulebook = try Self.twoTier()
        #expect(rulebook.id == "two-tier-2025")
        let ids = rulebook.rules.map(\.id)
        #expect(ids == RulebookLoader.regulation125TwoTier.rules.map(\.id) + ["secretary-recorded"])
        #expect(ids.contains("no-district-level") && !ids.contains("commune-not-superior"))
        #expect(rulebook.rule("meeting-invitations")?.description.severity == .warning)
        #expect(RulebookLoader.regulation125TwoTier.rule("meeting-invitations")?.description.severity == .info)
        #expect(rulebook.rule("secretary-recorded")?.description.severity == .warning)
    }

    @Test("The two-tier example organization passes its rulebook; the district school does not")
    func twoTierExample() throws {
        let rulebook = try Self.twoTier()
        let commune = try loadPackageFile("Examples/rulebooks/two-tier-commune.yaml")
        #expect(commune.organization.rulebook == "two-tier-2025.yaml")
        #expect(Auditor(rulebook: rulebook).audit(commune).findings.isEmpty)
        let school = Auditor(rulebook: rulebook).audit(try loadPackageFile("Examples/district-school.yaml"))
        #expect(Set(school.findings.map(\.rule)) == ["no-district-level", "territorial-nesting"])
    }

    @Test("Disabling a rule removes it")
    func disabling() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rulebook-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("lenient.yaml").path
        try "rulebook: lenient\nextends: 125-QD/TW\ndisable: [local-liaison, party-informs-leaders]\n"
            .write(toFile: path, atomically: true, encoding: .utf8)
        let rulebook = try RulebookLoader().load(path)
        #expect(rulebook.rule("local-liaison") == nil)
        #expect(rulebook.rules.count == Regulation125Tests.catalog.count - 2)
    }

    @Test("Malformed rulebooks are located load errors")
    func errors() {
        #expect(
            Self.loadError("rulebook: x\nextends: 125-QD/TW\ndisable: [local-liasion]\n")
                == """
                book.yaml:3:11: error: cannot disable 'local-liasion': no such rule; did you mean 'local-liaison'?
                disable: [local-liasion]
                          ^
                """)
        #expect(
            Self.loadError(
                "rulebook: x\nrules:\n  - {id: r, title: t, severity: loud, subject: unit-head, forbidden: true}\n")
                == "book.yaml:3:33: error: unknown severity 'loud'; expected error, warning or info\n  - {id: r, title: t, severity: loud, subject: unit-head, forbidden: true}\n"
                + String(repeating: " ", count: 32) + "^")
        #expect(
            Self.loadError(
                "rulebook: x\nrules:\n  - {id: r, title: t, severity: error, subject: unit-hed, forbidden: true}\n")
                == "book.yaml:3:49: error: unknown kind or group 'unit-hed'; did you mean 'unit-head'?\n  - {id: r, title: t, severity: error, subject: unit-hed, forbidden: true}\n"
                + String(repeating: " ", count: 48) + "^")
        #expect(
            Self.loadError(
                "rulebook: x\nrules:\n  - {id: r, title: t, severity: error, subject: unit-head, path: '^part-of/lead', min: 1}\n"
            )
                == "book.yaml:3:76: error: in 'path': unknown relation 'lead'; did you mean 'leads'?\n  - {id: r, title: t, severity: error, subject: unit-head, path: '^part-of/lead', min: 1}\n"
                + String(repeating: " ", count: 75) + "^")
        #expect(
            Self.loadError("rulebook: x\nrules:\n  - {id: r, title: t, severity: error, subject: unit-head}\n")
                == """
                book.yaml:3:5: error: rule 'r' has no check; give one of: path, conditions, relation, acyclic, attribute, forbidden, builtin
                  - {id: r, title: t, severity: error, subject: unit-head}
                    ^
                """)
        #expect(
            Self.loadError("rulebook: x\nextends: 125-QD/TV\n")?.hasPrefix(
                "book.yaml:2:10: error: cannot load the rulebook '125-QD/TV' this one extends") == true)
        #expect(
            Self.loadError("rulebook: x\nextends: 125-QD/TV\n")?.contains("did you mean the built-in '125-QD/TW'?")
                == true)
        #expect(
            Self.loadError("title: no id\n")?.hasPrefix("book.yaml:1:1: error: missing required field 'rulebook'")
                == true)
    }

    @Test("Rulebooks that extend each other in a circle stop with an error")
    func circularExtends() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rulebook-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try "rulebook: a\nextends: b.yaml\n".write(
            to: folder.appendingPathComponent("a.yaml"), atomically: true, encoding: .utf8)
        try "rulebook: b\nextends: a.yaml\n".write(
            to: folder.appendingPathComponent("b.yaml"), atomically: true, encoding: .utf8)
        #expect(throws: LoadError.self) { try RulebookLoader().load(folder.appendingPathComponent("a.yaml").path) }
        do {
            _ = try RulebookLoader().load(folder.appendingPathComponent("a.yaml").path)
        } catch {
            #expect(error.description.contains("extend each other in a circle"))
        }
    }
}
