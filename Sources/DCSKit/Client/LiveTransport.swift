import Foundation

/// Which HTTP client the live transport uses (`--http-client`).
public enum HTTPClientKind: String, CaseIterable, Sendable {
    /// libcurl's easy interface, loaded at run time (`CurlTransport`); the default.
    case curl
    /// Foundation's URLSession (`URLSessionTransport`): the same libcurl underneath, at several times
    /// the CPU per large response (issue 6).
    case urlsession
}

/// Builds the live transport of the composition roots.
public enum LiveTransport {
    /// The transport of `kind`; when libcurl cannot be loaded, URLSession's, with the reason to log.
    public static func make(
        _ kind: HTTPClientKind = .curl, connectTimeout: TimeInterval = 10, requestTimeout: TimeInterval = 30
    ) -> (transport: any HTTPTransport, fallbackReason: String?) {
        if kind == .curl {
            if let curl = CurlTransport(connectTimeout: connectTimeout, requestTimeout: requestTimeout) {
                return (curl, nil)
            }
            let reason = "libcurl could not be loaded (\(CurlTransport.unavailableReason ?? "unknown")); using URLSession"
            return (URLSessionTransport(connectTimeout: connectTimeout, requestTimeout: requestTimeout), reason)
        }
        return (URLSessionTransport(connectTimeout: connectTimeout, requestTimeout: requestTimeout), nil)
    }
}
