//! `leadgap cohort`: the latest self-assessment of each person in one or
//! more folders, per theme and as a people × themes grid; or how each
//! theme's questions hang together (`--items`); or who is due (`--roster`).

use clap::Args;
use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::Config;

use crate::cohort::{self, latest_self};
use crate::error::{Error, Result, exit};
use crate::programme::norms::Norms;
use crate::programme::reliability::Collector;
use crate::programme::roster::{self, Every};
use crate::render::{self, Format};
use crate::report::SELF_RATER;
use crate::source::Source;
use crate::store::{Loaded, load_report};
use crate::trend::chronological;

/// `leadgap cohort`
#[derive(Debug, Args)]
pub struct CohortArgs {
    /// Folders of report files (each person's latest self-assessment counts)
    #[arg(required = true, value_name = "DIR")]
    pub folders: Vec<PathBuf>,

    /// Replace names with "Person 1", "Person 2"… and hide groups of fewer than 3 people
    #[arg(long)]
    pub anonymous: bool,

    /// Per theme, whether its questions hang together: Cronbach's alpha, and per question
    /// its mean, spread, item-rest correlation and alpha if dropped
    #[arg(long, conflicts_with_all = ["anonymous", "roster"])]
    pub items: bool,

    /// Who is due: everyone on this list (one name a line) without a self-assessment
    /// within --every; exit code 3 when anyone is
    #[arg(
        long,
        value_name = "FILE",
        requires = "every",
        conflicts_with = "anonymous"
    )]
    pub roster: Option<PathBuf>,

    /// How often people re-assess, for --roster: days, weeks or months (90d, 13w, 3m)
    #[arg(long, value_name = "DURATION", requires = "roster")]
    pub every: Option<String>,

    /// A norms file (`leadgap norms`): the page shows each theme's middle half in the norms
    #[arg(long, value_name = "FILE", conflicts_with = "items")]
    pub norms: Option<PathBuf>,

    /// How to print the cohort
    #[arg(short, long, default_value = "table", value_parser = crate::commands::formats(render::cohort::FORMATS))]
    pub format: Format,

    #[command(flatten)]
    pub output: super::Output,
}

/// Runs `leadgap cohort`.
pub fn run(config: &Config, args: CohortArgs, out: &mut dyn Write) -> Result<u8> {
    let norms = args.norms.as_deref().map(Norms::read).transpose()?;
    let loaded = load(config, &args.folders)?;
    let page = matches!(args.format, Format::Html | Format::Markdown);
    if let (Some(roster), Some(every), false) = (&args.roster, &args.every, page) {
        // The page formats show the cohort page with who is due.
        let formats = [render::roster::FORMATS, &[Format::Html, Format::Markdown]].concat();
        super::offered(args.format, "cohort --roster", &formats)?;
        return due(config, &loaded, roster, every, &args, out);
    }
    if args.items {
        super::offered(args.format, "cohort --items", render::reliability::FORMATS)?;
        // One full report at a time: only the running figures are kept.
        let mut collector = Collector::default();
        for latest in latest_self(&loaded, |l| &l.report) {
            collector.add(&load_report(&latest.path)?);
        }
        render::reliability::render(&collector.finish(), args.format, config.look(), out)
            .map_err(Error::stdout)?;
        return Ok(exit::SUCCESS);
    }
    let reports: Vec<_> = loaded.iter().map(|l| &l.report).collect();
    let cohort = cohort::cohort(&reports, args.anonymous);
    // The page shows who is due too, and exits 3 when anyone is, as the
    // roster does on its own.
    let checked = match (&args.roster, &args.every) {
        (Some(roster), Some(every)) => Some(roster_entries(config, &loaded, roster, every)?),
        _ => None,
    };
    let view = render::cohort::View {
        cohort: &cohort,
        norms: norms.as_ref(),
        due: checked
            .as_ref()
            .zip(args.every.as_deref())
            .map(|(roster, every)| render::cohort::Due {
                roster,
                every: every.trim(),
            }),
        made: config.today()?,
    };
    render::cohort::render(&view, args.format, config.look(), out).map_err(Error::stdout)?;
    Ok(match checked {
        Some(roster) if roster.entries.iter().any(|e| e.due) => exit::BELOW_THRESHOLD,
        _ => exit::SUCCESS,
    })
}

/// The latest self-assessment of each named person (per questionnaire) in
/// `folders`, read one summary at a time so that only those are kept, oldest
/// first; with a warning for each self-assessment that names nobody.
pub fn load(config: &Config, folders: &[PathBuf]) -> Result<Vec<Loaded>> {
    let mut latest: HashMap<(String, String), Loaded> = HashMap::new();
    for folder in folders {
        if !folder.is_dir() {
            return Err(Error::user(format!(
                "`{}` is not a folder of reports",
                folder.display()
            )));
        }
        config.visit_reports(folder, &mut |loaded| {
            config.warn_unnamed(&loaded);
            let Some(respondent) = loaded.report.respondent.clone() else {
                return;
            };
            if loaded.report.rater != SELF_RATER {
                return;
            }
            let key = (loaded.report.questionnaire.id.clone(), respondent);
            match latest.get(&key) {
                Some(kept) if chronological(&kept.report, &loaded.report).is_ge() => {}
                _ => {
                    latest.insert(key, loaded);
                }
            }
        })?;
    }
    let mut latest: Vec<Loaded> = latest.into_values().collect();
    latest.sort_by(|a, b| chronological(&a.report, &b.report));
    Ok(latest)
}

/// Everyone on the roster at `roster`, with their latest self-assessment
/// among `loaded` and whether it is older than `every`.
fn roster_entries(
    config: &Config,
    loaded: &[Loaded],
    roster: &Path,
    every: &str,
) -> Result<roster::Roster> {
    let interval = Every::parse(every).map_err(|e| Error::user(format!("--every: {e}")))?;
    let names = roster::names(&Source::read(roster)?.text);
    if names.is_empty() {
        return Err(Error::user_with_help(
            format!("the roster `{}` names nobody", roster.display()),
            "write one name a line, as people give it when they assess",
        ));
    }
    let latest: Vec<_> = latest_self(loaded, |l| &l.report)
        .into_iter()
        .filter_map(|l| Some((l.report.respondent.clone()?, l.report.created.time())))
        .collect();
    Ok(roster::check(&names, &latest, interval, config.today()?))
}

/// `--roster FILE --every DURATION`: exit code 3 when anyone is due.
fn due(
    config: &Config,
    loaded: &[Loaded],
    roster: &Path,
    every: &str,
    args: &CohortArgs,
    out: &mut dyn Write,
) -> Result<u8> {
    let checked = roster_entries(config, loaded, roster, every)?;
    render::roster::render(&checked, every.trim(), args.format, config.look(), out)
        .map_err(Error::stdout)?;
    Ok(if checked.entries.iter().any(|e| e.due) {
        exit::BELOW_THRESHOLD
    } else {
        exit::SUCCESS
    })
}
