//! Text files as read from disk, standard input or the binary, and the
//! mapping from byte offsets to `line:column` for messages.

use std::io::Read;
use std::ops::Range;
use std::path::Path;
use std::sync::OnceLock;

use crate::error::{Diagnostic, Error, Location, Result};
use crate::files;

/// The largest input file leadgap reads. Real questionnaires, answer files and
/// reports are a few kilobytes; the limit keeps a wrong path (a disk image, a
/// log) from being read into memory.
pub const MAX_FILE_SIZE: u64 = 4 * 1024 * 1024;

/// The text of one input file and the name to use for it in messages.
#[derive(Clone, Debug)]
pub struct Source {
    /// How messages name the file: the path as given, `<stdin>`, or
    /// `builtin:NAME` for content embedded in the binary.
    pub name: String,
    /// The whole text.
    pub text: String,
    /// Where each line starts, worked out on the first `locate`, so that
    /// placing many problems costs no more than reading the file once.
    line_starts: OnceLock<Vec<usize>>,
}

impl Source {
    /// A source from text already in memory.
    pub fn new(name: impl Into<String>, text: impl Into<String>) -> Self {
        Source {
            name: name.into(),
            text: text.into(),
            line_starts: OnceLock::new(),
        }
    }

    /// Reads a UTF-8 regular file, refusing folders, named pipes, devices
    /// and files over [`MAX_FILE_SIZE`].
    pub fn read(path: &Path) -> Result<Source> {
        let file = files::open_regular(path)?;
        let name = path.display().to_string();
        Self::from_reader(name, file, |e| Error::io("read", path, e))
    }

    /// Reads standard input to its end.
    pub fn stdin() -> Result<Source> {
        Self::from_reader("<stdin>".to_owned(), std::io::stdin().lock(), |e| {
            Error::io("read", "<stdin>", e)
        })
    }

    fn from_reader(
        name: String,
        reader: impl Read,
        io_error: impl Fn(std::io::Error) -> Error,
    ) -> Result<Source> {
        let mut bytes = Vec::new();
        reader
            .take(MAX_FILE_SIZE + 1)
            .read_to_end(&mut bytes)
            .map_err(io_error)?;
        if bytes.len() as u64 > MAX_FILE_SIZE {
            return Err(Error::user(format!(
                "{name}: the file is larger than {} MiB; leadgap reads questionnaires, \
                 answer files and reports, which are much smaller",
                MAX_FILE_SIZE / 1024 / 1024
            )));
        }
        match String::from_utf8(bytes) {
            Ok(text) => Ok(Source::new(name, text)),
            Err(e) => {
                let valid = e.utf8_error().valid_up_to();
                let bytes = e.into_bytes();
                let prefix = String::from_utf8_lossy(&bytes[..valid]).into_owned();
                let location = Source::new(name.clone(), prefix).locate(valid);
                Err(Error::Invalid(vec![Diagnostic {
                    file: name,
                    location: Some(location),
                    message: "the file is not UTF-8 text".to_owned(),
                    help: Some("save it as UTF-8 (TOML files must be UTF-8)".to_owned()),
                }]))
            }
        }
    }

    /// The 1-based line and column (in characters) of a byte offset. Offsets
    /// past the end point just after the last character.
    pub fn locate(&self, offset: usize) -> Location {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let starts = self.line_starts.get_or_init(|| {
            std::iter::once(0)
                .chain(self.text.match_indices('\n').map(|(i, _)| i + 1))
                .collect()
        });
        // The last line start at or before the offset.
        let line = starts.partition_point(|&start| start <= offset);
        let line_start = starts[line - 1];
        Location {
            line,
            column: self.text[line_start..offset].chars().count() + 1,
        }
    }

    /// A problem at `span` of this file.
    pub fn diagnostic(&self, span: Option<Range<usize>>, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            file: self.name.clone(),
            location: span.map(|span| self.locate(span.start)),
            message: message.into(),
            help: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locates_lines_and_character_columns() {
        let source = Source::new("f.toml", "a = 1\nbé = 2\n");
        assert_eq!(source.locate(0), Location { line: 1, column: 1 });
        assert_eq!(source.locate(6), Location { line: 2, column: 1 });
        // `=` after a two-byte character is the fourth character of line 2.
        assert_eq!(source.locate(10), Location { line: 2, column: 4 });
        assert_eq!(source.locate(999), Location { line: 3, column: 1 });
    }

    #[test]
    fn offsets_inside_a_character_do_not_panic() {
        let source = Source::new("f.toml", "é");
        assert_eq!(source.locate(1), Location { line: 1, column: 1 });
    }
}
