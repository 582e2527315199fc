//! The gap report in each of its formats, one file each, behind one trait;
//! [`Extras`] is what a report is shown with besides itself.

mod answers;
mod html;
mod json;
mod markdown;
mod norms;
mod sections;
mod table;
mod team;

use std::io::Write;
use std::sync::Arc;

use chrono::NaiveDate;

use super::{Format, Look};
use crate::plan::{self, FollowThrough, Plan};
use crate::programme::norms::Norms;
use crate::report::Report;
use crate::trend::{self, Trend};

pub use json::{Detail, view as json_view};
pub use sections::{Block, Column, Section, Table, sections, theme_columns};
pub use team::{counted_line, label as group_label};

/// The formats of the gap report.
pub const FORMATS: &[Format] = &[
    Format::Table,
    Format::Markdown,
    Format::Json,
    Format::Html,
    Format::Svg,
    Format::Toml,
];

/// What a report is shown with, besides itself: its history and the plan.
#[derive(Clone, Debug)]
pub struct Extras {
    /// What its history says about it.
    pub trend: Trend,
    /// The actions made with it, and the follow-through on the previous
    /// report's actions.
    pub plan: PlanView,
    /// Whether to list every answer per theme (`show --answers`); the HTML
    /// page always holds them, folded.
    pub answers: bool,
    /// The other side of the report's triangulation: for a team report,
    /// the subject's self-assessment, shown beside the team's view; for a
    /// self-assessment, the team's report about the same person.
    pub beside: Option<Report>,
    /// A cohort's norms to place the scores and changes against
    /// (`--norms FILE`).
    pub norms: Option<Arc<Norms>>,
}

/// The part of the action plan a report shows.
#[derive(Clone, Debug, Default)]
pub struct PlanView {
    /// The actions made with this report, with their current status.
    pub made: Vec<plan::Action>,
    /// The follow-through on the actions of the previous report.
    pub follow: Option<FollowThrough>,
    /// Today, to tell which actions are overdue.
    pub today: Option<NaiveDate>,
}

impl Extras {
    /// The history of `report` among `others`, and its part of `plan`.
    pub fn new<'a>(
        report: &Report,
        others: impl IntoIterator<Item = &'a Report> + Clone,
        plan: Option<&Plan>,
        today: NaiveDate,
    ) -> Extras {
        let trend = trend::trend(report, others.clone());
        let previous = trend
            .previous
            .as_ref()
            .and_then(|p| others.into_iter().find(|r| r.id == p.id));
        Extras::with_trend(report, trend, previous, plan, today)
    }

    /// A report's `trend` (already worked out, with `previous` the report it
    /// names) and its part of `plan`.
    pub fn with_trend(
        report: &Report,
        trend: Trend,
        previous: Option<&Report>,
        plan: Option<&Plan>,
        today: NaiveDate,
    ) -> Extras {
        // The actions made with a report: the plan's where it has them,
        // else those the report carries (a report sent to a mentor).
        let made_with = |report: &Report| match plan.map(|plan| plan.made_with(&report.id)) {
            Some(actions) if !actions.is_empty() => actions,
            _ => report.plan.clone(),
        };
        let view = PlanView {
            made: made_with(report),
            follow: previous
                .and_then(|previous| plan::follow_through(&made_with(previous), previous, report)),
            today: Some(today),
        };
        Extras {
            trend,
            plan: view,
            answers: false,
            beside: None,
            norms: None,
        }
    }
}

/// One output format of the gap report.
pub trait Render {
    /// Writes `report`, with its history and plan, to `out`.
    fn render(&self, report: &Report, extras: &Extras, out: &mut dyn Write) -> std::io::Result<()>;
}

/// Writes the gap report `report` in `format`.
pub fn render(
    report: &Report,
    extras: &Extras,
    format: Format,
    look: Look,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let renderer: &dyn Render = match format {
        Format::Table => &table::Table { look },
        Format::Markdown => &markdown::Markdown,
        Format::Json => &json::Json,
        Format::Html => &html::Html,
        Format::Svg => &html::Svg,
        Format::Toml => &ReportFile,
        Format::Csv | Format::Ics => return Err(super::unsupported("the gap report", format)),
    };
    renderer.render(report, extras, out)
}

/// The report as the file leadgap saves: what a script keeps, a collector
/// sends, and `show` reads back.
struct ReportFile;

impl Render for ReportFile {
    fn render(&self, report: &Report, _: &Extras, out: &mut dyn Write) -> std::io::Result<()> {
        let text = toml::to_string(report).map_err(std::io::Error::other)?;
        out.write_all(text.as_bytes())
    }
}
