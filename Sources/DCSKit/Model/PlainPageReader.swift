import Foundation

/// The fast path of `ListPageDecoder`: reads a list page whose values are plain strings (no escapes,
/// no control characters), `null`s, numbers and booleans of unknown members, and an integer `count`,
/// straight from its bytes into `MigrationTask`s: member names matched as bytes (usually by one
/// comparison: servers write members in one order), repeated values interned (`StringInterner`), no
/// tree of the page. `page()` is nil for anything else, and the `Codable` read decides (issue 15).
struct PlainPageReader {
    private typealias Field = MigrationTask.ListField

    /// The body.
    let bytes: UnsafeBufferPointer<UInt8>
    /// The next byte to read.
    var index = 0
    /// Repeated values of the page.
    var interner = StringInterner()
    /// The field index at each member position of the previous item (-1: not a field).
    private var expected: [Int] = []
    /// The values of the item being read, by field index: kept across items (emptied at each), as two
    /// arrays made and freed per task were ~6 % of a 100,000-task fetch.
    private var texts = [String?](repeating: nil, count: ListPageDecoder.fields.count)
    private var compacts = [CompactText?](repeating: nil, count: ListPageDecoder.fields.count)
    /// `ListPageDecoder`'s tables, held here: a static is a lazy global, checked and retained at every
    /// read, and these are read for every member of every item.
    private let kinds = ListPageDecoder.kinds
    private let names = ListPageDecoder.fieldNames

    /// A reader of `bytes`.
    init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    private static let countName = Array("count".utf8)
    private static let tasksName = Array("migration_tasks".utf8)

    /// The page, or nil when the body holds anything the plain reading does not take.
    mutating func page() -> TaskListPage? {
        var count: Int?
        var items: (tasks: [MigrationTask], issues: [TaskDecodingIssue], count: Int)?
        guard take(UInt8(ascii: "{")) else { return nil }
        repeat {
            guard let name = plainString(), take(UInt8(ascii: ":")) else { return nil }
            if same(name, Self.tasksName) {
                guard let read = self.items() else { return nil }
                items = read
            } else if same(name, Self.countName) {
                guard let number = integer() else { return nil }
                count = number
            } else {
                guard skipScalar() else { return nil }
            }
        } while take(UInt8(ascii: ","))
        guard take(UInt8(ascii: "}")), let items else { return nil }
        skipWhitespace()
        guard index == bytes.count else { return nil }
        return TaskListPage(count: count, tasks: items.tasks, issues: items.issues, itemCount: items.count)
    }

    /// The `migration_tasks` array.
    private mutating func items() -> (tasks: [MigrationTask], issues: [TaskDecodingIssue], count: Int)? {
        guard take(UInt8(ascii: "[")) else { return nil }
        var tasks: [MigrationTask] = []
        var issues: [TaskDecodingIssue] = []
        var count = 0
        if take(UInt8(ascii: "]")) { return (tasks, issues, 0) }
        repeat {
            switch item() {
            case .success(let task)?: tasks.append(task)
            case .failure(let issue)?: issues.append(TaskDecodingIssue(index: count, reason: issue.reason))
            case nil: return nil
            }
            count += 1
        } while take(UInt8(ascii: ","))
        guard take(UInt8(ascii: "]")) else { return nil }
        return (tasks, issues, count)
    }

    /// One item, by the rules of list items; nil when it is not a plain object.
    private mutating func item() -> Result<MigrationTask, TaskDecodingIssue>? {
        guard take(UInt8(ascii: "{")) else { return nil }
        for field in texts.indices {
            texts[field] = nil
            compacts[field] = nil
        }
        var features: [String] = []
        var position = 0
        // Fields met so far (one bit each): a repeated member is left to `JSONDecoder`'s rule.
        var seen: UInt32 = 0
        if !take(UInt8(ascii: "}")) {
            repeat {
                guard let name = plainString(), take(UInt8(ascii: ":")) else { return nil }
                let field = fieldIndex(name, at: position)
                position += 1
                guard let field else {
                    guard skipScalar() else { return nil }
                    continue
                }
                guard seen & (1 << field) == 0 else { return nil }
                seen |= 1 << field
                if takeLiteral("null") { continue }
                switch kinds[field] {
                case .features:
                    guard let list = plainStrings() else { return nil }
                    features = list
                case .compact:
                    guard let range = plainString() else { return nil }
                    compacts[field] = compact(range)
                case .interned:
                    guard let range = plainString() else { return nil }
                    texts[field] = interner.string(slice(range))
                case .unique:
                    guard let range = plainString() else { return nil }
                    texts[field] = String(decoding: slice(range), as: UTF8.self)
                }
            } while take(UInt8(ascii: ","))
            guard take(UInt8(ascii: "}")) else { return nil }
        }
        let (texts, compacts) = (self.texts, self.compacts)
        return MigrationTask.listItem(
            text: { texts[$0.index] ?? "" }, compact: { compacts[$0.index] ?? .empty }, features: features)
    }

    /// A value of a compact field: inline when it fits, else through the interner so that repeated
    /// long values still share one string.
    private mutating func compact(_ range: Range<Int>) -> CompactText {
        let value = slice(range)
        if value.count > CompactText.inlineCapacity, CompactText.packedUUID(value) == nil {
            return CompactText(interner.string(value))
        }
        return CompactText(bytes: value)
    }

    /// The field of a member name, trying the one at this position in the previous item first.
    private mutating func fieldIndex(_ name: Range<Int>, at position: Int) -> Int? {
        if position < expected.count, expected[position] >= 0, same(name, names[expected[position]]) {
            return expected[position]
        }
        let found = names.firstIndex { same(name, $0) }
        if position < expected.count {
            expected[position] = found ?? -1
        } else {
            expected.append(found ?? -1)
        }
        return found
    }
}
