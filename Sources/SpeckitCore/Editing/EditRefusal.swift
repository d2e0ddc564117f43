/// Why `set-status` will not make a change it was asked for (exit 1): a dependency still open, subtasks
/// still open, lines changed since the caller read them. Nothing is written.
public struct EditRefusal: Error, Sendable, Equatable {
    public var message: String

    public init(_ message: String) { self.message = message }
}
