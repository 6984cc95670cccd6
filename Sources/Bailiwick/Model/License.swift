/// Names a licence: licences belong to a jurisdiction (`us-az` `lp`), or are shared by every
/// jurisdiction of some countries (`paralegal`), in which case `jurisdiction` is nil.
public struct LicenseKey: Hashable, Sendable, CustomStringConvertible {
    public let jurisdiction: String?
    public let id: String

    public init(jurisdiction: String?, id: String) {
        self.jurisdiction = jurisdiction
        self.id = id
    }

    public var description: String { jurisdiction.map { "\($0)/\(id)" } ?? id }
}

/// The practice areas a licence or rule covers.
public enum AreaScope: Sendable, Equatable {
    case any
    case only([String])

    public func covers(_ area: String) -> Bool {
        switch self {
        case .any: true
        case .only(let areas): areas.contains(area)
        }
    }
}

/// A kind of licence (not a person's licence): what it covers and when it existed.
/// A class, immutable: audits and findings share one instance instead of copying every field.
public final class License: Sendable {
    public let key: LicenseKey
    public let title: String
    public let governingRule: String
    public let areas: AreaScope
    /// When the licence existed; before `from`, nobody could hold it.
    public let validity: EffectivePeriod
    /// The last day a new licence of this kind could be issued, if admissions have closed.
    public let admissionsUntil: CivilDate?
    /// For shared licences: the countries in whose jurisdictions it exists.
    public let countries: [String]
    public let citation: Citation
    public let note: String?

    public init(
        key: LicenseKey, title: String, governingRule: String, areas: AreaScope, validity: EffectivePeriod,
        admissionsUntil: CivilDate?, countries: [String], citation: Citation, note: String?
    ) {
        self.key = key
        self.title = title
        self.governingRule = governingRule
        self.areas = areas
        self.validity = validity
        self.admissionsUntil = admissionsUntil
        self.countries = countries
        self.citation = citation
        self.note = note
    }
}
