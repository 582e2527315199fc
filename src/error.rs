//! Errors, the problems found in files, and the exit codes (docs/REFERENCE.md).

use std::fmt;
use std::io;
use std::path::PathBuf;

/// The exit codes of docs/REFERENCE.md, "Exit codes".
pub mod exit {
    /// Success.
    pub const SUCCESS: u8 = 0;
    /// The input or the environment is wrong.
    pub const FAILURE: u8 = 1;
    /// Command-line usage error (clap's own code).
    pub const USAGE: u8 = 2;
    /// `--fail-under` was given and the overall score is below it.
    pub const BELOW_THRESHOLD: u8 = 3;
    /// An interactive run was interrupted with Ctrl-C (128 + SIGINT).
    pub const INTERRUPTED: u8 = 130;
}

/// A position in a text file: 1-based line and column, the column counted in
/// characters so that it matches what an editor shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Location {
    /// 1-based line number.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
}

/// One problem found in a file: where it is, what is wrong, how to fix it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// The file as the user named it (or `<stdin>`, or `builtin:NAME`).
    pub file: String,
    /// Where in the file, when the problem has a place.
    pub location: Option<Location>,
    /// What is wrong, and what was expected.
    pub message: String,
    /// How to fix it, when a fix can be suggested.
    pub help: Option<String>,
}

impl Diagnostic {
    /// Adds a suggestion on how to fix the problem.
    #[must_use]
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.location {
            Some(Location { line, column }) => {
                write!(f, "{}:{line}:{column}: {}", self.file, self.message)
            }
            None => write!(f, "{}: {}", self.file, self.message),
        }
    }
}

/// Everything that can stop a command. Each variant maps to one exit code.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// One or more problems in input files; every one of them is kept.
    #[error("{}", summarize(.0))]
    Invalid(Vec<Diagnostic>),
    /// A file or folder could not be read or written.
    #[error("cannot {action} `{}`: {}", .path.display(), describe_io(.source))]
    Io {
        /// What was being done, as a verb phrase: "read", "create folder".
        action: &'static str,
        /// The path involved.
        path: PathBuf,
        /// The underlying error.
        #[source]
        source: io::Error,
    },
    /// Anything else the user can fix, with an optional suggestion.
    #[error("{message}")]
    User {
        /// What is wrong.
        message: String,
        /// How to fix it.
        help: Option<String>,
    },
    /// The command line is missing a choice clap cannot tell is needed
    /// (exit 2, as clap's own usage errors).
    #[error("{message}")]
    Usage {
        /// What is missing.
        message: String,
        /// The choice, explained.
        help: Option<String>,
    },
    /// An interactive run was interrupted; its progress is saved.
    #[error("interrupted")]
    Interrupted {
        /// How to continue.
        help: String,
    },
}

impl Error {
    /// A user-facing error without a suggestion.
    pub fn user(message: impl Into<String>) -> Self {
        Error::User {
            message: message.into(),
            help: None,
        }
    }

    /// A user-facing error with a suggestion on how to fix it.
    pub fn user_with_help(message: impl Into<String>, help: impl Into<String>) -> Self {
        Error::User {
            message: message.into(),
            help: Some(help.into()),
        }
    }

    /// An I/O error on `path` while doing `action`.
    pub fn io(action: &'static str, path: impl Into<PathBuf>, source: io::Error) -> Self {
        Error::Io {
            action,
            path: path.into(),
            source,
        }
    }

    /// A failure to write to standard output.
    pub fn stdout(source: io::Error) -> Self {
        Error::io("write to", "standard output", source)
    }

    /// The exit code of this error.
    pub fn exit_code(&self) -> u8 {
        match self {
            Error::Interrupted { .. } => exit::INTERRUPTED,
            Error::Usage { .. } => exit::USAGE,
            _ => exit::FAILURE,
        }
    }

    /// Whether this error is a write to a closed pipe (`leadgap history | head`),
    /// which is not a failure worth reporting.
    pub fn is_broken_pipe(&self) -> bool {
        matches!(self, Error::Io { source, .. } if source.kind() == io::ErrorKind::BrokenPipe)
    }

    /// The first message, for a one-line warning about the problem.
    pub fn first_line(&self) -> String {
        self.lines()
            .into_iter()
            .next()
            .map(|(message, _)| message)
            .unwrap_or_default()
    }

    /// The lines to print on stderr: `(message, help)` pairs, in order.
    pub fn lines(&self) -> Vec<(String, Option<String>)> {
        match self {
            Error::Invalid(diagnostics) => diagnostics
                .iter()
                .map(|d| (d.to_string(), d.help.clone()))
                .collect(),
            Error::User { message, help } | Error::Usage { message, help } => {
                vec![(message.clone(), help.clone())]
            }
            Error::Interrupted { help } => vec![(self.to_string(), Some(help.clone()))],
            Error::Io { source, .. } => vec![(self.to_string(), io_help(source.kind()))],
        }
    }
}

impl From<Vec<Diagnostic>> for Error {
    fn from(diagnostics: Vec<Diagnostic>) -> Self {
        Error::Invalid(diagnostics)
    }
}

/// Shorthand for results whose error is [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

fn summarize(diagnostics: &[Diagnostic]) -> String {
    match diagnostics {
        [] => "invalid input".to_owned(),
        [one] => one.to_string(),
        [first, rest @ ..] => format!("{first} (and {} more problems)", rest.len()),
    }
}

/// What to do about an I/O error, where something useful can be said.
fn io_help(kind: io::ErrorKind) -> Option<String> {
    match kind {
        io::ErrorKind::StorageFull => Some(
            "free some space and run it again; what was saved before is unchanged".to_owned(),
        ),
        io::ErrorKind::ReadOnlyFilesystem | io::ErrorKind::PermissionDenied => Some(
            "point `--data-dir` (or LEADGAP_DATA_DIR) at a folder you can write to, or use --no-save".to_owned(),
        ),
        io::ErrorKind::NotADirectory => Some("check the path: one of its parts is a file".to_owned()),
        _ => None,
    }
}

/// An I/O error in words, without the "(os error 2)" noise.
pub fn describe_io(error: &io::Error) -> String {
    match error.kind() {
        io::ErrorKind::NotFound => "no such file or folder".to_owned(),
        io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
        io::ErrorKind::AlreadyExists => "it already exists".to_owned(),
        io::ErrorKind::IsADirectory => "it is a folder, not a file".to_owned(),
        io::ErrorKind::NotADirectory => "a part of the path is not a folder".to_owned(),
        io::ErrorKind::InvalidData => "it is not valid UTF-8 text".to_owned(),
        io::ErrorKind::ReadOnlyFilesystem => "the file system is read-only".to_owned(),
        io::ErrorKind::StorageFull => "the disk is full".to_owned(),
        _ => {
            let text = error.to_string();
            let text = match text.find(" (os error") {
                Some(end) => &text[..end],
                None => &text,
            };
            // The system's wording, in the case of ours: "too many levels…".
            let mut chars = text.chars();
            match chars.next() {
                Some(first) => first.to_lowercase().chain(chars).collect(),
                None => String::new(),
            }
        }
    }
}

/// The closest of `candidates` to `name`, when one is close enough to be a
/// likely typo ("did you mean …").
pub fn did_you_mean<'a>(
    name: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    // A typo is a few edits away; allow more edits in longer names. Names
    // longer than any id are no typo (and comparing them would be slow).
    const LONGEST: usize = 100;
    let length = name.chars().count();
    if length > LONGEST {
        return None;
    }
    let limit = (length / 3).max(1);
    candidates
        .into_iter()
        .filter(|candidate| candidate.len() <= 4 * LONGEST)
        .map(|candidate| (strsim::damerau_levenshtein(name, candidate), candidate))
        .filter(|(distance, _)| *distance <= limit)
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, candidate)| candidate)
}

/// `message` followed by "; did you mean `x`?" when a close match exists.
pub fn with_suggestion<'a>(
    message: String,
    name: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> String {
    match did_you_mean(name, candidates) {
        Some(close) => format!("{message}; did you mean `{close}`?"),
        None => message,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_the_closest_id() {
        let ids = ["delegation-scope", "budget-variance", "outage-call"];
        assert_eq!(
            did_you_mean("delegaton-scope", ids),
            Some("delegation-scope")
        );
        assert_eq!(did_you_mean("budget", ids), None);
        assert_eq!(did_you_mean("zzz", ids), None);
    }

    #[test]
    fn diagnostic_names_file_line_and_column() {
        let d = Diagnostic {
            file: "answers.toml".into(),
            location: Some(Location { line: 4, column: 1 }),
            message: "unknown question id `x`".into(),
            help: None,
        };
        assert_eq!(d.to_string(), "answers.toml:4:1: unknown question id `x`");
    }
}
