import Foundation

/// What a path is, as far as walking and reading care.
package enum FileKind: Equatable, Sendable {
    case folder, regular, symlinkedFolder, other, missing

    /// The path itself, without following a final symbolic link to a folder.
    package static func of(_ path: String) -> FileKind {
        var info = stat()
        guard lstat(path, &info) == 0 else { return .missing }
        if (info.st_mode & S_IFMT) == S_IFLNK {
            switch followed(path) {
            case .folder: return .symlinkedFolder
            case let kind: return kind
            }
        }
        return kind(info)
    }

    /// Whether the path itself is a symbolic link (whatever it leads to).
    package static func isLink(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK
    }

    /// What the path leads to, following symbolic links.
    package static func followed(_ path: String) -> FileKind {
        var info = stat()
        guard stat(path, &info) == 0 else { return .missing }
        return kind(info)
    }

    /// The path with every link resolved (`realpath(3)`), or nil when part of it is missing or a link leads
    /// nowhere.
    package static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    private static func kind(_ info: stat) -> FileKind {
        switch info.st_mode & S_IFMT {
        case S_IFDIR: return .folder
        case S_IFREG: return .regular
        default: return .other
        }
    }
}
