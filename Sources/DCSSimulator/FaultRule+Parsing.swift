import DCSKit
import Foundation

extension FaultRule {
    /// The grammar, as `simulate --help` and docs/SIMULATOR.md print it.
    public static let grammar = """
        FAULT    := KIND[:ARG][@TRIGGER][/CALL]
        KIND     := latency:DURATION | hang[:DURATION] | reset | html502
                  | 400[:CODE] | 401[:CODE] | 403[:CODE] | 404[:CODE] | 500[:CODE] | 429[:SECONDS]
                  | truncate | wrongtypes | nulls | unknownstatus | emptypage
                  | liecount[:DELTA] | duplicates[:OVERLAP] | longstrings[:LENGTH]
                  | hostile
        TRIGGER  := always (default) | every:K | first:N | window:START-END
        CALL     := any (default) | list | detail | stats | logs | token | write
        DURATION := NUMBER with ms, s, m or h (bare: seconds)
        examples: 500@every:3  hang@window:10s-20s  html502  latency:800ms@every:1
                  429:5/list  401:DCS.1002@first:1  400:DCS.4957/write  403/write
        """

    /// Parses one `--fault` value.
    public static func parse(_ text: String) throws(FaultParseError) -> FaultRule {
        var body = text.trimmingCharacters(in: .whitespaces)
        var scope = Scope.any
        if let slash = body.lastIndex(of: "/") {
            let name = String(body[body.index(after: slash)...])
            guard let parsed = Scope(rawValue: name.lowercased()) else { throw .badScope(name) }
            scope = parsed
            body = String(body[..<slash])
        }
        var trigger = Trigger.always
        if let at = body.firstIndex(of: "@") {
            trigger = try parseTrigger(String(body[body.index(after: at)...]))
            body = String(body[..<at])
        }
        let pieces = body.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        let name = pieces[0].lowercased()
        let argument = pieces.count > 1 ? pieces[1] : nil
        return FaultRule(kind: try parseKind(name, argument: argument), trigger: trigger, scope: scope, text: text)
    }

    private static func parseKind(_ name: String, argument: String?) throws(FaultParseError) -> Kind {
        func count(default value: Int, range: ClosedRange<Int>) throws(FaultParseError) -> Int {
            guard let argument else { return value }
            guard let number = Int(argument), range.contains(number) else {
                throw .badArgument(kind: name, argument: argument)
            }
            return number
        }
        func duration(default value: TimeInterval?) throws(FaultParseError) -> TimeInterval {
            guard let argument else {
                if let value { return value }
                throw .badArgument(kind: name, argument: "")
            }
            guard let seconds = parseDuration(argument) else { throw .badArgument(kind: name, argument: argument) }
            return seconds
        }
        func code() throws(FaultParseError) -> String? {
            guard let argument else { return nil }
            guard !argument.isEmpty, argument.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "." }) else {
                throw .badArgument(kind: name, argument: argument)
            }
            return argument
        }
        switch name {
        case "latency": return .latency(seconds: try duration(default: nil))
        case "hang": return .hang(seconds: try duration(default: 120))
        case "reset": return .reset
        case "400", "401", "403", "404", "500": return .httpError(status: Int(name) ?? 500, code: try code())
        case "429": return .throttled(retryAfter: try count(default: 2, range: 0...3600))
        case "html502": return .html502
        case "truncate": return .truncatedJSON
        case "wrongtypes": return .wrongTypes
        case "nulls": return .nulls
        case "unknownstatus": return .unknownStatus
        case "liecount": return .lyingCount(delta: try count(default: 25, range: -100_000...100_000))
        case "duplicates": return .duplicateRows(overlap: try count(default: 2, range: 1...1000))
        case "emptypage": return .emptyPage
        case "longstrings": return .longStrings(length: try count(default: 20_000, range: 1...1_000_000))
        case "hostile": return .hostileText
        default: throw .unknownKind(name)
        }
    }

    private static func parseTrigger(_ text: String) throws(FaultParseError) -> Trigger {
        let pieces = text.split(separator: ":", maxSplits: 1).map(String.init)
        switch (pieces.first?.lowercased(), pieces.count) {
        case ("always", 1): return .always
        case ("every", 2):
            guard let k = Int(pieces[1]), k >= 1 else { throw .badTrigger(text) }
            return .every(k)
        case ("first", 2):
            guard let n = Int(pieces[1]), n >= 1 else { throw .badTrigger(text) }
            return .first(n)
        case ("window", 2):
            let bounds = pieces[1].split(separator: "-", maxSplits: 1).map(String.init)
            guard bounds.count == 2, let start = parseDuration(bounds[0]), let end = parseDuration(bounds[1]),
                start < end
            else {
                throw .badTrigger(text)
            }
            return .window(start: start, end: end)
        default: throw .badTrigger(text)
        }
    }

    /// `800ms`, `10s`, `2m`, `1h`, or a bare number of seconds; nil when malformed or negative.
    static func parseDuration(_ text: String) -> TimeInterval? {
        let units: [(String, Double)] = [("ms", 0.001), ("s", 1), ("m", 60), ("h", 3600)]
        for (suffix, factor) in units where text.hasSuffix(suffix) {
            guard let value = Double(text.dropLast(suffix.count)), value >= 0, value.isFinite else { return nil }
            return value * factor
        }
        guard let value = Double(text), value >= 0, value.isFinite else { return nil }
        return value
    }
}
