import Foundation
import Testing

@testable import DCSKit

/// `CompactText` (issue 6): every text comes back byte for byte, in the form the type promises, and
/// equality is by bytes.
@Suite struct CompactTextTests {
    static let samples = [
        "", "a", "orders-cache", "fifteen-bytes-x", "sixteen-bytes-xx", String(repeating: "n", count: 30),
        String(repeating: "n", count: 31), "Zürich-Warenkorb-778", "库存缓存-上海-6", "10.241.37.114:6379",
        "c821b0a0-0f7d-46eb-8aa5-54e2a5000000", "C821B0A0-0F7D-46EB-8AA5-54E2A5000000",
        "c821b0a0x0f7d-46eb-8aa5-54e2a5000000", "g821b0a0-0f7d-46eb-8aa5-54e2a5000000",
        "c821b0a0-0f7d-46eb-8aa5-54e2a500000", String(repeating: "long text ", count: 20), "\u{1b}[31mred\u{7}",
    ]

    @Test(arguments: samples) func textComesBackByteForByte(_ text: String) {
        let compact = CompactText(text)
        #expect(Array(compact.string.utf8) == Array(text.utf8))
        #expect(compact.withUTF8 { Array($0) } == Array(text.utf8))
        #expect(compact.isEmpty == text.isEmpty)
        #expect(compact.utf8Count == text.utf8.count)
        var copy = text
        let fromBytes = copy.withUTF8 { CompactText(bytes: $0) }
        #expect(fromBytes == compact)
        #expect(fromBytes.hashValue == compact.hashValue)
    }

    @Test func eachTextHasTheMostCompactForm() {
        func form(_ text: String) -> String {
            switch CompactText(text).storage {
            case .inline: return "inline"
            case .uuid: return "uuid"
            case .string: return "string"
            }
        }
        #expect(form("") == "inline")
        #expect(form(String(repeating: "n", count: 30)) == "inline")
        #expect(form("Zürich-Warenkorb-778") == "inline")
        #expect(form(String(repeating: "n", count: 31)) == "string")
        #expect(form("c821b0a0-0f7d-46eb-8aa5-54e2a5000000") == "uuid")
        // Uppercase keeps its case by staying text; a dash out of place or a non-hex digit is no UUID.
        #expect(form("C821B0A0-0F7D-46EB-8AA5-54E2A5000000") == "string")
        #expect(form("c821b0a0x0f7d-46eb-8aa5-54e2a5000000") == "string")
        #expect(form("g821b0a0-0f7d-46eb-8aa5-54e2a5000000") == "string")
        #expect(MemoryLayout<CompactText>.size == 32)
    }

    @Test func equalityIsByBytes() {
        // Canonically equivalent as `String`s, different bytes: different texts here.
        let composed = "caf\u{e9}"
        let decomposed = "cafe\u{301}"
        #expect(composed == decomposed)
        #expect(CompactText(composed) != CompactText(decomposed))
        #expect(CompactText("a") != CompactText("b"))
        #expect(CompactText("ab") != CompactText("a"))
        let long = String(repeating: "x", count: 40)
        #expect(CompactText(long) == CompactText(String(long)))
        #expect(Set([CompactText(long), CompactText(long + "y"), CompactText(long)]).count == 2)
    }

    @Test func invalidUTF8IsRepairedLikeAString() {
        let bytes: [UInt8] = [0x61, 0xff, 0x62, 0xc3]
        let compact = bytes.withUnsafeBufferPointer { CompactText(bytes: $0) }
        #expect(compact.string == String(decoding: bytes, as: UTF8.self))
        #expect(compact == CompactText(String(decoding: bytes, as: UTF8.self)))
    }

    @Test func taskFieldsReadAndWriteThroughTheirStrings() {
        var task = MigrationTask(
            taskID: "t-1", name: "Zürich-Warenkorb-778", sourceInstanceID: "c821b0a0-0f7d-46eb-8aa5-54e2a5000000",
            targetInstanceName: String(repeating: "t", count: 45))
        #expect(task.name == "Zürich-Warenkorb-778")
        #expect(task.sourceInstanceID == "c821b0a0-0f7d-46eb-8aa5-54e2a5000000")
        #expect(task.targetInstanceName == String(repeating: "t", count: 45))
        task.name = "renamed"
        task.targetInstanceAddrs = "10.0.0.1:6379"
        #expect(task.name == "renamed" && task.targetInstanceAddrs == "10.0.0.1:6379")
        #expect(task.targetLabel == String(repeating: "t", count: 45))
        task.targetInstanceName = ""
        #expect(task.targetLabel == "10.0.0.1:6379")
        var other = task
        #expect(other == task)
        other.sourceInstanceID = "C821B0A0-0F7D-46EB-8AA5-54E2A5000000"
        #expect(other != task)
    }
}
