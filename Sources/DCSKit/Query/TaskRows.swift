/// The rows the task list shows: indices into a `TaskCatalog`, filtered and sorted, read as
/// `WatchedTask`s. Eight bytes per row instead of a copy of every task, and the row of a task key in
/// constant time (the selection follows the key on every key press; issue 6).
public struct TaskRows: RandomAccessCollection, Sendable, Equatable {
    /// The catalog the indices point into.
    public let catalog: TaskCatalog
    /// Flat catalog indices, in display order.
    public let order: [Int32]
    /// Row of each catalog index, -1 when not shown.
    private let rowOfIndex: [Int32]

    /// Rows `order` of `catalog`.
    public init(catalog: TaskCatalog, order: [Int32]) {
        self.catalog = catalog
        self.order = order
        var rows = [Int32](repeating: -1, count: catalog.count)
        for (row, index) in order.enumerated() { rows[Int(index)] = Int32(row) }
        rowOfIndex = rows
    }

    /// No rows.
    public init() {
        self.init(catalog: TaskCatalog(), order: [])
    }

    /// Always 0.
    public var startIndex: Int { 0 }
    /// The number of rows.
    public var endIndex: Int { order.count }

    /// The task on row `position`.
    public subscript(position: Int) -> WatchedTask {
        catalog[Int(order[position])]
    }

    /// The row showing the task with `key`, if shown.
    public func row(of key: TaskKey) -> Int? {
        guard let index = catalog.index(of: key) else { return nil }
        let row = rowOfIndex[index]
        return row >= 0 ? Int(row) : nil
    }

    /// Same catalog (identity) and same rows.
    public static func == (lhs: TaskRows, rhs: TaskRows) -> Bool {
        lhs.catalog === rhs.catalog && lhs.order == rhs.order
    }
}
