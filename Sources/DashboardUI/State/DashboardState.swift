import DCSKit
import Foundation

/// Everything the dashboard shows, owned by the UI thread and changed only by `reduce`.
public struct DashboardState: Sendable, Equatable {
    /// What the task list shows in its body.
    public enum Mode: Sendable, Hashable {
        /// List (with a detail pane when there is room).
        case list
        /// The selected task's detail over the whole body.
        case fullDetail
    }

    /// The header's sync count.
    public struct SyncCount: Sendable, Hashable {
        /// Tasks in sync by a current answer.
        public var inSync = 0
        /// Running online tasks that can be in sync.
        public var online = 0
        /// Of those, the ones with a stats answer this session (tasks never on screen are not polled).
        public var checked = 0
    }

    /// The filter prompt while it is open.
    public struct FilterPrompt: Sendable, Hashable {
        /// The text typed so far (already applied, live).
        public var text: String
        /// The filter before the prompt opened (restored by Esc).
        public var original: String
    }

    /// The latest snapshot from the monitor.
    public var snapshot: TaskSnapshot
    /// Visible rows: filtered, category toggles applied, sorted. Derived by `recomputeRows()`: indices
    /// into a catalog of the snapshot, so 100,000 tasks filter and scroll within a frame (issue 6).
    public internal(set) var rows = TaskRows()
    /// The display widths of every task of the rows' catalog, rebuilt with the catalog.
    var columnWidths = ColumnContentWidths()
    /// The largest of each over `rows`, taken when the rows change (`TaskColumns` lays the list out
    /// from it on every frame: a walk of 100,000 rows per frame was most of a frame's rendering).
    var rowsContentWidths = ColumnContentWidths.Widths()
    /// The filter, toggles and order `rows` were computed with (to filter only the previous rows when
    /// the new filter narrows the old one).
    var rowsBasis: RowsBasis?
    /// Tasks before filtering.
    public internal(set) var totalCount = 0
    /// The selected task; follows the task across refreshes and re-sorts.
    public var selection: TaskKey?
    /// The first visible row.
    public var scrollOffset = 0
    /// The filter text in effect.
    public var filterText = ""
    /// The parsed filter in effect.
    public var query = TaskQuery()
    /// The filter prompt, while open.
    public var prompt: FilterPrompt?
    /// Categories hidden by the quick toggles.
    public var hiddenCategories: Set<StatusCategory> = []
    /// The sort order.
    public var sort = TaskSort()
    /// True while periodic refresh is paused.
    public var paused = false
    /// The refresh interval, seconds.
    public var interval: TimeInterval
    /// The terminal size.
    public var size: TerminalSize
    /// List or full-screen detail.
    public var mode: Mode = .list
    /// True while the help overlay is shown.
    public var showHelp = false
    /// A transient one-line message (e.g. a bad filter token); cleared by the next key.
    public var message: String?
    /// The clock as of the last tick.
    public var now: Date
    /// Spinner frame, advanced by ticks while fetching.
    public var spinnerPhase = 0
    /// True when a fetch has run for a second or more: only then is the spinner drawn, so a quick
    /// refresh costs no bytes for a spinner that would flash on and off.
    public var showsSpinner: Bool {
        guard let started = snapshot.oldestFetchStart else { return false }
        return now.timeIntervalSince(started) >= 1
    }
    /// Symbols for statuses and decorations (Unicode or ASCII for non-UTF-8 locales).
    public let symbols: SymbolSet
    /// The time zone for created/released times.
    public var timeZone: TimeZone
    /// True when a stats poller is attached: selecting a task asks for its detail (and logs when failed).
    public var fetchesInsights = false
    /// Stats, history, detail and logs per task (issue 5).
    public var insights: [TaskKey: TaskInsight] = [:]
    /// The session's events (status changes, new and vanished tasks).
    public var eventLog = EventLog()
    /// Tasks highlighted because they changed, with the instant the highlight ends.
    public var highlights: [TaskKey: Date] = [:]
    /// True while the events pane is shown.
    public var showEvents = false
    /// True while the detail pane is shown beside or below the list (`d`, `detail_pane`,
    /// `--no-detail-pane`). Hidden, the list takes the whole width and a cursor move rewrites only the
    /// two rows it leaves and reaches (issue 6: about a fifth of the bytes over a slow link).
    public var showsDetailPane = true
    /// The tasks the stats poller was last asked to poll (`DashboardEffect.pollTasks`).
    public internal(set) var polledTasks: [WatchedTask] = []
    /// Tasks whose logs the user asked for (failed tasks show theirs without asking).
    public var logsWanted: Set<TaskKey> = []
    /// Which finished tasks ring or notify.
    public var notifications = NotificationPolicy(mode: .off)
    /// When a task counts as in sync (`--lag-threshold`, `--polls`; issue 16).
    public var syncThresholds = SyncThresholds()
    /// Running online full+incremental tasks of the snapshot (counted with the catalog), and how many
    /// of them are in sync: the header's "3 of 5 online tasks in sync".
    public internal(set) var syncCount = SyncCount()
    /// Whether writes may be sent, and to which targets (issue 17; off unless `--write`/`allow_write`).
    public var writeAccess = WriteAccess()
    /// Tasks marked with Space for the actions menu.
    public var marked: Set<TaskKey> = []
    /// Tasks whose IP switch or rollback was accepted: when their detail is asked for next, until its
    /// `task_status` settles (`…_SUCCESS`, `…_FAILED`) or ten minutes pass (issue 17: "shows live").
    public var switching: [TaskKey: SwitchWatch] = [:]
    /// The actions menu or the confirmation dialog, while open.
    public var actionPanel: ActionPanel?

    /// Builds the initial state.
    public init(
        snapshot: TaskSnapshot, interval: TimeInterval, size: TerminalSize, now: Date,
        symbols: SymbolSet = .unicode, timeZone: TimeZone = .current
    ) {
        self.snapshot = snapshot
        self.interval = interval
        self.size = size
        self.now = now
        self.symbols = symbols
        self.timeZone = timeZone
        recomputeRows()
    }

    /// Index of the selected row in `rows`.
    public var selectedIndex: Int? {
        guard let selection else { return nil }
        return rows.row(of: selection)
    }

    /// The selected task.
    public var selectedTask: WatchedTask? {
        selectedIndex.map { rows[$0] }
    }

    /// True when more than one target is watched (adds a target column).
    public var showsTargetColumn: Bool { snapshot.targets.count > 1 }

    /// Re-filters and re-sorts; keeps the selection on the same task, or on the row at the same
    /// position when that task is gone. The catalog is rebuilt only when the tasks changed; a filter
    /// that narrows the previous one filters only the previous rows.
    mutating func recomputeRows() {
        let previousIndex = selectedIndex
        var catalog = rows.catalog
        var basis = rowsBasis
        if !catalog.holds(snapshot) {
            catalog = TaskCatalog(snapshot: snapshot)
            basis = nil
            columnWidths = ColumnContentWidths(catalog, symbols: symbols)
            syncCount.online = (0..<catalog.count).reduce(0) { count, index in
                count + (Self.canSync(catalog.task(at: index)) ? 1 : 0)
            }
        }
        totalCount = catalog.count
        let wanted = RowsBasis(query: query, hidden: hiddenCategories, sort: sort)
        let candidates = basis.map { wanted.narrows($0) } == true ? rows.order : catalog.sortedIndices(sort)
        rows = TaskRows(catalog: catalog, order: catalog.filter(candidates, query: query, hiding: hiddenCategories))
        rowsContentWidths = columnWidths.maxima(over: rows)
        rowsBasis = wanted
        if let selection, rows.row(of: selection) != nil {
            return
        }
        if rows.isEmpty {
            // Keep the key: if the task comes back (filter relaxed), the selection returns to it.
            return
        }
        let index = min(previousIndex ?? 0, rows.count - 1)
        selection = rows[max(index, 0)].id
    }
}

extension DashboardState {
    /// True for a running online task that has (or may have: method unknown) an incremental phase.
    static func canSync(_ task: MigrationTask) -> Bool {
        task.status.category == .running && task.migrationType == .onlineMigration && task.migrationMethod != .fullAmount
    }

    /// Counts again the tasks in sync, and those with a sync state, among the running online tasks
    /// (after stats or a snapshot).
    mutating func recountInSync() {
        let catalog = rows.catalog
        var inSync = 0
        var checked = 0
        for (key, insight) in insights {
            guard let tracker = insight.sync, tracker.state != .unknown, let index = catalog.index(of: key),
                Self.canSync(catalog.task(at: index))
            else { continue }
            checked += 1
            if tracker.isInSync { inSync += 1 }
        }
        syncCount.inSync = inSync
        syncCount.checked = checked
    }
}

/// What a set of rows was computed from.
struct RowsBasis: Sendable, Hashable {
    var query: TaskQuery
    var hidden: Set<StatusCategory>
    var sort: TaskSort

    /// True when rows for `self` are a subset, in the same order, of rows for `previous`.
    func narrows(_ previous: RowsBasis) -> Bool {
        sort == previous.sort && hidden.isSuperset(of: previous.hidden) && query.narrows(previous.query)
    }
}
