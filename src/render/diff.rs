//! `diff` in each of its formats: two reports of the same person side by
//! side, with the change per theme and band moves.

use std::io::Write;

use comfy_table::CellAlignment;

use super::text::{self, date_of, shown_change, whole};
use super::{Format, Look, listing_table, write_json};
use crate::comparison::{self, Diff, Status};
use crate::output::{clean_line, paint, styles};

/// The formats of `diff`.
pub const FORMATS: &[Format] = &[Format::Table, Format::Markdown, Format::Json];

/// Writes `diff` in `format`.
pub fn render(diff: &Diff, format: Format, look: Look, out: &mut dyn Write) -> std::io::Result<()> {
    match format {
        Format::Json => write_json(out, diff),
        Format::Table => table(look, diff, out),
        Format::Markdown => markdown(diff, out),
        Format::Csv | Format::Html | Format::Svg | Format::Ics | Format::Toml => {
            Err(super::unsupported("diff", format))
        }
    }
}

/// Column names for the two reports: their dates, or their ids when the
/// dates are the same.
fn labels(diff: &Diff) -> (String, String) {
    let date = |created: &str| date_of(created).to_owned();
    let (a, b) = (date(&diff.first.created), date(&diff.second.created));
    if a == b {
        (diff.first.id.clone(), diff.second.id.clone())
    } else {
        (a, b)
    }
}

/// Who the reports are about: one name when they agree, both when they
/// name different people or raters.
fn who(diff: &Diff) -> String {
    let (a, b) = (&diff.first, &diff.second);
    let first = text::who_of(a.respondent.as_deref(), &a.rater);
    let second = text::who_of(b.respondent.as_deref(), &b.rater);
    if first == second {
        second
    } else {
        format!("{first} → {second}")
    }
}

/// The questionnaire and version, or both when they differ.
fn questionnaire(diff: &Diff) -> String {
    let (a, b) = (&diff.first, &diff.second);
    if a.questionnaire != b.questionnaire {
        format!(
            "{} {} → {} {}",
            a.questionnaire, a.version, b.questionnaire, b.version
        )
    } else if a.version != b.version {
        format!("{} {} → {}", b.questionnaire, a.version, b.version)
    } else {
        format!("{} {}", b.questionnaire, b.version)
    }
}

/// Sentences about what makes the two reports less than directly comparable.
fn caveats(diff: &Diff) -> Vec<String> {
    let mut lines = Vec::new();
    let (a, b) = (&diff.first, &diff.second);
    if a.questionnaire != b.questionnaire {
        lines.push(format!(
            "The reports are from different questionnaires (`{}` and `{}`): only themes with the same questions are compared.",
            a.questionnaire, b.questionnaire
        ));
    } else if a.version != b.version {
        let shared = diff
            .themes
            .iter()
            .filter(|t| {
                t.status != Status::QuestionsChanged
                    && t.status != Status::OnlyInFirst
                    && t.status != Status::OnlyInSecond
            })
            .count();
        lines.push(format!(
            "Different questionnaire versions ({} and {}): compared on the {shared} themes whose questions are the same.",
            a.version, b.version
        ));
    }
    if a.respondent != b.respondent {
        let name = |respondent: &Option<String>| match respondent {
            Some(name) => format!("`{name}`"),
            None => "no one".to_owned(),
        };
        lines.push(format!(
            "The reports are about different people ({} and {}): a diff follows one person over time.",
            name(&a.respondent),
            name(&b.respondent)
        ));
    }
    if a.rater != b.rater {
        lines.push(format!(
            "The reports have different raters (`{}` and `{}`); `leadgap compare` is made for that.",
            a.rater, b.rater
        ));
    }
    lines
}

/// "+5", "n/c", "—" for a theme's change.
fn change_cell(theme: &comparison::DiffTheme) -> String {
    match (theme.status, theme.change, theme.second) {
        (Status::Comparable, Some(change), Some(now)) => shown_change(now, change),
        (Status::QuestionsChanged, ..) => "n/c".to_owned(),
        (Status::OnlyInFirst, ..) => "dropped".to_owned(),
        (Status::OnlyInSecond, ..) => "new".to_owned(),
        _ => "—".to_owned(),
    }
}

/// Whether a change is more than noise, by the norms.
pub fn verdict(theme: &comparison::DiffTheme) -> &'static str {
    match (theme.change, theme.meaningful) {
        (Some(_), Some(Some(true))) => "meaningful",
        (Some(_), Some(Some(false))) => "within noise",
        (Some(_), Some(None)) => "cannot tell",
        _ => "",
    }
}

fn band_cell(theme: &comparison::DiffTheme) -> String {
    let clean = |band: &Option<String>| band.as_deref().map(|b| clean_line(b).into_owned());
    match (clean(&theme.first_band), clean(&theme.second_band)) {
        (Some(a), Some(b)) if theme.band_moved => format!("{a} → {b}"),
        (_, Some(b)) => b,
        (Some(a), None) => a,
        (None, None) => String::new(),
    }
}

/// A score as every format shows it: `~` when provisional.
fn score(value: Option<f64>, provisional: bool) -> String {
    match value {
        Some(value) if provisional => format!("{}~", whole(value)),
        Some(value) => whole(value),
        None => "—".to_owned(),
    }
}

fn overall_change(diff: &Diff) -> String {
    match (diff.overall_change, diff.second_overall) {
        (Some(change), Some(now)) => shown_change(now, change),
        _ => "n/c".to_owned(),
    }
}

fn table(look: Look, diff: &Diff, out: &mut dyn Write) -> std::io::Result<()> {
    let color = look.color;
    let (a, b) = labels(diff);
    let heading = format!(
        "Diff: {a} → {b} · {} · {}",
        clean_line(&who(diff)),
        clean_line(&questionnaire(diff))
    );
    writeln!(out, "{}", paint(color, styles::HEADING, &heading))?;
    for line in caveats(diff) {
        writeln!(out, "{}", clean_line(&line))?;
    }
    writeln!(out)?;
    let judged = diff.themes.iter().any(|t| t.meaningful.is_some());
    let mut table = listing_table(look);
    let mut header = vec!["Theme".to_owned(), a, b, "Change".to_owned()];
    if judged {
        header.push("Against the norms".to_owned());
    }
    header.push("Band".to_owned());
    table.set_header(header);
    let mut overall = vec![
        "Overall".to_owned(),
        score(diff.first_overall, diff.overall_provisional.0),
        score(diff.second_overall, diff.overall_provisional.1),
        overall_change(diff),
        String::new(),
    ];
    if judged {
        overall.push(String::new());
    }
    table.add_row(overall);
    for theme in &diff.themes {
        let mut row = vec![
            clean_line(&theme.title).into_owned(),
            score(theme.first, theme.provisional.0),
            score(theme.second, theme.provisional.1),
            change_cell(theme),
        ];
        if judged {
            row.push(verdict(theme).to_owned());
        }
        row.push(band_cell(theme));
        table.add_row(row);
    }
    for index in 1..=3 {
        if let Some(column) = table.column_mut(index) {
            column.set_cell_alignment(CellAlignment::Right);
        }
    }
    for line in table.lines() {
        writeln!(out, "{}", line.trim_end())?;
    }
    if diff
        .themes
        .iter()
        .any(|t| t.status == Status::QuestionsChanged)
    {
        writeln!(
            out,
            "{}",
            text::NOT_COMPARABLE_NOTE.replace("the last report", "the earlier report")
        )?;
    }
    if any_provisional(diff) {
        writeln!(out, "{}", text::PROVISIONAL_NOTE)?;
    }
    Ok(())
}

/// Whether any score shown is provisional, so that `~` is explained.
fn any_provisional(diff: &Diff) -> bool {
    let (a, b) = diff.overall_provisional;
    a || b
        || diff
            .themes
            .iter()
            .any(|t| t.provisional.0 || t.provisional.1)
}

fn markdown(diff: &Diff, out: &mut dyn Write) -> std::io::Result<()> {
    let cell = super::markdown::inline;
    let (a, b) = labels(diff);
    writeln!(out, "# Diff: {a} → {b}")?;
    writeln!(out)?;
    writeln!(out, "- **Who:** {}", cell(&who(diff)))?;
    writeln!(out, "- **Questionnaire:** {}", cell(&questionnaire(diff)))?;
    for line in caveats(diff) {
        writeln!(out, "- {}", cell(&line))?;
    }
    writeln!(out)?;
    writeln!(out, "| Theme | {a} | {b} | Change | Band |")?;
    writeln!(out, "|---|--:|--:|--:|---|")?;
    writeln!(
        out,
        "| Overall | {} | {} | {} | |",
        score(diff.first_overall, diff.overall_provisional.0),
        score(diff.second_overall, diff.overall_provisional.1),
        overall_change(diff)
    )?;
    for theme in &diff.themes {
        writeln!(
            out,
            "| {} | {} | {} | {} | {} |",
            cell(&theme.title),
            score(theme.first, theme.provisional.0),
            score(theme.second, theme.provisional.1),
            match verdict(theme) {
                "" => change_cell(theme),
                verdict => format!("{} ({verdict})", change_cell(theme)),
            },
            cell(&band_cell(theme))
        )?;
    }
    if any_provisional(diff) {
        writeln!(out, "\n_{}_", cell(text::PROVISIONAL_NOTE))?;
    }
    Ok(())
}
