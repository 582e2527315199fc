//! `cohort` in each of its formats: per questionnaire, each theme's figures
//! across people, and a people × themes grid.

use std::io::Write;

use super::csv::{csv_number, csv_text};
use super::text::whole;
use super::{Format, Look, align_right, listing_table, write_json};
use crate::cohort::{self, Cohort, MIN_GROUP};
use crate::output::{clean_line, paint, styles};

/// The formats of `cohort`.
pub const FORMATS: &[Format] = &[Format::Table, Format::Json, Format::Csv];

/// Writes `cohort` in `format`.
pub fn render(
    cohort: &Cohort,
    format: Format,
    look: Look,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    match format {
        Format::Json => write_json(out, cohort),
        Format::Csv => csv(cohort, out),
        Format::Table => table(look, cohort, out),
        Format::Markdown | Format::Html | Format::Svg | Format::Ics => {
            Err(super::unsupported("cohort", format))
        }
    }
}

fn number(value: Option<f64>) -> String {
    value.map_or_else(|| "—".to_owned(), whole)
}

fn table(look: Look, cohort: &Cohort, out: &mut dyn Write) -> std::io::Result<()> {
    let color = look.color;
    if cohort.groups.is_empty() {
        return writeln!(
            out,
            "No self-assessments with a respondent name in these folders."
        );
    }
    for (index, group) in cohort.groups.iter().enumerate() {
        if index > 0 {
            writeln!(out)?;
        }
        let versions: Vec<String> = group.versions.iter().map(|v| v.version.clone()).collect();
        let heading = match group.size {
            Some(size) => format!(
                "{} ({} {}) · {size} {}",
                clean_line(&group.title),
                clean_line(&group.questionnaire),
                clean_line(&versions.join(", ")),
                if size == 1 { "person" } else { "people" }
            ),
            None => format!(
                "{} ({})",
                clean_line(&group.title),
                clean_line(&group.questionnaire)
            ),
        };
        writeln!(out, "{}", paint(color, styles::HEADING, &heading))?;
        if group.hidden {
            writeln!(
                out,
                "Hidden: fewer than {MIN_GROUP} people, who could be recognised."
            )?;
            continue;
        }
        writeln!(out)?;
        let mut stats = listing_table(look);
        stats.set_header(["Theme", "People", "Median", "Min", "Max", "Below target"]);
        for theme in &group.themes {
            let title = clean_line(&theme.title).into_owned();
            if theme.hidden {
                stats.add_row([
                    title,
                    theme.count.to_string(),
                    "hidden".to_owned(),
                    String::new(),
                    String::new(),
                    String::new(),
                ]);
            } else {
                stats.add_row([
                    title,
                    theme.count.to_string(),
                    number(theme.median),
                    number(theme.min),
                    number(theme.max),
                    theme.below_target.to_string(),
                ]);
            }
        }
        align_right(&mut stats, 1..=5);
        for line in stats.lines() {
            writeln!(out, "{}", line.trim_end())?;
        }

        writeln!(out)?;
        let bands = band_abbreviations(group);
        let short = |band: &str| {
            bands
                .iter()
                .find(|(b, _)| b == band)
                .map_or("?", |(_, s)| s.as_str())
        };
        let mut grid = listing_table(look);
        let mut header = vec!["Person".to_owned()];
        header.extend(group.themes.iter().map(|t| clean_line(&t.id).into_owned()));
        grid.set_header(header);
        for person in &group.people {
            let mut row = vec![clean_line(&person.name).into_owned()];
            row.extend(person.themes.iter().map(|t| match (t.score, &t.band) {
                (Some(score), Some(band)) => {
                    let mark = if t.below_target { "*" } else { "" };
                    format!("{} {}{mark}", whole(score), short(band))
                }
                _ => "—".to_owned(),
            }));
            grid.add_row(row);
        }
        for line in grid.lines() {
            writeln!(out, "{}", line.trim_end())?;
        }
        let legend: Vec<String> = bands
            .iter()
            .map(|(band, short)| format!("{short} {}", clean_line(band)))
            .collect();
        writeln!(out, " {} · * below the person's target", legend.join(" · "))?;
    }
    Ok(())
}

/// Short names for the bands in a group, lowest first: their initials, or
/// more letters where initials collide.
fn band_abbreviations(group: &cohort::Group) -> Vec<(String, String)> {
    // Order bands by the lowest score seen in each.
    let mut bands: Vec<(String, f64)> = Vec::new();
    for theme in group.people.iter().flat_map(|p| &p.themes) {
        if let (Some(band), Some(score)) = (&theme.band, theme.score) {
            match bands.iter_mut().find(|(b, _)| b == band) {
                Some((_, low)) => *low = low.min(score),
                None => bands.push((band.clone(), score)),
            }
        }
    }
    bands.sort_by(|a, b| a.1.total_cmp(&b.1));
    let names: Vec<String> = bands.into_iter().map(|(band, _)| band).collect();
    let mut length = 1;
    loop {
        let short: Vec<String> = names
            .iter()
            .map(|n| {
                let mut s: String = n.chars().take(length).collect();
                if let Some(first) = s.get(..1) {
                    s = first.to_uppercase() + s.get(1..).unwrap_or_default();
                }
                s
            })
            .collect();
        let unique = short
            .iter()
            .enumerate()
            .all(|(i, s)| !short[..i].contains(s));
        if unique || length > 12 {
            return names.into_iter().zip(short).collect();
        }
        length += 1;
    }
}

/// One row per person and theme.
fn csv(cohort: &Cohort, out: &mut dyn Write) -> std::io::Result<()> {
    writeln!(
        out,
        "questionnaire,person,report,created,theme,score,band,below_target"
    )?;
    for group in cohort.groups.iter().filter(|g| !g.hidden) {
        for person in &group.people {
            for theme in &person.themes {
                writeln!(
                    out,
                    "{},{},{},{},{},{},{},{}",
                    csv_text(&group.questionnaire),
                    csv_text(&person.name),
                    csv_text(person.report.as_deref().unwrap_or_default()),
                    csv_text(person.created.as_deref().unwrap_or_default()),
                    csv_text(&theme.id),
                    csv_number(theme.score),
                    csv_text(theme.band.as_deref().unwrap_or_default()),
                    theme.below_target,
                )?;
            }
        }
    }
    Ok(())
}
