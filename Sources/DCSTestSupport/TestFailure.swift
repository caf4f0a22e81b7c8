/// A failure a test helper throws with the text to show: a process that would not start, a screen
/// that never showed what a test waited for, a reply a fake did not expect. The one error type of
/// the test helpers: they throw rather than record issues, since many run on threads of their own.
public struct TestFailure: Error, CustomStringConvertible {
    /// What went wrong, with the last screen or output where it helps.
    public let description: String

    /// Builds an error with `description`.
    public init(_ description: String) { self.description = description }
}
