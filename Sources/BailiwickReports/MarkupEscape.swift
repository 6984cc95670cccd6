import Bailiwick

/// Escapes text for XML and HTML content and attribute values: the five markup characters become references,
/// characters XML 1.0 forbids (and the noncharacters U+FFFE, U+FFFF) are dropped, and characters that would act on
/// a terminal showing the file, or reorder or hide text in a page, are written as numeric references, which a
/// reader turns back into the same text. One implementation, because the JUnit, Moodle XML and HTML writers need
/// the same references.
func escapeMarkup(_ text: String) -> String {
    var output = ""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "&": output += "&amp;"
        case "<": output += "&lt;"
        case ">": output += "&gt;"
        case "\"": output += "&quot;"
        case "'": output += "&apos;"
        case "\t", "\n": output.unicodeScalars.append(scalar)
        // A reference keeps it exact for a reader; raw, it would move a terminal's cursor.
        case "\r": output += "&#xD;"
        case _ where scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF: continue
        case _ where TerminalEscape.isUnsafe(scalar):
            output += "&#x\(String(scalar.value, radix: 16, uppercase: true));"
        default: output.unicodeScalars.append(scalar)
        }
    }
    return output
}
