import Foundation

/// Decodes a list page straight from its bytes into `MigrationTask`s: no `JSONValue` tree of the page
/// (a 1,000-task page built ~25,000 enum values and 1,000 dictionaries, only to read them once),
/// member names matched as bytes, and repeated values interned (`StringInterner`). Issue 6.
///
/// Kept beside `JSONDecoder` for its figure: `debug fetch` of 100,000 tasks costs 1.20 s of CPU with it
/// and 3.40 s through `JSONDecoder`, against 8.10 s for the official SDK's loop (DECISIONS.md,
/// 2026-12-03). The grammar is `JSONParser`'s; the fields are `MigrationTask.ListField`'s, read by name.
enum ListPageDecoder {
    /// The list item fields, by name; `fieldNames[field.index]` is a field's name as bytes.
    typealias Field = MigrationTask.ListField

    /// The fields in `allCases` order (`allCases` builds a new array on every use).
    static let fields = Field.allCases

    /// The member names, in `fields` order.
    static let fieldNames: [[UInt8]] = fields.map { Array($0.rawValue.utf8) }

    /// Fields whose values tasks share (types, statuses, specs, versions, instances, subnets, texts
    /// of a batch): interned. Ids, names and times of the task itself are unique: not worth a lookup.
    static let internedFields: Set<Field> = Set(Field.allCases).subtracting([
        .taskID, .name, .createdAt, .releasedAt, .dataSource, .ecsTenantPrivateIP,
    ])

    /// Fields `MigrationTask` stores as `CompactText` (names, addresses, instance and subnet ids): read
    /// from the page's bytes straight into it, without a `String` in between.
    static let compactFields: [Field] = [
        .name, .dataSource, .sourceInstanceName, .sourceInstanceID, .targetInstanceAddrs, .targetInstanceName,
        .targetInstanceID, .sourceInstanceSubnetID, .targetInstanceSubnetID,
    ]

    /// Decoding state shared by the items of one page.
    struct ItemState {
        /// Repeated values.
        var interner = StringInterner()
        /// The field at each member position of the previous item: servers write members in one order,
        /// so the name is usually matched by one comparison.
        var expected: [Int] = []
    }

    /// Decodes a page (see `TaskListPage.decode`).
    static func decode(_ data: Data) throws(PageDecodingError) -> TaskListPage {
        let result: Result<TaskListPage, PageDecodingError> = data.withUnsafeBytes { raw in
            var parser = JSONParser(bytes: raw.bindMemory(to: UInt8.self))
            do throws(PageDecodingError) {
                return .success(try decodeRoot(&parser, data: data))
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    private static func decodeRoot(_ parser: inout JSONParser, data: Data) throws(PageDecodingError) -> TaskListPage {
        parser.skipWhitespace()
        guard parser.current == UInt8(ascii: "{") else {
            let root: JSONValue
            do {
                root = try JSONValue.parse(data)
            } catch {
                throw .notJSON(String(describing: error))
            }
            throw .unexpectedShape("the body is \(root.shapeName), not an object")
        }
        let root: (count: JSONValue?, tasks: JSONValue?, decoded: DecodedItems?)
        do throws(JSONSyntaxError) {
            root = try members(&parser)
        } catch {
            throw .notJSON(String(describing: error))
        }
        let count = root.count?.lenientInt
        guard let decoded = root.decoded else {
            try TaskListPage.checkShape(of: root.tasks, count: count)
            return TaskListPage(count: count, tasks: [], issues: [], itemCount: 0)
        }
        return TaskListPage(count: count, tasks: decoded.tasks, issues: decoded.issues, itemCount: decoded.itemCount)
    }

    /// The items of `migration_tasks`, decoded.
    typealias DecodedItems = (tasks: [MigrationTask], issues: [TaskDecodingIssue], itemCount: Int)

    /// The root object's members (its opening brace current) up to the end of the document: `count`,
    /// and `migration_tasks` decoded when it is an array, else as a value.
    private static func members(
        _ parser: inout JSONParser
    ) throws(JSONSyntaxError) -> (count: JSONValue?, tasks: JSONValue?, decoded: DecodedItems?) {
        do {
            var countValue: JSONValue?
            var tasksValue: JSONValue?
            var decoded: DecodedItems?
            var state = ItemState()
            try parser.enter()
            parser.index += 1
            parser.skipWhitespace()
            if parser.current == UInt8(ascii: "}") {
                parser.index += 1
                parser.depth -= 1
            } else {
                members: while true {
                    parser.skipWhitespace()
                    guard parser.current == UInt8(ascii: "\"") else { throw parser.error("expected a member name") }
                    let key = try parser.string()
                    parser.skipWhitespace()
                    guard parser.current == UInt8(ascii: ":") else { throw parser.error("expected ':'") }
                    parser.index += 1
                    parser.skipWhitespace()
                    if key == "migration_tasks", parser.current == UInt8(ascii: "[") {
                        decoded = try items(&parser, state: &state)
                        tasksValue = nil
                    } else {
                        let value = try parser.value()
                        if key == "count" { countValue = value }
                        if key == "migration_tasks" {
                            tasksValue = value
                            decoded = nil
                        }
                    }
                    parser.skipWhitespace()
                    switch parser.current {
                    case UInt8(ascii: ","): parser.index += 1
                    case UInt8(ascii: "}"):
                        parser.index += 1
                        parser.depth -= 1
                        break members
                    default: throw parser.error("expected ',' or '}'")
                    }
                }
            }
            parser.skipWhitespace()
            guard parser.index == parser.bytes.count else { throw parser.error("unexpected text after the value") }
            return (countValue, tasksValue, decoded)
        }
    }

    /// The `migration_tasks` array, its opening bracket current.
    private static func items(
        _ parser: inout JSONParser, state: inout ItemState
    ) throws(JSONSyntaxError) -> DecodedItems {
        try parser.enter()
        parser.index += 1
        var tasks: [MigrationTask] = []
        var issues: [TaskDecodingIssue] = []
        var itemCount = 0
        parser.skipWhitespace()
        if parser.current == UInt8(ascii: "]") {
            parser.index += 1
            parser.depth -= 1
            return (tasks, issues, 0)
        }
        while true {
            parser.skipWhitespace()
            switch try item(&parser, index: itemCount, state: &state) {
            case .success(let task): tasks.append(task)
            case .failure(let issue): issues.append(issue)
            }
            itemCount += 1
            parser.skipWhitespace()
            switch parser.current {
            case UInt8(ascii: ","): parser.index += 1
            case UInt8(ascii: "]"):
                parser.index += 1
                parser.depth -= 1
                return (tasks, issues, itemCount)
            default: throw parser.error("expected ',' or ']'")
            }
        }
    }

    /// One item: a task, or why it is none (lenient, dcs-api-notes.md: any field may be missing, null,
    /// of another type, or unknown; only a non-object or an item without a usable `task_id` is an issue).
    private static func item(
        _ parser: inout JSONParser, index: Int, state: inout ItemState
    ) throws(JSONSyntaxError) -> Result<MigrationTask, TaskDecodingIssue> {
        guard parser.current == UInt8(ascii: "{") else {
            let shape = try parser.value().shapeName
            return .failure(TaskDecodingIssue(index: index, reason: "expected an object, got \(shape)"))
        }
        try parser.enter()
        parser.index += 1
        var texts = [String?](repeating: nil, count: fields.count)
        var compacts = [CompactText?](repeating: nil, count: fields.count)
        var features: JSONValue?
        var position = 0
        parser.skipWhitespace()
        if parser.current == UInt8(ascii: "}") {
            parser.index += 1
            parser.depth -= 1
        } else {
            members: while true {
                parser.skipWhitespace()
                guard parser.current == UInt8(ascii: "\"") else { throw parser.error("expected a member name") }
                let index = try memberField(&parser, expected: position < state.expected.count ? state.expected[position] : nil)
                if position < state.expected.count {
                    state.expected[position] = index ?? -1
                } else {
                    state.expected.append(index ?? -1)
                }
                let field = index.map { fields[$0] }
                position += 1
                parser.skipWhitespace()
                guard parser.current == UInt8(ascii: ":") else { throw parser.error("expected ':'") }
                parser.index += 1
                parser.skipWhitespace()
                if field == .supportedFeatures {
                    features = try parser.value()
                } else if let field, let index, compactFields.contains(field) {
                    compacts[index] = try compactValue(&parser, interner: &state.interner)
                } else if let field, let index {
                    if parser.current == UInt8(ascii: "\"") {
                        texts[index] =
                            internedFields.contains(field)
                            ? try internedString(&parser, interner: &state.interner) : try parser.string()
                    } else {
                        texts[index] = try parser.value().lenientString
                    }
                } else {
                    _ = try parser.value()
                }
                parser.skipWhitespace()
                switch parser.current {
                case UInt8(ascii: ","): parser.index += 1
                case UInt8(ascii: "}"):
                    parser.index += 1
                    parser.depth -= 1
                    break members
                default: throw parser.error("expected ',' or '}'")
                }
            }
        }
        let text = { (field: Field) -> String in texts[field.index] ?? "" }
        let id = text(.taskID).trimmedFast(.whitespacesAndNewlines)
        guard !id.isEmpty else { return .failure(TaskDecodingIssue(index: index, reason: "task_id is missing or empty")) }
        var task = MigrationTask(
            taskID: id, status: text(.status), migrationType: text(.migrationType), migrationMethod: text(.migrationMethod),
            ecsTenantPrivateIP: text(.ecsTenantPrivateIP), createdAt: text(.createdAt), description: text(.description),
            sourceInstanceStatus: text(.sourceInstanceStatus), targetInstanceStatus: text(.targetInstanceStatus),
            sourceInstanceSpecCode: text(.sourceInstanceSpecCode), targetInstanceSpecCode: text(.targetInstanceSpecCode),
            errorMessage: text(.errorMessage), releasedAt: text(.releasedAt), version: text(.version),
            resumeMode: text(.resumeMode), supportedFeatures: (features?.arrayValue ?? []).compactMap(\.lenientString))
        let compact = { (field: Field) -> CompactText in compacts[field.index] ?? .empty }
        task.$name = compact(.name)
        task.$dataSource = compact(.dataSource)
        task.$sourceInstanceName = compact(.sourceInstanceName)
        task.$sourceInstanceID = compact(.sourceInstanceID)
        task.$targetInstanceAddrs = compact(.targetInstanceAddrs)
        task.$targetInstanceName = compact(.targetInstanceName)
        task.$targetInstanceID = compact(.targetInstanceID)
        task.$sourceInstanceSubnetID = compact(.sourceInstanceSubnetID)
        task.$targetInstanceSubnetID = compact(.targetInstanceSubnetID)
        return .success(task)
    }

    /// A value of a `compactFields` member: a plain string from its bytes (longer ones than fit inline
    /// through `interner`, so that repeated long values still share one string); escaped strings and
    /// other types as `MigrationTask.decode` reads them.
    private static func compactValue(
        _ parser: inout JSONParser, interner: inout StringInterner
    ) throws(JSONSyntaxError) -> CompactText {
        guard parser.current == UInt8(ascii: "\"") else { return CompactText(try parser.value().lenientString ?? "") }
        guard let range = plainString(&parser) else { return CompactText(try parser.string()) }
        let bytes = UnsafeBufferPointer(rebasing: parser.bytes[range])
        if bytes.count > CompactText.inlineCapacity, CompactText.packedUUID(bytes) == nil {
            return CompactText(interner.string(bytes))
        }
        return CompactText(bytes: bytes)
    }

    /// Reads a member name (its opening quote current) and returns its field index, nil when it is
    /// not a list item field. A name without escapes is matched as bytes, without making a `String`.
    private static func memberField(_ parser: inout JSONParser, expected: Int?) throws(JSONSyntaxError) -> Int? {
        if let range = plainString(&parser) {
            let name = UnsafeBufferPointer(rebasing: parser.bytes[range])
            if let expected, expected >= 0, sameBytes(fieldNames[expected], name) { return expected }
            return fieldNames.firstIndex { sameBytes($0, name) }
        }
        let name = Array(try parser.string().utf8)
        return fieldNames.firstIndex(of: name)
    }

    /// Whether `known` and `name` hold the same bytes: `memcmp`, as the generic `elementsEqual` walked
    /// them one by one (6 % of a 100,000-task fetch, issue 6).
    @inline(__always)
    private static func sameBytes(_ known: [UInt8], _ name: UnsafeBufferPointer<UInt8>) -> Bool {
        guard known.count == name.count else { return false }
        return known.withUnsafeBufferPointer { stored in
            guard let storedBase = stored.baseAddress, let base = name.baseAddress else { return name.isEmpty }
            return memcmp(storedBase, base, name.count) == 0
        }
    }

    /// Reads a string value (its opening quote current) through `interner`.
    private static func internedString(
        _ parser: inout JSONParser, interner: inout StringInterner
    ) throws(JSONSyntaxError) -> String {
        if let range = plainString(&parser) { return interner.string(UnsafeBufferPointer(rebasing: parser.bytes[range])) }
        return try parser.string()
    }

    /// The byte range of a string without escapes or control characters, its opening quote current,
    /// and the parser moved past it; nil (and the parser unmoved) for any other string, which
    /// `JSONParser.string()` then reads (and reports errors in) as the tree path does.
    private static func plainString(_ parser: inout JSONParser) -> Range<Int>? {
        let bytes = parser.bytes
        let start = parser.index + 1
        var index = start
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                parser.index = index + 1
                return start..<index
            }
            if byte == UInt8(ascii: "\\") || byte < 0x20 { return nil }
            index += 1
        }
        return nil
    }
}
