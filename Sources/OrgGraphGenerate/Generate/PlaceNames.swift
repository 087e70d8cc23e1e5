import OrgGraphAudit
import OrgGraphCore
import OrgGraphFormat

/// Vietnamese-looking names for generated organizations: place names of two syllables drawn
/// from a table, and the names of people schools are named after.
enum PlaceNames {
    /// Syllables of Vietnamese place names, with their diacritics.
    static let syllables: [String] = """
        Hà Tĩnh Quảng Bình Nam Định Thái Phú Yên Long An Giang Sơn Lâm Đồng Hưng Hải Ninh Thanh \
        Hóa Tuyên Quang Lạng Cao Bằng Kiên Vĩnh Bắc Gia Lai Trà Vinh Sóc Trăng Bạc Liêu Tây Đông \
        Hòa Xuân Lộc Phước Thạnh Mỹ Hiệp Tân Thuận Hương Cẩm Đức Trung Kỳ Diễn Nghĩa Lương Thiệu \
        Triệu Thọ Hậu Lạc Văn Vũ Kim Châu Hội Điện Tiên Hoài Đại Cát Thắng Lợi Hồng Quế Khánh \
        Phong Thủy Nhơn Mai Sa Ea Krông Điền Hiếu Dương Phụng Khê Tịnh Thạch Ân
        """.split(separator: " ").map(String.init)

    /// People schools and streets are named after.
    static let people: [String] = [
        "Lê Quý Đôn", "Nguyễn Du", "Trần Phú", "Phan Bội Châu", "Nguyễn Trãi", "Lê Lợi", "Quang Trung",
        "Chu Văn An", "Trần Hưng Đạo", "Lý Thường Kiệt", "Hai Bà Trưng", "Phan Châu Trinh",
        "Huỳnh Thúc Kháng", "Võ Thị Sáu", "Nguyễn Thị Minh Khai", "Lê Hồng Phong", "Ngô Quyền",
        "Đinh Tiên Hoàng", "Hàm Nghi", "Tôn Đức Thắng", "Nguyễn Đình Chiểu", "Phan Đình Phùng",
        "Hoàng Hoa Thám", "Bùi Thị Xuân", "Mạc Đĩnh Chi", "Nguyễn Bỉnh Khiêm", "Lương Thế Vinh",
        "Nguyễn Khuyến", "Kim Đồng",
    ]

    /// `count` distinct place names of two syllables, none of them in `used`, which grows.
    /// When the table runs short, a name gets a number (`Hòa Bình 2`), so any count works.
    ///
    /// - Complexity: O(*count*) expected while the table has room.
    static func draw(_ count: Int, using random: inout SplitMix64, avoiding used: inout Set<String>) -> [String] {
        var names: [String] = []
        names.reserveCapacity(count)
        while names.count < count {
            var name = ""
            for _ in 0..<32 {
                let first = random.below(syllables.count)
                var second = random.below(syllables.count - 1)
                if second >= first { second += 1 }
                let candidate = syllables[first] + " " + syllables[second]
                if !used.contains(candidate) {
                    name = candidate
                    break
                }
            }
            if name.isEmpty {
                let base = syllables[random.below(syllables.count)] + " " + syllables[random.below(syllables.count)]
                var number = 2
                while used.contains(base + " \(number)") { number += 1 }
                name = base + " \(number)"
            }
            used.insert(name)
            names.append(name)
        }
        return names
    }
}
