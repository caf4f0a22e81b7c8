import Foundation

/// `list --output table`: aligned columns that fit `width` terminal columns. Every cell is sanitised
/// (`SafeText.line`) and measured with `DisplayWidth` (CJK takes two columns). When the table is too
/// wide, the free-text columns shrink first, then the least useful columns are dropped (ID, TYPE,
/// CREATED, FROM, TO). The status is always a word; colour (ANSI SGR) is added only when asked.
public struct TaskTableFormatter: Sendable {
    /// Terminal columns available; nil means no limit (output is not a terminal).
    public var width: Int?
    /// Colour the status word by category.
    public var colour: Bool
    /// Show the TARGET column (when more than one target was listed).
    public var showTarget: Bool

    /// Builds a formatter.
    public init(width: Int?, colour: Bool, showTarget: Bool) {
        self.width = width
        self.colour = colour
        self.showTarget = showTarget
    }

    /// One column: its cells and how far it may shrink.
    struct Column {
        let header: String
        let cells: [String]
        /// Narrowest the column may get when everything else has been tried.
        let minimum: Int
        /// Width the column is first shrunk to before any column is dropped.
        let comfortable: Int
        let maximum: Int
        /// Lower is dropped first; nil is never dropped.
        let dropRank: Int?
        var width = 0
    }

    /// The table, one line per task after a header line, each ending in a newline.
    public func format(_ tasks: [WatchedTask]) -> String {
        var output = ""
        write(tasks, to: &output)
        return output
    }

    /// Writes the table line by line (widths are computed from every row first).
    public func write<Target: TextOutputStream>(_ tasks: [WatchedTask], to output: inout Target) {
        var columns = makeColumns(tasks)
        for index in columns.indices {
            let widest = columns[index].cells.reduce(DisplayWidth.of(columns[index].header)) { max($0, DisplayWidth.of($1)) }
            columns[index].width = min(widest, columns[index].maximum)
        }
        if let width { TaskTableFormatter.fit(&columns, into: width) }
        output.write(render(columns.map { $0.header }, columns, category: nil) + "\n")
        for (row, item) in tasks.enumerated() {
            output.write(render(columns.map { $0.cells[row] }, columns, category: item.task.status.category) + "\n")
        }
    }

    private func makeColumns(_ tasks: [WatchedTask]) -> [Column] {
        func cells(_ value: (WatchedTask) -> String) -> [String] {
            tasks.map { item in
                let text = SafeText.line(value(item), limit: 512)
                return text.isEmpty ? "-" : text
            }
        }
        let statuses = cells { $0.task.status.raw }
        // The status word is never shortened: it is the point of the table.
        let statusWidth = min(statuses.reduce(6) { max($0, DisplayWidth.of($1)) }, 24)
        var columns: [Column] = []
        if showTarget {
            columns.append(
                Column(header: "TARGET", cells: cells { $0.target }, minimum: 6, comfortable: 12, maximum: 24, dropRank: 5))
        }
        columns += [
            Column(header: "NAME", cells: cells { $0.task.name }, minimum: 8, comfortable: 24, maximum: 48, dropRank: nil),
            Column(
                header: "STATUS", cells: statuses, minimum: statusWidth, comfortable: statusWidth, maximum: statusWidth,
                dropRank: nil),
            Column(
                header: "TYPE", cells: cells { Self.typeLabel($0.task) }, minimum: 4, comfortable: 16, maximum: 16, dropRank: 1),
            Column(header: "FROM", cells: cells { $0.task.sourceLabel }, minimum: 6, comfortable: 16, maximum: 32, dropRank: 3),
            Column(header: "TO", cells: cells { $0.task.targetLabel }, minimum: 6, comfortable: 16, maximum: 32, dropRank: 4),
            Column(
                header: "CREATED", cells: cells { Self.created($0.task) }, minimum: 10, comfortable: 16, maximum: 19, dropRank: 2),
            Column(header: "ID", cells: cells { $0.task.taskID }, minimum: 8, comfortable: 36, maximum: 40, dropRank: 0),
        ]
        return columns
    }

    /// Makes the columns fit `width`: shrink every column to its comfortable width, then drop the least
    /// useful columns (ID, TYPE, CREATED, FROM, TO, TARGET), then shrink down to the minimums. What
    /// still does not fit is cut per line in `render`.
    static func fit(_ columns: inout [Column], into width: Int) {
        func total() -> Int { columns.reduce(0) { $0 + $1.width } + 2 * max(columns.count - 1, 0) }
        func shrink(toward floor: (Column) -> Int) {
            while total() > width {
                guard
                    let widest = columns.indices.filter({ columns[$0].width > floor(columns[$0]) })
                        .max(by: { columns[$0].width < columns[$1].width })
                else { return }
                columns[widest].width -= 1
            }
        }
        shrink { $0.comfortable }
        while total() > width,
            let drop = columns.indices.filter({ columns[$0].dropRank != nil })
                .min(by: { (columns[$0].dropRank ?? 0) < (columns[$1].dropRank ?? 0) })
        {
            columns.remove(at: drop)
        }
        shrink { $0.minimum }
    }

    private func render(_ cells: [String], _ columns: [Column], category: StatusCategory?) -> String {
        var plain: [String] = []
        var styled: [String] = []
        for (index, column) in columns.enumerated() {
            let cell = DisplayWidth.truncate(cells[index], to: column.width, pad: index < columns.count - 1)
            plain.append(cell)
            if colour, column.header == "STATUS", let category {
                styled.append(ANSIStyle.colour(for: category).wrap(cell))
            } else {
                styled.append(cell)
            }
        }
        let line = plain.joined(separator: "  ")
        // A line wider than the terminal even at minimum widths is cut, and loses its colour so that no
        // escape sequence is split.
        if let width, DisplayWidth.of(line) > width { return DisplayWidth.truncate(line, to: width) }
        var output = styled.joined(separator: "  ")
        while output.hasSuffix(" ") { output.removeLast() }
        return output
    }

    /// "online full+incr", "backup full".
    static func typeLabel(_ task: MigrationTask) -> String {
        let type = task.migrationType.shortLabel
        let method = task.migrationMethod.shortLabel
        return method == "-" ? type : "\(type) \(method)"
    }

    /// `2024-04-01 10:57` in UTC when parsed, else the raw text. Built from the signer's calendar-free
    /// UTC formatting: a `DateFormatter` per row made 100,000-task tables slow.
    static func created(_ task: MigrationTask) -> String {
        guard let date = task.createdAt.date else { return task.createdAt.raw }
        let compact = Array(RequestSigner.sdkDate(date))  // YYYYMMDDTHHMMSSZ
        return String(compact[0..<4]) + "-" + String(compact[4..<6]) + "-" + String(compact[6..<8]) + " "
            + String(compact[9..<11]) + ":" + String(compact[11..<13])
    }
}

/// The SGR colours `list` uses for statuses; the word is always printed too (colour is never the
/// only signal).
public enum ANSIStyle: String, Sendable {
    /// Failed.
    case red = "31"
    /// Succeeded.
    case green = "32"
    /// Stopping.
    case yellow = "33"
    /// Running.
    case cyan = "36"
    /// Unknown status.
    case magenta = "35"
    /// Stopped.
    case dim = "2"

    /// The colour of a status category.
    public static func colour(for category: StatusCategory) -> ANSIStyle {
        switch category {
        case .failed: return .red
        case .succeeded: return .green
        case .stopping: return .yellow
        case .running: return .cyan
        case .stopped: return .dim
        case .unknown: return .magenta
        }
    }

    /// `ESC[…m text ESC[0m`.
    public func wrap(_ text: String) -> String {
        "\u{1B}[\(rawValue)m\(text)\u{1B}[0m"
    }
}
