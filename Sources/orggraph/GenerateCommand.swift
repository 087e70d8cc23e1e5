import ArgumentParser
import OrgGraph
import OrgGraphIO

struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Generate a synthetic, realistic organization, clean or with seeded faults.",
        discussion: """
            --structure three-tier (the default) writes the local government of 2023, audited \
            by the rulebook 125-QD/TW: each province gets its party committee with a standing \
            committee, a standing board and an organization board; a bloc party committee; the \
            People's Committee with its party cadres committee and departments; districts with \
            their committees, People's Committees and offices; communes with their committees \
            and People's Committees; public service units of both levels with their party \
            organizations, secretaries, heads, boards and cells; in the first three communes of \
            each district a health station whose cell is attached to the commune committee; and \
            two central units under the ministries' party committees.

            --structure two-tier writes the local government since 1 July 2025, with \
            `rulebook: 125-QD/TW-2025`: no district level, no bloc or party cadres committee; \
            each province gets its party committee, the People's Committee with its authority \
            party committee and departments, the party agencies committee, and communes directly \
            under it, each with its standing bodies and People's Committee. --districts then \
            counts areas (the former districts, groups of --communes communes each): a province \
            has --districts × --communes communes, and the --district-units of each area are \
            commune units, led by and under their commune committee and managed by its People's \
            Committee.

            Either way every working relationship of Regulation 125-QD/TW is written, and a \
            clean organization has no findings under its rulebook. The same options and seed \
            always give the same file.

            Sizes are per province and per district: --districts per province, --communes per \
            district, --provincial-units per province, --district-units per district. The \
            defaults make a province of about 3,200 nodes (3,500 with two-tier); 34 provinces of \
            20 districts of 15 communes, 300 provincial and 40 district units make about 300,000.

            --faults N seeds N faults, going round every rule of the file's rulebook (26 for \
            three-tier, 28 for two-tier), each a small change at its own place that exactly one \
            rule reports, once. --manifest writes the findings they must produce as JSON: \
            {"seed", "faults": [{"rule", "node"}]}, sorted by rule and node.

            Examples:
              orggraph generate --provinces 1 -o province.yaml
              orggraph generate --provinces 2 --structure two-tier -o two-tier.yaml
              orggraph generate --provinces 34 --districts 20 --communes 15 \\
                  --provincial-units 300 --district-units 40 -o nationwide.json
              orggraph generate --provinces 2 --seed 7 --faults 42 \\
                  --manifest expected.json -o faulty.yaml
              orggraph generate --provinces 1 --districts 2 --communes 3 --to json -o -
            """)

    @Option(help: "How many provinces (at least 1).")
    var provinces: Int

    @Option(help: "three-tier (2023, rulebook 125-QD/TW) or two-tier (since July 2025, rulebook 125-QD/TW-2025).")
    var structure: OrganizationGenerator.Structure = .threeTier

    @Option(help: "Districts per province (at least 1); with two-tier, areas of --communes communes each.")
    var districts = OrganizationGenerator.Size.defaultDistricts

    @Option(help: "Communes per district (at least 1).")
    var communes = OrganizationGenerator.Size.defaultCommunes

    @Option(help: "Public service units per province at the provincial level.")
    var provincialUnits = OrganizationGenerator.Size.defaultProvincialUnits

    @Option(help: "Public service units per district at the district level; with two-tier, commune units per area.")
    var districtUnits = OrganizationGenerator.Size.defaultDistrictUnits

    @Option(help: "The seed: the same seed gives the same organization.")
    var seed: UInt64 = 1

    @Option(help: "How many faults to seed, going round the rules of the catalog.")
    var faults: Int?

    @Option(help: "Write the findings the faults must produce to this JSON file (atomically); needs --faults.")
    var manifest: String?

    @Option(name: [.short, .long], help: "The file to write (.yaml, .yml or .json); - writes standard output.")
    var output: String

    @Option(help: "The format to write: yaml or json (by default from the output file's extension).")
    var to: FileFormat?

    func validate() throws {
        if provinces < 1 || districts < 1 || communes < 1 {
            throw ValidationError("--provinces, --districts and --communes must be at least 1.")
        }
        if provincialUnits < 0 || districtUnits < 0 || (faults ?? 0) < 0 {
            throw ValidationError("--provincial-units, --district-units and --faults cannot be negative.")
        }
        if manifest != nil, faults == nil {
            throw ValidationError("--manifest lists the seeded faults; give --faults too.")
        }
        if manifest == "-", output == "-" {
            throw ValidationError("The organization and the manifest cannot both go to standard output.")
        }
        if to == nil, FileFormat(path: output) == nil {
            throw ValidationError(
                "Cannot tell the format from '\(output)'; name a .yaml, .yml or .json file, or give --to.")
        }
    }

    var size: OrganizationGenerator.Size {
        OrganizationGenerator.Size(
            provinces: provinces, districtsPerProvince: districts, communesPerDistrict: communes,
            provincialUnitsPerProvince: provincialUnits, districtUnitsPerDistrict: districtUnits)
    }

    func run() throws {
        let targets = [output] + (manifest.map { [$0] } ?? [])
        let resolved = try targets.map(OutputTarget.resolve)
        try OutputTarget.refuseSameFiles(resolved, inputs: [])
        let progress = ProgressLine("generating")
        defer { progress.finish() }
        try OutputTarget.write(resolved) {
            let generated: GeneratedOrganization
            do throws(GenerationError) {
                generated = try OrganizationGenerator(size: size, seed: seed, structure: structure).generate(
                    faults: faults ?? 0)
            } catch {
                FileOutput.standardError("error: \(error.message)\n")
                throw ExitCode(2)
            }
            progress.stage("writing")
            let format = to ?? FileFormat(path: output) ?? .yaml
            let organization = Array(OrganizationWriter.write(generated.organization, as: format).utf8)
            return [organization] + (manifest == nil ? [] : [Array(generated.manifest(seed: seed).utf8)])
        }
    }
}

extension OrganizationGenerator.Structure: ExpressibleByArgument {}
