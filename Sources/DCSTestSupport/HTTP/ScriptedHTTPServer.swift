import DCSKit
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A real HTTP/1.1 server on 127.0.0.1 (an ephemeral port) that answers each request with whatever a
/// script says: a normal response, raw bytes (a truncated body), a hang, or a connection reset.
///
/// Written on POSIX sockets rather than FlyingFox because FlyingFox always writes a well-formed
/// response: it cannot reset a connection (`SO_LINGER` 0) or stop mid-body, and those are exactly the
/// failures the client must survive. One thread per connection, keep-alive supported. Tests only.
///
/// `@unchecked Sendable`: the mutable state (recorded requests, open sockets, stopped flag) is guarded
/// by `lock`; the sockets themselves are used by one thread each.
public final class ScriptedHTTPServer: @unchecked Sendable {
    /// What to do with one request.
    public enum Reply: Sendable {
        /// A complete response; `Content-Length` is added.
        case response(status: Int, headers: [(String, String)], body: Data)
        /// Exactly these bytes, then the connection is closed (e.g. a body shorter than its Content-Length).
        case raw(Data)
        /// Never answer: keep the connection open until the client gives up or the server stops.
        case hang
        /// Close the connection with a TCP reset, without a response.
        case reset
    }

    /// A request as received.
    public struct RecordedRequest: Sendable {
        /// `GET`, `POST`, …
        public let method: String
        /// The request target: path and query exactly as sent.
        public let target: String
        /// The headers as sent.
        public let headers: HTTPHeaders
        /// The body.
        public let body: Data

        /// The path without the query.
        public var path: String { String(target.split(separator: "?", maxSplits: 1).first ?? "") }

        /// The decoded query items (later duplicates win).
        public var query: [String: String] {
            var items: [String: String] = [:]
            for item in URLComponents(string: "http://x\(target)")?.queryItems ?? [] { items[item.name] = item.value ?? "" }
            return items
        }
    }

    /// The port the server listens on.
    public let port: Int
    private let listener: Int32
    private let handler: @Sendable (RecordedRequest) -> Reply
    private let lock = NSLock()
    private var recorded: [RecordedRequest] = []
    private var connections: Set<Int32> = []
    private var accepted = 0
    private var stopped = false

    /// Starts listening on 127.0.0.1 at an ephemeral port; `handler` is called on a server thread.
    public init(handler: @escaping @Sendable (RecordedRequest) -> Reply) throws {
        let (socket, port) = try ScriptedHTTPServer.listen()
        self.listener = socket
        self.port = port
        self.handler = handler
        let thread = Thread { [self] in acceptLoop() }
        thread.start()
    }

    deinit { stop() }

    /// `http://127.0.0.1:PORT`.
    public var baseURL: URL {
        URL(string: "http://127.0.0.1:\(port)") ?? URL(fileURLWithPath: "/")
    }

    /// Every request received so far, in arrival order.
    public var requests: [RecordedRequest] {
        lock.lock()
        defer { lock.unlock() }
        return recorded
    }

    /// How many TCP connections were accepted so far (a client that keeps its connection alive opens one).
    public var acceptedConnections: Int {
        lock.lock()
        defer { lock.unlock() }
        return accepted
    }

    /// Stops accepting and closes every open connection (hung ones included).
    public func stop() {
        lock.lock()
        let wasStopped = stopped
        stopped = true
        let open = connections
        lock.unlock()
        guard !wasStopped else { return }
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
        for socket in open { shutdown(socket, Int32(SHUT_RDWR)) }
    }

    private var isStopped: Bool {
        lock.lock()
        defer { lock.unlock() }
        return stopped
    }

    private func acceptLoop() {
        while !isStopped {
            let client = accept(listener, nil, nil)
            guard client >= 0 else {
                if isStopped { return }
                continue
            }
            lock.lock()
            connections.insert(client)
            accepted += 1
            lock.unlock()
            let thread = Thread { [self] in serve(client) }
            thread.start()
        }
    }

    private func serve(_ socket: Int32) {
        var reader = SocketReader(socket: socket)
        defer {
            lock.lock()
            connections.remove(socket)
            lock.unlock()
            close(socket)
        }
        while !isStopped, let request = reader.readRequest() {
            lock.lock()
            recorded.append(request)
            lock.unlock()
            switch handler(request) {
            case .response(let status, let headers, let body):
                var head = "HTTP/1.1 \(status) \(ScriptedHTTPServer.reason(status))\r\n"
                for (name, value) in headers { head += "\(name): \(value)\r\n" }
                head += "Content-Length: \(body.count)\r\n\r\n"
                guard ScriptedHTTPServer.write(socket, Data(head.utf8) + body) else { return }
            case .raw(let bytes):
                _ = ScriptedHTTPServer.write(socket, bytes)
                return
            case .hang:
                waitUntilClosedOrStopped(socket)
                return
            case .reset:
                var linger = Glibc.linger(l_onoff: 1, l_linger: 0)
                setsockopt(socket, SOL_SOCKET, SO_LINGER, &linger, socklen_t(MemoryLayout<Glibc.linger>.size))
                return
            }
        }
    }

    /// Blocks until the peer closes the connection or the server stops (polls in 50 ms steps).
    private func waitUntilClosedOrStopped(_ socket: Int32) {
        while !isStopped {
            var descriptor = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
            if poll(&descriptor, 1, 50) > 0 {
                var byte: UInt8 = 0
                if recv(socket, &byte, 1, Int32(MSG_PEEK)) <= 0 { return }
            }
        }
    }

    private static func write(_ socket: Int32, _ data: Data) -> Bool {
        data.withUnsafeBytes { buffer -> Bool in
            guard let base = buffer.baseAddress else { return true }
            var sent = 0
            while sent < buffer.count {
                let result = send(socket, base + sent, buffer.count - sent, Int32(MSG_NOSIGNAL))
                if result <= 0 { return false }
                sent += result
            }
            return true
        }
    }

    private static func listen(listening: Bool = true) throws -> (Int32, Int) {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw ServerError.socket(errno) }
        var reuse: Int32 = 1
        if listening { setsockopt(socket, SOL_SOCKET, SO_REUSEADDR, &reuse, socklen_t(MemoryLayout<Int32>.size)) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, !listening || Glibc.listen(socket, 128) == 0 else {
            close(socket)
            throw ServerError.socket(errno)
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(socket, $0, &length) }
        }
        return (socket, Int(UInt16(bigEndian: address.sin_port)))
    }

    /// A port on 127.0.0.1 where nothing listens: connecting is refused. The socket stays bound (not
    /// listening) for the rest of the run, so no server of a test running beside it can take the port
    /// (a port bound and closed again was reused by parallel tests, which then got an answer).
    public static func closedPort() throws -> Int {
        try listen(listening: false).1
    }

    /// A port on 127.0.0.1 free a moment ago (bound, then closed), for a child process to bind; a test
    /// beside it may take it first, so the child's start is retried on "address already in use".
    public static func freePort() throws -> Int {
        let (socket, port) = try listen()
        close(socket)
        return port
    }

    /// The reason phrase of a status line.
    static func reason(_ status: Int) -> String {
        switch status {
        case 200: return "OK"
        case 201: return "Created"
        case 400: return "Bad Request"
        case 401: return "Unauthorized"
        case 403: return "Forbidden"
        case 404: return "Not Found"
        case 429: return "Too Many Requests"
        case 500: return "Internal Server Error"
        case 502: return "Bad Gateway"
        case 503: return "Service Unavailable"
        default: return "Status"
        }
    }

    /// A socket call failed while starting the server.
    public enum ServerError: Error {
        case socket(Int32)
    }
}
