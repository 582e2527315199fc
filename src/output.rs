//! What the terminal sees: color decisions, styles, sanitising text that
//! came from files before it is printed, and wrapping it.

use std::borrow::Cow;
use std::io::IsTerminal;

use anstyle::{AnsiColor, Style};

/// `--color auto|always|never`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum ColorChoice {
    /// Color when writing to a terminal, `NO_COLOR` is unset and `TERM` is not `dumb`.
    Auto,
    /// Always color.
    Always,
    /// Never color.
    Never,
}

impl ColorChoice {
    /// Whether to color a stream that is (or is not) a terminal.
    pub fn enabled(self, is_terminal: bool) -> bool {
        match self {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                is_terminal
                    && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                    && std::env::var_os("TERM").is_none_or(|t| t != "dumb")
            }
        }
    }

    /// Whether to color standard output.
    pub fn for_stdout(self) -> bool {
        self.enabled(std::io::stdout().is_terminal())
    }

    /// Whether to color standard error.
    pub fn for_stderr(self) -> bool {
        self.enabled(std::io::stderr().is_terminal())
    }
}

/// Styles used across outputs.
pub mod styles {
    use super::{AnsiColor, Style};
    /// Headings and the overall score.
    pub const HEADING: Style = Style::new().bold();
    /// Secondary text.
    pub const DIM: Style = Style::new().dimmed();
    /// "error:".
    pub const ERROR: Style = AnsiColor::Red.on_default().bold();
    /// "warning:".
    pub const WARNING: Style = AnsiColor::Yellow.on_default().bold();
    /// "help:" and other hints.
    pub const HELP: Style = AnsiColor::Cyan.on_default().bold();
    /// A target met.
    pub const GOOD: Style = AnsiColor::Green.on_default();
    /// A large gap.
    pub const FAR: Style = AnsiColor::Red.on_default();
}

/// Wraps `text` in `style` when `color` is on.
pub fn paint(color: bool, style: Style, text: &str) -> String {
    if color {
        format!("{}{text}{}", style.render(), style.render_reset())
    } else {
        text.to_owned()
    }
}

/// The most characters of one line of text from a file that are shown (a
/// name, a title, a table cell); longer text ends in `…`. Real text is far
/// shorter; the cap keeps a hostile file from making tables slow.
pub const MAX_LINE: usize = 1_000;

/// The most characters of a block of text from a file that are shown (a
/// note, an example).
pub const MAX_TEXT: usize = 20_000;

/// Text from a file, safe to print: control characters (which could move the
/// cursor, change colors or retitle the terminal) and bidirectional overrides
/// are removed; tabs become spaces; line breaks are kept; more than
/// [`MAX_TEXT`] characters are cut with `…`.
pub fn clean(text: &str) -> Cow<'_, str> {
    let long = text.len() > MAX_TEXT && text.chars().nth(MAX_TEXT).is_some();
    if has_secret(text) {
        return Cow::Owned(clean(&hide_secrets(text)).into_owned());
    }
    if !long && !text.chars().any(needs_cleaning) {
        return Cow::Borrowed(text);
    }
    let mut cleaned: String = text
        .chars()
        .filter_map(|c| match c {
            '\t' => Some(' '),
            '\n' => Some('\n'),
            c if needs_cleaning(c) => None,
            c => Some(c),
        })
        .take(MAX_TEXT)
        .collect();
    if long {
        cleaned.push('…');
    }
    Cow::Owned(cleaned)
}

/// Like [`clean`], for text shown on one line (table cells, headings): line
/// breaks become spaces, and more than [`MAX_LINE`] characters are cut with
/// `…`.
pub fn clean_line(text: &str) -> Cow<'_, str> {
    let long = text.len() > MAX_LINE && text.chars().nth(MAX_LINE).is_some();
    let cleaned = if long {
        let cut: String = text.chars().take(MAX_LINE).collect();
        Cow::Owned(clean(&cut).into_owned() + "…")
    } else {
        clean(text)
    };
    if cleaned.contains('\n') {
        Cow::Owned(
            cleaned
                .split('\n')
                .map(str::trim)
                .collect::<Vec<_>>()
                .join(" "),
        )
    } else {
        cleaned
    }
}

/// How an age secret key starts: what follows it is never printed.
const SECRET_PREFIX: &str = "AGE-SECRET-KEY-1";

fn has_secret(text: &str) -> bool {
    text.len() >= SECRET_PREFIX.len()
        && text
            .as_bytes()
            .windows(SECRET_PREFIX.len())
            .any(|w| w.eq_ignore_ascii_case(SECRET_PREFIX.as_bytes()))
}

/// `text` with every age secret key in it replaced by its first characters
/// and a note: a key pasted in the wrong place is never echoed back, in a
/// message, a warning or a terminal's scrollback.
pub fn hide_secrets(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest
        .as_bytes()
        .windows(SECRET_PREFIX.len())
        .position(|w| w.eq_ignore_ascii_case(SECRET_PREFIX.as_bytes()))
    {
        out.push_str(&rest[..at]);
        out.push_str("AGE-SECRET-KEY-… (a secret key, not shown)");
        let after = &rest[at + SECRET_PREFIX.len()..];
        let end = after
            .find(|c: char| !c.is_ascii_alphanumeric())
            .unwrap_or(after.len());
        rest = &after[end..];
    }
    out.push_str(rest);
    out
}

fn needs_cleaning(c: char) -> bool {
    (c.is_control() && c != '\n')
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}')
}

/// Wraps `text` to lines of at most `width` columns as a terminal shows
/// them (a wide character takes two; longer words stay whole), the first
/// prefixed with `first`, the others with `rest`. Runs of whitespace count
/// as one space.
pub fn wrap(text: &str, width: usize, first: &str, rest: &str) -> Vec<String> {
    let words = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if words.is_empty() {
        return vec![first.to_owned()];
    }
    let options = textwrap::Options::new(width.max(1))
        .initial_indent(first)
        .subsequent_indent(rest)
        .word_splitter(textwrap::WordSplitter::NoHyphenation)
        .break_words(false);
    textwrap::wrap(&words, options)
        .into_iter()
        .map(|line| line.into_owned())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_and_bidi_overrides_are_removed() {
        assert_eq!(clean("ok\u{1b}[31mred\u{7}\u{202E}"), "ok[31mred");
        assert_eq!(clean("a\tb\nc"), "a b\nc");
        assert_eq!(clean_line("a\n  b\r"), "a b");
        assert!(matches!(clean("plain"), Cow::Borrowed(_)));
    }

    #[test]
    fn long_text_is_cut_with_an_ellipsis() {
        let long = "é".repeat(MAX_LINE + 10);
        let line = clean_line(&long);
        assert_eq!(line.chars().count(), MAX_LINE + 1);
        assert!(line.ends_with("é…"));
        assert_eq!(clean_line(&"x".repeat(MAX_LINE)), "x".repeat(MAX_LINE));
        let text = "a\n".repeat(MAX_TEXT);
        assert_eq!(clean(&text).chars().count(), MAX_TEXT + 1);
    }

    #[test]
    fn wraps_at_word_boundaries() {
        assert_eq!(
            wrap("one two three four", 10, "- ", "  "),
            ["- one two", "  three", "  four"]
        );
        assert_eq!(wrap("", 10, "- ", "  "), ["- "]);
        assert_eq!(
            wrap("averyveryverylongword x", 8, "", ""),
            ["averyveryverylongword", "x"]
        );
    }

    #[test]
    fn wide_characters_take_two_columns() {
        // "一二三四" is eight columns wide: "五六" (four more, and a space)
        // does not fit beside it in ten.
        assert_eq!(
            wrap("一二三四 五六 七", 10, "", ""),
            ["一二三四", "五六 七"]
        );
    }
}
