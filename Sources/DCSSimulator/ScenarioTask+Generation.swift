import Foundation

extension ScenarioTask {
    /// Draws task `index` of `seed`. `start` is the simulated start (seconds from the simulator's start).
    /// Each task uses its own PRNG stream, so adding tasks never changes the earlier ones.
    static func generate(seed: UInt64, index: Int, start: Double) -> ScenarioTask {
        var random = SeededGenerator(seed: seed, stream: UInt64(index) &+ 1)
        let isImport = random.unit() < 0.18
        let isIncremental = !isImport && random.unit() < 0.55
        let environment = random.pick(["prod", "staging", "dev", "perf"])
        let name =
            random.unit() < 0.3
            ? random.pick(Vocabulary.internationalNames) + "-\(index + 1)"
            : Vocabulary.taskName(&random, environment: environment, number: index + 1)
        let sourceIsDCS = !isImport && random.unit() < 0.6
        let sourceAddress = Vocabulary.address(&random)
        let target = SimulatedInstance(
            id: random.uuid(), name: "dcs-\(random.pick(Vocabulary.words))-\(environment)-\(random.hex(4))",
            address: Vocabulary.address(&random), password: Vocabulary.password(&random),
            specCode: random.pick(Vocabulary.specCodes), subnetID: random.uuid(), status: "RUNNING")
        let source: SimulatedInstance? =
            sourceIsDCS
            ? SimulatedInstance(
                id: random.uuid(), name: "redis-\(random.pick(Vocabulary.words))-\(random.hex(4))",
                address: sourceAddress,
                password: Vocabulary.password(&random), specCode: random.pick(Vocabulary.specCodes),
                subnetID: random.uuid(),
                status: "RUNNING")
            : nil
        let keys = Int64(pow(10, 4 + random.unit() * 3.7))
        // Full phase: 15 minutes of ECS set-up and RDB transfer, then a few thousand keys a second,
        // at most five hours: slow enough that a demo shows tasks moving through every phase.
        let fullDuration = min(18_000, 900 + Double(keys) / 3_000 * (0.6 + random.unit()))
        let failure = ScenarioTask.drawFailure(&random, isImport: isImport, isIncremental: isIncremental)
        let stopAge: Double? =
            failure == nil && random.unit() < (isIncremental ? 0.35 : 0.05)
            ? (isIncremental
                ? fullDuration + 1_800 + random.unit() * 172_800 : fullDuration * (0.1 + 0.8 * random.unit()))
            : nil
        return ScenarioTask(
            index: index, id: random.uuid(), name: name,
            description: random.unit() < 0.25 ? nil : random.pick(Vocabulary.descriptions),
            migrationType: isImport ? "backupfile_import" : "online_migration",
            migrationMethod: isIncremental ? "incremental_migration" : "full_amount_migration",
            dataSource: isImport ? "dcs-backup-\(environment)-\(random.hex(6))" : sourceAddress,
            sourceInstance: source, targetInstance: target, sourcePassword: Vocabulary.password(&random),
            ecsPrivateIP: Vocabulary.address(&random, port: false), networkType: random.unit() < 0.85 ? "vpc" : "vpn",
            bandwidthLimitMB: random.unit() < 0.3 ? random.pick([50, 100, 200, 500]) : nil,
            version: random.pick(["4.0", "5.0", "6.0.21", "6.2.7"]),
            resumeMode: random.unit() < 0.7 ? "auto" : "manual",
            simulatedStart: start, fullDuration: fullDuration, sourceKeys: keys, failure: failure, stopAge: stopAge,
            baseLag: 2_000 + random.unit() * 60_000, baseKbps: 8_000 + random.unit() * 90_000,
            baseOps: 200 + random.unit() * 12_000)
    }

    private static func drawFailure(
        _ random: inout SeededGenerator, isImport: Bool, isIncremental: Bool
    ) -> (fraction: Double, message: String)? {
        guard random.unit() < (isIncremental ? 0.1 : 0.18) else { return nil }
        let messages = isImport ? Vocabulary.importErrors : Vocabulary.onlineErrors
        return (fraction: 0.02 + 0.9 * random.unit(), message: random.pick(messages))
    }
}
