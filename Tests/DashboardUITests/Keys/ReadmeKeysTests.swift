import DashboardUI
import Foundation
import Testing

@Suite("README keys")
struct ReadmeKeysTests {
    /// The README's keys table must name every key of the key table (the help overlay's source).
    @Test func readmeListsEveryBoundKey() throws {
        let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("README.md")
        let text = try String(contentsOf: readme, encoding: .utf8)
        let section = try #require(text.range(of: "## Dashboard")).upperBound
        let table = String(text[section...])
        for binding in KeyTable.bindings {
            for key in binding.keys {
                #expect(table.contains("`\(key.label)`"), "README lacks \(key.label)")
            }
        }
    }
}
