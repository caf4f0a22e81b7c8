import Foundation

/// Decodes a list page: `PlainPageReader` over the bytes for the pages DCS sends (plain strings,
/// `null`s, an integer `count`), and `ListPageBody`, the `Codable` read, for every other page and for
/// every error. Both build tasks by the one rule set of list items (`MigrationTask.listItem`).
///
/// The fast path is kept for its figure: `debug fetch` of 100,000 tasks costs 1.20 s of CPU with it
/// and 3.40 s through `JSONDecoder` alone, against 8.10 s for the official SDK's loop (DECISIONS.md,
/// 2026-12-03). It holds no grammar of its own beyond the plain subset: anything else it meets (an
/// escape, a number where a string belongs, an item that is no object, a syntax error) hands the whole
/// page to `JSONDecoder`, which then reads it or says what is wrong (issue 15: one JSON grammar).
enum ListPageDecoder {
    /// The list item fields, in `allCases` order (`allCases` builds a new array on every use).
    static let fields = MigrationTask.ListField.allCases

    /// How a field's value is read by the fast path.
    enum ValueKind {
        /// Stored as `CompactText` (names, addresses, instance and subnet ids): read from the page's
        /// bytes straight into it, without a `String` in between.
        case compact
        /// A value tasks share (types, statuses, specs, versions, texts of a batch): interned.
        case interned
        /// Unique to the task (its id and times): not worth an interner lookup.
        case unique
        /// `supported_features`, an array of strings.
        case features
    }

    /// The kind of each field, in `fields` order: looked up by index for each member (a `Set` of
    /// fields hashed every member of every item: ~5 % of a 100,000-task fetch's CPU, issue 15).
    static let kinds: [ValueKind] = fields.map { field in
        switch field {
        case .name, .dataSource, .sourceInstanceName, .sourceInstanceID, .targetInstanceAddrs, .targetInstanceName,
            .targetInstanceID, .sourceInstanceSubnetID, .targetInstanceSubnetID:
            return .compact
        case .taskID, .createdAt, .releasedAt, .ecsTenantPrivateIP: return .unique
        case .supportedFeatures: return .features
        default: return .interned
        }
    }

    /// The member names as bytes, in `fields` order.
    static let fieldNames: [[UInt8]] = fields.map { Array($0.rawValue.utf8) }

    /// Decodes a page (see `TaskListPage.decode`).
    static func decode(_ data: Data) throws(PageDecodingError) -> TaskListPage {
        let plain = data.withUnsafeBytes { raw in
            var reader = PlainPageReader(bytes: raw.bindMemory(to: UInt8.self))
            return reader.page()
        }
        if let plain { return plain }
        do {
            return try LenientJSON.decode(ListPageBody.self, from: data).page
        } catch let error as PageDecodingError {
            throw error
        } catch {
            throw .notJSON(LenientJSON.describe(error, in: data))
        }
    }
}

/// The `Codable` read of a list page: the pages the fast path leaves, and every error they hold.
struct ListPageBody: Decodable {
    /// The page.
    let page: TaskListPage

    private enum Key: String, CodingKey {
        case count
        case migrationTasks = "migration_tasks"
    }

    /// An item, read by the rules of list items; never throws.
    private struct Item: Decodable {
        let result: Result<MigrationTask, TaskDecodingIssue>
        init(from decoder: Decoder) throws { result = MigrationTask.decodeItem(from: decoder) }
    }

    /// Reads `count` leniently and each item of `migration_tasks`; throws `PageDecodingError` for a
    /// body that is not a list response.
    init(from decoder: Decoder) throws {
        guard let root = try? decoder.container(keyedBy: Key.self) else {
            throw PageDecodingError.unexpectedShape("the body is \(try JSONShape(from: decoder).name), not an object")
        }
        let count = root.lenientInt(forKey: .count)
        guard let items = try? root.decode([Item].self, forKey: .migrationTasks) else {
            switch try? root.decodeIfPresent(JSONShape.self, forKey: .migrationTasks) {
            case .null?, nil:
                guard count != nil else {
                    throw PageDecodingError.unexpectedShape("neither migration_tasks nor count is present")
                }
                page = TaskListPage(count: count, tasks: [], itemCount: 0)
                return
            case let other?:
                throw PageDecodingError.unexpectedShape("migration_tasks is \(other.name), not an array")
            }
        }
        var tasks: [MigrationTask] = []
        var issues: [TaskDecodingIssue] = []
        for (index, item) in items.enumerated() {
            switch item.result {
            case .success(let task): tasks.append(task)
            case .failure(let issue): issues.append(TaskDecodingIssue(index: index, reason: issue.reason))
            }
        }
        page = TaskListPage(count: count, tasks: tasks, issues: issues, itemCount: items.count)
    }
}
