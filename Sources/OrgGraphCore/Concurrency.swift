#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// A mutual-exclusion lock over a POSIX mutex: `withLock` runs its body with no other thread
/// inside the same lock.
package final class Mutex: @unchecked Sendable {
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>

    package init() {
        mutex = .allocate(capacity: 1)
        mutex.initialize(to: pthread_mutex_t())
        pthread_mutex_init(mutex, nil)
    }

    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deinitialize(count: 1)
        mutex.deallocate()
    }

    package func withLock<T>(_ body: () throws -> T) rethrows -> T {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return try body()
    }
}

/// Slots that concurrent iterations each write once, by index.
package final class ResultSlots<Value>: @unchecked Sendable {
    private var storage: [Value?]
    private let lock = Mutex()

    package init(count: Int) { storage = [Value?](repeating: nil, count: count) }

    package subscript(index: Int) -> Value? {
        get { lock.withLock { storage[index] } }
        set { lock.withLock { storage[index] = newValue } }
    }

    package var values: [Value?] { lock.withLock { storage } }
}

extension ResultSlots where Value == Int {
    /// Takes the next index below `limit` from slot 0, or -1 when none is left.
    package func takeNext(limit: Int) -> Int {
        lock.withLock {
            let current = storage[0] ?? 0
            guard current < limit else { return -1 }
            storage[0] = current + 1
            return current
        }
    }
}
