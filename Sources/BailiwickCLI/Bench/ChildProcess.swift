import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A child process started with posix_spawn and reaped with wait4, so the benchmark gets its wall
/// time and its peak memory (which Foundation's Process does not report).
struct ChildProcess {
    struct Exit {
        let status: Int32
        let seconds: Double
        /// The child's peak resident memory, in bytes.
        let peakMemory: Int
    }

    struct Failed: Error, CustomStringConvertible {
        let description: String
    }

    let pid: pid_t
    let started: UInt64

    /// This executable, to run its own verbs as a user would.
    static var bailiwick: String {
        Bundle.main.executablePath ?? CommandLine.arguments[0]
    }

    /// Starts `executable` with `arguments`; its output goes to `output` (a file, created or truncated),
    /// or nowhere. Standard input is empty. The environment is this process's, with `environment` added.
    static func start(
        _ arguments: [String], executable: String = bailiwick, output: String = "/dev/null",
        environment: [String: String] = [:]
    ) throws -> ChildProcess {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var variables = ProcessInfo.processInfo.environment
        variables.merge(environment) { _, added in added }
        let envp = variables.sorted { $0.key < $1.key }.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { for pointer in envp { free(pointer) } }
        var pid: pid_t = 0
        let start = DispatchTime.now().uptimeNanoseconds
        let status = posix_spawn(&pid, executable, &actions, nil, argv, envp)
        guard status == 0 else { throw Failed(description: "cannot start \(executable): error \(status)") }
        return ChildProcess(pid: pid, started: start)
    }

    /// Runs a child to its end.
    static func run(
        _ arguments: [String], executable: String = bailiwick, output: String = "/dev/null",
        environment: [String: String] = [:]
    ) throws -> Exit {
        try start(arguments, executable: executable, output: output, environment: environment).wait()
    }

    func wait() throws -> Exit {
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 {
            guard errno == EINTR else { throw Failed(description: "cannot wait for a child process") }
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        // WEXITSTATUS, which Swift cannot import as a macro; a signal shows as 128 + its number.
        let code = status & 0x7F == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        return Exit(status: code, seconds: seconds, peakMemory: Int(usage.ru_maxrss) * 1024)
    }

    func terminate() {
        kill(pid, SIGTERM)
    }
}
