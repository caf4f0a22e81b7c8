import ArgumentParser
import Foundation
import Logging

extension WatchCommand {
    /// The dashboard's logger: to `path` when given, else nowhere (the screen is the only output).
    static func makeLogger(path: String?) throws -> Logger {
        guard let path else {
            return Logger(label: "dcswatch", factory: { _ in SwiftLogNoOpLogHandler() })
        }
        guard let handler = FileLogHandler(path: path) else {
            throw ValidationError("cannot write the log file \(path): check the directory exists and is writable")
        }
        var logger = Logger(label: "dcswatch", factory: { _ in handler })
        logger.logLevel = .info
        return logger
    }
}

/// A swift-log handler appending one line per message to a file (`--log-file`). A value type as
/// swift-log expects; copies share one `LogFileWriter`.
struct FileLogHandler: LogHandler {
    private let writer: LogFileWriter
    /// The handler's metadata.
    var metadata: Logger.Metadata = [:]
    /// The minimum level written.
    var logLevel: Logger.Level = .info

    /// Opens (creating, mode 0600) `path` for appending; nil when it cannot be opened.
    /// Opens `path` for appending (created with mode 0600); nil when it cannot.
    init?(path: String) {
        guard let writer = LogFileWriter(path: path) else { return nil }
        self.writer = writer
    }

    /// Metadata access required by `LogHandler`.
    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    /// Writes one line: time, level, source, message (line breaks flattened).
    func log(event: LogEvent) {
        let text = "\(event.message)".replacingOccurrences(of: "\n", with: " ")
        writer.write("\(LiveClock.now()) \(event.level) \(event.source): \(text)\n")
    }
}

/// The file behind `FileLogHandler`.
///
/// `@unchecked Sendable`: writes are serialised by `lock`; swift-log may log from any thread.
final class LogFileWriter: @unchecked Sendable {
    private let lock = NSLock()
    private let file: FileHandle

    init?(path: String) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_APPEND, 0o600)
        guard descriptor >= 0 else { return nil }
        file = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
    }

    /// Appends one line.
    func write(_ line: String) {
        lock.withLock { file.write(Data(line.utf8)) }
    }
}
