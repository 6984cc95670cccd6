import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The command line's files: reports never written over a matter, whatever path spells it; no
/// matter of a caseload left out silently; write failures and signals that leave nothing behind;
/// and a reason for every file that cannot be read.
struct FileSafetyTests {
    static let matter = PackVerbTests.repository.appendingPathComponent("Examples/us-federal-answer.yaml")

    /// A folder holding `m.yaml`, a copy of a clean example matter.
    func folderWithMatter() throws -> URL {
        let folder = try CLI.temporaryFolder()
        try FileManager.default.copyItem(at: Self.matter, to: folder.appendingPathComponent("m.yaml"))
        return folder
    }

    func names(_ folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    }

    /// The JSON report's audited files and its unreadable files with their messages.
    func audited(_ result: CLI.Result) throws -> (files: [String], unreadable: [String: [String]]) {
        let report = try CLI.json(result.stdout)
        let files = (report["matters"] as? [[String: Any]] ?? []).compactMap { $0["file"] as? String }
        var unreadable: [String: [String]] = [:]
        for entry in report["unreadable"] as? [[String: Any]] ?? [] {
            let messages = (entry["diagnostics"] as? [[String: Any]] ?? []).compactMap { $0["message"] as? String }
            unreadable[entry["file"] as? String ?? "", default: []] += messages
        }
        return (files.sorted(), unreadable)
    }

    // MARK: --output over a matter file

    @Test func outputIsComparedByFileNotBySpelling() throws {
        let folder = try folderWithMatter()
        defer { try? FileManager.default.removeItem(at: folder) }
        let original = try Data(contentsOf: folder.appendingPathComponent("m.yaml"))
        try FileManager.default.createSymbolicLink(
            atPath: folder.appendingPathComponent("alias.yaml").path,
            withDestinationPath: "m.yaml")
        try FileManager.default.createSymbolicLink(
            atPath: folder.appendingPathComponent("here").path,
            withDestinationPath: ".")
        try FileManager.default.linkItem(
            atPath: folder.appendingPathComponent("m.yaml").path,
            toPath: folder.appendingPathComponent("hard.yaml").path)
        for output in ["alias.yaml", "here/m.yaml", "/proc/self/cwd/m.yaml", "here/here/m.yaml", "hard.yaml"] {
            let result = try CLI.run(["audit", "m.yaml", "--output", output], directory: folder)
            #expect(result.status == 2, "--output \(output)")
            #expect(result.stderr.contains("is one of the matter files"), "--output \(output)")
            #expect(try Data(contentsOf: folder.appendingPathComponent("m.yaml")) == original, "--output \(output)")
        }
        // The same through a folder: the matter found in it is the target.
        let result = try CLI.run(["audit", "here", "--output", "/proc/self/cwd/m.yaml"], directory: folder)
        #expect(result.status == 2 && result.stderr.contains("is one of the matter files"))
        #expect(try Data(contentsOf: folder.appendingPathComponent("m.yaml")) == original)
        #expect(try names(folder) == ["alias.yaml", "hard.yaml", "here", "m.yaml"])
    }

    // MARK: matters left out of a caseload

    @Test func aCaseloadIsSearchedThroughLinkedFoldersAndExtensionsInAnyCase() throws {
        let root = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let fm = FileManager.default
        let real = root.appendingPathComponent("real")
        try fm.createDirectory(at: real.appendingPathComponent("sub"), withIntermediateDirectories: true)
        let elsewhere = root.appendingPathComponent("elsewhere")
        try fm.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        try fm.copyItem(at: Self.matter, to: real.appendingPathComponent("a.YAML"))
        try fm.copyItem(at: Self.matter, to: real.appendingPathComponent("sub/b.Yml"))
        try fm.copyItem(at: Self.matter, to: elsewhere.appendingPathComponent("c.yaml"))
        try Data(#"{"id": "J-1", "jurisdiction": "us", "type": "federal-civil-answer", "as-of": "2026-05-15"}"#.utf8)
            .write(to: real.appendingPathComponent("d.JSON"))
        try Data("not a matter".utf8).write(to: real.appendingPathComponent("notes.txt"))
        try fm.createSymbolicLink(
            atPath: real.appendingPathComponent("linked").path,
            withDestinationPath: elsewhere.path)
        // The caseload folder itself is a link.
        try fm.createSymbolicLink(atPath: root.appendingPathComponent("caseload").path, withDestinationPath: "real")

        let result = try CLI.run(["audit", "caseload", "--format", "json"], directory: root)
        #expect(result.status == 0, "\(result.stderr)")
        let (files, unreadable) = try audited(result)
        #expect(files == ["caseload/a.YAML", "caseload/d.JSON", "caseload/linked/c.yaml", "caseload/sub/b.Yml"])
        #expect(unreadable.isEmpty)
    }

    @Test func aLinkBackUpTheTreeIsReportedAsALoopAndNotFollowed() throws {
        let folder = try folderWithMatter()
        defer { try? FileManager.default.removeItem(at: folder) }
        let link = folder.appendingPathComponent("sub/up").path
        let sub = folder.appendingPathComponent("sub")
        try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "..")
        let result = try CLI.run(["audit", folder.path, "--format", "json"])
        #expect(result.status == 2)
        let (files, unreadable) = try audited(result)
        #expect(files == [folder.appendingPathComponent("m.yaml").path])
        #expect(unreadable[link]?.first?.contains("(a loop); not followed") == true)
    }

    /// A folder that even root cannot list: /proc/1/map_files (needs CAP_SYS_ADMIN in the first
    /// user namespace) for root, a folder without permissions for anyone else; nil when neither.
    func unlistableFolder(in folder: URL) throws -> URL? {
        let locked = folder.appendingPathComponent("locked")
        if geteuid() != 0 {
            try FileManager.default.createDirectory(at: locked, withIntermediateDirectories: true)
            chmod(locked.path, 0)
            return locked
        }
        guard let stream = opendir("/proc/1/map_files") else { return nil }
        defer { closedir(stream) }
        errno = 0
        guard readdir(stream) == nil, errno == EACCES else { return nil }
        try FileManager.default.createSymbolicLink(atPath: locked.path, withDestinationPath: "/proc/1/map_files")
        return locked
    }

    /// A file that even root cannot read: a write-only sysctl (procfs checks its own mode).
    func unreadableFile(in folder: URL) throws -> URL {
        let denied = folder.appendingPathComponent("denied.yaml")
        if geteuid() != 0 {
            try FileManager.default.copyItem(at: Self.matter, to: denied)
            chmod(denied.path, 0)
        } else {
            try FileManager.default.createSymbolicLink(
                atPath: denied.path,
                withDestinationPath: "/proc/sys/vm/drop_caches")
        }
        return denied
    }

    @Test func everyEntryThatCannotBeReadIsALocatedErrorWithItsReasonAndTheOthersAreAudited() throws {
        let folder = try folderWithMatter()
        defer {
            chmod(folder.appendingPathComponent("locked").path, 0o700)
            try? FileManager.default.removeItem(at: folder)
        }
        let path = { (name: String) in folder.appendingPathComponent(name).path }
        try FileManager.default.createSymbolicLink(atPath: path("gone.yaml"), withDestinationPath: "nowhere.yaml")
        try FileManager.default.createSymbolicLink(atPath: path("gone-folder"), withDestinationPath: "nowhere")
        #expect(mkfifo(path("pipe.yaml"), 0o600) == 0)
        let denied = try unreadableFile(in: folder)
        let locked = try unlistableFolder(in: folder)

        let result = try CLI.run(["audit", folder.path, "--format", "json"])
        #expect(result.status == 2)
        let (files, unreadable) = try audited(result)
        #expect(files == [path("m.yaml")])
        let dangling = "cannot follow this link: it is a symbolic link to nothing (a dangling link)"
        #expect(unreadable[path("gone.yaml")] == [dangling])
        #expect(unreadable[path("gone-folder")] == [dangling])
        let fifo = "cannot read the file: it is a FIFO (named pipe), not a regular file"
        #expect(unreadable[path("pipe.yaml")] == [fifo])
        #expect(unreadable[denied.path] == ["cannot read the file: permission denied"])
        if let locked {
            #expect(unreadable[locked.path]?.first?.hasSuffix("permission denied") == true)
        }
        #expect(unreadable.count == (locked == nil ? 4 : 5))

        // The same reasons for a file named on the command line, and for a folder where a file is expected.
        let named = try CLI.run(["audit", path("pipe.yaml")])
        #expect(named.status == 2 && named.stdout.contains("pipe.yaml:1:1: error: cannot read the file: it is a FIFO"))
        let answers = try CLI.run(["quiz", "--count", "1", "--seed", "1", "--answers", folder.path])
        #expect(answers.status == 2)
        #expect(answers.stderr.contains("cannot read the file: it is a folder, not a regular file"))
    }

    @Test func aLinkedOrBrokenJurisdictionFolderOfAPackSetIsLoadedOrAnError() throws {
        let folder = try PackVerbTests().copyOfPacks()
        defer { try? FileManager.default.removeItem(at: folder) }
        let jurisdictions = folder.appendingPathComponent("Jurisdictions")
        let moved = folder.appendingPathComponent("kept-elsewhere")
        try FileManager.default.moveItem(at: jurisdictions.appendingPathComponent("us-wa"), to: moved)
        try FileManager.default.createSymbolicLink(
            atPath: jurisdictions.appendingPathComponent("us-wa").path,
            withDestinationPath: moved.path)
        let linked = try CLI.run(["check", "--packs", folder.path, "-j", "us-wa", "-l", "lllt", "-a", "negotiate"])
        #expect(linked.status != 2, "\(linked.stderr)")
        #expect(linked.stdout.contains("us-wa") || linked.stdout.contains("Washington"))

        try FileManager.default.createSymbolicLink(
            atPath: jurisdictions.appendingPathComponent("xx-gone").path,
            withDestinationPath: "nowhere")
        let broken = try CLI.run(["list", "jurisdictions", "--packs", folder.path])
        #expect(broken.status == 2)
        #expect(broken.stderr.contains("xx-gone:1:1: error: cannot follow this link: it is a symbolic link to nothing"))
    }

    // MARK: a report in the caseload folder

    @Test func aReportWrittenIntoTheCaseloadIsNotReadBackAsAMatter() throws {
        let folder = try folderWithMatter()
        defer { try? FileManager.default.removeItem(at: folder) }
        for format in ["json", "json", "html", "junit"] {
            let result = try CLI.run(["audit", ".", "--format", format, "--output", "report.json"], directory: folder)
            #expect(result.status == 0, "\(format): \(result.stderr)")
        }
        let json = try CLI.run(["audit", ".", "--format", "json", "--output", "report.json"], directory: folder)
        #expect(json.status == 0)
        let report = try CLI.json(String(contentsOf: folder.appendingPathComponent("report.json"), encoding: .utf8))
        #expect((report["summary"] as? [String: Any])?["matters"] as? Int == 1)
        // Left there and audited again to standard output: named, not audited.
        let again = try CLI.run(["audit", "."], directory: folder)
        #expect(again.status == 0)
        #expect(again.stderr.contains("./report.json is a Bailiwick audit report, not a matter file"))
        // Named as a matter, it is an error; a real matter as the target is still refused.
        #expect(
            try CLI.run(["audit", "report.json"], directory: folder).stdout.contains("is a Bailiwick audit report"))
        let refused = try CLI.run(["audit", ".", "--output", "m.yaml"], directory: folder)
        #expect(refused.status == 2 && refused.stderr.contains("is one of the matter files"))
        #expect(try Data(contentsOf: folder.appendingPathComponent("m.yaml")) == Data(contentsOf: Self.matter))
    }

    // MARK: unbounded diagnostics

    @Test func aMatterFileKeepsItsFirstFiftyDiagnosticsAndCountsTheRest() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let keys = (1...230).map { "unknown-key-\($0): 1" }.joined(separator: "\n")
        try "id: X-1\njurisdiction: us\ntype: federal-civil-answer\nas-of: 2026-05-15\n\(keys)\n"
            .write(to: folder.appendingPathComponent("broken.yaml"), atomically: true, encoding: .utf8)
        let result = try CLI.run(["audit", folder.path, "--format", "json"])
        #expect(result.status == 2)
        let messages = try audited(result).unreadable.values.first ?? []
        #expect(messages.count == 51)
        #expect(messages.last == "and 180 more problems from here on, not shown (only the first 50 of a file are kept)")
    }

    // MARK: write failures

    /// Runs `bailiwick` with standard output (and standard error, if given) sent to files.
    func run(
        _ arguments: [String], stdout: String, stderr: String? = nil, environment: [String: String] = [:],
        directory: URL? = nil
    ) throws -> (status: Int32, reason: Process.TerminationReason, stderr: String) {
        let process = Process()
        process.executableURL = CLI.binary
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        if let directory { process.currentDirectoryURL = directory }
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle(forWritingAtPath: stdout)
        let pipe = Pipe()
        process.standardError = stderr.flatMap { FileHandle(forWritingAtPath: $0) } ?? pipe
        try process.run()
        if stderr != nil { try pipe.fileHandleForWriting.close() }
        let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, process.terminationReason, text)
    }

    @Test func everyVerbEndsWithStatusTwoAndOneLineWhenItsOutputCannotBeWritten() throws {
        let verbs = [
            ["audit", Self.matter.path], ["check", "-j", "us-wa", "-l", "lllt", "-a", "negotiate"],
            ["deadlines", "-j", "us-wa", "--from", "2026-03-02", "--days", "20"],
            ["holidays", "-j", "us-wa", "--year", "2026"], ["list", "actions"],
            ["quiz", "--count", "2", "--seed", "1"],
            ["test"], ["validate"], ["explain", "on-p1-advice"], ["--help"],
        ]
        for verb in verbs {
            let full = try run(verb, stdout: "/dev/full")
            #expect(full.reason == .exit && full.status == 2, "\(verb)")
            #expect(full.stderr == "error: cannot write to standard output: no space left on device\n", "\(verb)")
            // With standard error full as well there is nowhere to say it, but the status still tells.
            let silent = try run(verb, stdout: "/dev/full", stderr: "/dev/full")
            #expect(silent.reason == .exit && silent.status == 2, "\(verb)")
        }
    }

    @Test func aReportThatCannotBeWrittenLeavesNothingBehind() throws {
        let folder = try folderWithMatter()
        defer { try? FileManager.default.removeItem(at: folder) }
        // A full device as --output: root makes its own (1, 7 is /dev/full), so that a regression
        // replacing the device by a file cannot harm the machine's /dev/full; others cannot replace it.
        let device =
            mknod(folder.appendingPathComponent("full").path, S_IFCHR | 0o666, dev_t(1 << 8 | 7)) == 0
            ? folder.appendingPathComponent("full").path : "/dev/full"
        let full = try run(["audit", "m.yaml", "--output", device], stdout: "/dev/null", directory: folder)
        #expect(full.reason == .exit && full.status == 2)
        #expect(full.stderr == "error: cannot write to \(device): no space left on device\n")
        var info = stat()
        #expect(stat(device, &info) == 0 && (info.st_mode & S_IFMT) == S_IFCHR)
        try? FileManager.default.removeItem(atPath: folder.appendingPathComponent("full").path)
        // A spool that cannot be made (TMPDIR not a folder, or one nothing can be created in).
        for tmpdir in ["/dev/full", "/proc"] {
            let spool = try run(
                ["audit", "m.yaml", "--output", "report.json"], stdout: "/dev/null",
                environment: ["TMPDIR": tmpdir], directory: folder)
            #expect(spool.reason == .exit && spool.status == 2, "TMPDIR=\(tmpdir)")
            let message = "error: cannot create a temporary file in \(tmpdir) (TMPDIR): "
            #expect(spool.stderr.hasPrefix(message), "TMPDIR=\(tmpdir)")
            #expect(spool.stderr.split(separator: "\n").count == 1)
        }
        #expect(try names(folder) == ["m.yaml"])
    }

    /// The files `pid` has open in `folder`: unnamed ones show as `folder/#inode (deleted)`.
    func openFiles(of pid: Int32, in folders: [URL]) -> [(link: String, mode: mode_t)] {
        let fds = "/proc/\(pid)/fd"
        return ((try? FileManager.default.contentsOfDirectory(atPath: fds)) ?? []).compactMap { fd in
            guard let link = try? FileManager.default.destinationOfSymbolicLink(atPath: "\(fds)/\(fd)"),
                folders.contains(where: { link.hasPrefix($0.path + "/") })
            else { return nil }
            var info = stat()
            guard stat("\(fds)/\(fd)", &info) == 0 else { return nil }
            return (link, info.st_mode & 0o777)
        }
    }

    /// Starts `bailiwick` with no signal blocked or ignored (a test runner's thread may block
    /// them, and a child inherits that), its standard streams on /dev/null.
    func spawn(_ arguments: [String], environment: [String: String]) throws -> pid_t {
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t()
        sigemptyset(&none)
        var handled = sigset_t()
        sigemptyset(&handled)
        for signal in [SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGPIPE] { sigaddset(&handled, signal) }
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &handled)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for descriptor in Int32(0)...2 {
            let mode = descriptor == 0 ? O_RDONLY : O_WRONLY
            posix_spawn_file_actions_addopen(&actions, descriptor, "/dev/null", mode, 0)
        }
        let variables = ProcessInfo.processInfo.environment.merging(environment) { $1 }.map { "\($0.key)=\($0.value)" }
        let argv = ([CLI.binary.path] + arguments).map { strdup($0) } + [nil]
        let envp = variables.map { strdup($0) } + [nil]
        defer { for pointer in argv + envp { free(pointer) } }
        var pid: pid_t = 0
        let code = posix_spawn(&pid, CLI.binary.path, &actions, &attributes, argv, envp)
        guard code == 0 else { throw POSIXError(POSIXErrorCode(rawValue: code) ?? .EIO) }
        return pid
    }

    @Test(arguments: [SIGTERM, SIGINT])
    func anInterruptedCaseloadAuditLeavesNoFileBehind(signal: Int32) throws {
        let root = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let caseload = root.appendingPathComponent("caseload")
        let output = root.appendingPathComponent("reports")
        let spool = root.appendingPathComponent("tmp")
        for folder in [output, spool] {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        }
        let generate = ["bench", "--generate-caseload", caseload.path, "--matters", "3000", "--seed", "7"]
        #expect(try CLI.run(generate).status == 0)

        let report = output.appendingPathComponent("r.json").path
        let pid = try spawn(
            ["audit", caseload.path, "--format", "json", "--output", report],
            environment: ["TMPDIR": spool.path])
        // Waits for the report and the spool to be open, however long that takes, then interrupts.
        var seen: [(link: String, mode: mode_t)] = []
        var status: Int32 = 0
        var exited = false
        while !exited {
            seen = openFiles(of: pid, in: [output, spool])
            let inOutput = seen.contains { $0.link.hasPrefix(output.path) }
            if inOutput && seen.contains(where: { $0.link.hasPrefix(spool.path) }) { break }
            exited = waitpid(pid, &status, WNOHANG) == pid
            usleep(200)
        }
        kill(pid, signal)
        if !exited { waitpid(pid, &status, 0) }
        #expect(status & 0x7f == signal, "ended by signal \(status & 0x7f), exit status \((status >> 8) & 0xff)")
        #expect(!seen.isEmpty && seen.allSatisfy { $0.mode == 0o600 }, "\(seen)")
        #expect(try names(output) == [])
        #expect(try names(spool) == [])
    }
}
