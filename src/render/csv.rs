//! CSV, written by the `csv` crate: text neutralised for spreadsheets,
//! numbers to one decimal.

use std::io::Write;

/// Text from a file as a spreadsheet may read it: control characters
/// neutralised, and a leading `'` when it would start a formula (`=`, `+`,
/// `-`, `@`), since names and titles come from files. The `csv` crate
/// quotes it.
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

/// Writes `records` (the header first) to `out` as CSV, every field as
/// given: text fields are passed through [`guard`] by the caller.
///
/// # Errors
///
/// When writing fails.
pub fn write<I, R>(out: &mut dyn Write, records: I) -> std::io::Result<()>
where
    I: IntoIterator<Item = R>,
    R: IntoIterator,
    R::Item: AsRef<[u8]>,
{
    let mut writer = csv::Writer::from_writer(out);
    for record in records {
        writer.write_record(record).map_err(std::io::Error::other)?;
    }
    writer.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_quoted_and_formulas_guarded() {
        let mut out = Vec::new();
        write(
            &mut out,
            [
                vec!["name".to_owned(), "note".to_owned()],
                vec![guard("=SUM(A1)"), guard("a, \"b\"\nc")],
            ],
        )
        .unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            // A line break in a name becomes a space before it is written.
            "name,note\n'=SUM(A1),\"a, \"\"b\"\" c\"\n"
        );
    }
}
