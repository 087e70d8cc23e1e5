import OrgGraphAudit
import OrgGraphCore
import OrgGraphFormat

/// A small, fast pseudo-random generator (SplitMix64) whose sequence depends only on its seed,
/// on every platform and toolchain: the generator draws all its choices from it, never from
/// the system's random source, so a seed always gives the same organization.
///
/// The helpers below (`below`, `chance`, `pick`) are spelled out here rather than taken from
/// the standard library, whose algorithms for ranges are free to change between releases.
package struct SplitMix64: Sendable {
    private var state: UInt64

    package init(seed: UInt64) {
        state = seed
    }

    /// The next 64 random bits.
    ///
    /// - Complexity: O(1).
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in `0..<bound` (0 when `bound` is not positive), without modulo bias.
    ///
    /// - Complexity: O(1) expected.
    mutating func below(_ bound: Int) -> Int {
        guard bound > 1 else { return 0 }
        let limit = UInt64(bound)
        let threshold = (0 &- limit) % limit
        while true {
            let value = next()
            let product = value.multipliedFullWidth(by: limit)
            if product.low >= threshold { return Int(product.high) }
        }
    }

    /// A number in `range`.
    ///
    /// - Complexity: O(1) expected.
    mutating func inRange(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + below(range.count)
    }

    /// A number in `0.0..<1.0` with 53 random bits.
    ///
    /// - Complexity: O(1).
    mutating func unit() -> Double {
        Double(next() >> 11) * (1.0 / 9_007_199_254_740_992.0)
    }

    /// `true` with probability `probability`.
    ///
    /// - Complexity: O(1).
    mutating func chance(_ probability: Double) -> Bool {
        unit() < probability
    }

    /// One element of `items`, which must not be empty.
    ///
    /// - Complexity: O(1).
    mutating func pick<C: RandomAccessCollection>(_ items: C) -> C.Element where C.Index == Int {
        items[items.startIndex + below(items.count)]
    }

    /// An index into `weights` drawn with probability proportional to its weight.
    ///
    /// - Complexity: O(*k*) for *k* weights.
    mutating func weighted(_ weights: [Int]) -> Int {
        var remaining = below(weights.reduce(0, +))
        for (index, weight) in weights.enumerated() {
            if remaining < weight { return index }
            remaining -= weight
        }
        return max(0, weights.count - 1)
    }

    /// `count` distinct indices of `0..<total` (all of them when `count >= total`), in the
    /// order drawn.
    ///
    /// - Complexity: O(*total*).
    mutating func sample(_ count: Int, of total: Int) -> [Int] {
        var indices = Array(0..<total)
        let taken = min(count, total)
        for position in 0..<taken {
            let other = position + below(total - position)
            indices.swapAt(position, other)
        }
        return Array(indices.prefix(taken))
    }
}
