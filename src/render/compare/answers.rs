//! The answers to what both forms ask, set side by side beneath a
//! comparison (a mentor's view against the self-assessment), in each
//! format.

use std::io::Write;

use super::super::Look;
use super::rater_label;
use crate::comparison::{self, Comparison};
use crate::output::{clean_line, paint, styles};

/// The mirrored answers grouped under their theme's title, in the order of
/// the comparison's themes: (title, answers).
fn answers_by_theme(comparison: &Comparison) -> Vec<(&str, Vec<&comparison::MirroredAnswer>)> {
    comparison
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
        .collect()
}

/// The heading of the side-by-side answers.
fn answers_heading(comparison: &Comparison) -> String {
    format!(
        "The same questions, both answers ({} and {})",
        rater_label(&comparison.own.rater),
        rater_label(&comparison.other.rater)
    )
}

/// The side-by-side answers in the table format.
pub(super) fn table(
    look: Look,
    comparison: &Comparison,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let color = look.color;
    let by_theme = answers_by_theme(comparison);
    if by_theme.is_empty() {
        return Ok(());
    }
    let (own, other) = (
        rater_label(&comparison.own.rater),
        rater_label(&comparison.other.rater),
    );
    writeln!(out)?;
    writeln!(
        out,
        "{}",
        paint(color, styles::HEADING, &answers_heading(comparison))
    )?;
    for (title, answers) in by_theme {
        writeln!(out)?;
        writeln!(out, "{}", paint(color, styles::HEADING, &clean_line(title)))?;
        let width = usize::from(look.width).min(100);
        let wrapped = |text: &str, first: &str, rest: &str| {
            crate::output::wrap(&clean_line(text), width, first, rest).join("\n")
        };
        for answer in answers {
            writeln!(out, "{}", wrapped(&answer.text, "  ", "  "))?;
            writeln!(
                out,
                "{}",
                wrapped(&format!("{own}: {}", answer.own), "    ", "      ")
            )?;
            writeln!(
                out,
                "{}",
                wrapped(
                    &format!("{other} ({}): {}", answer.other_text, answer.other),
                    "    ",
                    "      "
                )
            )?;
        }
    }
    Ok(())
}

/// The side-by-side answers in Markdown.
pub(super) fn markdown(comparison: &Comparison, out: &mut dyn Write) -> std::io::Result<()> {
    let cell = super::super::markdown::inline;
    let by_theme = answers_by_theme(comparison);
    if by_theme.is_empty() {
        return Ok(());
    }
    let (own, other) = (
        rater_label(&comparison.own.rater),
        rater_label(&comparison.other.rater),
    );
    writeln!(out)?;
    writeln!(out, "## {}", cell(&answers_heading(comparison)))?;
    for (title, answers) in by_theme {
        writeln!(out)?;
        writeln!(out, "### {}", cell(title))?;
        writeln!(out)?;
        for answer in answers {
            writeln!(out, "- {}", cell(&answer.text))?;
            writeln!(out, "  - {}: {}", cell(&own), cell(&answer.own))?;
            writeln!(
                out,
                "  - {} ({}): {}",
                cell(&other),
                cell(&answer.other_text),
                cell(&answer.other)
            )?;
        }
    }
    Ok(())
}

/// The side-by-side answers as a section of the page; empty without any.
pub(super) fn html(comparison: &Comparison) -> String {
    use super::super::page::escape;
    let mut body = String::new();
    let (own, other) = (
        rater_label(&comparison.own.rater),
        rater_label(&comparison.other.rater),
    );
    let by_theme = answers_by_theme(comparison);
    if !by_theme.is_empty() {
        body.push_str(&format!(
            "<section><h2>{}</h2>\n",
            escape(&answers_heading(comparison))
        ));
        for (title, answers) in by_theme {
            body.push_str(&format!("<h3>{}</h3>\n<dl>\n", escape(title)));
            for answer in answers {
                body.push_str(&format!(
                    "<dt>{}</dt>\n<dd>{}: {}</dd>\n<dd>{} ({}): {}</dd>\n",
                    escape(&answer.text),
                    escape(&own),
                    escape(&answer.own),
                    escape(&other),
                    escape(&answer.other_text),
                    escape(&answer.other)
                ));
            }
            body.push_str("</dl>\n");
        }
        body.push_str("</section>\n");
    }
    body
}
