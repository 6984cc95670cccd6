import Bailiwick

extension PackSetBuilder {
    func readLicenses(_ section: Section) {
        let shared = section.jurisdiction == nil
        let allowed = shared ? PackFileKeys.sharedLicense : PackFileKeys.license
        for reader in items(of: section, what: "licence") {
            reader.rejectUnknownKeys(allowed: allowed)
            let id = reader.id("id")
            let title = reader.text("title")
            let governingRule = reader.text("governing-rule")
            let areas = readAreaScope(reader)
            let from = reader.date("valid-from")
            let until = reader.date("valid-until")
            let admissionsUntil = reader.date("admissions-until")
            let citation = readCitation(reader, jurisdiction: section.jurisdiction)
            let countries = shared ? reader.list("countries") : []
            if let from, let until, until.value < from.value {
                diagnostics.error(until.location, "'valid-until' \(until.value) is before 'valid-from' \(from.value)")
            }
            // Kept with placeholders when other keys are wrong, so rules naming it do not report
            // it as unknown: the errors already stop the load.
            guard let id, define("licence", id, scope: section.jurisdiction ?? "") else { continue }
            licenses.append(
                License(
                    key: LicenseKey(jurisdiction: section.jurisdiction, id: id.value), title: title?.value ?? "",
                    governingRule: governingRule?.value ?? "", areas: areas ?? .any,
                    validity: EffectivePeriod(from: from?.value, until: until?.value),
                    admissionsUntil: admissionsUntil?.value, countries: countries?.map(\.value) ?? [],
                    citation: citation ?? Citation(text: "", status: .unverified),
                    note: reader.text("note", required: false)?.value
                ))
        }
    }

    /// `areas: any`, or a list of area ids.
    func readAreaScope(_ reader: MappingReader) -> AreaScope? {
        guard let ids = reader.list("areas") else { return nil }
        if ids.count == 1, ids[0].value == "any" { return .any }
        return resolve(ids, kind: "practice area", known: areas.map(\.id)).map { .only($0) }
    }
}
