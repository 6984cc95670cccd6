import Bailiwick
import Foundation

extension CivilDate {
    /// Today's date in UTC: the same on every machine whatever its time zone.
    public static var todayUTC: CivilDate {
        CivilDate(dayNumber: Int((Date().timeIntervalSince1970 / 86_400).rounded(.down)))
    }
}
