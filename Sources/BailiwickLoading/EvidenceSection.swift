import Bailiwick

extension PackSetBuilder {
    /// A rule's `evidence`, checked against the level its `source` claims. `.failed` after
    /// reporting: the rule is then left out, like any rule with an error.
    enum ReadEvidence {
        case none
        case read(Evidence)
        case failed
    }

    func readEvidence(_ reader: MappingReader, status: SourceStatus?, jurisdiction: String?) -> ReadEvidence {
        guard let entry = reader.mapping("evidence", what: "the evidence") else {
            if reader.node("evidence") != nil { return .failed }
            guard status == .primary else { return .none }
            let place = reader.node("source").map { reader.document.location(of: $0) } ?? reader.location
            diagnostics.error(
                place,
                "a primary rule needs 'evidence' (source, pinpoint, read, words): primary means "
                    + "the rule's own text was read at a pinpoint; otherwise mark it official-summary or lower")
            return .failed
        }
        entry.rejectUnknownKeys(allowed: ["source", "pinpoint", "read", "words"])
        let key = entry.freeID("source")
        let pinpoint = entry.text("pinpoint")
        let read = entry.date("read", required: true)
        let words = entry.text("words")
        guard let key, let pinpoint, let read, let words else { return .failed }
        let place = jurisdiction.flatMap { id in jurisdictions.first { $0.id == id } }
        let sources = place?.sources ?? sharedSources
        guard let source = sources.first(where: { $0.key == key.value }) else {
            diagnostics.error(
                key.location,
                Suggestions.message(
                    "unknown source '\(key.value)' in 'evidence'", for: key.value, in: sources.map(\.key)))
            return .failed
        }
        if let place, place.reviewed < read.value {
            diagnostics.error(
                read.location,
                "the evidence was read on \(read.value), after the pack's 'reviewed' date \(place.reviewed)")
            return .failed
        }
        if status == .primary, source.version == nil {
            diagnostics.error(
                key.location,
                "primary requires a pinpoint and the source's date or version: "
                    + "give source '\(source.key)' a 'version' (its edition, amendment date or document date)")
            return .failed
        }
        return .read(Evidence(sourceKey: key.value, pinpoint: pinpoint.value, read: read.value, words: words.value))
    }
}

extension PackSetBuilder.ReadEvidence {
    var value: Evidence? {
        if case .read(let evidence) = self { return evidence }
        return nil
    }
}
