//! `leadgap evidence` in each of its formats: the figures, what each means,
//! why one is absent, and what was read.

use std::io::Write;

use super::{Format, Look, write_json};
use crate::evidence::Evidence;
use crate::output::{clean_line, paint, styles};

/// The formats of `evidence`.
pub const FORMATS: &[Format] = &[Format::Table, Format::Markdown, Format::Json];

/// Writes `evidence` in `format`.
pub fn render(
    evidence: &Evidence,
    format: Format,
    look: Look,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    match format {
        Format::Json => write_json(out, evidence),
        Format::Markdown => markdown(evidence, out),
        Format::Table => table(evidence, look, out),
        _ => Err(super::unsupported("evidence", format)),
    }
}

/// The figures in words, in the order the reference lists them: (name,
/// what it is, its value as shown).
pub fn lines(evidence: &Evidence) -> Vec<(&'static str, String, String)> {
    let truck = |repository: &str| {
        format!(
            "truck factor of {}: people it depends on",
            clean_line(repository)
        )
    };
    let f = &evidence.figures;
    let percent = |v: Option<f64>| v.map(|v| format!("{:.0} %", v * 100.0));
    let measured = [
        (
            "longest_since_one_to_one_weeks",
            "weeks since the last one-to-one with the team member seen least",
            f.longest_since_one_to_one_weeks.map(|w| w.to_string()),
        ),
        (
            "share_one_to_one_4_weeks",
            "of the team had a one-to-one in the last four weeks",
            percent(f.share_one_to_one_4_weeks),
        ),
        (
            "stakeholder_meetings",
            "meetings with stakeholders",
            f.stakeholder_meetings.map(|n| n.to_string()),
        ),
        (
            "supplier_meetings",
            "meetings with suppliers",
            f.supplier_meetings.map(|n| n.to_string()),
        ),
        (
            "meeting_hours_per_week",
            "hours a week in meetings",
            f.meeting_hours_per_week.map(|h| format!("{h:.1}")),
        ),
        (
            "my_commit_share",
            "of the commits are yours",
            percent(f.my_commit_share),
        ),
        (
            "files_only_me_share",
            "of the files have you as their only author",
            percent(f.files_only_me_share),
        ),
    ];
    let mut lines: Vec<(&str, String, Option<String>)> = measured
        .into_iter()
        .map(|(name, what, value)| (name, what.to_owned(), value))
        .collect();
    for (repository, factor) in &f.truck_factor {
        lines.push(("truck_factor", truck(repository), Some(factor.to_string())));
    }
    if f.truck_factor.is_empty() || evidence.absent.contains_key("truck_factor") {
        lines.push(("truck_factor", "truck factor".to_owned(), None));
    }
    lines
        .into_iter()
        .map(|(name, what, value)| match value {
            Some(value) => (name, what, value),
            None => {
                let why = evidence
                    .absent
                    .get(name)
                    .map_or("not measured", String::as_str);
                (
                    name,
                    format!("{what} — absent: {}", clean_line(why)),
                    "—".to_owned(),
                )
            }
        })
        .collect()
}

fn window_line(evidence: &Evidence) -> String {
    format!(
        "Evidence from {} to {} ({} weeks), measured on this machine",
        evidence.window.from, evidence.window.until, evidence.window.weeks
    )
}

fn table(evidence: &Evidence, look: Look, out: &mut dyn Write) -> std::io::Result<()> {
    writeln!(
        out,
        "{}",
        paint(look.color, styles::HEADING, &window_line(evidence))
    )?;
    writeln!(out)?;
    for (_, what, value) in lines(evidence) {
        writeln!(out, "  {value:>6}  {what}")?;
    }
    if !evidence.figures.one_to_ones.is_empty() {
        writeln!(out)?;
        writeln!(
            out,
            "One-to-ones, per team member (kept in the evidence file only):"
        )?;
        for (name, seen) in &evidence.figures.one_to_ones {
            let last = seen
                .last
                .map_or_else(|| "none in the window".to_owned(), |d| format!("last {d}"));
            writeln!(out, "  {}: {}, {last}", clean_line(name), seen.count)?;
        }
    }
    writeln!(out)?;
    writeln!(out, "Read: {}.", clean_line(&evidence.sources.join("; ")))?;
    Ok(())
}

fn markdown(evidence: &Evidence, out: &mut dyn Write) -> std::io::Result<()> {
    let cell = super::markdown::inline;
    writeln!(out, "# {}\n", cell(&window_line(evidence)))?;
    writeln!(out, "| Figure | Value |\n|---|--:|")?;
    for (_, what, value) in lines(evidence) {
        writeln!(out, "| {} | {} |", cell(&what), cell(&value))?;
    }
    writeln!(out, "\n_Read: {}._", cell(&evidence.sources.join("; ")))?;
    Ok(())
}
