/// "Did you mean" suggestions: the closest known name to a misspelt one.
package enum Suggestions {
    /// The candidate closest to `name` by edit distance, if it is close enough to be a likely typo
    /// (or a longer name starting with it). Candidates that cannot qualify by their length alone
    /// are not measured, so a long unknown name costs no more than a short one.
    package static func closest(to name: String, in candidates: some Sequence<String>) -> String? {
        let target = Array(name.lowercased().unicodeScalars)
        let allowed = max(1, min(3, (target.count + 2) / 4))
        let candidates = candidates.map { (name: $0, scalars: Array($0.lowercased().unicodeScalars)) }
        var best: (name: String, distance: Int)?
        func consider(_ candidate: (name: String, scalars: [Unicode.Scalar]), within limit: Int) {
            guard abs(candidate.scalars.count - target.count) <= limit else { return }
            let distance = editDistance(target, candidate.scalars)
            if best == nil || distance < best!.distance || (distance == best!.distance && candidate.name < best!.name) {
                best = (candidate.name, distance)
            }
        }
        // The distance is at least the difference in length: only candidates of about the same
        // length can be within `allowed`.
        for candidate in candidates { consider(candidate, within: allowed) }
        if let best, best.distance <= allowed { return best.name }
        // Otherwise only a longer candidate starting with the name qualifies, and only if nothing
        // is closer: its distance is the length it adds.
        guard name.count >= 3,
            let prefixed = candidates.filter({ $0.name.hasPrefix(name) })
                .min(by: { ($0.scalars.count, $0.name) < ($1.scalars.count, $1.name) })
        else { return nil }
        best = nil
        for candidate in candidates { consider(candidate, within: prefixed.scalars.count - target.count) }
        return best?.name == prefixed.name ? prefixed.name : nil
    }

    /// `message` followed by "; did you mean 'x'?" when a close candidate exists.
    package static func message(_ message: String, for name: String, in candidates: some Sequence<String>) -> String {
        guard let suggestion = closest(to: name, in: candidates) else { return message }
        return "\(message); did you mean '\(suggestion)'?"
    }

    /// How many valid values a message lists when none is close to what was written.
    package static let listedAtMost = 10

    /// `message` followed by "; did you mean 'x'?" when a close candidate exists, else by the valid
    /// values (at most `listedAtMost`, then how many more and the command that lists them all):
    /// for ids a user has to guess, so a wrong one is never a dead end.
    package static func message(
        _ message: String, for name: String, in candidates: some Sequence<String>, listedBy command: String?,
        all: Bool = false
    ) -> String {
        let candidates = Array(candidates)
        if let suggestion = closest(to: name, in: candidates) { return "\(message); did you mean '\(suggestion)'?" }
        return message + known(candidates, listedBy: command, all: all)
    }

    /// " (known: a, b, c)", or " (known: a, b, … and 12 more; see 'bailiwick list actions')";
    /// nothing when there are no candidates. `all` names every one (a mapping's keys, a file's
    /// people: lists no command shows).
    package static func known(_ candidates: [String], listedBy command: String?, all: Bool = false) -> String {
        let sorted = candidates.sorted()
        guard !sorted.isEmpty else { return "" }
        guard sorted.count > listedAtMost, !all else { return " (known: \(sorted.joined(separator: ", ")))" }
        let shown = sorted.prefix(listedAtMost).joined(separator: ", ")
        let more = " and \(sorted.count - listedAtMost) more" + (command.map { "; see '\($0)'" } ?? "")
        return " (known: \(shown)\(more))"
    }

    /// Optimal-string-alignment distance: insertions, deletions, substitutions and adjacent
    /// transpositions ("negotaite") each count as one edit.
    static func editDistance(_ lhs: [Unicode.Scalar], _ rhs: [Unicode.Scalar]) -> Int {
        let width = rhs.count + 1
        var table = [Int](repeating: 0, count: (lhs.count + 1) * width)
        for i in 0...lhs.count { table[i * width] = i }
        for j in 0...rhs.count { table[j] = j }
        guard !lhs.isEmpty, !rhs.isEmpty else { return max(lhs.count, rhs.count) }
        for i in 1...lhs.count {
            for j in 1...rhs.count {
                let cost = lhs[i - 1] == rhs[j - 1] ? 0 : 1
                var best = min(
                    table[(i - 1) * width + j] + 1,
                    table[i * width + j - 1] + 1,
                    table[(i - 1) * width + j - 1] + cost)
                if i > 1, j > 1, lhs[i - 1] == rhs[j - 2], lhs[i - 2] == rhs[j - 1] {
                    best = min(best, table[(i - 2) * width + j - 2] + 1)
                }
                table[i * width + j] = best
            }
        }
        return table[lhs.count * width + rhs.count]
    }
}
