/// A DCS instance as a migration task names it.
public struct SimulatedInstance: Sendable, Hashable {
    /// Instance id (UUID-shaped).
    public let id: String
    /// Instance name.
    public let name: String
    /// `ip:port`.
    public let address: String
    /// The instance's password, returned by the detail call.
    public let password: String
    /// Spec code, e.g. `redis.ha.xu1.large.r2.2`.
    public let specCode: String
    /// Subnet id.
    public let subnetID: String
    /// Instance status, e.g. `RUNNING`.
    public let status: String
}
