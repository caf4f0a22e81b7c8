import DCSKit
import Foundation

/// An in-memory file system and environment for config tests.
enum ConfigTestKit {
    static let home = "/home/u"

    static func loader(env: [String: String] = [:], files: [String: String] = [:], modes: [String: UInt16] = [:]) -> ConfigLoader
    {
        ConfigLoader(
            environment: env, readFile: { files[$0].map { Data($0.utf8) } }, homeDirectory: home,
            fileMode: { modes[$0] })
    }

    static func resolver(env: [String: String] = [:], files: [String: String] = [:], modes: [String: UInt16] = [:])
        -> TargetResolver
    {
        TargetResolver(loader: loader(env: env, files: files, modes: modes), currentDirectory: "/work")
    }

    /// The `userMessage` of the `ConfigError` thrown by `body`, or nil.
    static func message(_ body: () throws -> Void) -> String? {
        do {
            try body()
            return nil
        } catch let error as ConfigError {
            return error.userMessage
        } catch {
            return nil
        }
    }
}
