import Bailiwick
import Foundation

extension CivilDate {
    /// Today's date in UTC: the same on every machine whatever its time zone.
    public static var todayUTC: CivilDate {
        // A clock set outside the years 1 to 9999 gives the nearest end of the calendar.
        let day = (Date().timeIntervalSince1970 / 86_400).rounded(.down)
        return CivilDate(dayNumber: Int(max(-1e9, min(1e9, day)))) ?? (day < 0 ? .first : .last)
    }
}
