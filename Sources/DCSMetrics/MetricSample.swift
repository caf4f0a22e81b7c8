/// One series to export: its family, its labels in order, and its value. Label values are already
/// safe text (`TaskSeries.label`); swift-prometheus escapes `\`, `"` and line feeds as the format asks.
package struct MetricSample: Sendable, Hashable {
    /// One label, name and value.
    package struct Label: Sendable, Hashable {
        /// The label name.
        package let name: String
        /// The label value.
        package let value: String

        /// Builds a label.
        package init(_ name: String, _ value: String) {
            self.name = name
            self.value = value
        }
    }

    /// The family the series belongs to.
    package let family: MetricFamily
    /// The labels, in the order they are written.
    package let labels: [Label]
    /// The value.
    package let value: Double

    /// Builds a sample.
    package init(_ family: MetricFamily, _ labels: [Label], _ value: Double) {
        self.family = family
        self.labels = labels
        self.value = value
    }

    /// What makes the series the same series from one refresh to the next: the family and the labels.
    /// A sample with another identity (a changed status, a renamed task) replaces the old series.
    package var identity: Identity { Identity(family: family.name, labels: labels) }

    /// The identity of a series.
    package struct Identity: Sendable, Hashable {
        /// The family's name.
        package let family: String
        /// The labels.
        package let labels: [Label]
    }

    /// The labels as swift-prometheus takes them.
    var labelPairs: [(String, String)] { labels.map { ($0.name, $0.value) } }
}
