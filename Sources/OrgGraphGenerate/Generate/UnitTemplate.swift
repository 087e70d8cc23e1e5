import OrgGraphAudit
import OrgGraphCore
import OrgGraphFormat

/// A kind of public service unit the generator draws from: how it is named, its sector, the
/// title of its head, which agency manages it, which board it may have.
///
/// Name patterns fill in `{P}` the province, `{D}` a district's name, `{d}` a district with its
/// word (`huyện Hòa Bình`), `{C}` a commune's name and `{N}` a person's name.
struct UnitTemplate: Sendable {
    var pattern: String
    var sector: String
    var headTitle: String
    /// The code of the managing agency (`syt`, `pgd`...), or `ubnd` for the People's Committee.
    var manager: String
    var board: NodeKind?
    /// Whether the unit is large enough for a party committee with cells more often.
    var isLarge: Bool
    /// Which placeholders the pattern uses, as bits: 1 `{D}` or `{d}`, 2 `{C}`, 4 `{N}`.
    let placeholders: Int

    init(
        _ pattern: String, _ sector: String, _ headTitle: String, _ manager: String, _ board: NodeKind?, _ isLarge: Bool
    ) {
        self.pattern = pattern
        self.sector = sector
        self.headTitle = headTitle
        self.manager = manager
        self.board = board
        self.isLarge = isLarge
        placeholders =
            (pattern.contains("{D}") || pattern.contains("{d}") ? 1 : 0) + (pattern.contains("{C}") ? 2 : 0)
            + (pattern.contains("{N}") ? 4 : 0)
    }

    /// A key that two units of this template share exactly when their names are the same:
    /// the template and the indices of the district, commune and person the pattern uses.
    ///
    /// - Complexity: O(1).
    func nameKey(template: Int, district: Int, commune: Int, person: Int) -> Int {
        let district = placeholders & 1 != 0 ? district & 0xF_FFFF : 0
        let commune = placeholders & 2 != 0 ? commune & 0xF_FFFF : 0
        let person = placeholders & 4 != 0 ? person & 0xFF : 0
        return (((template & 0x7FFF) << 20 | district) << 20 | commune) << 8 | person
    }

    /// The unit's name with the placeholders filled in.
    ///
    /// - Complexity: O(length of the pattern).
    func name(
        province: String = "", district: String = "", districtWithWord: String = "", commune: String = "",
        person: String = ""
    ) -> String {
        var result = ""
        var pending = false
        for character in pattern {
            if pending {
                switch character {
                case "P": result += province
                case "D": result += district
                case "d": result += districtWithWord
                case "C": result += commune
                case "N": result += person
                default: result.append(character)
                }
                pending = false
            } else if character == "{" {
                pending = true
            } else if character != "}" {
                result.append(character)
            }
        }
        return result
    }
}

extension UnitTemplate {
    private static let managementBoard = NodeKind.managementBoard
    private static let schoolCouncil = NodeKind.schoolCouncil

    /// Provincial units every province has, in this order.
    static let provincialOnce: [UnitTemplate] = [
        .init("Bệnh viện Đa khoa tỉnh {P}", "health", "Giám đốc", "syt", managementBoard, true),
        .init("Bệnh viện Y học cổ truyền tỉnh {P}", "health", "Giám đốc", "syt", nil, true),
        .init("Bệnh viện Sản - Nhi tỉnh {P}", "health", "Giám đốc", "syt", managementBoard, true),
        .init("Bệnh viện Phổi tỉnh {P}", "health", "Giám đốc", "syt", nil, true),
        .init("Bệnh viện Tâm thần tỉnh {P}", "health", "Giám đốc", "syt", nil, false),
        .init("Trung tâm Kiểm soát bệnh tật tỉnh {P}", "health", "Giám đốc", "syt", nil, true),
        .init("Trung tâm Pháp y tỉnh {P}", "health", "Giám đốc", "syt", nil, false),
        .init("Trường Cao đẳng Y tế {P}", "education", "Hiệu trưởng", "syt", schoolCouncil, true),
        .init("Trường THPT Chuyên {P}", "education", "Hiệu trưởng", "sgd", schoolCouncil, false),
        .init("Trường Cao đẳng Kỹ thuật {P}", "education", "Hiệu trưởng", "sld", schoolCouncil, true),
        .init("Bảo tàng tỉnh {P}", "culture", "Giám đốc", "svh", nil, false),
        .init("Thư viện tỉnh {P}", "culture", "Giám đốc", "svh", nil, false),
        .init("Nhà hát Nghệ thuật truyền thống {P}", "culture", "Giám đốc", "svh", nil, false),
        .init("Trung tâm Huấn luyện và Thi đấu thể dục thể thao tỉnh {P}", "culture", "Giám đốc", "svh", nil, false),
        .init("Trung tâm Ứng dụng tiến bộ khoa học và công nghệ tỉnh {P}", "science", "Giám đốc", "skh", nil, false),
        .init("Trung tâm Khuyến nông tỉnh {P}", "agriculture", "Giám đốc", "snn", nil, true),
        .init("Trung tâm Dịch vụ việc làm tỉnh {P}", "labour", "Giám đốc", "sld", nil, false),
        .init("Đài Phát thanh và Truyền hình {P}", "media", "Giám đốc", "ubnd", nil, true),
    ]

    /// Further provincial units, drawn by weight.
    static let provincialMany: [(template: UnitTemplate, weight: Int)] = [
        (.init("Trường THPT {N}", "education", "Hiệu trưởng", "sgd", schoolCouncil, true), 6),
        (.init("Trường THPT {D}", "education", "Hiệu trưởng", "sgd", schoolCouncil, true), 4),
        (.init("Trường THPT Dân tộc nội trú {D}", "education", "Hiệu trưởng", "sgd", schoolCouncil, false), 1),
        (.init("Trung tâm Giáo dục thường xuyên {D}", "education", "Giám đốc", "sgd", nil, false), 1),
        (.init("Trung tâm Y tế {d}", "health", "Giám đốc", "syt", nil, true), 2),
        (.init("Bệnh viện Đa khoa khu vực {D}", "health", "Giám đốc", "syt", managementBoard, true), 1),
        (.init("Trung tâm Bảo trợ xã hội {D}", "labour", "Giám đốc", "sld", nil, false), 1),
        (.init("Ban Quản lý rừng phòng hộ {D}", "agriculture", "Trưởng ban", "snn", nil, false), 1),
    ]

    /// District units every district has, in this order.
    static let districtOnce: [UnitTemplate] = [
        .init("Trung tâm Văn hóa - Thể thao và Truyền thông {d}", "culture", "Giám đốc", "ubnd", nil, false),
        .init("Trung tâm Giáo dục nghề nghiệp - Giáo dục thường xuyên {d}", "education", "Giám đốc", "pgd", nil, false),
        .init("Ban Quản lý dự án đầu tư xây dựng {d}", "construction", "Giám đốc", "ubnd", nil, false),
        .init("Trung tâm Dịch vụ nông nghiệp {d}", "agriculture", "Giám đốc", "ubnd", nil, false),
        .init("Phòng khám Đa khoa khu vực {C}", "health", "Trưởng phòng khám", "pyt", nil, true),
    ]

    /// Further district units, drawn by weight.
    static let districtMany: [(template: UnitTemplate, weight: Int)] = [
        (.init("Trường Mầm non {C}", "education", "Hiệu trưởng", "pgd", schoolCouncil, false), 4),
        (.init("Trường Tiểu học {C}", "education", "Hiệu trưởng", "pgd", schoolCouncil, false), 4),
        (.init("Trường THCS {C}", "education", "Hiệu trưởng", "pgd", schoolCouncil, true), 3),
        (.init("Trường THCS {N}", "education", "Hiệu trưởng", "pgd", schoolCouncil, true), 1),
        (.init("Trường Tiểu học và THCS {C}", "education", "Hiệu trưởng", "pgd", schoolCouncil, false), 1),
    ]

    static let provincialWeights = provincialMany.map(\.weight)
    static let districtWeights = districtMany.map(\.weight)

    /// The names of the cells of a unit's party committee, by sector.
    static func cellNames(sector: String) -> [String] {
        switch sector {
        case "health":
            [
                "Khoa Nội", "Khoa Ngoại", "Khoa Sản", "Khoa Nhi", "Khoa Cấp cứu", "Khoa Dược",
                "Phòng Kế hoạch tổng hợp", "Phòng Hành chính quản trị",
            ]
        case "education":
            [
                "Tổ Toán - Tin", "Tổ Ngữ văn", "Tổ Khoa học tự nhiên", "Tổ Khoa học xã hội", "Khoa Điều dưỡng",
                "Văn phòng",
            ]
        default:
            [
                "Phòng Tổ chức - Hành chính", "Phòng Nghiệp vụ", "Phòng Kế hoạch - Tài chính", "Trạm Nghiệp vụ 1",
                "Trạm Nghiệp vụ 2",
            ]
        }
    }
}

/// A state agency of a People's Committee that manages units: a provincial department or a
/// district office.
struct AgencyTemplate: Sendable {
    var code: String
    var name: String
    var sector: String

    static let departments: [AgencyTemplate] = [
        AgencyTemplate(code: "syt", name: "Sở Y tế", sector: "health"),
        AgencyTemplate(code: "sgd", name: "Sở Giáo dục và Đào tạo", sector: "education"),
        AgencyTemplate(code: "svh", name: "Sở Văn hóa, Thể thao và Du lịch", sector: "culture"),
        AgencyTemplate(code: "skh", name: "Sở Khoa học và Công nghệ", sector: "science"),
        AgencyTemplate(code: "snn", name: "Sở Nông nghiệp và Phát triển nông thôn", sector: "agriculture"),
        AgencyTemplate(code: "sld", name: "Sở Lao động - Thương binh và Xã hội", sector: "labour"),
    ]

    static let offices: [AgencyTemplate] = [
        AgencyTemplate(code: "pgd", name: "Phòng Giáo dục và Đào tạo", sector: "education"),
        AgencyTemplate(code: "pyt", name: "Phòng Y tế", sector: "health"),
        AgencyTemplate(code: "pvh", name: "Phòng Văn hóa và Thông tin", sector: "culture"),
    ]
}
