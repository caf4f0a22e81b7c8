import DCSTestSupport
import Foundation

/// Drives `Python/ptyprobe.py`: runs `dcswatch` on a fresh pseudo-terminal through a script of steps
/// and returns what happened, with every byte the program wrote to the terminal.
struct PtyProbe {
    /// Runs the probe on a thread of its own (see `OffPool.run`).
    static func run(
        _ arguments: [String], environment: [String: String], steps: [Step], ignoreHangUp: Bool = false
    ) async throws -> Result {
        try await OffPool.run {
            try ReliabilityKit.gated {
                try runBlocking(arguments, environment: environment, steps: steps, ignoreHangUp: ignoreHangUp)
            }
        }
    }

    /// One step of the script (see ptyprobe.py).
    enum Step: Sendable {
        case wait(String, timeout: Double = 20)
        case pump(Double)
        case send(String)
        case signal(String)
        case http(method: String, url: String, body: String = "")
        case close
        case exit(within: Double)

        var json: [String: Any] {
            switch self {
            case .wait(let text, let timeout): return ["wait": text, "timeout": timeout]
            case .pump(let seconds): return ["pump": seconds]
            case .send(let text): return ["send": text]
            case .signal(let name): return ["signal": name]
            case .http(let method, let url, let body): return ["http": method, "url": url, "body": body]
            case .close: return ["close": true]
            case .exit(let seconds): return ["exit": seconds]
            }
        }
    }

    /// What the probe reports.
    struct Result: Decodable, Sendable {
        let waits_met: Bool
        let missed: String?
        let exit: Int?
        let exit_seconds: Double?
        let spin_cpu: Double?
        let modes_before: JSONAny?
        let modes_after: JSONAny?
        var raw = Data()

        enum CodingKeys: String, CodingKey {
            case waits_met, missed, exit, exit_seconds, spin_cpu, modes_before, modes_after
        }

        /// The raw bytes as text (invalid UTF-8 shown as U+FFFD).
        var text: String { String(decoding: raw, as: UTF8.self) }
    }

    /// Runs `dcswatch arguments` under the probe, blocking.
    static func runBlocking(
        _ arguments: [String], environment: [String: String], steps: [Step], ignoreHangUp: Bool = false,
        columns: Int = 100, rows: Int = 30
    ) throws -> Result {
        let binary = try DCSWatchBinary.path()
        let directory = try ReliabilityKit.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let specPath = directory.appendingPathComponent("spec.json")
        let rawPath = directory.appendingPathComponent("raw.bin")
        var env = ["PATH": "/usr/bin:/bin", "HOME": directory.path, "XDG_CONFIG_HOME": directory.path, "LANG": "C.UTF-8"]
        env.merge(environment) { $1 }
        let spec: [String: Any] = [
            "argv": [binary] + arguments, "env": env, "cols": columns, "rows": rows, "ignore_hup": ignoreHangUp,
            "raw_out": rawPath.path, "steps": steps.map(\.json),
        ]
        try JSONSerialization.data(withJSONObject: spec).write(to: specPath)
        let outPath = directory.appendingPathComponent("probe.out")
        let errPath = directory.appendingPathComponent("probe.err")
        let probe = try ChildProcess(
            ["/usr/bin/python3", ReliabilityKit.probeScript(), specPath.path], environment: ["PATH": "/usr/bin:/bin"],
            stdout: outPath.path, stderr: errPath.path)
        guard probe.wait() == 0 else {
            throw TestFailure(
                "the pty probe failed: \(String(decoding: (try? Data(contentsOf: errPath)) ?? Data(), as: UTF8.self))")
        }
        let output = try Data(contentsOf: outPath)
        var result = try JSONDecoder().decode(Result.self, from: output)
        result.raw = (try? Data(contentsOf: rawPath)) ?? Data()
        return result
    }
}

/// Any JSON value, compared structurally (terminal modes from the probe).
enum JSONAny: Decodable, Equatable, Sendable {
    case number(Double), string(String), array([JSONAny]), null

    init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let number = try? container.decode(Double.self) {
            self = .number(number)
        } else if let string = try? container.decode(String.self) {
            self = .string(string)
        } else {
            self = .array(try container.decode([JSONAny].self))
        }
    }
}
