internal import CGraphviz
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The Graphviz plugins a chart needs, loaded by name rather than through the plugin
/// configuration file a package manager writes at install time (`config6`), which may be
/// missing or stale.
///
/// Each plugin library exports one `gvplugin_NAME_LTX_library` symbol; the list of them,
/// ended by a null entry, is what `gvContextPlugins` takes (as libtool's
/// `lt_preloaded_symbols` would give it). The libraries are found where Graphviz itself looks:
/// `$GVBINDIR`, else the `graphviz` folder beside the loaded libgvc.
struct GraphvizPlugins {
    /// The plugins every context starts with: output formats (SVG), the dot layout, and cairo and
    /// pango (PNG, PDF, and text measured with the real fonts).
    static let essential = ["core", "dot_layout", "pango"]
    /// The plugin of the other layouts (neato, fdp, sfdp, circo, twopi), added on first use.
    static let otherLayouts = "neato_layout"

    /// The symbol list for `gvContextPlugins`, ended by a null entry; it lives as long as the
    /// process, as the context does.
    let table: UnsafeMutablePointer<lt_symlist_t>
    /// Plugins that could not be loaded, with why.
    let missing: [String]

    /// Loads the essential plugins found. Libraries stay loaded for the life of the process.
    static func load() -> GraphvizPlugins {
        var entries: [(String, UnsafeMutableRawPointer)] = []
        var missing: [String] = []
        for name in essential {
            if let address = library(name) {
                entries.append(("gvplugin_\(name)_LTX_library", address))
            } else {
                missing.append(absence(name))
            }
        }
        let table = UnsafeMutablePointer<lt_symlist_t>.allocate(capacity: entries.count + 1)
        for (index, entry) in entries.enumerated() {
            table[index] = lt_symlist_t(name: UnsafePointer(strdup(entry.0)), address: entry.1)
        }
        table[entries.count] = lt_symlist_t(name: nil, address: nil)
        return GraphvizPlugins(table: table, missing: missing)
    }

    /// Why plugin `name` is missing.
    static func absence(_ name: String) -> String {
        "the \(name) plugin (libgvplugin_\(name)) is not in \(directory ?? "any known folder")"
    }

    /// The `gvplugin_NAME_LTX_library` descriptor of plugin `name`: from the first of its files
    /// (sorted by name: `libgvplugin_NAME.so`, `.so.6`...) that loads and exports it.
    static func library(_ name: String) -> UnsafeMutableRawPointer? {
        guard let folder = directory else { return nil }
        let prefix = "libgvplugin_\(name)."
        for file in files.filter({ $0.hasPrefix(prefix) }) {
            guard let handle = dlopen(folder + "/" + file, RTLD_LAZY | RTLD_LOCAL) else { continue }
            if let address = dlsym(handle, "gvplugin_\(name)_LTX_library") { return address }
            dlclose(handle)
        }
        return nil
    }

    /// The plugin folder: `$GVBINDIR`, else the `graphviz` folder beside the libgvc this
    /// process loaded.
    static let directory: String? = {
        if let folder = ProcessInfo.processInfo.environment["GVBINDIR"], !folder.isEmpty { return folder }
        guard let path = libgvcPath(), let slash = path.lastIndex(of: "/") else { return nil }
        return String(path[..<slash]) + "/graphviz"
    }()

    /// The shared libraries in the plugin folder, sorted.
    private static let files: [String] = {
        guard let folder = directory else { return [] }
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
            .filter { $0.hasPrefix("libgvplugin_") && ($0.contains(".so") || $0.hasSuffix(".dylib")) }
            .sorted()
    }()

    #if canImport(Darwin)
        /// The file of the libgvc this process loaded.
        private static func libgvcPath() -> String? {
            let function: @convention(c) () -> OpaquePointer? = gvContext
            var info = Dl_info()
            guard dladdr(unsafeBitCast(function, to: UnsafeRawPointer.self), &info) != 0, let file = info.dli_fname
            else {
                return nil
            }
            return String(cString: file)
        }
    #else
        /// The file of the libgvc this process loaded, from the process's memory map.
        private static func libgvcPath() -> String? {
            // /proc files report a size of 0: read until the end, not by size.
            let descriptor = open("/proc/self/maps", O_RDONLY)
            guard descriptor >= 0 else { return nil }
            defer { close(descriptor) }
            var bytes: [UInt8] = []
            var chunk = [UInt8](repeating: 0, count: 65_536)
            while true {
                let count = read(descriptor, &chunk, chunk.count)
                if count <= 0 { break }
                bytes.append(contentsOf: chunk[0..<count])
            }
            for line in bytes.split(separator: UInt8(ascii: "\n")) {
                guard let start = line.firstIndex(of: UInt8(ascii: "/")) else { continue }
                let path = line[start...]
                let name = path.split(separator: UInt8(ascii: "/")).last ?? []
                if name.starts(with: Array("libgvc.".utf8)) { return String(decoding: path, as: UTF8.self) }
            }
            return nil
        }
    #endif
}
