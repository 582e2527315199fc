//! The answers to what both forms ask, set side by side beneath a
//! comparison (a mentor's view against the self-assessment), in each
//! format.

use std::io::Write;

use super::super::Look;
use super::rater_label;
use crate::comparison::{Comparison, MirroredAnswer};
use crate::output::{clean_line, paint, styles};

/// What every format shows of the mirrored answers, not yet escaped.
struct SideBySide<'c> {
    /// "The same questions, both answers (Self and Morgan Lee)".
    heading: String,
    /// The self-view's label.
    own: String,
    /// The other view's label.
    other: String,
    /// Each theme's title with its answers, in the comparison's order.
    themes: Vec<(&'c str, Vec<&'c MirroredAnswer>)>,
}

/// The mirrored answers of `comparison`, if it has any.
fn side_by_side(comparison: &Comparison) -> Option<SideBySide<'_>> {
    let themes: Vec<(&str, Vec<&MirroredAnswer>)> = comparison
        .themes
        .iter()
        .map(|theme| {
            let answers: Vec<_> = comparison
                .answers
                .iter()
                .filter(|a| a.theme == theme.id)
                .collect();
            (theme.title.as_str(), answers)
        })
        .filter(|(_, answers)| !answers.is_empty())
        .collect();
    if themes.is_empty() {
        return None;
    }
    let own = rater_label(&comparison.own.rater);
    let other = rater_label(&comparison.other.rater);
    Some(SideBySide {
        heading: format!("The same questions, both answers ({own} and {other})"),
        own,
        other,
        themes,
    })
}

/// The side-by-side answers in the table format.
pub(super) fn table(
    look: Look,
    comparison: &Comparison,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let Some(shown) = side_by_side(comparison) else {
        return Ok(());
    };
    let heading = |text: &str| paint(look.color, styles::HEADING, &clean_line(text));
    let width = usize::from(look.width).min(100);
    let wrapped = |text: &str, first: &str, rest: &str| {
        crate::output::wrap(&clean_line(text), width, first, rest).join("\n")
    };
    writeln!(out, "\n{}", heading(&shown.heading))?;
    for (title, answers) in shown.themes {
        writeln!(out, "\n{}", heading(title))?;
        for answer in answers {
            writeln!(out, "{}", wrapped(&answer.text, "  ", "  "))?;
            let own = format!("{}: {}", shown.own, answer.own);
            writeln!(out, "{}", wrapped(&own, "    ", "      "))?;
            let other = format!("{} ({}): {}", shown.other, answer.other_text, answer.other);
            writeln!(out, "{}", wrapped(&other, "    ", "      "))?;
        }
    }
    Ok(())
}

/// The side-by-side answers in Markdown.
pub(super) fn markdown(comparison: &Comparison, out: &mut dyn Write) -> std::io::Result<()> {
    let cell = super::super::markdown::inline;
    let Some(shown) = side_by_side(comparison) else {
        return Ok(());
    };
    writeln!(out, "\n## {}", cell(&shown.heading))?;
    for (title, answers) in shown.themes {
        writeln!(out, "\n### {}\n", cell(title))?;
        for a in answers {
            writeln!(out, "- {}", cell(&a.text))?;
            writeln!(out, "  - {}: {}", cell(&shown.own), cell(&a.own))?;
            let (other, asked) = (cell(&shown.other), cell(&a.other_text));
            writeln!(out, "  - {other} ({asked}): {}", cell(&a.other))?;
        }
    }
    Ok(())
}

/// The side-by-side answers as a section of the page; empty without any.
pub(super) fn html(comparison: &Comparison) -> String {
    use super::super::page::escape;
    let Some(shown) = side_by_side(comparison) else {
        return String::new();
    };
    let mut body = format!("<section><h2>{}</h2>\n", escape(&shown.heading));
    for (title, answers) in shown.themes {
        body.push_str(&format!("<h3>{}</h3>\n<dl>\n", escape(title)));
        for a in answers {
            body.push_str(&format!(
                "<dt>{}</dt>\n<dd>{}: {}</dd>\n<dd>{} ({}): {}</dd>\n",
                escape(&a.text),
                escape(&shown.own),
                escape(&a.own),
                escape(&shown.other),
                escape(&a.other_text),
                escape(&a.other)
            ));
        }
        body.push_str("</dl>\n");
    }
    body.push_str("</section>\n");
    body
}
