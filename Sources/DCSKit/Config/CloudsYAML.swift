import Yams

/// Reads one cloud of an OpenStack `clouds.yaml` with Yams, so the file means what OpenStack's own
/// tools (PyYAML) read: merge keys (`<<: *common`), anchors and aliases, quoted scalars with escapes,
/// block scalars, flow collections (issue 15). Only the keys dcswatch uses are kept; other keys,
/// whatever their shape, are ignored as OpenStack tools ignore keys they do not know; a used key that
/// is not a scalar, in any cloud of the file, is an error naming its line.
enum CloudsYAML {
    /// The keys read at the cloud's level and under its `auth:` mapping.
    static let keys: Set<String> = [
        "ak", "sk", "access_key", "secret_key", "security_token", "project_id", "region_name", "username", "password",
        "user_domain_name", "domain_name", "project_domain_name", "auth_url",
    ]

    /// The cloud `name` of `clouds:`, as plain strings: `cloud` for its own keys, `auth` for those of
    /// its `auth:` mapping (after merge keys are applied). Nil when the file defines no such cloud;
    /// throws `ConfigError.invalidYAML` naming `path` and the line for a file YAML cannot read, or a
    /// used key whose value is not a scalar.
    static func cloud(named name: String, in text: String, path: String) throws -> (
        cloud: [String: String], auth: [String: String]
    )? {
        // Only merge keys are resolved: every other scalar stays the text it was written as (a
        // project id of digits, a password `yes`), which is what a credential is.
        let parser: Parser
        let root: Node?
        do {
            parser = try Parser(yaml: text, resolver: Resolver.basic.appending(Resolver.Rule.merge))
            root = try parser.singleRoot()
        } catch {
            throw invalid(error, path: path)
        }
        guard let root else { return nil }
        do {
            let file = try withExtendedLifetime(parser) {
                try YAMLDecoder().decode(CloudsDocument.self, from: root)
            }
            guard let cloud = file.clouds?[name] else { return nil }
            return (cloud.values, cloud.auth?.values ?? [:])
        } catch let error as DecodingError {
            throw invalid(error, root: root, path: path)
        }
    }

    /// A syntax error from libyaml, with the line it gives.
    private static func invalid(_ error: any Error, path: String) -> ConfigError {
        switch error {
        case YamlError.scanner(_, let problem, let mark, _), YamlError.parser(_, let problem, let mark, _),
            YamlError.composer(_, let problem, let mark, _):
            return .invalidYAML(path: path, line: mark.line, detail: problem)
        case YamlError.duplicatedKeysInMapping(let duplicates, let context):
            return .invalidYAML(
                path: path, line: context.mark.line, detail: "duplicate key \(duplicates.joined(separator: ", "))")
        default:
            return .invalidYAML(path: path, line: nil, detail: String(describing: error))
        }
    }

    /// A used key of the wrong shape (a mapping where a string belongs): the line of the node at the
    /// error's key path, or of the nearest parent the path reaches in the file as written.
    private static func invalid(_ error: DecodingError, root: Node, path: String) -> ConfigError {
        let context: DecodingError.Context
        switch error {
        case .typeMismatch(_, let found), .valueNotFound(_, let found), .keyNotFound(_, let found),
            .dataCorrupted(let found):
            context = found
        @unknown default:
            return .invalidYAML(path: path, line: nil, detail: String(describing: error))
        }
        var node = root
        for key in context.codingPath {
            guard let child = node[key.stringValue] else { break }
            node = child
        }
        let keyPath = context.codingPath.map(\.stringValue).joined(separator: ".")
        // The used keys hold strings; every level above them (`clouds`, a cloud, `auth`) is a mapping.
        let expected = context.codingPath.last.map { keys.contains($0.stringValue) } == true ? "a string" : "a mapping"
        return .invalidYAML(path: path, line: node.mark?.line, detail: "\(keyPath) must be \(expected)")
    }
}

/// The document's `clouds:` mapping (merge keys applied at every level by the decoder).
private struct CloudsDocument: Decodable {
    let clouds: [String: CloudLevel]?
}

/// The used keys of one level (a cloud or its `auth:`), and the `auth:` mapping of a cloud.
private struct CloudLevel: Decodable {
    let values: [String: String]
    let auth: AuthLevel?

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: NameKey.self)
        values = try Self.strings(in: container)
        auth = try container.decodeIfPresent(AuthLevel.self, forKey: NameKey("auth"))
    }

    /// The used keys present in `container`, each decoded as a string.
    static func strings(in container: KeyedDecodingContainer<NameKey>) throws -> [String: String] {
        var values: [String: String] = [:]
        for key in container.allKeys where CloudsYAML.keys.contains(key.stringValue) {
            if try container.decodeNil(forKey: key) { continue }
            values[key.stringValue] = try container.decode(String.self, forKey: key)
        }
        return values
    }
}

/// A cloud's `auth:` mapping: the same used keys, one level down.
private struct AuthLevel: Decodable {
    let values: [String: String]

    init(from decoder: any Decoder) throws {
        values = try CloudLevel.strings(in: decoder.container(keyedBy: NameKey.self))
    }
}

/// A mapping key by its text.
private struct NameKey: CodingKey {
    let stringValue: String
    var intValue: Int? { nil }

    init(_ name: String) { stringValue = name }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}
