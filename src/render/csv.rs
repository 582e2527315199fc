//! CSV cells: text neutralised for spreadsheets, numbers to one decimal.

/// A text field for CSV: quoted when needed, and with a leading `'` when it
/// would start a spreadsheet formula (`=`, `+`, `-`, `@`), since names and
/// titles come from files.
pub fn csv_text(text: &str) -> String {
    let text = guard(text);
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

/// Text from a file as a spreadsheet may read it: control characters
/// neutralised, and a leading `'` when it would start a formula (`=`, `+`,
/// `-`, `@`). The `csv` crate quotes it.
pub fn guard(text: &str) -> String {
    let text = crate::output::clean_line(text);
    if text.starts_with(['=', '+', '-', '@']) {
        format!("'{text}")
    } else {
        text.into_owned()
    }
}

/// A number for CSV: one decimal, empty when absent.
pub fn csv_number(value: Option<f64>) -> String {
    value
        .map(|v| format!("{:.1}", crate::rounding::one_decimal(v)))
        .unwrap_or_default()
}
