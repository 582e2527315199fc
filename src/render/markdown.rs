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

/// `text` on one line, every active character escaped with a backslash.
pub fn inline(text: &str) -> String {
    let line = clean_line(text);
    let mut escaped = String::with_capacity(line.len() + 8);
    for c in line.chars() {
        if ACTIVE.contains(&c) {
            escaped.push('\\');
        }
        escaped.push(c);
    }
    escaped
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
        assert_eq!(
            lines("# title\n- item\n1. first\n2) second\nfine"),
            ["\\# title", "\\- item", "\\1. first", "\\2) second", "fine"]
        );
    }
}
