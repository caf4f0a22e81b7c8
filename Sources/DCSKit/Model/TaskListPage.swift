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
    /// Decodes a list response body with `JSONDecoder`. A `null` or missing `migration_tasks` is an
    /// empty page when a `count` is present, and an error when neither is (that is not a list response).
    public static func decode(_ data: Data) throws(PageDecodingError) -> TaskListPage {
        let root: ObjectOrShape<PageBody>
        do {
            root = try LenientJSON.decode(ObjectOrShape<PageBody>.self, from: data)
        } catch let error as PageDecodingError {
            throw error
        } catch {
            throw .notJSON(LenientJSON.describe(error, in: data))
        }
        switch root {
        case .other(let shape): throw .unexpectedShape("the body is \(shape.name), not an object")
        case .object(let body): return body.page
        }
    }

    /// The root object of a list answer.
    private struct PageBody: Decodable {
        /// The page it holds.
        let page: TaskListPage

        private enum Field: String, CodingKey {
            case count
            case tasks = "migration_tasks"
        }

        init(from decoder: Decoder) throws {
            let root = try decoder.container(keyedBy: Field.self)
            let count = root.lenientInt(forKey: .count)
            guard var items = try? root.nestedUnkeyedContainer(forKey: .tasks) else {
                let shape = try root.decodeIfPresent(JSONShape.self, forKey: .tasks) ?? .null
                guard shape == .null else {
                    throw PageDecodingError.unexpectedShape("migration_tasks is \(shape.name), not an array")
                }
                guard count != nil else {
                    throw PageDecodingError.unexpectedShape("neither migration_tasks nor count is present")
                }
                page = TaskListPage(count: count, tasks: [], issues: [], itemCount: 0)
                return
            }
            var tasks: [MigrationTask] = []
            tasks.reserveCapacity(items.count ?? 0)
            var issues: [TaskDecodingIssue] = []
            var index = 0
            while !items.isAtEnd {
                switch try items.decode(TaskListItem.self).result {
                case .success(let task): tasks.append(task)
                case .failure(let issue): issues.append(TaskDecodingIssue(index: index, reason: issue.reason))
                }
                index += 1
            }
            page = TaskListPage(count: count, tasks: tasks, issues: issues, itemCount: index)
        }
    }
}
