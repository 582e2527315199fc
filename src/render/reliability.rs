//! `cohort --items`: per theme, Cronbach's alpha and each question's
//! figures, with the questions that do not hang together flagged.

use std::io::Write;

use super::{Format, Look, align_right, listing_table, write_json, write_table};
use crate::output::{clean_line, paint, styles};
use crate::programme::reliability::{ItemReport, MIN_RESPONDENTS, WEAK_ITEM_REST};

/// The formats of `cohort --items`.
pub const FORMATS: &[Format] = &[Format::Table, Format::Json];

/// Writes `report` in `format`.
pub fn render(
    report: &ItemReport,
    format: Format,
    look: Look,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    match format {
        Format::Json => write_json(out, report),
        Format::Table => table(look, report, out),
        _ => Err(super::unsupported("cohort --items", format)),
    }
}

fn figure(value: Option<f64>) -> String {
    value.map_or_else(|| "—".to_owned(), |v| format!("{v:.2}"))
}

fn table(look: Look, report: &ItemReport, out: &mut dyn Write) -> std::io::Result<()> {
    if report.themes.is_empty() {
        return writeln!(
            out,
            "No self-assessments with a respondent name in these folders."
        );
    }
    let mut flagged = false;
    for (index, theme) in report.themes.iter().enumerate() {
        if index > 0 {
            writeln!(out)?;
        }
        let analysis = &theme.analysis;
        let people = if analysis.n == 1 { "person" } else { "people" };
        let reliability = match analysis.alpha {
            Some(alpha) => format!("alpha {alpha:.2}"),
            None if analysis.items.len() < 2 => "alpha needs two questions or more".to_owned(),
            None if analysis.n < MIN_RESPONDENTS => {
                format!("alpha needs {MIN_RESPONDENTS} people or more")
            }
            None => "alpha not computable: the totals do not vary".to_owned(),
        };
        let heading = format!(
            "{} ({}) · {reliability} · {} {people} answered every question asked of everyone",
            clean_line(&theme.title),
            clean_line(&theme.questionnaire),
            analysis.n
        );
        writeln!(out, "{}", paint(look.color, styles::HEADING, &heading))?;
        let mut grid = listing_table(look);
        grid.set_header([
            "Question",
            "",
            "Mean",
            "SD",
            "Item-rest r",
            "Alpha if dropped",
        ]);
        for (item, text) in analysis.items.iter().zip(&theme.texts) {
            flagged |= item.weak;
            grid.add_row([
                clean_line(&item.id).into_owned(),
                clean_line(text).into_owned(),
                figure(item.mean),
                figure(item.sd),
                format!(
                    "{}{}",
                    figure(item.item_rest),
                    if item.weak { " !" } else { "" }
                ),
                figure(item.alpha_if_dropped),
            ]);
        }
        align_right(&mut grid, 2..=5);
        write_table(out, &grid)?;
        if !theme.left_out.is_empty() {
            let ids: Vec<String> = theme
                .left_out
                .iter()
                .map(|id| clean_line(id).into_owned())
                .collect();
            writeln!(
                out,
                "Left out of alpha, as they are asked of some people only: {}.",
                ids.join(", ")
            )?;
        }
    }
    if flagged {
        writeln!(
            out,
            "\n! Correlates below {WEAK_ITEM_REST} with the rest of its theme: the question may \
             measure something else.\n  Read it again, or drop it."
        )?;
    }
    Ok(())
}
