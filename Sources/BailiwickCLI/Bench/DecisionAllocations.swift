import Bailiwick
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The figure "scope decision, heap allocations per decision", counted by glibc's malloc tracer.
///
/// glibc (2.34 and later) traces only with its debugging library preloaded, so the benchmark runs
/// itself as a child with `LD_PRELOAD=libc_malloc_debug.so.0`. The child decides every question
/// once (one-time costs, such as the runtime's type metadata, are not the hot path), then turns
/// `mtrace` on around the decisions only, and again around explaining some of them, which
/// allocates: an explanation window that records nothing means the tracer is not working, and the
/// figure is not reported as met. The trace files are in a temporary folder, removed afterwards.
enum DecisionAllocations {
    static let tracer = "libc_malloc_debug.so.0"

    struct Count: Codable {
        let decisions: Int
        let allocations: Int
        let explained: Int
        let explanationAllocations: Int
    }

    /// Runs the child and reads its count.
    static func figure(jurisdiction: String?, packsOption: String?, rounds: Int) throws -> BenchFigure {
        try ProcessFigures.inTemporaryFolder { folder in
            let output = folder.appendingPathComponent("count.json").path
            var arguments = ["bench", "--count-decision-allocations", folder.path, "--iterations", String(rounds)]
            if let jurisdiction { arguments += ["-j", jurisdiction] }
            if let packsOption { arguments += ["--packs", packsOption] }
            var preload = [tracer]
            if let inherited = ProcessInfo.processInfo.environment["LD_PRELOAD"] { preload.insert(inherited, at: 0) }
            let exit = try ChildProcess.run(
                arguments, output: output, environment: ["LD_PRELOAD": preload.joined(separator: " ")])
            guard exit.status == 0, let data = FileManager.default.contents(atPath: output),
                let count = try? JSONDecoder().decode(Count.self, from: data)
            else {
                throw ChildProcess.Failed(description: "cannot count the allocations of scope decisions")
            }
            guard count.explanationAllocations > 0 else {
                throw ChildProcess.Failed(
                    description: "cannot count the allocations of scope decisions: glibc's malloc tracer "
                        + "(\(tracer)) recorded nothing")
            }
            return BenchFigure(
                id: "scope-decision-allocations", name: "scope decision, heap allocations per decision",
                value: Double(count.allocations) / Double(max(1, count.decisions)), unit: .count, target: 0,
                atMost: true,
                detail: "\(count.allocations) in \(count.decisions) decisions; explaining \(count.explained) of them: "
                    + "\(count.explanationAllocations)")
        }
    }

    /// The child's side: decides every question `rounds` times under the tracer, and writes the count.
    static func count(_ queries: [ScopeQuery], in packs: PackSet, rounds: Int, folder: String) throws {
        let (start, stop) = try tracerSwitches()
        var permitted = 0
        for query in queries where packs.decide(query).kind == .permitted { permitted += 1 }
        let decisions = folder + "/decisions.trace"
        setenv("MALLOC_TRACE", decisions, 1)
        start()
        for _ in 0..<rounds {
            for query in queries where packs.decide(query).kind == .permitted { permitted += 1 }
        }
        stop()
        let explained = queries.prefix(50)
        let explanations = folder + "/explanations.trace"
        setenv("MALLOC_TRACE", explanations, 1)
        start()
        for query in explained { permitted += packs.decide(query).rules.count }
        stop()
        unsetenv("MALLOC_TRACE")
        let count = Count(
            decisions: rounds * queries.count, allocations: try allocations(in: decisions),
            explained: explained.count, explanationAllocations: try allocations(in: explanations))
        // `permitted` is printed nowhere: it only keeps the decisions from being optimised away.
        _ = permitted
        try Console.print(String(decoding: try JSONEncoder().encode(count), as: UTF8.self))
    }

    private typealias Switch = @convention(c) () -> Void

    /// `mtrace` and `muntrace` of the preloaded library. They are compatibility symbols there
    /// (`mtrace@GLIBC_2.2.5`), which plain `dlsym` skips for libc's empty ones, so `dlvsym` asks for
    /// the version; `dlvsym` itself is looked up because Swift's Glibc module does not declare it.
    private static func tracerSwitches() throws -> (Switch, Switch) {
        typealias VersionedSymbol =
            @convention(c) (UnsafeMutableRawPointer?, UnsafePointer<CChar>, UnsafePointer<CChar>) ->
            UnsafeMutableRawPointer?
        guard let library = dlopen(tracer, RTLD_NOLOAD | RTLD_NOW), let lookup = dlsym(nil, "dlvsym") else {
            throw ChildProcess.Failed(description: "cannot count allocations: \(tracer) is not loaded")
        }
        let versioned = unsafeBitCast(lookup, to: VersionedSymbol.self)
        guard let on = versioned(library, "mtrace", "GLIBC_2.2.5"),
            let off = versioned(library, "muntrace", "GLIBC_2.2.5")
        else {
            throw ChildProcess.Failed(description: "cannot count allocations: \(tracer) has no mtrace")
        }
        return (unsafeBitCast(on, to: Switch.self), unsafeBitCast(off, to: Switch.self))
    }

    /// The allocations in an mtrace file: its `+` lines (malloc, calloc, memalign) and `>` lines
    /// (realloc's new block). A file that was never written holds none.
    private static func allocations(in file: String) throws -> Int {
        guard let data = FileManager.default.contents(atPath: file) else { return 0 }
        var count = 0
        for line in data.split(separator: UInt8(ascii: "\n")) {
            let fields = line.split(separator: UInt8(ascii: " "))
            if fields.contains(where: { $0.elementsEqual("+".utf8) || $0.elementsEqual(">".utf8) }) { count += 1 }
        }
        return count
    }
}
