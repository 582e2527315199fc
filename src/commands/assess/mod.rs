//! `leadgap assess`: collect answers (from a file, or by asking in the
//! terminal), then score, save, print and judge the gap report.

mod finish;
mod interactive;
mod plan_steps;
mod planned;
mod rating;
mod scripted;
mod start;

use finish::{Finished, finish};

use crate::render;
use crate::render::Format;
use clap::Args;
use std::io::Write;
use std::path::PathBuf;
use std::sync::Arc;

use crate::Config;
use crate::catalog::{self, Found};

use crate::error::Result;
use crate::programme::norms::Norms;
use crate::rubric::{Profile, Rubric};

/// `leadgap assess`
#[derive(Debug, Args)]
pub struct AssessArgs {
    /// The questionnaire: a built-in or installed name, or a file path [default: it-manager, or the answer file's]
    #[arg(short, long, value_name = "NAME|PATH")]
    pub questionnaire: Option<String>,

    /// Score with this rubric instead of the questionnaire's own
    #[arg(short, long, value_name = "PATH")]
    pub rubric: Option<PathBuf>,

    /// Whose targets to compare against, e.g. new-manager or director [default: the rubric's]
    #[arg(short, long, value_name = "NAME")]
    pub profile: Option<String>,

    /// Read the answers from this file instead of asking (`-` reads standard input)
    #[arg(short, long, value_name = "PATH|-")]
    pub answers: Option<String>,

    /// Count questions missing from the answer file as skipped instead of an
    /// error (never a required one: a fact cannot be left out)
    #[arg(long, requires = "answers")]
    pub allow_partial: bool,

    /// Answer the questions it measures with an evidence file of `leadgap evidence --format json`: interactively as the value offered, from an answer file where the file gives none
    #[arg(long, value_name = "FILE", conflicts_with = "about")]
    pub evidence: Option<PathBuf>,

    /// How to print the report
    #[arg(short, long, default_value = "table", value_parser = crate::commands::formats(render::gap::FORMATS))]
    pub format: Format,

    /// Do not save the report to history
    #[arg(long)]
    pub no_save: bool,

    /// Exit with status 3 when the overall score is below SCORE (0-100)
    #[arg(long, value_name = "SCORE", value_parser = crate::commands::parse_score)]
    pub fail_under: Option<f64>,

    /// Who answered: `self`, or the name of someone rating the subject [default: the answer file's, else self]
    #[arg(long, value_name = "NAME")]
    pub rater: Option<String>,

    /// Whom the answers are about [default: the answer file's respondent]
    #[arg(long, value_name = "NAME", conflicts_with = "about")]
    pub subject: Option<String>,

    /// Rate someone else: answer the team form about NAME, in your own voice, as their mentor or manager (`--as`)
    #[arg(long, value_name = "NAME")]
    pub about: Option<String>,

    /// With --about: how you work with them, a group of the team form, e.g. mentor or manager [default: mentor; an answer file says it in its [context]]
    #[arg(
        long = "as",
        value_name = "GROUP",
        requires = "about",
        conflicts_with = "answers"
    )]
    pub as_group: Option<String>,

    #[command(flatten)]
    pub output: crate::commands::Output,

    #[command(flatten)]
    pub norms: crate::commands::NormsFile,

    /// Continue the unfinished interactive run at its first unanswered question
    #[arg(long, conflicts_with = "answers")]
    pub resume: bool,

    /// Ask for an optional note to your mentor after each theme
    #[arg(long, conflicts_with = "answers")]
    pub notes: bool,

    /// Do not ask for an example when a statement gets its strongest answer
    /// (`--no-evidence`, its old name, still works)
    #[arg(long, alias = "no-evidence", conflicts_with = "answers")]
    pub no_examples: bool,
}

/// Runs `leadgap assess`.
pub fn run(config: &Config, args: AssessArgs, out: &mut dyn Write) -> Result<u8> {
    match &args.answers {
        Some(path) => scripted::run(config, &args, path, out),
        None => interactive::run(config, &args, out),
    }
}

/// What a run is scored with: the questionnaire, its rubric and the profile.
/// All three are checked before any question is asked.
struct Setup {
    found: Found,
    rubric: Rubric,
    profile: Profile,
    norms: Option<Arc<Norms>>,
    /// Per question, the value `--evidence` offers for it.
    offers: Vec<Option<crate::questionnaire::Offer>>,
}

impl Setup {
    fn new(found: Found, args: &AssessArgs) -> Result<Setup> {
        let rubric = catalog::rubric(&found, args.rubric.as_deref())?;
        let profile = rubric.profile(args.profile.as_deref())?.clone();
        let norms = args.norms.load()?;
        let offers = match &args.evidence {
            Some(path) => {
                let evidence = crate::evidence::load(path)?;
                crate::evidence::offer::offers(&found.questionnaire, &evidence)
            }
            None => Vec::new(),
        };
        Ok(Setup {
            found,
            rubric,
            profile,
            norms: norms.map(Arc::new),
            offers,
        })
    }
}
