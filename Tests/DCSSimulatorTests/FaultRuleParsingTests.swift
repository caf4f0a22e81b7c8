import DCSSimulator
import Foundation
import Testing

@Suite("Fault grammar")
struct FaultRuleParsingTests {
    @Test func parsesKindArgumentTriggerAndCall() throws {
        let rule = try FaultRule.parse("latency:800ms@every:1")
        #expect(rule.kind == .latency(seconds: 0.8))
        #expect(rule.trigger == .every(1))
        #expect(rule.scope == .any)
        let window = try FaultRule.parse("hang@window:10s-2m/stats")
        #expect(window.kind == .hang(seconds: 120))
        #expect(window.trigger == .window(start: 10, end: 120))
        #expect(window.scope == .stats)
        #expect(try FaultRule.parse("html502").trigger == .always)
        #expect(try FaultRule.parse("429:5/list").kind == .throttled(retryAfter: 5))
        #expect(try FaultRule.parse("401:DCS.1002@first:2").kind == .httpError(status: 401, code: "DCS.1002"))
        #expect(try FaultRule.parse("liecount:-3").kind == .lyingCount(delta: -3))
        #expect(try FaultRule.parse("hang:1h").kind == .hang(seconds: 3600))
    }

    @Test(arguments: [
        "boom", "latency", "500@every:0", "500@window:20s-10s", "500/everything", "429:soon", "hang:-1s",
        "500@sometimes",
    ])
    func rejectsMalformedText(text: String) {
        #expect(throws: FaultParseError.self) { try FaultRule.parse(text) }
    }

    @Test func errorsSayWhatToDo() {
        do {
            _ = try FaultRule.parse("boom")
            Issue.record("expected an error")
        } catch {
            #expect(error.userMessage.contains("simulate --help"))
        }
    }
}
