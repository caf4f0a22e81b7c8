/// One target the monitor watches: its name (shown in the dashboard) and how to list its tasks.
public struct MonitoredTarget: Sendable {
    /// The configured target name.
    public var name: String
    /// The client (or any other lister) for that target.
    public var listing: any TaskListing

    /// Builds a monitored target.
    public init(name: String, listing: any TaskListing) {
        self.name = name
        self.listing = listing
    }
}
