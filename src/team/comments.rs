//! The comments of a closed round as the round keeps them: the two lists,
//! each in the order the report shows it, as a small TOML text that is only
//! ever written sealed to the collector's key, so that `collect` can print
//! the whole report again without the response files.

/// The text of the two lists.
pub fn to_text(keep: &[String], change: &[String]) -> String {
    let mut table = toml::Table::new();
    for (key, list) in [("keep", keep), ("change", change)] {
        table.insert(
            key.into(),
            toml::Value::Array(list.iter().cloned().map(toml::Value::String).collect()),
        );
    }
    toml::to_string(&table).unwrap_or_default()
}

/// The two lists back from their text; `None` when it is not theirs.
pub fn from_text(text: &str) -> Option<(Vec<String>, Vec<String>)> {
    let table: toml::Table = toml::from_str(text).ok()?;
    let list = |key: &str| -> Option<Vec<String>> {
        table
            .get(key)?
            .as_array()?
            .iter()
            .map(|v| v.as_str().map(str::to_owned))
            .collect()
    };
    Some((list("keep")?, list("change")?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_lists_come_back_in_their_order() {
        let keep = vec!["B \"quoted\"".to_owned(), "A\nline".to_owned()];
        let change = vec![];
        assert_eq!(from_text(&to_text(&keep, &change)), Some((keep, change)));
        assert_eq!(from_text("keep = 1"), None);
    }
}
