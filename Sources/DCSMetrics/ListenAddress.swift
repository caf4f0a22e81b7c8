import DCSKit
import FlyingSocks
import Foundation

/// Where `serve` listens: `--listen ADDR:PORT`, an IPv4 address or a bracketed IPv6 one and a port
/// (0 picks a free one). Host names are refused: which address a name binds is the resolver's choice,
/// and the loopback check below must be about the address actually bound.
package struct ListenAddress: Sendable, Hashable, CustomStringConvertible {
    /// The default, loopback only (issue 18).
    package static let defaultText = "127.0.0.1:9876"

    /// The address without brackets.
    package let host: String
    /// The port.
    package let port: UInt16
    /// True for IPv6.
    package let isIPv6: Bool

    /// Why a `--listen` value was refused.
    package struct ParseError: Error, UserFacingError, Sendable, Hashable {
        /// The value as given (already one safe line).
        package let text: String

        /// What to type instead.
        package var userMessage: String {
            "--listen \(text) is not ADDR:PORT with an IP address (e.g. 127.0.0.1:9876, 0.0.0.0:9876 or [::1]:9876)"
        }
    }

    /// Parses `ADDR:PORT`.
    package init(parsing text: String) throws {
        let safe = SafeText.line(text, limit: 80)
        let host: Substring
        let portText: Substring
        if text.hasPrefix("[") {
            guard let close = text.firstIndex(of: "]"), text[text.index(after: close)...].hasPrefix(":") else {
                throw ParseError(text: safe)
            }
            host = text[text.index(after: text.startIndex)..<close]
            portText = text[text.index(close, offsetBy: 2)...]
        } else {
            guard let colon = text.lastIndex(of: ":") else { throw ParseError(text: safe) }
            host = text[..<colon]
            portText = text[text.index(after: colon)...]
        }
        guard let port = UInt16(portText) else { throw ParseError(text: safe) }
        let isIPv6 = text.hasPrefix("[")
        var probe = in6_addr()
        let valid = String(host).withCString { inet_pton(isIPv6 ? AF_INET6 : AF_INET, $0, &probe) } == 1
        guard valid else { throw ParseError(text: safe) }
        self.host = String(host)
        self.port = port
        self.isIPv6 = isIPv6
    }

    /// True for 127.0.0.0/8 and ::1 (however it is written): only this machine can connect.
    package var isLoopback: Bool {
        guard isIPv6 else { return host.hasPrefix("127.") }
        var address = in6_addr()
        guard host.withCString({ inet_pton(AF_INET6, $0, &address) }) == 1 else { return false }
        return withUnsafeBytes(of: &address) { Array($0) } == Array(repeating: 0, count: 15) + [1]
    }

    /// The socket address FlyingFox binds.
    package func socketAddress() throws -> any SocketAddress {
        isIPv6 ? try sockaddr_in6.inet6(ip6: host, port: port) : try sockaddr_in.inet(ip4: host, port: port)
    }

    /// `ADDR:PORT`, IPv6 in brackets.
    package var description: String { isIPv6 ? "[\(host)]:\(port)" : "\(host):\(port)" }

    /// The same address with another port (the one bound for port 0).
    package func with(port: UInt16) -> ListenAddress {
        ListenAddress(host: host, port: port, isIPv6: isIPv6)
    }

    private init(host: String, port: UInt16, isIPv6: Bool) {
        self.host = host
        self.port = port
        self.isIPv6 = isIPv6
    }
}
