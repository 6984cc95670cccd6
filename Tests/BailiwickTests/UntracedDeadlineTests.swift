import Bailiwick
import Testing

/// The audit counts its deadlines without writing down a trace (its findings show none): the dates must be the
/// ones the traced count gives, every time.
struct UntracedDeadlineTests {
    let packs: PackSet

    init() throws {
        packs = try TestPacks.shipped
    }

    /// Triggers three to five weeks before the shipped unconfirmed closures (Colorado's 2021-12-24, 2021-12-31
    /// and 2023-11-10), where its 21- and 35-day periods end, with the holidays and weekend rolls around them.
    var triggers: [CivilDate] {
        let windows = [("2021-11-17", 26), ("2023-10-04", 18)]
        return windows.flatMap { start, days in
            (0..<days).map { try! CivilDate(start)!.adding(days: $0) }
        }
    }

    func compute(
        _ rule: DeadlineRule, from date: CivilDate, service: ServiceMethod?, tracing: Bool
    ) -> Result<DeadlineResult?, TimelineError> {
        do throws(TimelineError) {
            return .success(
                try packs.computeDeadline(
                    rule, triggerDate: { _ in date }, time: TimeOfDay("16:30"),
                    facts: FactValues(slotCount: packs.factSlotCount), service: service, tracing: tracing))
        } catch {
            return .failure(error)
        }
    }

    @Test func everyShippedDeadlineGivesTheTracedDatesUntraced() {
        var compared = 0
        for rule in packs.deadlines {
            for date in triggers {
                for service in [nil, .mail] as [ServiceMethod?] {
                    let traced = compute(rule, from: date, service: service, tracing: true)
                    let untraced = compute(rule, from: date, service: service, tracing: false)
                    switch (traced, untraced) {
                    case (.failure(let one), .failure(let other)):
                        #expect(one == other, "\(rule.id) from \(date)")
                    case (.success(let one?), .success(let other?)):
                        compared += 1
                        let dates = [one.computed] + one.alternatives.compactMap(\.computed)
                        let untracedDates = [other.computed] + other.alternatives.compactMap(\.computed)
                        #expect(dates.map(\.date) == untracedDates.map(\.date), "\(rule.id) from \(date)")
                        #expect(dates.map(\.time) == untracedDates.map(\.time), "\(rule.id) from \(date)")
                        #expect(
                            dates.map(\.closureWarnings) == untracedDates.map(\.closureWarnings),
                            "\(rule.id) from \(date)")
                        #expect(one.variant === other.variant, "\(rule.id) from \(date)")
                        let untracedSteps = untracedDates.map(\.trace.count).reduce(0, +)
                        #expect(untracedSteps == 0, "\(rule.id) from \(date)")
                        #expect(!one.computed.trace.isEmpty, "\(rule.id) from \(date)")
                    case (.success(nil), .success(nil)):
                        break
                    default:
                        Issue.record("\(rule.id) from \(date): traced \(traced), untraced \(untraced)")
                    }
                }
            }
        }
        // Most rules have a date from most triggers, and some dates carry closure warnings: the comparison
        // covers them.
        #expect(compared > packs.deadlines.count * triggers.count)
        #expect(
            packs.deadlines.contains { rule in
                triggers.contains { date in
                    if case .success(let result?) = compute(rule, from: date, service: nil, tracing: false) {
                        return !result.computed.closureWarnings.isEmpty
                    }
                    return false
                }
            })
    }
}
