//! `leadgap history`: saved reports oldest first, per series, with the
//! change per theme and a trend line.

use std::io::Write;
use std::sync::Arc;

use crate::Context;
use crate::cli::HistoryArgs;
use crate::error::{Error, Result, exit, with_suggestion};
use crate::norms::Norms;
use crate::render::{self, Extras};
use crate::report::Report;
use crate::store::Loaded;
use crate::trend;

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
    let norms = args
        .norms
        .as_deref()
        .map(Norms::read)
        .transpose()?
        .map(Arc::new);
    let reports = context.load_reports(&dir)?;
    if let Some(theme) = &args.theme {
        check_theme(theme, &reports)?;
    }
    let plan = context.load_plan();
    let today = context.today()?;
    let groups: Vec<render::history::Series> = trend::series(&reports, |l| &l.report)
        .into_iter()
        .map(|group| {
            let all: Vec<&Report> = group.iter().map(|l| &l.report).collect();
            let trends = trend::trends(&all);
            all.iter()
                .zip(trends)
                .enumerate()
                .map(|(index, (report, trend))| {
                    let previous = index.checked_sub(1).map(|i| all[i]);
                    let mut extras =
                        Extras::with_trend(report, trend, previous, plan.as_ref(), today);
                    extras.norms = norms.clone();
                    (*report, extras)
                })
                .collect()
        })
        .collect();
    render::history::render(
        &groups,
        &dir,
        args.theme.as_deref(),
        args.format,
        context.look(),
        out,
    )
    .map_err(Error::stdout)?;
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
