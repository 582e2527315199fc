//! Reading a TOML file part by part, so that every problem in it is reported
//! with its `line:column`, not only the first one serde meets.
//!
//! The file is parsed once into toml's spanned tree; each part (a field, one
//! element of an array of tables, one entry of a table) is then deserialized on
//! its own, so a mistake in one question does not hide the mistakes in the
//! others.

use std::ops::Range;

use serde::Deserialize;
use serde::de::DeserializeOwned;
use toml::Spanned;
use toml::de::{DeTable, DeValue, ValueDeserializer};

use crate::error::{Diagnostic, with_suggestion};
use crate::source::Source;

/// The file format version this leadgap reads and writes.
pub const SCHEMA: i64 = 1;

/// A value of the file with its byte span.
pub type Value<'s> = Spanned<DeValue<'s>>;

/// The most problems reported for one file. A file with more is not a
/// draft with mistakes but the wrong file (or a hostile one); the rest are
/// counted, not listed.
pub const MAX_PROBLEMS: usize = 100;

/// A parsed TOML file and the problems found in it so far.
pub struct Document<'s> {
    source: &'s Source,
    problems: Vec<Diagnostic>,
    /// Problems found beyond [`MAX_PROBLEMS`].
    more: usize,
    /// Where problems beyond the limit are written, and forgotten.
    spare: Diagnostic,
}

impl<'s> Document<'s> {
    /// Parses `source`, recording every syntax error, and returns its root
    /// table (as much of it as could be recovered).
    pub fn parse(source: &'s Source) -> (Self, DeTable<'s>) {
        let (root, errors) = DeTable::parse_recoverable(&source.text);
        let mut document = Document {
            source,
            problems: Vec::new(),
            more: 0,
            spare: source.diagnostic(None, ""),
        };
        for error in &errors {
            document.push_toml_error(error, None);
        }
        (document, root.into_inner())
    }

    /// The file being read.
    pub fn source(&self) -> &'s Source {
        self.source
    }

    /// Records a problem at `span` and returns it, so a suggestion can be added.
    pub fn problem(
        &mut self,
        span: Option<Range<usize>>,
        message: impl Into<String>,
    ) -> &mut Diagnostic {
        if self.problems.len() >= MAX_PROBLEMS {
            self.more += 1;
            self.spare = self.source.diagnostic(None, "");
            return &mut self.spare;
        }
        self.problems.push(self.source.diagnostic(span, message));
        let last = self.problems.len() - 1;
        &mut self.problems[last]
    }

    /// Whether any problem has been recorded.
    pub fn has_problems(&self) -> bool {
        !self.problems.is_empty()
    }

    /// Every problem found, in file order (the first [`MAX_PROBLEMS`], then
    /// how many more there are).
    pub fn finish(mut self) -> Vec<Diagnostic> {
        self.problems.sort_by_key(|d| d.location);
        self.problems.dedup();
        if self.more > 0 {
            self.problems.push(
                self.source
                    .diagnostic(None, format!("{} more problems are not listed", self.more))
                    .with_help("fix the ones above first; is this the file you meant?"),
            );
        }
        self.problems
    }

    /// Ends reading: `value` if it was built and no problem was found,
    /// otherwise every problem.
    pub fn conclude<T>(self, value: Option<T>) -> Result<T, Vec<Diagnostic>> {
        let problems = self.finish();
        match value {
            Some(value) if problems.is_empty() => Ok(value),
            _ => Err(problems),
        }
    }

    /// How many problems have been recorded so far; comparing counts tells
    /// whether one part of the file added any.
    pub fn problem_count(&self) -> usize {
        self.problems.len() + self.more
    }

    /// Takes and checks `schema`, which every leadgap file carries.
    pub fn check_schema(&mut self, table: &mut DeTable<'s>, place: &str) {
        if !table.contains_key("schema") {
            self.problem(None, format!("missing `schema = 1` in {place}"))
                .help = Some("add `schema = 1` as the first line".to_owned());
            return;
        }
        if let Some(schema) = self.take::<i64>(table, "schema")
            && *schema.get_ref() != SCHEMA
        {
            self.problem(
                Some(schema.span()),
                format!(
                    "unsupported schema {}; this version of leadgap reads schema {SCHEMA}",
                    schema.get_ref()
                ),
            )
            .help = Some("upgrade leadgap, or write the file for schema 1".to_owned());
        }
    }

    /// Removes `key` from `table` and deserializes its value; a missing key is
    /// `None` without a problem, a wrong value is `None` with one.
    pub fn take<T: DeserializeOwned>(
        &mut self,
        table: &mut DeTable<'s>,
        key: &str,
    ) -> Option<Spanned<T>> {
        let value = table.remove(key)?;
        self.decode(value)
    }

    /// Like [`Document::take`], but a missing key is a problem.
    pub fn require<T: DeserializeOwned>(
        &mut self,
        table: &mut DeTable<'s>,
        key: &str,
        table_span: Option<Range<usize>>,
        place: &str,
    ) -> Option<Spanned<T>> {
        if !table.contains_key(key) {
            self.problem(table_span, format!("missing key `{key}` in {place}"));
            return None;
        }
        self.take(table, key)
    }

    /// Deserializes one value, recording a problem if it has the wrong shape.
    pub fn decode<T: DeserializeOwned>(&mut self, value: Value<'s>) -> Option<Spanned<T>> {
        let span = value.span();
        match Spanned::<T>::deserialize(ValueDeserializer::from(value)) {
            Ok(decoded) => Some(decoded),
            Err(error) => {
                self.push_toml_error(&error, Some(span));
                None
            }
        }
    }

    /// Removes `key` (an array of tables such as `[[questions]]`) and
    /// deserializes each element on its own.
    pub fn take_array<T: DeserializeOwned>(
        &mut self,
        table: &mut DeTable<'s>,
        key: &str,
    ) -> Vec<Spanned<T>> {
        let Some(value) = table.remove(key) else {
            return Vec::new();
        };
        let span = value.span();
        match value.into_inner() {
            DeValue::Array(items) => items
                .into_iter()
                .filter_map(|item| self.decode(item))
                .collect(),
            other => {
                self.problem(
                    Some(span),
                    format!(
                        "expected `{key}` to be an array of tables ([[{key}]]), found {}",
                        other.type_str()
                    ),
                );
                Vec::new()
            }
        }
    }

    /// Removes `key` (a table such as `[profiles]`) and returns its entries.
    pub fn take_table(
        &mut self,
        table: &mut DeTable<'s>,
        key: &str,
    ) -> Option<(Range<usize>, DeTable<'s>)> {
        let value = table.remove(key)?;
        let span = value.span();
        match value.into_inner() {
            DeValue::Table(inner) => Some((span, inner)),
            other => {
                self.problem(
                    Some(span),
                    format!("expected `{key}` to be a table, found {}", other.type_str()),
                );
                None
            }
        }
    }

    /// Removes `key` (a table of named entries such as `[scales.agree]`) and
    /// deserializes each entry's value on its own.
    pub fn take_entries<T: DeserializeOwned>(
        &mut self,
        table: &mut DeTable<'s>,
        key: &str,
    ) -> Vec<(Spanned<String>, Spanned<T>)> {
        let Some((_, entries)) = self.take_table(table, key) else {
            return Vec::new();
        };
        entries
            .into_iter()
            .filter_map(|(name, value)| {
                let name = Spanned::new(name.span(), name.into_inner().into_owned());
                self.decode(value).map(|value| (name, value))
            })
            .collect()
    }

    /// Records every key left in `table` as unknown, suggesting the closest of
    /// `known`.
    pub fn reject_unknown(&mut self, table: DeTable<'s>, known: &[&str], place: &str) {
        for (key, _) in table {
            let message = with_suggestion(
                format!("unknown key `{}` in {place}", key.as_ref()),
                key.as_ref(),
                known.iter().copied(),
            );
            self.problem(Some(key.span()), message);
        }
    }

    fn push_toml_error(&mut self, error: &toml::de::Error, fallback: Option<Range<usize>>) {
        let span = error
            .span()
            .or(fallback)
            .or_else(|| where_unplaced(self.source, error.message()));
        self.problem(span, tidy_message(error.message()));
    }
}

/// A place for a TOML error that comes without one: the parser gives up on
/// nesting too deep without saying where, so point at the most deeply
/// nested line.
pub fn where_unplaced(source: &Source, message: &str) -> Option<Range<usize>> {
    if !message.contains("recursion") {
        return None;
    }
    let mut offset = 0;
    let mut deepest = (0, 0);
    for line in source.text.split_inclusive('\n') {
        let depth = line.matches(['.', '[', '{']).count();
        if depth > deepest.0 {
            deepest = (depth, offset);
        }
        offset += line.len();
    }
    Some(deepest.1..deepest.1)
}

/// A step on the way to a value of a TOML file: a key or an array position.
#[derive(Clone, Copy, Debug)]
pub enum Step<'a> {
    /// A key of a table.
    Key(&'a str),
    /// A position in an array.
    Index(usize),
}

/// Where the value at `path` is written in the file whose root is `root`
/// (or the nearest value on the way to it).
pub fn span_at(root: &DeTable<'_>, path: &[Step<'_>]) -> Option<Range<usize>> {
    let (first, rest) = path.split_first()?;
    let Step::Key(key) = first else {
        return None;
    };
    let mut value = root.get(*key)?;
    for step in rest {
        value = match (step, value.get_ref()) {
            (Step::Key(key), DeValue::Table(table)) => table.get(*key)?,
            (Step::Index(index), DeValue::Array(items)) => items.get(*index)?,
            _ => return Some(value.span()),
        };
    }
    Some(value.span())
}

/// Rewrites serde's wording ("invalid type: string \"x\", expected f64") into
/// the user's ("expected a number, found string \"x\"").
fn tidy_message(message: &str) -> String {
    let message = message.lines().next().unwrap_or(message).trim();
    if message == "recursion limit" || message.contains("recursion limit") {
        return "the file is nested too deeply (tables or arrays inside one another, or a key of too \
                many dotted parts)"
            .to_owned();
    }
    if let Some(rest) = message.strip_prefix("unknown field `")
        && let Some((name, expected)) = rest.split_once("`, expected ")
    {
        let known: Vec<&str> = expected.split('`').skip(1).step_by(2).collect();
        let base = format!("unknown key `{name}`");
        let suggested = with_suggestion(base.clone(), name, known.iter().copied());
        return if suggested == base && !known.is_empty() {
            let list: Vec<String> = known.iter().map(|k| format!("`{k}`")).collect();
            format!("{base}; expected one of {}", list.join(", "))
        } else {
            suggested
        };
    }
    if let Some(rest) = message.strip_prefix("missing field ") {
        return format!("missing key {rest}");
    }
    for prefix in ["invalid type: ", "invalid value: "] {
        if let Some(rest) = message.strip_prefix(prefix)
            && let Some((found, expected)) = rest.split_once(", expected ")
        {
            // serde says `integer `…` as i128` of a number too large to read.
            let found = found
                .trim_end_matches(" as i128")
                .trim_end_matches(" as u128");
            return format!("expected {}, found {found}", friendly_type(expected));
        }
    }
    message.to_owned()
}

fn friendly_type(expected: &str) -> &str {
    match expected {
        "f64" | "f32" => "a number",
        "i64" | "i32" | "u64" | "u32" | "u16" | "u8" | "usize" => "a whole number",
        "a sequence" => "an array",
        "a map" => "a table",
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serde_wording_becomes_plain_words() {
        assert_eq!(
            tidy_message("unknown field `tetx`, expected one of `id`, `text`, `theme`"),
            "unknown key `tetx`; did you mean `text`?"
        );
        assert_eq!(
            tidy_message("unknown field `zzz`, expected `id` or `text`"),
            "unknown key `zzz`; expected one of `id`, `text`"
        );
        assert_eq!(tidy_message("missing field `text`"), "missing key `text`");
        assert_eq!(
            tidy_message("invalid type: string \"x\", expected f64"),
            "expected a number, found string \"x\""
        );
    }

    #[test]
    fn every_broken_element_is_reported() {
        #[derive(serde::Deserialize)]
        #[serde(deny_unknown_fields)]
        #[allow(dead_code)]
        struct Item {
            id: String,
            weight: f64,
        }
        let source = Source::new(
            "f.toml",
            "[[items]]\nid = \"a\"\nweight = \"x\"\n\n[[items]]\nid = \"b\"\nwieght = 1\n",
        );
        let (mut document, mut root) = Document::parse(&source);
        let items: Vec<Spanned<Item>> = document.take_array(&mut root, "items");
        assert!(items.is_empty());
        let problems: Vec<String> = document.finish().iter().map(ToString::to_string).collect();
        assert_eq!(
            problems,
            [
                "f.toml:3:10: expected a number, found string \"x\"",
                "f.toml:7:1: unknown key `wieght`; did you mean `weight`?",
            ]
        );
    }
}
