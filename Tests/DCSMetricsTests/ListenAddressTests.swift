import Testing

@testable import DCSMetrics

/// `--listen ADDR:PORT`: IP addresses only, and which of them only this machine can reach.
@Suite struct ListenAddressTests {
    @Test(arguments: [
        ("127.0.0.1:9876", "127.0.0.1", 9876, true), ("0.0.0.0:80", "0.0.0.0", 80, false),
        ("10.1.2.3:0", "10.1.2.3", 0, false), ("127.8.9.10:1", "127.8.9.10", 1, true), ("[::1]:9876", "::1", 9876, true),
        ("[0:0:0:0:0:0:0:1]:9", "0:0:0:0:0:0:0:1", 9, true), ("[::]:9876", "::", 9876, false),
        ("[fe80::1]:9876", "fe80::1", 9876, false),
    ])
    func validAddressesParse(text: String, host: String, port: Int, loopback: Bool) throws {
        let address = try ListenAddress(parsing: text)
        #expect(address.host == host)
        #expect(Int(address.port) == port)
        #expect(address.isLoopback == loopback)
        #expect(address.description == text)
    }

    @Test(arguments: [
        "localhost:9876", "127.0.0.1", "127.0.0.1:", "127.0.0.1:65536", "127.0.0.1:-1", ":9876", "::1:9876", "[::1]9876",
        "[::1", "1.2.3:80", "999.0.0.1:80", "127.0.0.1:80 ", "",
    ])
    func otherTextIsRefusedWithAnExample(text: String) {
        #expect(throws: ListenAddress.ParseError.self) { try ListenAddress(parsing: text) }
        let message = (try? ListenAddress(parsing: text)).map { _ in "" } ?? ListenAddress.ParseError(text: text).userMessage
        #expect(message.contains("127.0.0.1:9876"))
    }

    @Test func theDefaultIsLoopback() throws {
        #expect(try ListenAddress(parsing: ListenAddress.defaultText).isLoopback)
    }
}
