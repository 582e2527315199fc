//! `cohort` in each of its formats: per questionnaire, each theme's figures
//! across people, and a people × themes grid; as a page (`page.rs`,
//! `markdown.rs`) with each theme's distribution, the norms and who is due.

use std::io::Write;

use chrono::NaiveDate;

use super::csv::{csv_number, guard};
use super::text::whole;
use super::{Format, Look, align_right, listing_table, write_json};
use crate::cohort::{self, Cohort, MIN_GROUP, PersonTheme};
use crate::output::{clean_line, paint, styles};
use crate::programme::norms::Norms;
use crate::programme::roster::Roster;

mod markdown;
mod page;

/// The formats of `cohort`.
pub const FORMATS: &[Format] = &[
    Format::Table,
    Format::Json,
    Format::Csv,
    Format::Html,
    Format::Markdown,
];

/// A cohort as its page shows it: with a cohort's norms and who is due,
/// when given.
pub struct View<'a> {
    /// The cohort.
    pub cohort: &'a Cohort,
    /// Norms to draw each theme's middle half from (`--norms`).
    pub norms: Option<&'a Norms>,
    /// Who is due (`--roster`, `--every`).
    pub due: Option<Due<'a>>,
    /// When the page was made.
    pub made: NaiveDate,
}

/// Everyone on a roster, and how often they re-assess.
pub struct Due<'a> {
    /// The roster, checked.
    pub roster: &'a Roster,
    /// The interval, as given (`90d`).
    pub every: &'a str,
}

/// Writes `view` in `format`.
pub fn render(
    view: &View<'_>,
    format: Format,
    look: Look,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    match format {
        Format::Json => write_json(out, view.cohort),
        Format::Csv => csv(view.cohort, out),
        Format::Table => table(look, view.cohort, out),
        Format::Html => out.write_all(page::page(view).as_bytes()),
        Format::Markdown => out.write_all(markdown::markdown(view).as_bytes()),
        Format::Svg | Format::Ics | Format::Toml => Err(super::unsupported("cohort", format)),
    }
}

/// The line under the page's title: "Each person's latest
/// self-assessment · 12 people · made 2026-11-22".
fn made_line(view: &View<'_>) -> String {
    let people: usize = view.cohort.groups.iter().filter_map(|g| g.size).sum();
    format!(
        "Each person's latest self-assessment · {} · made {}",
        match people {
            1 => "1 person".to_owned(),
            n => format!("{n} people"),
        },
        view.made
    )
}

/// How far a person is from their target on a theme, for the grid's
/// colours: met, a little below, well below, far below, or not scored.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Standing {
    Met,
    Near,
    Below,
    Far,
    Unscored,
}

impl Standing {
    fn of(theme: &PersonTheme) -> Standing {
        match (theme.score, theme.gap) {
            _ if theme.met => Standing::Met,
            // At the target on the score, not on the facts: not met.
            (Some(_), Some(gap)) if gap < 10.0 => Standing::Near,
            (Some(_), Some(gap)) if gap < 25.0 => Standing::Below,
            (Some(_), Some(_)) => Standing::Far,
            _ => Standing::Unscored,
        }
    }

    /// Its name, also its CSS class.
    fn name(self) -> &'static str {
        match self {
            Standing::Met => "met",
            Standing::Near => "near",
            Standing::Below => "below",
            Standing::Far => "far",
            Standing::Unscored => "unscored",
        }
    }

    /// The legend's words.
    fn words(self) -> &'static str {
        match self {
            Standing::Met => "target met (✓)",
            Standing::Near => {
                "under 10 points below the target (✗: the score reaches it, the facts do not)"
            }
            Standing::Below => "10 to 25 points below",
            Standing::Far => "more than 25 points below",
            Standing::Unscored => "not scored (—)",
        }
    }
}

/// A grid cell in words: "72 ✓" at or above the target, "48 −7" below it
/// (the points to go), "—" without a score. The mark says what the colour
/// says, for those who cannot see it.
fn cell_words(theme: &PersonTheme) -> String {
    match (theme.score, theme.gap) {
        (Some(score), Some(gap)) if gap > 0.0 => format!("{} −{}", whole(score), whole(gap)),
        (Some(score), _) if theme.met => format!("{} ✓", whole(score)),
        // The score reaches the target; the facts do not.
        (Some(score), _) => format!("{} ✗", whole(score)),
        _ => "—".to_owned(),
    }
}

/// A theme's figures in one sentence: "median 48 (16 to 83); target 60; 3
/// of 8 below their target; the norms' middle half 42 to 71".
fn theme_words(theme: &cohort::ThemeStats, middle: Option<(f64, f64)>, people: usize) -> String {
    let mut words = match (theme.median, theme.min, theme.max) {
        (Some(median), Some(min), Some(max)) => format!(
            "median {} ({} to {})",
            whole(median),
            whole(min),
            whole(max)
        ),
        _ => "no scores".to_owned(),
    };
    if let Some(target) = theme.target {
        words.push_str(&format!("; target {}", whole(target)));
    }
    words.push_str(&format!(
        "; {} of {people} below their target",
        theme.below_target
    ));
    if let Some((low, high)) = middle {
        words.push_str(&format!(
            "; the norms' middle half {} to {}",
            whole(low),
            whole(high)
        ));
    }
    words
}

/// The versions a group answered: "2.1.0", or "2.0.0 (3), 2.1.0 (4)" with
/// how many people answered each; empty for a hidden group.
fn versions(group: &cohort::Group) -> String {
    match group.versions.as_slice() {
        [one] => one.version.clone(),
        many => many
            .iter()
            .map(|v| format!("{} ({})", v.version, v.people))
            .collect::<Vec<_>>()
            .join(", "),
    }
}

/// The norms' middle half of a theme, when the norms have it as it was
/// asked.
fn middle(
    view: &View<'_>,
    group: &cohort::Group,
    theme: &cohort::ThemeStats,
) -> Option<(f64, f64)> {
    let norm = view.norms?.find(&group.questionnaire, &theme.hash)?;
    Some((norm.p25, norm.p75))
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
        // Short column names and whole-number cells, so that the grid of a
        // nine-theme questionnaire fits 80 columns without wrapping a
        // name or a heading; the codes are spelled out below.
        let codes = short_codes(group.themes.iter().map(|t| clean_line(&t.id).into_owned()));
        let mut grid = listing_table(look);
        let mut header = vec!["Person".to_owned()];
        header.extend(codes.iter().cloned());
        grid.set_header(header);
        for person in &group.people {
            let mut row = vec![clean_line(&person.name).into_owned()];
            row.extend(person.themes.iter().map(|t| match t.score {
                Some(score) if !t.met => format!("{}*", whole(score)),
                Some(score) => whole(score),
                None => "—".to_owned(),
            }));
            grid.add_row(row);
        }
        if let Some(column) = grid.column_mut(0) {
            column.set_constraint(comfy_table::ColumnConstraint::ContentWidth);
        }
        align_right(&mut grid, 1..=group.themes.len());
        for line in grid.lines() {
            writeln!(out, "{}", line.trim_end())?;
        }
        let legend: Vec<String> = codes
            .iter()
            .zip(&group.themes)
            .map(|(code, theme)| format!("{code} {}", clean_line(&theme.title)))
            .collect();
        for line in crate::output::wrap(
            &format!("{} · * the person's target not met", legend.join(" · ")),
            usize::from(look.width.saturating_sub(1).max(20)),
            " ",
            " ",
        ) {
            writeln!(out, "{line}")?;
        }
    }
    Ok(())
}

/// Short column names for theme `ids`: each id's first letters, the first
/// in capitals, as many as it takes to tell them apart (three at least).
fn short_codes(ids: impl Iterator<Item = String>) -> Vec<String> {
    let ids: Vec<String> = ids.collect();
    let mut length = 3;
    loop {
        let codes: Vec<String> = ids
            .iter()
            .map(|id| {
                let mut chars = id.chars().filter(|c| c.is_alphanumeric()).take(length);
                chars
                    .next()
                    .map(|first| first.to_uppercase().chain(chars).collect())
                    .unwrap_or_default()
            })
            .collect();
        let unique = codes
            .iter()
            .enumerate()
            .all(|(i, c)| !codes[..i].contains(c));
        if unique || length > 24 {
            return codes;
        }
        length += 1;
    }
}

/// One row per person and theme.
fn csv(cohort: &Cohort, out: &mut dyn Write) -> std::io::Result<()> {
    const COLUMNS: [&str; 8] = [
        "questionnaire",
        "person",
        "report",
        "created",
        "theme",
        "score",
        "band",
        "below_target",
    ];
    let header = COLUMNS.map(str::to_owned);
    let rows = cohort
        .groups
        .iter()
        .filter(|g| !g.hidden)
        .flat_map(|group| {
            group.people.iter().flat_map(move |person| {
                person.themes.iter().map(move |theme| {
                    [
                        guard(&group.questionnaire),
                        guard(&person.name),
                        guard(person.report.as_deref().unwrap_or_default()),
                        guard(person.created.as_deref().unwrap_or_default()),
                        guard(&theme.id),
                        csv_number(theme.score),
                        guard(theme.band.as_deref().unwrap_or_default()),
                        theme.below_target.to_string(),
                    ]
                })
            })
        });
    super::csv::write(out, std::iter::once(header).chain(rows))
}
