import ArgumentParser
import Bailiwick
import BailiwickLoading
import BailiwickPacks
import BailiwickReports
import Foundation

/// `bailiwick bench`: how fast, in process and as processes, on the shipped packs.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure start-up, pack loading, scope decisions, deadlines, audits, caseloads and the server.",
        discussion: """
            Prints the median, 90th and 99th percentile time of each operation in process and its \
            throughput (fast operations are timed in batches: the figure is per operation, from batch \
            averages), then each figure of docs/performance.md beside its target: 'check' against \
            '--version' as processes, a caseload audit as a process (matters per second, peak memory), \
            and the server on loopback with 16 connections (this program runs its own verbs as child \
            processes). Build with -c release for meaningful numbers; --quick makes it brief. With \
            --generate-caseload DIR, writes a reproducible synthetic caseload instead; with \
            --export-questions FILE, writes the scope questions and rules for a peer comparison \
            (docs/benchmarks/cedar.py).
            """
    )

    @Option(name: [.customShort("j"), .long], help: "Measure loading and decisions for this jurisdiction only.")
    var jurisdiction: String?

    @Option(help: "Samples per measurement.")
    var iterations: Int = 200

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    @Option(
        name: .customLong("generate-caseload"),
        help: ArgumentHelp("Write a synthetic caseload into this folder.", valueName: "dir"))
    var caseloadFolder: String?

    @Option(help: "How many matter files: written by --generate-caseload, or audited for the caseload figures.")
    var matters: Int = 10_000

    @Option(help: "With --generate-caseload: the seed; the same seed writes the same files.")
    var seed: UInt64 = 1

    @Flag(help: "Brief: few samples, 500 matters, half a second of load per server figure (for CI).")
    var quick = false

    @Flag(name: .customLong("in-process"), help: "Only the in-process measurements: no caseload, no server.")
    var inProcessOnly = false

    @Option(help: "Seconds of load for each server figure.")
    var seconds: Double = 3

    @Option(
        name: .customLong("binary"),
        help: ArgumentHelp(
            "Measure the processes and the server of this bailiwick executable (another build) instead of this one.",
            valueName: "path"))
    var binary: String?

    @Option(
        name: .customLong("export-questions"),
        help: ArgumentHelp(
            "Write the scope questions, the rules behind them and Bailiwick's answers and time as JSON, for a "
                + "peer comparison.", valueName: "file"))
    var questionsFile: String?

    /// The child's side of the allocation figure (`DecisionAllocations`): the folder for its traces.
    @Option(name: .customLong("count-decision-allocations"), help: .private)
    var allocationTraceFolder: String?

    @OptionGroup var packOptions: PackOptions

    func validate() throws {
        guard (1...1_000_000).contains(iterations) else {
            throw ValidationError("--iterations must be from 1 to 1000000")
        }
        guard (1...10_000_000).contains(matters) else { throw ValidationError("--matters must be from 1 to 10000000") }
        guard (0.1...600).contains(seconds) else { throw ValidationError("--seconds must be from 0.1 to 600") }
    }

    func run() throws {
        if let caseloadFolder {
            try generate(into: caseloadFolder)
            return
        }
        let samples = quick ? min(iterations, 20) : iterations
        let files = PackFiles.needed(for: nil, from: try PackFiles.resolve(packsOption: packOptions.packs))
        let packs = try packOptions.load()
        if let questionsFile {
            try QuestionExport.write(packs, to: questionsFile, samples: samples)
            return
        }
        var results: [Measurement] = []
        let jurisdictions = jurisdiction.map { [$0] } ?? packs.jurisdictions.map(\.id)
        if let jurisdiction { try Console.resolve(jurisdiction, in: packs) }
        if let allocationTraceFolder {
            let queries = BenchWorkload.scopeQueries(packs, jurisdictions: Set(jurisdictions))
            try DecisionAllocations.count(queries, in: packs, rounds: iterations, folder: allocationTraceFolder)
            return
        }
        let loadSamples = max(5, min(samples, 50))
        if jurisdiction == nil {
            results.append(
                Measurement.time("load and validate all packs", samples: loadSamples) {
                    _ = try? PackSetLoader.load(files)
                })
        }
        for id in jurisdictions {
            let subset = PackFiles.needed(for: id, from: files)
            results.append(
                Measurement.time("load and validate \(id)", samples: loadSamples) {
                    _ = try? PackSetLoader.load(subset)
                })
        }
        if !packOptions.areFiles {
            // What start-up does instead of the two loads above: the forms the build compiled.
            for id in [nil, jurisdiction ?? "us-wa"] as [String?] {
                results.append(
                    Measurement.time("decode the compiled packs, " + (id ?? "all"), samples: loadSamples) {
                        _ = ShippedPacks.load(jurisdiction: id)
                    })
            }
        }
        let queries = BenchWorkload.scopeQueries(packs, jurisdictions: Set(jurisdictions))
        var figures: [BenchFigure] = []
        if !queries.isEmpty {
            let decisions = Measurement.batched(
                "scope decision (mix of \(queries.count))", samples: samples, batch: 1000
            ) { index in
                _ = packs.decide(queries[index % queries.count])
            }
            results.append(decisions)
            figures.append(
                BenchFigure(
                    id: "scope-decision", name: "scope decision, median", value: decisions.percentile(0.5),
                    unit: .nanoseconds, target: 150, atMost: true))
            // Counted in a child of this program, under glibc's malloc tracer (even with --in-process).
            figures.append(
                try DecisionAllocations.figure(
                    jurisdiction: jurisdiction, packsOption: packOptions.packs, rounds: quick ? 1 : 4))
        }
        let periods = BenchWorkload.deadlineRequests(packs, jurisdictions: Set(jurisdictions))
        if !periods.isEmpty {
            results.append(
                Measurement.batched("deadline computation (mix of \(periods.count))", samples: samples, batch: 200) {
                    index in
                    let (request, id) = periods[index % periods.count]
                    _ = try? packs.computePeriod(request, in: id)
                })
        }
        if jurisdictions.contains("us-wa") {
            var generator = CaseloadGenerator(seed: seed)
            let text = generator.dissolution(0)
            if let matter = try? MatterLoader.load(text: text, file: "typical.yaml", packs: packs) {
                let asOf = matter.asOf!
                let audit = Measurement.batched(
                    "audit of a typical matter (\(matter.actions.count) actions, \(matter.filings.count) filings, "
                        + "\(matter.type?.deadlines.count ?? 0) deadlines)",
                    samples: samples, batch: 20
                ) { _ in
                    _ = packs.audit(matter, asOf: asOf)
                }
                let readAndAudit = Measurement.batched(
                    "read a matter file and audit it", samples: max(5, samples / 4), batch: 10
                ) { _ in
                    if let loaded = try? MatterLoader.load(text: text, file: "typical.yaml", packs: packs) {
                        _ = packs.audit(loaded, asOf: asOf)
                    }
                }
                results += [audit, readAndAudit]
                figures.append(
                    BenchFigure(
                        id: "matter-audit", name: "typical matter audit, median", value: audit.percentile(0.5) / 1e3,
                        unit: .microseconds, target: 30, atMost: true))
                figures.append(
                    BenchFigure(
                        id: "read-and-audit", name: "reading and auditing a matter file, median",
                        value: readAndAudit.percentile(0.5) / 1e3, unit: .microseconds, target: 150, atMost: true))
            }
        }
        if !inProcessOnly {
            let processes = ProcessFigures(
                executable: binary ?? ChildProcess.bailiwick, packsOption: packOptions.packs, quick: quick,
                matters: quick ? min(matters, 500) : matters,
                seed: seed, seconds: quick ? min(seconds, 0.5) : seconds)
            figures += try processes.startUp()
            figures += try processes.caseload()
            figures += try processes.server()
        }
        switch format {
        case .text:
            try Console.print(Measurement.table(results) + "\n" + BenchFigure.table(figures), terminator: "")
        case .json:
            try Console.print(Measurement.json(results, figures: figures), terminator: "")
        }
    }
    private func generate(into folder: String) throws {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        var generator = CaseloadGenerator(seed: seed)
        let width = String(matters).count
        for index in 0..<matters {
            let number = String(index)
            let name = "matter-" + String(repeating: "0", count: width - number.count) + number + ".yaml"
            try generator.matter(index).write(
                toFile: (folder as NSString).appendingPathComponent(name), atomically: false, encoding: .utf8)
        }
        try Console.print("wrote \(matters) matter files to \(folder) (seed \(seed))")
    }
}

/// A realistic mix of work, drawn from the shipped packs themselves.
enum BenchWorkload {
    /// Every licence and action of the jurisdictions, on a few dates, with some facts given and some not.
    static func scopeQueries(_ packs: PackSet, jurisdictions: Set<String>) -> [ScopeQuery] {
        var queries: [ScopeQuery] = []
        let dates = ["2018-06-01", "2022-06-01", "2026-03-01"].compactMap(CivilDate.init)
        for jurisdiction in packs.jurisdictions where jurisdictions.contains(jurisdiction.id) {
            for license in packs.licenses(in: jurisdiction.id) {
                for (number, action) in packs.actions.enumerated() {
                    var facts = FactValues(slotCount: packs.factSlotCount)
                    // Give the boolean facts on alternate queries, so both known and unknown facts are exercised.
                    for fact in packs.facts where fact.type == .boolean && number % 2 == 0 {
                        facts[fact.slot] = .boolean(fact.id != "represents-other-party")
                    }
                    if let issues = packs.fact("issues"), number % 3 != 2 { facts[issues.slot] = .list([]) }
                    let area: String? =
                        if case .only(let areas) = license.areas { areas[number % areas.count] } else { nil }
                    if let query = try? ScopeQuery(
                        in: packs, jurisdiction: jurisdiction.id, license: license.key.id, action: action.id,
                        area: area, date: dates[number % dates.count], facts: facts)
                    {
                        queries.append(query)
                    }
                }
            }
        }
        return queries
    }

    /// Periods of 3 to 90 days, forward and back, with and without mail service.
    static func deadlineRequests(_ packs: PackSet, jurisdictions: Set<String>) -> [(PeriodRequest, String)] {
        var requests: [(PeriodRequest, String)] = []
        for id in packs.calendars.keys.sorted() where jurisdictions.contains(id) {
            for (number, days) in [3, 5, 10, 14, 20, 21, 30, 60, 90].enumerated() {
                let trigger = CivilDate(year: 2026, month: 1 + number, day: 1 + number * 3)!
                requests.append(
                    (
                        PeriodRequest(
                            trigger: trigger, period: .days(days), direction: number % 4 == 3 ? .before : .after,
                            service: number % 2 == 0 ? .mail : nil), id
                    ))
            }
        }
        return requests
    }
}

/// Timings of one operation.
struct Measurement {
    let name: String
    /// Nanoseconds per operation, one value per sample.
    let samples: [Double]

    static func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }

    static func time(_ name: String, samples count: Int, _ body: () -> Void) -> Measurement {
        body()
        var samples: [Double] = []
        for _ in 0..<count {
            let start = now()
            body()
            samples.append(Double(now() - start))
        }
        return Measurement(name: name, samples: samples)
    }

    static func batched(_ name: String, samples count: Int, batch: Int, _ body: (Int) -> Void) -> Measurement {
        for index in 0..<batch { body(index) }
        var samples: [Double] = []
        var index = 0
        for _ in 0..<count {
            let start = now()
            for _ in 0..<batch {
                body(index)
                index += 1
            }
            samples.append(Double(now() - start) / Double(batch))
        }
        return Measurement(name: name, samples: samples)
    }

    func percentile(_ p: Double) -> Double {
        let sorted = samples.sorted()
        let rank = min(sorted.count - 1, max(0, Int((p * Double(sorted.count - 1)).rounded())))
        return sorted[rank]
    }

    var mean: Double { samples.reduce(0, +) / Double(samples.count) }
    var throughput: Double { mean > 0 ? 1e9 / mean : 0 }

    static func format(_ nanoseconds: Double) -> String {
        switch nanoseconds {
        case ..<1_000: return String(format: "%.0f ns", nanoseconds)
        case ..<1_000_000: return String(format: "%.2f µs", nanoseconds / 1_000)
        default: return String(format: "%.2f ms", nanoseconds / 1_000_000)
        }
    }

    static func table(_ results: [Measurement]) -> String {
        var rows = [["operation", "median", "p90", "p99", "per second"]]
        for result in results {
            rows.append([
                result.name, format(result.percentile(0.5)), format(result.percentile(0.9)),
                format(result.percentile(0.99)),
                String(format: "%.0f", result.throughput),
            ])
        }
        let widths = (0..<5).map { column in rows.map { $0[column].count }.max()! }
        return rows.map { row in
            row.enumerated().map { column, cell in
                column == 0
                    ? cell + String(repeating: " ", count: widths[0] - cell.count)
                    : String(repeating: " ", count: widths[column] - cell.count) + cell
            }.joined(separator: "  ")
        }.joined(separator: "\n") + "\n"
    }

    static func json(_ results: [Measurement], figures: [BenchFigure]) -> String {
        JSONValue.object([
            ("schema-version", 2),
            (
                "measurements",
                .array(
                    results.map { result in
                        .object([
                            ("operation", .string(result.name)), ("samples", .number(result.samples.count)),
                            ("median-ns", .number(Int(result.percentile(0.5)))),
                            ("p90-ns", .number(Int(result.percentile(0.9)))),
                            ("p99-ns", .number(Int(result.percentile(0.99)))),
                            ("per-second", .number(Int(result.throughput))),
                        ])
                    })
            ),
            ("figures", .array(figures.map(\.json))),
        ]).rendered()
    }
}
