//! `leadgap history`: saved reports oldest first, per series, with the
//! change per theme and a trend line.

use std::io::Write;

use comfy_table::CellAlignment;

use crate::Context;
use crate::cli::{HistoryArgs, HistoryFormat};
use crate::error::{Error, Result, exit, with_suggestion};
use crate::history::{self, Change, Loaded, Trend, sparkline};
use crate::output::{clean_line, csv_number, csv_text, paint, styles};
use crate::report::{self, Extras, Report, percent, whole};
use crate::svg;

/// Runs `leadgap history`.
pub fn run(context: &Context, args: HistoryArgs, out: &mut dyn Write) -> Result<u8> {
    let dir = match &args.from {
        Some(dir) if !dir.is_dir() => {
            return Err(Error::user(format!(
                "`{}` is not a folder of reports",
                dir.display()
            )));
        }
        Some(dir) => dir.clone(),
        None => context.data_dir()?.reports(),
    };
    let reports = context.load_reports(&dir)?;
    if let Some(theme) = &args.theme {
        check_theme(theme, &reports)?;
    }
    let plan = context.load_plan();
    let today = context.today()?;
    let groups: Vec<Vec<(&Report, Extras)>> = history::series(&reports)
        .into_iter()
        .map(|group| {
            let all: Vec<&Report> = group.iter().map(|l| &l.report).collect();
            let trends = history::trends(&all);
            all.iter()
                .zip(trends)
                .enumerate()
                .map(|(index, (report, trend))| {
                    let previous = index.checked_sub(1).map(|i| all[i]);
                    let extras = Extras::with_trend(report, trend, previous, plan.as_ref(), today);
                    (*report, extras)
                })
                .collect()
        })
        .collect();
    let written = match args.format {
        HistoryFormat::Table if reports.is_empty() => {
            writeln!(
                out,
                "No saved reports in `{}` yet; `leadgap assess` makes the first.",
                dir.display()
            )
        }
        HistoryFormat::Table => table(context, &groups, args.theme.as_deref(), out),
        HistoryFormat::Html => html(&groups, args.theme.as_deref(), out),
        HistoryFormat::Svg => svg(&groups, args.theme.as_deref(), out),
        HistoryFormat::Json => json(&groups, args.theme.as_deref(), out),
        HistoryFormat::Csv => csv(&groups, args.theme.as_deref(), out),
    };
    written.map_err(Error::stdout)?;
    Ok(exit::SUCCESS)
}

/// An unknown `--theme` is an error that lists the themes there are.
fn check_theme(theme: &str, reports: &[Loaded]) -> Result<()> {
    let mut known: Vec<&str> = Vec::new();
    for loaded in reports {
        for t in &loaded.report.themes {
            if !known.contains(&t.id.as_str()) {
                known.push(&t.id);
            }
        }
    }
    if known.contains(&theme) || reports.is_empty() {
        return Ok(());
    }
    Err(Error::user_with_help(
        with_suggestion(
            format!("no report has a theme `{theme}`"),
            theme,
            known.iter().copied(),
        ),
        format!("the themes are: {}", known.join(", ")),
    ))
}

/// Theme ids of a series in the order of its latest report, then any that
/// only older reports had.
fn theme_ids<'a>(group: &[(&'a Report, Extras)]) -> Vec<(&'a str, &'a str)> {
    let mut ids: Vec<(&str, &str)> = Vec::new();
    for (report, _) in group.iter().rev() {
        for theme in &report.themes {
            if !ids.iter().any(|(id, _)| *id == theme.id) {
                ids.push((&theme.id, &theme.title));
            }
        }
    }
    ids
}

/// "41 +11", "41 n/c", "41", "—".
fn cell(report: &Report, trend: &Trend, id: &str) -> String {
    let Some((index, theme)) = report.themes.iter().enumerate().find(|(_, t)| t.id == id) else {
        return String::new();
    };
    let Some(score) = theme.score else {
        return "—".to_owned();
    };
    match trend.themes[index].change {
        Change::Baseline | Change::NotScored => whole(score),
        change => format!("{} {}", whole(score), change.short(Some(score))),
    }
}

fn table(
    context: &Context,
    groups: &[Vec<(&Report, Extras)>],
    theme: Option<&str>,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let color = context.stdout_color();
    let mut first = true;
    for group in groups {
        let Some((latest, _)) = group.last() else {
            continue;
        };
        if theme.is_some_and(|id| {
            latest.theme(id).is_none() && !group.iter().any(|(r, _)| r.theme(id).is_some())
        }) {
            continue;
        }
        if !first {
            writeln!(out)?;
        }
        first = false;
        let reports = if group.len() == 1 {
            "report"
        } else {
            "reports"
        };
        let heading = format!(
            "{} · {} · {} {reports}",
            clean_line(&latest.questionnaire.title),
            clean_line(&latest.who()),
            group.len()
        );
        writeln!(out, "{}", paint(color, styles::HEADING, &heading))?;
        match theme {
            Some(id) => theme_detail(context, group, id, out)?,
            None => overview(context, group, out)?,
        }
    }
    Ok(())
}

/// Themes down, reports across (the most recent that fit), then the trend
/// line over every report.
fn overview(
    context: &Context,
    group: &[(&Report, Extras)],
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let ids = theme_ids(group);
    // Columns of about 12 characters after a 26-character theme column and
    // the trend; at least two reports are shown.
    let room = usize::from(context.width()).saturating_sub(26 + TREND_POINTS.min(group.len()) + 4);
    let shown = (room / 12).clamp(2, group.len().max(2)).min(group.len());
    let columns = &group[group.len() - shown..];

    let mut table = context.new_table();
    let mut header = vec![String::new()];
    header.extend(
        columns
            .iter()
            .map(|(r, _)| r.created.get(..10).unwrap_or(&r.created).to_owned()),
    );
    header.push("Trend".to_owned());
    table.set_header(header);

    let mut version = vec!["Version".to_owned()];
    version.extend(
        columns
            .iter()
            .map(|(r, _)| clean_line(&r.questionnaire.version).into_owned()),
    );
    table.add_row(version);
    let mut profile = vec!["Profile".to_owned()];
    profile.extend(
        columns
            .iter()
            .map(|(r, _)| clean_line(&r.rubric.profile).into_owned()),
    );
    table.add_row(profile);

    let mut overall = vec!["Overall".to_owned()];
    overall.extend(columns.iter().map(|(report, extras)| {
        match (
            report.overall,
            extras.trend.previous.as_ref().and_then(|p| p.change),
        ) {
            (Some(o), Some(change)) => format!("{} {}", whole(o), history::shown_change(o, change)),
            (Some(o), None) => whole(o),
            (None, _) => "—".to_owned(),
        }
    }));
    let overall_points: Vec<Option<f64>> = group.iter().map(|(r, _)| r.overall).collect();
    overall.push(recent_sparkline(&overall_points));
    table.add_row(overall);

    let (latest, latest_trend) = &group[group.len() - 1];
    for (id, title) in &ids {
        let mut row = vec![clean_line(title).into_owned()];
        row.extend(
            columns
                .iter()
                .map(|(report, extras)| cell(report, &extras.trend, id)),
        );
        let points = latest
            .themes
            .iter()
            .position(|t| t.id == *id)
            .map(|index| recent_sparkline(&latest_trend.trend.themes[index].points))
            .unwrap_or_default();
        row.push(points);
        table.add_row(row);
    }
    // Follow-through on the actions made with each report.
    if columns
        .iter()
        .any(|(_, extras)| !extras.plan.made.is_empty())
    {
        let mut row = vec!["Plan".to_owned()];
        row.extend(columns.iter().map(|(_, extras)| {
            let made = &extras.plan.made;
            let done = made
                .iter()
                .filter(|a| a.status == crate::plan::Status::Done)
                .count();
            if made.is_empty() {
                String::new()
            } else {
                format!("{done} of {} done", made.len())
            }
        }));
        table.add_row(row);
    }
    for index in 1..=columns.len() {
        if let Some(column) = table.column_mut(index) {
            column.set_cell_alignment(CellAlignment::Right);
        }
    }
    for line in table.lines() {
        writeln!(out, "{}", line.trim_end())?;
    }
    if shown < group.len() {
        writeln!(
            out,
            " Showing the last {shown} of {} reports; the trend covers the last {}, and `--format csv` has them all.",
            group.len(),
            TREND_POINTS.min(group.len())
        )?;
    }
    if group.iter().any(|(_, t)| {
        t.trend
            .themes
            .iter()
            .any(|t| t.change == Change::QuestionsChanged)
    }) {
        writeln!(out, " {}", report::NOT_COMPARABLE_NOTE)?;
    }
    Ok(())
}

/// How many reports a trend line covers at most.
const TREND_POINTS: usize = 24;

/// A sparkline of the most recent [`TREND_POINTS`] points.
fn recent_sparkline(points: &[Option<f64>]) -> String {
    sparkline(&points[points.len().saturating_sub(TREND_POINTS)..])
}

/// One theme of a series in detail: every report's score, change, target,
/// gap, band and coverage.
fn theme_detail(
    context: &Context,
    group: &[(&Report, Extras)],
    id: &str,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let mut table = context.new_table();
    table.set_header([
        "Date", "Version", "Score", "Change", "Target", "Gap", "Band", "Answered",
    ]);
    for (report, extras) in group {
        let trend = &extras.trend;
        let Some((index, theme)) = report.themes.iter().enumerate().find(|(_, t)| t.id == id)
        else {
            continue;
        };
        table.add_row([
            report
                .created
                .get(..10)
                .unwrap_or(&report.created)
                .to_owned(),
            clean_line(&report.questionnaire.version).into_owned(),
            theme.score.map_or_else(|| "—".to_owned(), whole),
            trend.themes[index].change.short(theme.score),
            whole(theme.target),
            theme.gap.map_or_else(|| "—".to_owned(), whole),
            theme.band.as_deref().map_or_else(
                || "not enough answers".to_owned(),
                |b| clean_line(b).into_owned(),
            ),
            percent(theme.coverage),
        ]);
    }
    for index in 2..=5 {
        if let Some(column) = table.column_mut(index) {
            column.set_cell_alignment(CellAlignment::Right);
        }
    }
    for line in table.lines() {
        writeln!(out, "{}", line.trim_end())?;
    }
    let reports: Vec<&Report> = group.iter().map(|(r, _)| *r).collect();
    writeln!(
        out,
        " Trend of comparable scores: {}",
        recent_sparkline(&history::comparable_points(&reports, id))
    )?;
    Ok(())
}

fn json(
    groups: &[Vec<(&Report, Extras)>],
    theme: Option<&str>,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    use serde::Serializer as _;
    // Written as it goes: ten thousand summaries need not be in memory twice.
    let views = chronological(groups)
        .into_iter()
        .map(|(report, extras)| report::json_view(report, extras, theme, report::Detail::Summary));
    serde_json::Serializer::pretty(&mut *out).collect_seq(views)?;
    writeln!(out)
}

/// Every report of every series, oldest first.
fn chronological<'a>(groups: &'a [Vec<(&'a Report, Extras)>]) -> Vec<(&'a Report, &'a Extras)> {
    let mut all: Vec<(&Report, &Extras)> = groups.iter().flatten().map(|(r, t)| (*r, t)).collect();
    all.sort_by(|a, b| history::chronological(a.0, b.0));
    all
}

/// One row per report and theme, oldest first.
fn csv(
    groups: &[Vec<(&Report, Extras)>],
    theme: Option<&str>,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    writeln!(
        out,
        "report,created,questionnaire,version,respondent,rater,profile,overall,theme,score,change,target,gap,band,coverage"
    )?;
    for (report, extras) in chronological(groups) {
        for (t, theme_trend) in report.themes.iter().zip(&extras.trend.themes) {
            if theme.is_some_and(|id| id != t.id) {
                continue;
            }
            writeln!(
                out,
                "{},{},{},{},{},{},{},{},{},{},{},{},{},{},{:.3}",
                csv_text(&report.id),
                csv_text(&report.created),
                csv_text(&report.questionnaire.id),
                csv_text(&report.questionnaire.version),
                csv_text(report.respondent.as_deref().unwrap_or_default()),
                csv_text(&report.rater),
                csv_text(&report.rubric.profile),
                csv_number(report.overall),
                csv_text(&t.id),
                csv_number(t.score),
                csv_number(theme_trend.change.delta()),
                csv_number(Some(t.target)),
                csv_number(t.gap),
                csv_text(t.band.as_deref().unwrap_or_default()),
                t.coverage,
            )?;
        }
    }
    Ok(())
}

/// One small line chart per theme of a series (or only `only`): its scores
/// over time against the latest report's target.
fn line_charts(group: &[(&Report, Extras)], only: Option<&str>, prefix: &str) -> Vec<svg::Line> {
    let Some((latest, _)) = group.last() else {
        return Vec::new();
    };
    theme_ids(group)
        .into_iter()
        .filter(|(id, _)| only.is_none_or(|only| only == *id))
        .map(|(id, title)| svg::Line {
            id: id.to_owned(),
            title: format!("{prefix}{title}"),
            points: group
                .iter()
                .filter_map(|(r, _)| {
                    let date = r.created.get(..10).unwrap_or(&r.created).to_owned();
                    r.theme(id).map(|t| (date, t.score))
                })
                .collect(),
            target: latest.theme(id).map(|t| t.target),
        })
        .collect()
}

/// The charts of every series as one SVG; with several series, each chart's
/// title says whose it is.
fn svg(
    groups: &[Vec<(&Report, Extras)>],
    only: Option<&str>,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let several = groups.len() > 1;
    let charts: Vec<svg::Line> = groups
        .iter()
        .flat_map(|group| {
            let prefix = match group.last() {
                Some((report, _)) if several => format!("{}: ", report.who()),
                _ => String::new(),
            };
            line_charts(group, only, &prefix)
        })
        .collect();
    writeln!(out, "{}", svg::line_grid(&charts, 3, "Scores over time"))
}

/// A page per series: the line charts, then the table of reports.
fn html(
    groups: &[Vec<(&Report, Extras)>],
    only: Option<&str>,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    use crate::html::{self, Cell, escape};
    let mut body = String::from("<header><h1>History</h1>\n");
    body.push_str(
        "<p class=\"sub\">Each chart is one theme: the score in each report (solid line, round markers) \
         against the latest target (dashed line).</p></header>\n",
    );
    if groups.is_empty() {
        body.push_str("<p>No saved reports yet.</p>\n");
    }
    for group in groups {
        let Some((latest, _)) = group.last() else {
            continue;
        };
        let reports = if group.len() == 1 {
            "report"
        } else {
            "reports"
        };
        body.push_str(&format!(
            "<h2>{} · {} · {} {reports}</h2>\n",
            escape(&latest.questionnaire.title),
            escape(&latest.who()),
            group.len()
        ));
        let charts = line_charts(group, only, "");
        body.push_str(&format!(
            "<figure>{}</figure>\n",
            svg::line_grid(&charts, 3, &latest.who())
        ));

        // Themes down, reports across, as in the terminal: a page stays
        // narrow however many themes there are.
        let ids: Vec<(&str, &str)> = theme_ids(group)
            .into_iter()
            .filter(|(id, _)| only.is_none_or(|o| o == *id))
            .collect();
        let dates: Vec<String> = group
            .iter()
            .map(|(r, _)| r.created.get(..10).unwrap_or(&r.created).to_owned())
            .collect();
        let mut header: Vec<(&str, bool)> = vec![("", false)];
        header.extend(dates.iter().map(|d| (d.as_str(), true)));
        let mut rows: Vec<Vec<Cell>> = Vec::new();
        let mut row = vec![Cell::text("Version")];
        row.extend(
            group
                .iter()
                .map(|(r, _)| Cell::number(&r.questionnaire.version)),
        );
        rows.push(row);
        let mut row = vec![Cell::text("Overall")];
        row.extend(group.iter().map(|(report, extras)| {
            Cell::number(&match (
                report.overall,
                extras.trend.previous.as_ref().and_then(|p| p.change),
            ) {
                (Some(o), Some(change)) => {
                    format!("{} {}", whole(o), history::shown_change(o, change))
                }
                (Some(o), None) => whole(o),
                (None, _) => "—".to_owned(),
            })
        }));
        rows.push(row);
        for (id, title) in &ids {
            let mut row = vec![Cell::text(title)];
            row.extend(
                group
                    .iter()
                    .map(|(report, extras)| Cell::number(&cell(report, &extras.trend, id))),
            );
            rows.push(row);
        }
        if group.iter().any(|(_, e)| !e.plan.made.is_empty()) {
            let mut row = vec![Cell::text("Plan")];
            row.extend(group.iter().map(|(_, extras)| {
                let made = &extras.plan.made;
                let done = made
                    .iter()
                    .filter(|a| a.status == crate::plan::Status::Done)
                    .count();
                Cell::number(&if made.is_empty() {
                    String::new()
                } else {
                    format!("{done} of {} done", made.len())
                })
            }));
            rows.push(row);
        }
        body.push_str("<div style=\"overflow-x:auto\">\n");
        body.push_str(&html::table(&header, &rows));
        body.push_str("</div>\n");
        if group.iter().any(|(_, e)| {
            e.trend
                .themes
                .iter()
                .any(|t| t.change == Change::QuestionsChanged)
        }) {
            body.push_str(&format!(
                "<p class=\"footnote\">{}</p>\n",
                escape(report::NOT_COMPARABLE_NOTE)
            ));
        }
    }
    out.write_all(html::page("leadgap history", &body).as_bytes())
}
