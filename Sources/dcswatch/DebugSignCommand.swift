import ArgumentParser
import DCSKit
import Foundation

/// `dcswatch debug sign`: shows how dcswatch signs a request (canonical request, string to sign,
/// Authorization header) — what a user compares with the server's canonical request of an
/// `APIGW.0301` error. The SK and security token are never printed; the AK shows as its last 4 characters.
struct DebugSignCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sign",
        abstract: "Print the canonical request, string to sign and Authorization header for a request.")

    @OptionGroup var connection: ConnectionOptions

    @Option(name: .long, help: "HTTP method.")
    var method: String = "GET"

    @Option(name: .long, help: "Full request URL, query included.")
    var url: String

    @Option(name: .long, help: ArgumentHelp("Extra header 'Name: value' (repeatable).", valueName: "header"))
    var header: [String] = []

    @Option(name: .long, help: "Request body.")
    var body: String = ""

    @Option(name: .long, help: ArgumentHelp("Signing time as YYYYMMDDTHHMMSSZ (default: now).", valueName: "date"))
    var date: String?

    func validate() throws {
        guard ConnectionOptions.parseEndpoint(url) != nil else { throw ValidationError("--url must be an http(s) URL") }
        if let date, RequestSigner.parseSDKDate(date) == nil {
            throw ValidationError("--date must look like 20240101T120000Z")
        }
        for line in header where Self.parseHeader(line) == nil {
            throw ValidationError("--header must look like 'Name: value'")
        }
    }

    func run() async throws {
        let loader = ConfigLoader.live()
        let signing: (credentials: SigningCredentials, projectID: String?, source: String)
        do {
            let config = try loader.load(configPath: connection.config)
            signing = try TargetResolver(loader: loader).signingCredentials(config: config, overrides: connection.overrides)
        } catch let error as ConfigError {
            printError("dcswatch: error: \(error.userMessage)")
            throw ExitCode(2)
        }
        guard let requestURL = ConnectionOptions.parseEndpoint(url) else { throw ExitCode(2) }
        let headers = HTTPHeaders(header.compactMap(Self.parseHeader))
        let signingDate = date.flatMap(RequestSigner.parseSDKDate) ?? LiveClock.now()
        let result = RequestSigner(credentials: signing.credentials, projectID: signing.projectID)
            .sign(
                HTTPRequest(method: method.uppercased(), url: requestURL, headers: headers, body: Data(body.utf8)),
                date: signingDate)
        StandardOutput.writeLine(Self.report(result, credentials: signing.credentials, source: signing.source))
    }

    /// The printed report, with the AK masked and the security token hidden.
    static func report(_ result: SigningResult, credentials: SigningCredentials, source: String) -> String {
        let masked = SigningCredentials.masked(credentials.accessKey)
        let canonical = result.canonicalRequest.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.hasPrefix("x-security-token:")
                ? "x-security-token:(\(line.count - 17) characters, not shown)" : SafeText.line(String(line))
        }.joined(separator: "\n")
        let authorization = result.authorization.replacingOccurrences(
            of: "Access=\(credentials.accessKey)", with: "Access=\(masked)")
        var sent: [String] = []
        for field in result.request.headers where field.name.lowercased() != "authorization" {
            let value = field.name.lowercased() == "x-security-token" ? "(set, not shown)" : SafeText.line(field.value)
            sent.append("  \(field.name): \(value)")
        }
        return """
            Credentials: AK \(masked) from \(SafeText.line(source))
            Request: \(result.request.method) \(SafeText.line(result.request.url.absoluteString))
            Headers added and signed:
            \(sent.joined(separator: "\n"))

            Canonical request:
            \(canonical)

            String to sign:
            \(result.stringToSign)

            Authorization:
            \(authorization)
            """
    }

    /// "Name: value" → ("Name", "value").
    static func parseHeader(_ line: String) -> (String, String)? {
        guard let colon = line.firstIndex(of: ":") else { return nil }
        let name = line[..<colon].trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty, !name.contains(" ") else { return nil }
        return (name, line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
    }
}
