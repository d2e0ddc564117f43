/// A task named in a progress report: enough to find it (file and line) and to read it.
public struct TaskReference: Codable, Hashable, Sendable {
    public var id: String?
    public var title: String
    public var status: CanonicalStatus
    public var file: String
    public var line: Int
    /// The phase the task sits in, when it sits in one.
    public var phase: String?

    public init(_ task: PlanTask, phase: String?) {
        self.id = task.id
        self.title = task.title
        self.status = task.status
        self.file = task.range.file
        self.line = task.range.line
        self.phase = phase
    }

    /// `T2.1 Write the API`, or the title alone.
    public var label: String { id.map { "\($0) \(title)" } ?? title }
}
