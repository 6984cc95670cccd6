/// "Did you mean" suggestions: the closest known name to a misspelt one.
public enum Suggestions {
    /// The candidate closest to `name` by edit distance, if it is close enough to be a likely typo.
    public static func closest(to name: String, in candidates: some Sequence<String>) -> String? {
        let target = Array(name.lowercased().unicodeScalars)
        var best: (name: String, distance: Int)?
        for candidate in candidates {
            let distance = editDistance(target, Array(candidate.lowercased().unicodeScalars))
            if best == nil || distance < best!.distance || (distance == best!.distance && candidate < best!.name) {
                best = (candidate, distance)
            }
        }
        guard let best else { return nil }
        let allowed = max(1, min(3, (target.count + 2) / 4))
        let isPrefix = best.name.hasPrefix(name) && name.count >= 3
        return best.distance <= allowed || isPrefix ? best.name : nil
    }

    /// `message` followed by "; did you mean 'x'?" when a close candidate exists.
    public static func message(_ message: String, for name: String, in candidates: some Sequence<String>) -> String {
        guard let suggestion = closest(to: name, in: candidates) else { return message }
        return "\(message); did you mean '\(suggestion)'?"
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
                var best = min(table[(i - 1) * width + j] + 1,
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
