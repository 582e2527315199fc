//! Text from files made inert for Markdown: a name, a title or a note must
//! not become a link, an image, raw HTML, a comment or a heading when the
//! report is pasted into a document that renders Markdown.

use crate::output::{clean, clean_line};

/// The characters that can start or end Markdown syntax inline: emphasis,
/// code, links and images, raw HTML and comments, tables, strikethrough,
/// entities.
const ACTIVE: &[char] = &[
    '\\', '`', '*', '_', '[', ']', '<', '>', '|', '!', '~', '&', '{', '}',
];

/// An invisible character that keeps a renderer from seeing an address in
/// plain text (U+2060, word joiner).
const JOINER: char = '\u{2060}';

/// `text` on one line, every active character escaped with a backslash, and
/// bare addresses — `http://…`, `www.…`, `name@example.org`, which GitHub
/// and others turn into links by themselves — broken by an invisible
/// [`JOINER`], so that they stay text.
pub fn inline(text: &str) -> String {
    let line = clean_line(text);
    let chars: Vec<char> = line.chars().collect();
    let mut escaped = String::with_capacity(line.len() + 8);
    for (i, &c) in chars.iter().enumerate() {
        if ACTIVE.contains(&c) {
            escaped.push('\\');
        }
        let word_before = i > 0 && chars[i - 1].is_alphanumeric();
        if c == '@' && word_before {
            escaped.push(JOINER);
        }
        escaped.push(c);
        if c == ':' && chars[i + 1..].starts_with(&['/', '/']) {
            escaped.push(JOINER);
        }
    }
    neutralise_www(&escaped)
}

/// `www.` at the start of a word, with [`JOINER`] before its dot.
fn neutralise_www(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.to_ascii_lowercase().find("www.") {
        let starts_word = rest[..at]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric());
        out.push_str(&rest[..at + 3]);
        if starts_word {
            out.push(JOINER);
        }
        rest = &rest[at + 3..];
    }
    out.push_str(rest);
    out
}

/// The lines of `text`, each escaped as [`inline`] and protected at its
/// start, where `#`, `-`, `+`, `=` or `1.` would begin a heading or a list.
pub fn lines(text: &str) -> Vec<String> {
    clean(text)
        .lines()
        .map(|line| {
            let escaped = inline(line);
            let digits = escaped.chars().take_while(char::is_ascii_digit).count();
            let after = escaped[digits..].chars().next();
            let starts_block = escaped.starts_with(['#', '-', '+', '='])
                || (digits > 0 && matches!(after, Some('.' | ')')));
            if starts_block {
                format!("\\{escaped}")
            } else {
                escaped
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_syntax_from_files_is_escaped() {
        assert_eq!(
            inline("[click](javascript:alert(1)) ![x](y) <b>hi</b> <!-- c --> a|b *e* `c`"),
            "\\[click\\](javascript:alert(1)) \\!\\[x\\](y) \\<b\\>hi\\</b\\> \\<\\!-- c --\\> a\\|b \\*e\\* \\`c\\`"
        );
        assert_eq!(inline("plain words, a-b: c."), "plain words, a-b: c.");
        // No bare address stays one a renderer would link.
        assert_eq!(
            inline("see http://evil.example, www.evil.example or me@evil.example"),
            "see http:\u{2060}//evil.example, www\u{2060}.evil.example or me\u{2060}@evil.example"
        );
        assert_eq!(
            lines("# title\n- item\n1. first\n2) second\nfine"),
            ["\\# title", "\\- item", "\\1. first", "\\2) second", "fine"]
        );
    }
}
