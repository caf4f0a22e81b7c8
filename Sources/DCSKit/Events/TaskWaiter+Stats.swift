import Foundation

extension TaskWaiter {
    /// Takes a stats answer or failure of a watched task: feeds its tracker and returns the lines of
    /// a sync change (sanitised) and the verdict, which with the goal `.inSync` may end the wait.
    public mutating func observe(_ insight: InsightEvent) -> (lines: [String], verdict: Verdict) {
        let key = insight.key
        guard let watched = lastTask[key] else { return ([], .waiting) }
        guard insight.isStats else { return ([], .waiting) }
        var tracker = trackers[key] ?? SyncTracker(thresholds: thresholds)
        let lines = tracker.record(insight, for: watched).map { [$0.textLine()] } ?? []
        trackers[key] = tracker
        let everyone = specs.count == resolvedKeys.count && resolvedKeys.values.allSatisfy(reachedGoal)
        return (lines, everyone ? .allSucceeded : .waiting)
    }
}
