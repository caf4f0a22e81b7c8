import DCSTestSupport
import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The subprocess helper every process test stands on: a child that hangs must end the wait (so a
/// hang fails one test instead of stalling the whole run), and no descriptor of the test process may
/// leak into a child (a daemon holding another test's pipe would stall that test's read forever).
@Suite("Child processes") struct ChildProcessTests {
    @Test func aChildPastItsDeadlineIsKilled() async throws {
        let started = Date()
        let run = try await ChildProcess.captureOffPool(["sleep", "30"], searchPath: true, deadline: 0.5)
        #expect(run.status == 128 + SIGKILL)
        #expect(Date().timeIntervalSince(started) < 10)
    }

    @Test func aChildInheritsOnlyTheStandardStreams() async throws {
        var ends: [Int32] = [0, 0]
        #expect(pipe(&ends) == 0)  // plain pipe(2): no close-on-exec, as Foundation's Pipe makes them
        defer {
            close(ends[0])
            close(ends[1])
        }
        let run = try await ChildProcess.captureOffPool(["sh", "-c", "ls /proc/$$/fd"], searchPath: true)
        let descriptors = run.out.split(separator: "\n").compactMap { Int32($0) }.sorted()
        #expect(run.status == 0)
        #expect(descriptors == [0, 1, 2], "the child had \(descriptors); the test process's pipe was \(ends)")
    }

    @Test func exitStatusAndOutputAreReported() async throws {
        let run = try await ChildProcess.captureOffPool(
            ["sh", "-c", "echo out; echo err >&2; exit 7"], searchPath: true, deadline: 30)
        #expect(run.status == 7)
        #expect(run.out == "out\n")
        #expect(run.err == "err\n")
    }

    @Test func theChildRunsInTheGivenDirectory() async throws {
        let run = try await ChildProcess.captureOffPool(["pwd"], directory: "/usr/share", searchPath: true)
        #expect(run.out == "/usr/share\n")
    }

    @Test func theStatusIsRememberedOnceReaped() async throws {
        let child = try ChildProcess(["sh", "-c", "exit 5"], stdout: "/dev/null", searchPath: true)
        let first = try await OffPool.run { child.wait(deadline: 30) }
        #expect(first == 5)
        // The pid is free now; asking again must neither block until a deadline nor signal a stranger.
        let started = Date()
        child.signal(SIGKILL)
        #expect(child.poll() == 5)
        #expect(try await OffPool.run { child.wait(deadline: 30) } == 5)
        // Blocking would last the 30-s deadline; 10 s leaves room for a loaded machine (a 1-s bound
        // failed once with the whole suite running beside a release build).
        #expect(Date().timeIntervalSince(started) < 10)
    }
}
