//! `leadgap history`: saved reports oldest first, per series, with the
//! change per theme and a trend line.
//!
//! A folder is read once, each summary set aside on a [`Spool`] as it comes
//! and only its series remembered; then each series is taken back, worked
//! out and written before the next, so that memory holds one series rather
//! than the whole folder.

use crate::render;
use crate::render::Format;
use clap::Args;
use std::collections::HashMap;
use std::io::Write;
use std::path::PathBuf;
use std::sync::Arc;

use crate::Config;

use crate::error::{Error, Result, exit, with_suggestion};
use crate::render::{Extras, history::Writer};
use crate::report::Report;
use crate::spool::{self, Spool};
use crate::store::Loaded;
use crate::trend;

/// `leadgap history`
#[derive(Debug, Args)]
pub struct HistoryArgs {
    /// Read reports from this folder instead of the data directory
    #[arg(long, value_name = "DIR")]
    pub from: Option<PathBuf>,

    /// Show one theme's trend in detail
    #[arg(long, value_name = "ID")]
    pub theme: Option<String>,

    /// How to print the history
    #[arg(short, long, default_value = "table", value_parser = crate::commands::formats(render::history::FORMATS))]
    pub format: Format,

    #[command(flatten)]
    pub output: super::Output,

    #[command(flatten)]
    pub norms: super::NormsFile,
}

/// The reports of a folder, set aside series by series.
struct Spooled {
    spool: Spool,
    /// Per series (in the order of their first report), its summaries'
    /// numbers on the spool.
    series: Vec<Vec<usize>>,
    /// Every theme id seen, in the order first seen.
    themes: Vec<String>,
}

/// Runs `leadgap history`.
pub fn run(config: &Config, args: HistoryArgs, out: &mut dyn Write) -> Result<u8> {
    let dir = match &args.from {
        Some(dir) if !dir.is_dir() => {
            return Err(Error::user(format!(
                "`{}` is not a folder of reports",
                dir.display()
            )));
        }
        Some(dir) => dir.clone(),
        None => config.data_dir()?.reports(),
    };
    let norms = args.norms.load()?.map(Arc::new);
    let mut spooled = spool(config, &dir)?;
    if let Some(theme) = &args.theme {
        check_theme(theme, &spooled.themes)?;
    }
    let plan = config.load_plan();
    let today = config.today()?;
    let mut writer = Writer::new(
        args.format,
        config.look(),
        args.theme.as_deref(),
        &dir,
        spooled.series.len(),
        out,
    )
    .map_err(Error::stdout)?;
    for numbers in &spooled.series {
        let mut reports = Vec::with_capacity(numbers.len());
        for &number in numbers {
            reports.push(take(&mut spooled.spool, number)?);
        }
        reports.sort_by(trend::chronological);
        let all: Vec<&Report> = reports.iter().collect();
        let trends = trend::trends(&all);
        let group: Vec<(&Report, Extras)> = all
            .iter()
            .zip(trends)
            .enumerate()
            .map(|(index, (report, trend))| {
                let previous = index.checked_sub(1).map(|i| all[i]);
                let mut extras = Extras::with_trend(report, trend, previous, plan.as_ref(), today);
                extras.norms = norms.clone();
                (*report, extras)
            })
            .collect();
        writer.series(&group).map_err(Error::stdout)?;
    }
    writer.finish().map_err(Error::stdout)?;
    Ok(exit::SUCCESS)
}

/// Reads the reports of `dir`, setting each summary aside and noting its
/// series and themes.
fn spool(config: &Config, dir: &std::path::Path) -> Result<Spooled> {
    let mut spooled = Spooled {
        spool: Spool::new(spool::IN_MEMORY),
        series: Vec::new(),
        themes: Vec::new(),
    };
    type Key = (String, Option<String>, String);
    let mut index: HashMap<Key, usize> = HashMap::new();
    let mut failed = None;
    config.visit_reports(dir, &mut |Loaded { report, json, .. }| {
        for theme in &report.themes {
            if !spooled.themes.contains(&theme.id) {
                spooled.themes.push(theme.id.clone());
            }
        }
        // From the cache, the summary's JSON as it was cached.
        let bytes = match json.map_or_else(
            || serde_json::to_vec(&report),
            |j| Ok(j.into_boxed_bytes().into_vec()),
        ) {
            Ok(bytes) => bytes,
            Err(error) => {
                failed.get_or_insert(error);
                return;
            }
        };
        let (questionnaire, respondent, rater) = trend::series_key(&report);
        let key = (
            questionnaire.into(),
            respondent.map(str::to_owned),
            rater.into(),
        );
        let next = spooled.series.len();
        let at = *index.entry(key).or_insert(next);
        if at == next {
            spooled.series.push(Vec::new());
        }
        let number = spooled.spool.put(bytes);
        spooled.series[at].push(number);
    })?;
    match failed {
        Some(error) => Err(Error::user(format!(
            "cannot set a report's summary aside: {error}"
        ))),
        None => Ok(spooled),
    }
}

/// Takes summary `number` back off the spool.
fn take(spool: &mut Spool, number: usize) -> Result<Report> {
    let bytes = spool
        .get(number)
        .map_err(|error| Error::io("read back", "a summary set aside", error))?;
    serde_json::from_slice(&bytes)
        .map_err(|error| Error::user(format!("cannot read back a summary set aside: {error}")))
}

/// An unknown `--theme` is an error that lists the themes there are.
fn check_theme(theme: &str, known: &[String]) -> Result<()> {
    if known.is_empty() || known.iter().any(|k| k == theme) {
        return Ok(());
    }
    Err(Error::user_with_help(
        with_suggestion(
            format!("no report has a theme `{theme}`"),
            theme,
            known.iter().map(String::as_str),
        ),
        format!("the themes are: {}", known.join(", ")),
    ))
}
