/// A failure of the subprocess test harness (a process that would not start, a screen that never
/// showed what a test waited for), with the text to show.
public struct TestProcessError: Error, CustomStringConvertible {
    /// What went wrong, with the last screen or output where it helps.
    public let description: String

    /// Builds an error with `description`.
    public init(_ description: String) { self.description = description }
}
