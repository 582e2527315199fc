//! `compare` in each of its formats: the same person seen by two raters,
//! with blind spots and hidden strengths, and a radar of both views.

use std::io::Write;

use comfy_table::CellAlignment;

mod answers;

use super::svg::{self, Radar, Series, Style};
use super::text::{date_of, whole};
use super::{Format, Look, listing_table, write_json};
use crate::comparison::{self, Comparison, Flag, Status};
use crate::output::{clean_line, paint, styles};
use crate::report::SELF_RATER;

/// The formats of `compare`.
pub const FORMATS: &[Format] = &[
    Format::Table,
    Format::Markdown,
    Format::Json,
    Format::Html,
    Format::Svg,
];

/// Writes `comparison` in `format`.
pub fn render(
    comparison: &Comparison,
    format: Format,
    look: Look,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    match format {
        Format::Json => write_json(out, comparison),
        Format::Table => table(look, comparison, out),
        Format::Markdown => markdown(comparison, out),
        Format::Svg => writeln!(
            out,
            "{}",
            svg::radar(&radar(comparison), &heading(comparison))
        ),
        Format::Html => html(comparison, out),
        Format::Csv | Format::Ics | Format::Toml => Err(super::unsupported("compare", format)),
    }
}

/// The column name of a rater: "Self" for a self-assessment.
pub(super) fn rater_label(rater: &str) -> String {
    if rater == SELF_RATER {
        "Self".to_owned()
    } else if rater == crate::report::TEAM_RATER {
        "Team".to_owned()
    } else {
        clean_line(rater).into_owned()
    }
}

fn score(value: Option<f64>) -> String {
    value.map_or_else(|| "—".to_owned(), whole)
}

/// "+21.0", "n/c" or "—": self minus other, to one decimal so that the
/// flags (which use the exact difference) can be read off it.
fn difference(theme: &comparison::CompareTheme) -> String {
    match (theme.status, theme.difference) {
        (Status::Comparable, Some(difference)) => {
            let rounded = crate::rounding::one_decimal(difference);
            if rounded > 0.0 {
                format!("+{rounded:.1}")
            } else {
                format!("{rounded:.1}")
            }
        }
        (Status::QuestionsChanged, ..) => "n/c".to_owned(),
        _ => "—".to_owned(),
    }
}

fn heading(comparison: &Comparison) -> String {
    let person = comparison
        .own
        .respondent
        .as_deref()
        .unwrap_or("the respondent");
    format!(
        "{} and {}'s view of {} · {} {}",
        if comparison.own.rater == SELF_RATER {
            "Self-view"
        } else {
            "View"
        },
        comparison.other.rater,
        person,
        comparison.own.questionnaire,
        comparison.own.version
    )
}

/// "Self 2026-09-01 · Morgan 2026-09-10 · targets of profile new-manager":
/// when each view was given, and where the targets come from.
fn dates(comparison: &Comparison) -> String {
    format!(
        "{} {} · {} {} · targets of profile {}",
        rater_label(&comparison.own.rater),
        date_of(&comparison.own.created),
        rater_label(&comparison.other.rater),
        date_of(&comparison.other.created),
        comparison.own.profile
    )
}

/// The flag in words, with the team's spread when it is wider than the gap.
fn flag_words(theme: &comparison::CompareTheme) -> Option<String> {
    let flag = theme.flag?;
    // The spread is in its own column; the legend says what "?" means.
    Some(if theme.spread_wider {
        format!("{}?", flag.words())
    } else {
        flag.words().to_owned()
    })
}

/// Whether the comparison is with a team's view and the self-view has
/// facts and views: then they stand beside the team's score.
fn with_facts(comparison: &Comparison) -> bool {
    let other_form = comparison.own.questionnaire != comparison.other.questionnaire;
    let team =
        comparison.themes.iter().any(|t| t.spread.is_some()) || !comparison.groups.is_empty();
    (team || other_form) && comparison.themes.iter().any(|t| t.facts.is_some())
}

/// The extra columns of a comparison with a team: the self-view's facts
/// and views, the spread, then each group the team report shows. (header,
/// one cell per theme.)
fn team_columns(comparison: &Comparison) -> Vec<(String, Vec<String>)> {
    let mut columns = Vec::new();
    // Against a team's view: the self-view's facts and views beside it, so
    // that what happened, what the manager says and what the team sees
    // stand side by side.
    if with_facts(comparison) {
        columns.push((
            "Facts/views".to_owned(),
            comparison
                .themes
                .iter()
                .map(|t| format!("{}/{}", score(t.facts), score(t.views)))
                .collect(),
        ));
    }
    if comparison.themes.iter().any(|t| t.spread.is_some()) {
        columns.push((
            "Spread".to_owned(),
            comparison
                .themes
                .iter()
                .map(|t| {
                    t.spread
                        .map_or_else(String::new, |s| format!("±{}", whole(s)))
                })
                .collect(),
        ));
    }
    for group in &comparison.groups {
        columns.push((
            crate::render::gap::group_label(&group.id),
            group.scores.iter().map(|s| score(*s)).collect(),
        ));
    }
    columns
}

fn legend(comparison: &Comparison) -> String {
    let other = clean_line(&comparison.other.rater).into_owned();
    let t = whole(comparison.threshold);
    let mut legend = format!(
        "blind spot: the self-view is at least {t} points above {other}'s; \
         hidden strength: {other}'s view is at least {t} points above the self-view."
    );
    if comparison
        .themes
        .iter()
        .any(|t| t.spread_wider && t.flag.is_some())
    {
        legend.push_str(
            " A flag with \"?\": the team's spread is wider than the gap, so the team disagrees \
             more than it disagrees with you.",
        );
    }
    if with_facts(comparison) {
        legend.push_str(
            " Facts/views: the self-view's two parts, what happened and how you rate yourself.",
        );
    }
    legend
}

fn table(look: Look, comparison: &Comparison, out: &mut dyn Write) -> std::io::Result<()> {
    let color = look.color;
    writeln!(
        out,
        "{}",
        paint(color, styles::HEADING, &clean_line(&heading(comparison)))
    )?;
    writeln!(
        out,
        "{}",
        paint(color, styles::DIM, &clean_line(&dates(comparison)))
    )?;
    writeln!(out)?;
    let mut table = listing_table(look);
    let extra = team_columns(comparison);
    let mut header = vec![
        "Theme".to_owned(),
        rater_label(&comparison.own.rater),
        rater_label(&comparison.other.rater),
        "Difference".to_owned(),
        "Target".to_owned(),
    ];
    header.extend(extra.iter().map(|(h, _)| h.clone()));
    header.push(String::new());
    let numbers = header.len() - 2;
    table.set_header(header);
    let mut overall = vec![
        "Overall".to_owned(),
        score(comparison.own_overall),
        score(comparison.other_overall),
    ];
    overall.resize(numbers + 2, String::new());
    table.add_row(overall);
    for (index, theme) in comparison.themes.iter().enumerate() {
        let flag = match (flag_words(theme), theme.status) {
            (Some(words), _) => paint(
                color,
                if theme.flag == Some(Flag::BlindSpot) {
                    styles::FAR
                } else {
                    styles::GOOD
                },
                &words,
            ),
            (None, Status::QuestionsChanged) => "not comparable: questions changed".to_owned(),
            _ => String::new(),
        };
        let mut row = vec![
            clean_line(&theme.title).into_owned(),
            score(theme.own),
            score(theme.other),
            difference(theme),
            score(theme.target),
        ];
        row.extend(extra.iter().map(|(_, cells)| cells[index].clone()));
        row.push(flag);
        table.add_row(row);
    }
    for index in 1..=numbers {
        if let Some(column) = table.column_mut(index) {
            column.set_cell_alignment(CellAlignment::Right);
        }
    }
    for line in table.lines() {
        writeln!(out, "{}", line.trim_end())?;
    }
    writeln!(out)?;
    writeln!(out, "{}", legend(comparison))?;
    answers::table(look, comparison, out)?;
    Ok(())
}

fn markdown(comparison: &Comparison, out: &mut dyn Write) -> std::io::Result<()> {
    let cell = super::markdown::inline;
    writeln!(out, "# {}", cell(&heading(comparison)))?;
    writeln!(out)?;
    writeln!(out, "{}", cell(&dates(comparison)))?;
    writeln!(out)?;
    let extra = team_columns(comparison);
    let extra_header: String = extra
        .iter()
        .map(|(h, _)| format!(" {} |", cell(h)))
        .collect();
    writeln!(
        out,
        "| Theme | {} | {} | Difference | Target |{extra_header} |",
        cell(&rater_label(&comparison.own.rater)),
        cell(&rater_label(&comparison.other.rater))
    )?;
    writeln!(
        out,
        "|---|--:|--:|--:|--:|{}---|",
        "--:|".repeat(extra.len())
    )?;
    writeln!(
        out,
        "| Overall | {} | {} | | |{} |",
        score(comparison.own_overall),
        score(comparison.other_overall),
        " |".repeat(extra.len())
    )?;
    for (index, theme) in comparison.themes.iter().enumerate() {
        let flag = match (flag_words(theme), theme.status) {
            (Some(words), _) => format!("**{}**", cell(&words)),
            (None, Status::QuestionsChanged) => "not comparable: questions changed".to_owned(),
            _ => String::new(),
        };
        let extra_cells: String = extra
            .iter()
            .map(|(_, cells)| format!(" {} |", cells[index]))
            .collect();
        writeln!(
            out,
            "| {} | {} | {} | {} | {} |{extra_cells} {flag} |",
            cell(&theme.title),
            score(theme.own),
            score(theme.other),
            difference(theme),
            score(theme.target)
        )?;
    }
    writeln!(out)?;
    writeln!(out, "_{}_", cell(&legend(comparison)))?;
    answers::markdown(comparison, out)?;
    Ok(())
}

/// The radar of a comparison: the self-view (solid, hatched) and the other
/// view (dotted) per theme, with flagged themes marked in words.
fn radar(comparison: &Comparison) -> Radar {
    let own = rater_label(&comparison.own.rater);
    let other = rater_label(&comparison.other.rater);
    Radar {
        ids: comparison.themes.iter().map(|t| t.id.clone()).collect(),
        labels: comparison.themes.iter().map(|t| t.title.clone()).collect(),
        details: comparison
            .themes
            .iter()
            .map(|t| {
                format!(
                    "{own} {} · {other} {}\ntarget {}",
                    score(t.own),
                    score(t.other),
                    score(t.target)
                )
            })
            .collect(),
        marks: comparison
            .themes
            .iter()
            .map(|t| match t.flag {
                Some(Flag::BlindSpot) => Some("▲ blind spot".to_owned()),
                Some(Flag::HiddenStrength) => Some("▼ hidden strength".to_owned()),
                None => None,
            })
            .collect(),
        series: vec![
            Series {
                name: own.clone(),
                style: Style::Score,
                values: comparison.themes.iter().map(|t| t.own).collect(),
            },
            Series {
                name: other.clone(),
                style: Style::Other,
                values: comparison.themes.iter().map(|t| t.other).collect(),
            },
            Series {
                name: "Target".to_owned(),
                style: Style::Target,
                values: comparison.themes.iter().map(|t| t.target).collect(),
            },
        ],
        band: None,
    }
}

fn html(comparison: &Comparison, out: &mut dyn Write) -> std::io::Result<()> {
    use super::page::{self, Cell, escape};
    let mut body = format!(
        "<header><h1>{}</h1>\n<p class=\"sub\">{}</p></header>\n",
        escape(&heading(comparison)),
        escape(&dates(comparison))
    );
    let caption = format!(
        "{} (solid line, hatched, round markers) against {} (dotted line, triangles), \
         with the targets (dashed line, squares). \
         Flagged themes are marked ▲ blind spot or ▼ hidden strength.",
        escape(&rater_label(&comparison.own.rater)),
        escape(&rater_label(&comparison.other.rater)),
    );
    body.push_str(&page::radar_figure(
        &radar(comparison),
        &heading(comparison),
        &caption,
    ));
    let own = rater_label(&comparison.own.rater);
    let other = rater_label(&comparison.other.rater);
    let extra = team_columns(comparison);
    let mut header = vec![
        ("Theme", false),
        (own.as_str(), true),
        (other.as_str(), true),
        ("Difference", true),
        ("Target", true),
    ];
    header.extend(extra.iter().map(|(h, _)| (h.as_str(), true)));
    header.push(("", false));
    let mut overall = vec![
        Cell::text("Overall"),
        Cell::number(&score(comparison.own_overall)),
        Cell::number(&score(comparison.other_overall)),
        Cell::number(""),
        Cell::number(""),
    ];
    overall.extend(extra.iter().map(|_| Cell::number("")));
    overall.push(Cell::text(""));
    let mut rows = vec![overall];
    for (index, theme) in comparison.themes.iter().enumerate() {
        let flag = match (flag_words(theme), theme.status) {
            (Some(words), _) => Cell {
                html: format!("<span class=\"flag\">{}</span>", escape(&words)),
                numeric: false,
            },
            (None, Status::QuestionsChanged) => Cell::text("not comparable: questions changed"),
            _ => Cell::text(""),
        };
        let mut row = vec![
            Cell::text(&theme.title),
            Cell::number(&score(theme.own)),
            Cell::number(&score(theme.other)),
            Cell::number(&difference(theme)),
            Cell::number(&score(theme.target)),
        ];
        row.extend(extra.iter().map(|(_, cells)| Cell::number(&cells[index])));
        row.push(flag);
        rows.push(row);
    }
    body.push_str(&page::table(&header, &rows));
    body.push_str(&format!(
        "<p class=\"footnote\">{}</p>\n",
        escape(&legend(comparison))
    ));
    body.push_str(&answers::html(comparison));
    out.write_all(page::page(&heading(comparison), &body).as_bytes())
}
