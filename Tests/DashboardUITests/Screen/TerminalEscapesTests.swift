import DCSKit
import DashboardUI
import Foundation
import Testing

@Suite("Terminal escapes")
struct TerminalEscapesTests {
    @Test func osc9AndOsc777CarryNoControlCharacters() {
        let hostile = "orders\u{07}\u{1B}]52;c;ZXZpbA==\u{07}\u{9C}x;y\nz"
        let nine = TerminalEscapes.osc9(title: "dcswatch: FAILED", body: hostile)
        #expect(nine.hasPrefix("\u{1B}]9;dcswatch: FAILED: orders"))
        #expect(nine.hasSuffix("\u{07}"))
        // Inside the sequence: no ESC, BEL, C1 or line break that could end it early or start another.
        let inner = nine.dropFirst(4).dropLast()
        #expect(!inner.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) })
        let seven = TerminalEscapes.osc777(title: "a;b", body: hostile)
        #expect(seven.hasPrefix("\u{1B}]777;notify;a,b;"))
        // Exactly the three separators of the format: the body's ";" became ",".
        #expect(seven.filter { $0 == ";" }.count == 3)
        #expect(!seven.dropFirst(1).dropLast().unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) })
    }

    @Test func osc52IsBase64AndBounded() {
        #expect(TerminalEscapes.osc52("t-001") == "\u{1B}]52;c;dC0wMDE=\u{07}")
        #expect(TerminalEscapes.osc52(String(repeating: "x", count: 5_000)) == nil)
    }

    @Test func tmuxPassthroughDoublesEscapes() {
        #expect(TerminalEscapes.tmuxPassthrough("\u{1B}]9;hi\u{07}") == "\u{1B}Ptmux;\u{1B}\u{1B}]9;hi\u{07}\u{1B}\\")
        #expect(
            TerminalEscapes.notification(title: "t", body: "b", escape: .osc777, insideTmux: false)
                == "\u{1B}]777;notify;t;b\u{07}")
    }

    @Test func longTextIsCut() {
        let sequence = TerminalEscapes.osc9(title: "t", body: String(repeating: "a", count: 1_000))
        #expect(sequence.count <= TerminalEscapes.maximumText + 6)
    }
}
