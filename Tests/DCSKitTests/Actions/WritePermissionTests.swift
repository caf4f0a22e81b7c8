import DCSKit
import Foundation
import Testing

/// Writes are off unless `--write` or `allow_write` turn them on; a target's `read_only` wins.
@Suite struct WritePermissionTests {
    private static func target(readOnly: Bool = false, name: String = "prod") -> ResolvedTarget {
        ResolvedTarget(
            name: name, endpoint: URL(string: "http://127.0.0.1:1")!, projectID: "p",
            auth: .token("t"), readOnly: readOnly)
    }

    @Test func readsAreTheDefault() {
        let permission = WritePermission(writeFlag: false, config: DCSWatchConfig())
        #expect(!permission.writesOn)
        #expect(
            permission.refusal(for: Self.target())
                == "writes are off for target prod: start with --write (or set allow_write in the config)")
    }

    @Test func theFlagOrTheConfigTurnWritesOn() {
        #expect(WritePermission(writeFlag: true, allowWrite: false).refusal(for: Self.target()) == nil)
        #expect(WritePermission(writeFlag: false, allowWrite: true).refusal(for: Self.target()) == nil)
    }

    @Test func readOnlyWinsOverBoth() {
        let refusal = WritePermission(writeFlag: true, allowWrite: true).refusal(for: Self.target(readOnly: true))
        #expect(refusal == "writes are off for target prod: it is read_only in the config")
    }

    @Test func theTargetNameIsSanitised() {
        let refusal = WritePermission(writeFlag: false, allowWrite: false).refusal(for: Self.target(name: "a\u{1B}[2Jb"))
        #expect(refusal?.contains("\u{1B}") == false)
    }

    @Test func theConfigKeysAreReadAndReachTheResolvedTarget() throws {
        let text = """
            {"allow_write": true, "targets": [
              {"name": "prod", "endpoint": "http://127.0.0.1:1", "project_id": "p1", "access_key": "AK1",
               "secret_key": "SK1", "read_only": true},
              {"name": "lab", "endpoint": "http://127.0.0.1:2", "project_id": "p2", "access_key": "AK2", "secret_key": "SK2"}
            ]}
            """
        let config = try ConfigLoader.parse(Data(text.utf8), path: "/c.json")
        #expect(config.allowWrite)
        #expect(config.targets.map(\.readOnly) == [true, false])
        #expect(config.warnings.allSatisfy { !$0.contains("read_only") })
        let resolved = try ConfigTestKit.resolver().resolve(config: config).targets
        #expect(resolved.map(\.readOnly) == [true, false])
        #expect(!(try ConfigLoader.parse(Data("{}".utf8), path: "/c.json")).allowWrite)
    }

    @Test func aNonBooleanIsAnErrorNamingTheKey() {
        let message = ConfigTestKit.message {
            _ = try ConfigLoader.parse(Data(#"{"targets": [{"name": "a", "read_only": "yes"}]}"#.utf8), path: "/c.json")
        }
        #expect(message?.contains("targets[0].read_only") == true)
        let top = ConfigTestKit.message { _ = try ConfigLoader.parse(Data(#"{"allow_write": 1}"#.utf8), path: "/c.json") }
        #expect(top?.contains("allow_write") == true)
    }
}
