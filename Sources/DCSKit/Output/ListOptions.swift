/// The `--sort` keys of `dcswatch list`.
public enum ListSortKey: String, Sendable, CaseIterable {
    /// Task name, case-insensitive, numbers in numeric order.
    case name
    /// Status category by attention (failed first), then raw status.
    case status
    /// Creation time; unparsable times last.
    case created
    /// Target name, then task name.
    case target
}

/// The `--output` formats of `dcswatch list`.
public enum ListOutputFormat: String, Sendable, CaseIterable {
    /// Aligned columns for people.
    case table
    /// One pretty-printed JSON array.
    case json
    /// One JSON object per line.
    case ndjson
    /// RFC 4180 CSV with a header row.
    case csv
    /// The Prometheus text exposition of `serve`'s families, for node_exporter's textfile collector.
    case prometheus
}
