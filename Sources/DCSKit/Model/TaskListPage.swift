import Foundation

/// One page of the list call: `count` (the server's total) and the tasks that decoded.
public struct TaskListPage: Sendable, Hashable {
    /// `count` as sent; nil when missing or not a number.
    public var count: Int?
    /// The tasks that decoded, in server order.
    public var tasks: [MigrationTask]
    /// Items that could not be decoded (reported, not fatal).
    public var issues: [TaskDecodingIssue]
    /// How many items the page held, decodable or not (paging advances by this).
    public var itemCount: Int

    /// Builds a page.
    public init(count: Int?, tasks: [MigrationTask], issues: [TaskDecodingIssue] = [], itemCount: Int? = nil) {
        self.count = count
        self.tasks = tasks
        self.issues = issues
        self.itemCount = itemCount ?? (tasks.count + issues.count)
    }
}

/// Why a response body could not be read as a page at all.
public enum PageDecodingError: Error, Sendable, Hashable {
    /// The body is not JSON; carries the parser's message.
    case notJSON(String)
    /// The body is JSON but not an object with a `migration_tasks` array (`null` counts as empty).
    case unexpectedShape(String)
}

extension TaskListPage {
    /// Decodes a list response body (`ListPageDecoder`). A `null` or missing `migration_tasks` is an
    /// empty page when a `count` is present, and an error when neither is (that is not a list response).
    public static func decode(_ data: Data) throws(PageDecodingError) -> TaskListPage {
        try ListPageDecoder.decode(data)
    }
}
