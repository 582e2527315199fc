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

/// Text from a file, safe to print: control characters (which could move the
/// cursor, change colors or retitle the terminal) and bidirectional overrides
/// are removed; tabs become spaces; line breaks are kept.
pub fn clean(text: &str) -> Cow<'_, str> {
    if !text.chars().any(needs_cleaning) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .filter_map(|c| match c {
                '\t' => Some(' '),
                '\n' => Some('\n'),
                c if needs_cleaning(c) => None,
                c => Some(c),
            })
            .collect(),
    )
}

/// Like [`clean`], for text shown on one line (table cells, headings).
pub fn clean_line(text: &str) -> Cow<'_, str> {
    let cleaned = clean(text);
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

fn needs_cleaning(c: char) -> bool {
    (c.is_control() && c != '\n')
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}')
}

/// Wraps `text` to lines of at most `width` characters (longer words stay
/// whole), the first prefixed with `first`, the others with `rest`.
pub fn wrap(text: &str, width: usize, first: &str, rest: &str) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = first.to_owned();
    let mut empty = true;
    for word in text.split_whitespace() {
        let length = line.chars().count() + usize::from(!empty) + word.chars().count();
        if !empty && length > width {
            lines.push(std::mem::replace(&mut line, rest.to_owned()));
            empty = true;
        }
        if !empty {
            line.push(' ');
        }
        line.push_str(word);
        empty = false;
    }
    lines.push(line);
    lines
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
    fn wraps_at_word_boundaries() {
        assert_eq!(
            wrap("one two three four", 10, "- ", "  "),
            ["- one two", "  three", "  four"]
        );
    }
}
