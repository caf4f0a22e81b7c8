import Foundation

/// Decodes a list page straight from its bytes into `MigrationTask`s: no `JSONValue` tree of the page
/// (a 1,000-task page built ~25,000 enum values and 1,000 dictionaries, only to read them once),
/// member names matched as bytes, and repeated values interned (`StringInterner`). Issue 6.
///
/// It reads exactly what `TaskListPage.decodeThroughTree` reads: the same grammar through the same
/// `JSONParser` primitives (so the same syntax errors at the same offsets), the same lenient field
/// rules (`MigrationTask.decode`), later duplicate members winning. Differential tests hold it to that.
enum ListPageDecoder {
    /// The list item fields, in `MigrationTask.init` order; `supported_features` last.
    static let fieldNames: [[UInt8]] = [
        "task_id", "task_name", "status", "migration_type", "migration_method", "ecs_tenant_private_ip",
        "data_source", "source_instance_name", "source_instance_id", "target_instance_addrs",
        "target_instance_name", "target_instance_id", "created_at", "description", "source_instance_status",
        "target_instance_status", "source_instance_subnet_id", "target_instance_subnet_id",
        "source_instance_spec_code", "target_instance_spec_code", "error_message", "released_at", "version",
        "resume_mode", "supported_features",
    ].map { Array($0.utf8) }

    /// Index of `supported_features` in `fieldNames`.
    static let featuresField = fieldNames.count - 1

    /// Fields whose values tasks share (types, statuses, specs, versions, instances, subnets, texts
    /// of a batch): interned. Ids, names and times of the task itself are unique: not worth a lookup.
    static let internedFields: [Bool] = fieldNames.map { name in
        !["task_id", "task_name", "created_at", "released_at", "data_source", "ecs_tenant_private_ip"]
            .contains(String(decoding: name, as: UTF8.self))
    }

    /// Fields `MigrationTask` stores as `CompactText` (names, addresses, instance and subnet ids): read
    /// from the page's bytes straight into it, without a `String` in between.
    static let compactFields: [Bool] = fieldNames.map { name in
        [
            "task_name", "data_source", "source_instance_name", "source_instance_id", "target_instance_addrs",
            "target_instance_name", "target_instance_id", "source_instance_subnet_id", "target_instance_subnet_id",
        ].contains(String(decoding: name, as: UTF8.self))
    }

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
        // Anything but an object is an error of some kind: the tree path words it.
        guard parser.current == UInt8(ascii: "{") else { return try TaskListPage.decodeThroughTree(data) }
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

    /// One item: a task, or why it is none (as `MigrationTask.decode`).
    private static func item(
        _ parser: inout JSONParser, index: Int, state: inout ItemState
    ) throws(JSONSyntaxError) -> Result<MigrationTask, TaskDecodingIssue> {
        guard parser.current == UInt8(ascii: "{") else {
            return MigrationTask.decode(try parser.value(), index: index)
        }
        try parser.enter()
        parser.index += 1
        var texts = [String?](repeating: nil, count: featuresField)
        var compacts = [CompactText?](repeating: nil, count: featuresField)
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
                let field = try memberField(&parser, expected: position < state.expected.count ? state.expected[position] : nil)
                if position < state.expected.count {
                    state.expected[position] = field ?? -1
                } else {
                    state.expected.append(field ?? -1)
                }
                position += 1
                parser.skipWhitespace()
                guard parser.current == UInt8(ascii: ":") else { throw parser.error("expected ':'") }
                parser.index += 1
                parser.skipWhitespace()
                if let field, field < featuresField, compactFields[field] {
                    compacts[field] = try compactValue(&parser, interner: &state.interner)
                } else if let field, field < featuresField {
                    if parser.current == UInt8(ascii: "\"") {
                        texts[field] =
                            internedFields[field] ? try internedString(&parser, interner: &state.interner) : try parser.string()
                    } else {
                        texts[field] = try parser.value().lenientString
                    }
                } else if field == featuresField {
                    features = try parser.value()
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
        let text = { (field: Int) -> String in texts[field] ?? "" }
        let id = text(0).trimmedFast(.whitespacesAndNewlines)
        guard !id.isEmpty else { return .failure(TaskDecodingIssue(index: index, reason: "task_id is missing or empty")) }
        var task = MigrationTask(
            taskID: id, name: text(1), status: text(2), migrationType: text(3), migrationMethod: text(4),
            ecsTenantPrivateIP: text(5), dataSource: text(6), sourceInstanceName: text(7),
            sourceInstanceID: text(8), targetInstanceAddrs: text(9), targetInstanceName: text(10),
            targetInstanceID: text(11), createdAt: text(12), description: text(13),
            sourceInstanceStatus: text(14), targetInstanceStatus: text(15), sourceInstanceSubnetID: text(16),
            targetInstanceSubnetID: text(17), sourceInstanceSpecCode: text(18), targetInstanceSpecCode: text(19),
            errorMessage: text(20), releasedAt: text(21), version: text(22), resumeMode: text(23),
            supportedFeatures: (features?.arrayValue ?? []).compactMap(\.lenientString))
        let compact = { (field: Int) -> CompactText in compacts[field] ?? .empty }
        task.$name = compact(1)
        task.$dataSource = compact(6)
        task.$sourceInstanceName = compact(7)
        task.$sourceInstanceID = compact(8)
        task.$targetInstanceAddrs = compact(9)
        task.$targetInstanceName = compact(10)
        task.$targetInstanceID = compact(11)
        task.$sourceInstanceSubnetID = compact(16)
        task.$targetInstanceSubnetID = compact(17)
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
