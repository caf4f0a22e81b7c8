import DCSKit
import Foundation

extension TaskSnapshot {
    /// The log lines written so far, newest first (as the console shows them), derived from the phase.
    public func logEntries(scenario: Scenario) -> [SimulatedLogEntry] {
        let start = task.simulatedStart
        func at(_ age: Double) -> Date { scenario.wallDate(simulatedTime: start + age) }
        var entries = [
            SimulatedLogEntry(createdAt: createdAt, level: "INFO", message: "Migration task created.", code: "MIG.0001")
        ]
        entries.append(
            .init(createdAt: at(min(age, 60)), level: "INFO", message: "Migration ECS started.", code: "MIG.0002"))
        if age >= 90 {
            entries.append(
                .init(createdAt: at(90), level: "INFO", message: "Full migration started.", code: "MIG.0010"))
        }
        for quarter in 1...3
        where age >= task.fullDuration * Double(quarter) / 4 && (task.failure?.fraction ?? 1) > Double(quarter) / 4 {
            entries.append(
                .init(
                    createdAt: at(task.fullDuration * Double(quarter) / 4), level: "INFO",
                    message: "Full migration \(quarter * 25)% done.", code: "MIG.0011"))
        }
        switch phase {
        case .fullMigration: break
        case .incrementalSync:
            entries.append(
                .init(createdAt: updatedAt, level: "INFO", message: "Full migration completed.", code: "MIG.0012"))
            entries.append(
                .init(
                    createdAt: updatedAt, level: "INFO", message: "Incremental synchronization started.",
                    code: "MIG.0020"))
        case .succeeded:
            entries.append(
                .init(createdAt: updatedAt, level: "INFO", message: "Full migration completed.", code: "MIG.0012"))
        case .failed:
            entries.append(
                .init(
                    createdAt: updatedAt, level: "ERROR", message: errorMessage ?? "Migration failed.", code: "MIG.1001"
                ))
        case .terminating:
            entries.append(
                .init(createdAt: updatedAt, level: "INFO", message: "Stop requested by the user.", code: "MIG.0030"))
        case .terminated:
            entries.append(
                .init(createdAt: updatedAt, level: "INFO", message: "Migration task stopped.", code: "MIG.0031"))
        }
        return entries.sorted { $0.createdAt > $1.createdAt }
    }
}
