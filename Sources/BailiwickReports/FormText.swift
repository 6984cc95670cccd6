import Bailiwick

/// The words for a matter type's form in listings: `list forms` and the packs page.
public enum FormText {
    /// "required", "required if children > 0" or "optional".
    public static func requirement(_ form: RequiredForm) -> String {
        guard form.required else { return "optional" }
        return form.when.map { "required if \($0.text)" } ?? "required"
    }
}
