//! Writing a history series by series: the table, Markdown and HTML as
//! each series comes; JSON and CSV, which list every report oldest first
//! across series, from pieces set aside on a spool until all are in.

use std::io::Write;
use std::path::Path;

use super::{html, markdown, table};
use crate::render::csv::{csv_number, guard};
use crate::render::{Extras, Format, Look, gap, svg};
use crate::report::Report;
use crate::spool::{self, Spool};
use crate::trend;

/// Writes a history series by series, so that only one series need be in
/// memory at a time: `new`, then `series` for each series in order, then
/// `finish`.
pub struct Writer<'w> {
    format: Format,
    look: Look,
    theme: Option<String>,
    out: &'w mut dyn Write,
    /// Whether there is nothing to show (the table and Markdown say so).
    empty: bool,
    /// Whether there is more than one series.
    several: bool,
    /// Whether the table has written a series.
    written: bool,
    /// The HTML page's body so far.
    body: String,
    /// The SVG's charts so far.
    charts: Vec<svg::Line>,
    /// JSON and CSV list every report oldest first, across series: each
    /// report's part, set aside until all are in.
    pieces: Spool,
    /// Per piece, what orders it.
    order: Vec<Order>,
}

/// What orders a report among all others: `trend::chronological_key`,
/// owned, so that the report itself need not be kept.
struct Order {
    created: crate::clock::Timestamp,
    suffix: u32,
    id: Box<str>,
}

impl Order {
    fn of(report: &Report) -> Order {
        let (created, suffix, id) = trend::chronological_key(report);
        Order {
            created,
            suffix,
            id: id.into(),
        }
    }

    fn key(&self) -> (crate::clock::Timestamp, u32, &str) {
        (self.created, self.suffix, &self.id)
    }
}

impl<'w> Writer<'w> {
    /// A history of `count` series read from `folder`, of every theme or
    /// only `theme`, in `format`, to `out`.
    ///
    /// # Errors
    ///
    /// When `format` is not one of history's, or writing fails.
    pub fn new(
        format: Format,
        look: Look,
        theme: Option<&str>,
        folder: &Path,
        count: usize,
        out: &'w mut dyn Write,
    ) -> std::io::Result<Writer<'w>> {
        let empty = count == 0;
        match format {
            Format::Table | Format::Markdown if empty => writeln!(
                out,
                "No saved reports in `{}` yet; `leadgap assess` makes the first.",
                folder.display()
            )?,
            Format::Markdown => writeln!(out, "# History")?,
            Format::Csv => crate::render::csv::write(out, [CSV_COLUMNS])?,
            Format::Ics | Format::Toml => {
                return Err(crate::render::unsupported("history", format));
            }
            _ => {}
        }
        Ok(Writer {
            format,
            look,
            theme: theme.map(str::to_owned),
            out,
            empty,
            several: count > 1,
            written: false,
            body: if format == Format::Html {
                html::html_start(empty)
            } else {
                String::new()
            },
            charts: Vec::new(),
            pieces: Spool::new(spool::IN_MEMORY),
            order: Vec::new(),
        })
    }

    /// Writes (or, for JSON, CSV, HTML and SVG, takes in) the next series.
    ///
    /// # Errors
    ///
    /// When writing fails.
    pub fn series(&mut self, group: &[(&Report, Extras)]) -> std::io::Result<()> {
        let only = self.theme.as_deref();
        match self.format {
            Format::Table | Format::Markdown if self.empty => {}
            Format::Table => {
                self.written |= table::table(self.look, group, only, !self.written, self.out)?;
            }
            Format::Markdown => markdown::markdown(group, only, self.out)?,
            Format::Html => html::html_series(group, only, &mut self.body),
            Format::Svg => self
                .charts
                .extend(html::svg_charts(group, only, self.several)),
            Format::Json => {
                for (report, extras) in group {
                    let view = gap::json_view(report, extras, only, gap::Detail::Summary);
                    self.order.push(Order::of(report));
                    self.pieces.put(serde_json::to_vec_pretty(&view)?);
                }
            }
            Format::Csv => {
                for (report, extras) in group {
                    let mut rows = Vec::new();
                    csv_rows(report, extras, only, &mut rows)?;
                    self.order.push(Order::of(report));
                    self.pieces.put(rows);
                }
            }
            Format::Ics | Format::Toml => {}
        }
        Ok(())
    }

    /// Writes what was taken in: the page, the charts, or every report
    /// oldest first.
    ///
    /// # Errors
    ///
    /// When writing fails, or a piece set aside cannot be read back.
    pub fn finish(mut self) -> std::io::Result<()> {
        match self.format {
            Format::Html => html::html_page(&self.body, self.out),
            Format::Svg => html::svg(&self.charts, self.out),
            Format::Json if self.order.is_empty() => writeln!(self.out, "[]"),
            Format::Json => {
                self.out.write_all(b"[")?;
                for (index, number) in self.chronological().into_iter().enumerate() {
                    let piece = self.pieces.get(number)?;
                    self.out
                        .write_all(if index == 0 { b"\n  " } else { b",\n  " })?;
                    // Indented one level, as inside the array: JSON strings
                    // hold no line ends, so every line end is layout.
                    for (line, text) in piece.split(|&b| b == b'\n').enumerate() {
                        if line > 0 {
                            self.out.write_all(b"\n  ")?;
                        }
                        self.out.write_all(text)?;
                    }
                }
                self.out.write_all(b"\n]\n")
            }
            Format::Csv => {
                for number in self.chronological() {
                    let piece = self.pieces.get(number)?;
                    self.out.write_all(&piece)?;
                }
                Ok(())
            }
            _ => Ok(()),
        }
    }

    /// The pieces' numbers, oldest report first.
    fn chronological(&mut self) -> Vec<usize> {
        let mut numbers: Vec<usize> = (0..self.order.len()).collect();
        numbers.sort_by(|&a, &b| self.order[a].key().cmp(&self.order[b].key()));
        self.order = Vec::new();
        numbers
    }
}

/// The columns of the history's CSV.
const CSV_COLUMNS: [&str; 15] = [
    "report",
    "created",
    "questionnaire",
    "version",
    "respondent",
    "rater",
    "profile",
    "overall",
    "theme",
    "score",
    "change",
    "target",
    "gap",
    "band",
    "coverage",
];

/// A report's rows of the CSV: one per theme (or only `theme`).
fn csv_rows(
    report: &Report,
    extras: &Extras,
    theme: Option<&str>,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let rows = report
        .themes
        .iter()
        .zip(&extras.trend.themes)
        .filter(|(t, _)| theme.is_none_or(|id| id == t.id))
        .map(|(t, theme_trend)| {
            [
                guard(&report.id),
                guard(&report.created.to_string()),
                guard(&report.questionnaire.id),
                guard(&report.questionnaire.version),
                guard(report.respondent.as_deref().unwrap_or_default()),
                guard(&report.rater),
                guard(&report.rubric.profile),
                csv_number(report.overall),
                guard(&t.id),
                csv_number(t.score),
                csv_number(theme_trend.change.delta()),
                csv_number(Some(t.target)),
                csv_number(t.gap),
                guard(t.band.as_deref().unwrap_or_default()),
                format!("{:.3}", t.coverage),
            ]
        });
    crate::render::csv::write(out, rows)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;
    use crate::render::Look;

    fn example(name: &str) -> Report {
        let path = format!("{}/examples/reports/{name}", env!("CARGO_MANIFEST_DIR"));
        toml::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
    }

    /// Sam's two reports (June, September) and Kim's one (July): two series
    /// whose reports interleave in time.
    fn two_series() -> (Vec<Report>, Vec<Report>) {
        let sam = vec![example("sam-2026-06.toml"), example("sam-2026-09.toml")];
        let mut kim = sam[0].clone();
        kim.respondent = Some("Kim".to_owned());
        kim.id = "2026-07-01T09-00-00Z".to_owned();
        kim.created = crate::clock::Timestamp::parse("2026-07-01T09:00:00Z").unwrap();
        (sam, vec![kim])
    }

    fn with_extras(series: &[Report]) -> Vec<(&Report, Extras)> {
        let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        series
            .iter()
            .enumerate()
            .map(|(at, r)| (r, Extras::new(r, &series[..at], None, today)))
            .collect()
    }

    /// Writes both series through a writer whose pieces all go to the
    /// spool's file.
    fn written(format: Format) -> String {
        let (sam, kim) = two_series();
        let mut out = Vec::new();
        let mut writer = Writer::new(
            format,
            Look {
                color: false,
                width: 80,
            },
            None,
            Path::new("r"),
            2,
            &mut out,
        )
        .unwrap();
        writer.pieces = Spool::new(0);
        writer.series(&with_extras(&sam)).unwrap();
        writer.series(&with_extras(&kim)).unwrap();
        writer.finish().unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn json_from_the_spool_is_every_report_oldest_first_as_serde_writes_an_array() {
        let (sam, kim) = two_series();
        let (sam, kim) = (with_extras(&sam), with_extras(&kim));
        // June (Sam), July (Kim), September (Sam).
        let views: Vec<_> = [&sam[0], &kim[0], &sam[1]]
            .into_iter()
            .map(|(r, e)| gap::json_view(r, e, None, gap::Detail::Summary))
            .collect();
        let expected = serde_json::to_string_pretty(&views).unwrap() + "\n";
        assert_eq!(written(Format::Json), expected);
    }

    #[test]
    fn csv_from_the_spool_is_every_report_oldest_first() {
        let (sam, kim) = two_series();
        let (sam, kim) = (with_extras(&sam), with_extras(&kim));
        let written = written(Format::Csv);
        let ids: Vec<&str> = written
            .lines()
            .skip(1)
            .map(|line| line.split(',').next().unwrap())
            .collect();
        let mut expected = Vec::new();
        for (report, extras) in [&sam[0], &kim[0], &sam[1]] {
            csv_rows(report, extras, None, &mut expected).unwrap();
        }
        assert_eq!(
            written.lines().skip(1).collect::<Vec<_>>().join("\n") + "\n",
            String::from_utf8(expected).unwrap()
        );
        let mut order = ids.clone();
        order.dedup();
        assert_eq!(
            order,
            [
                "2026-06-01T09-00-00Z",
                "2026-07-01T09-00-00Z",
                "2026-09-01T09-00-00Z"
            ]
        );
    }
}
