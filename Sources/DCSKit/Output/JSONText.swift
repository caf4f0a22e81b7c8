/// Writes the JSON of `list` records directly: they are flat (strings, nulls, one array of strings),
/// and `JSONEncoder` made `list --output json` at 100,000 tasks 16.7 s of CPU instead of 5.1 s
/// (DECISIONS.md, 2026-12-03). Everything else is written by `JSONOutput` (`JSONEncoder`).
enum JSONText {
    /// A JSON string literal. Escapes what JSON requires (`"`, `\`, U+0000–U+001F) and, so the output
    /// is also safe on a terminal and in JavaScript, DEL, the C1 controls and U+2028/U+2029; and, so a
    /// task name cannot reorder or hide what a terminal shows (issue 7), bidi controls and invisible
    /// characters (the ones `SafeText` replaces). Escaping is lossless: parsers get the same text.
    static func string(_ text: String) -> String {
        // Fast path: no byte that could need escaping (0xC2, 0xD8, 0xE1, 0xE2 and 0xEF lead the C1
        // controls, U+00AD, U+061C, U+180E, U+2028/9 and the bidi and zero-width ranges, U+FEFF).
        if !text.utf8.contains(where: {
            $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0x7F || $0 == 0xC2 || $0 == 0xD8 || $0 == 0xE1 || $0 == 0xE2
                || $0 == 0xEF
        }) {
            return "\"" + text + "\""
        }
        var output = "\""
        output.reserveCapacity(text.utf8.count + 2)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case "\u{08}": output += "\\b"
            case "\u{0C}": output += "\\f"
            default:
                let value = scalar.value
                if value < 0x20 || JSONOutput.needsEscape(value) {
                    output += "\\u" + hex4(value)
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        return output + "\""
    }

    private static func hex4(_ value: UInt32) -> String {
        let digits = Array("0123456789abcdef")
        return String([
            digits[Int(value >> 12 & 0xF)], digits[Int(value >> 8 & 0xF)], digits[Int(value >> 4 & 0xF)],
            digits[Int(value & 0xF)],
        ])
    }
}

extension JSONText {
    /// Appends `string(text)` as UTF-8; text without anything to escape is copied as is.
    static func append(_ text: String, to bytes: inout [UInt8]) {
        var text = text
        let clean = text.withUTF8 { utf8 in
            !utf8.contains(where: {
                $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0x7F || $0 == 0xC2 || $0 == 0xD8 || $0 == 0xE1
                    || $0 == 0xE2 || $0 == 0xEF
            })
        }
        if clean {
            bytes.append(0x22)
            text.withUTF8 { bytes.append(contentsOf: $0) }
            bytes.append(0x22)
        } else {
            bytes.append(contentsOf: string(text).utf8)
        }
    }
}

extension TaskRecord {
    /// The field names in byte order: the stable key order of JSON output.
    static let sortedFieldNames = fieldNames.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }

    /// `"name"` of each sorted field, encoded once.
    private static let encodedNames = sortedFieldNames.map { Array(JSONText.string($0).utf8) }

    /// The record as one JSON object: compact on one line, or pretty with members indented by
    /// `indent` + two spaces and the closing brace by `indent`.
    public func json(pretty: Bool, indent: String = "") -> String {
        var bytes: [UInt8] = []
        appendJSON(pretty: pretty, indent: Array(indent.utf8), to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `json(pretty:indent:)` as UTF-8 (what `list` writes: no string per member).
    func appendJSON(pretty: Bool, indent: [UInt8], to bytes: inout [UInt8]) {
        TaskRecord.appendJSON(of: item, pretty: pretty, indent: indent, to: &bytes)
    }

    /// Appends the JSON object of `item` (borrowed: no copy of the task per record).
    static func appendJSON(of item: WatchedTask, pretty: Bool, indent: [UInt8], to bytes: inout [UInt8]) {
        // The members in `sortedFieldNames` order, each value read in place: a `switch` returning each
        // value retained and released ~28 strings per record (issue 6). A test checks every member
        // against `TaskRecord.text(_:)`.
        var position = 0
        func name() {
            if position > 0 { bytes.append(UInt8(ascii: ",")) }
            if pretty {
                bytes.append(0x0A)
                bytes.append(contentsOf: indent)
                bytes.append(0x20)
                bytes.append(0x20)
            }
            bytes.append(contentsOf: TaskRecord.encodedNames[position])
            bytes.append(UInt8(ascii: ":"))
            if pretty { bytes.append(0x20) }
            position += 1
        }
        func text(_ value: String) {
            name()
            JSONText.append(value, to: &bytes)
        }
        bytes.append(UInt8(ascii: "{"))
        text(item.task.createdAt.raw)
        name()
        if let date = item.task.createdAt.date {
            bytes.append(0x22)
            TaskRecord.appendISO(date, to: &bytes)
            bytes.append(0x22)
        } else {
            bytes.append(contentsOf: "null".utf8)
        }
        text(item.task.dataSource)
        text(item.task.description)
        text(item.task.ecsTenantPrivateIP)
        text(item.task.errorMessage)
        text(item.task.migrationMethod.rawValue)
        text(item.task.migrationType.rawValue)
        text(item.task.releasedAt.raw)
        text(item.task.resumeMode.rawValue)
        text(item.task.sourceInstanceID)
        text(item.task.sourceInstanceName)
        text(item.task.sourceInstanceSpecCode)
        text(item.task.sourceInstanceStatus)
        text(item.task.sourceInstanceSubnetID)
        text(item.task.status.raw)
        text(item.task.status.category.rawValue)
        name()
        bytes.append(UInt8(ascii: "["))
        for (index, feature) in item.task.supportedFeatures.enumerated() {
            if index > 0 {
                bytes.append(UInt8(ascii: ","))
                if pretty { bytes.append(0x20) }
            }
            JSONText.append(feature, to: &bytes)
        }
        bytes.append(UInt8(ascii: "]"))
        text(item.target)
        text(item.task.targetInstanceAddrs)
        text(item.task.targetInstanceID)
        text(item.task.targetInstanceName)
        text(item.task.targetInstanceSpecCode)
        text(item.task.targetInstanceStatus)
        text(item.task.targetInstanceSubnetID)
        text(item.task.taskID)
        text(item.task.name)
        text(item.task.version)
        if pretty {
            bytes.append(0x0A)
            bytes.append(contentsOf: indent)
        }
        bytes.append(UInt8(ascii: "}"))
    }
}
