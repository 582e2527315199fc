//! The command line as typed: clap definitions only. Doc comments here are
//! the help text.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

use crate::output::ColorChoice;
use crate::report::Format;

/// See where you stand as a new IT manager: answer a questionnaire, get a
/// gap report against the targets for your role, and follow it over time.
#[derive(Debug, Parser)]
#[command(name = "leadgap", version, max_term_width = 100)]
#[command(after_help = "Examples:
  leadgap assess                                   answer in the terminal
  leadgap template > answers.toml                  an answer file to fill in
  leadgap assess --answers answers.toml --format json
  leadgap show latest --format markdown            the last report, for a 1:1")]
pub struct Cli {
    /// Where reports are kept [default: the per-user data folder, e.g. ~/.local/share/leadgap]
    #[arg(long, global = true, env = "LEADGAP_DATA_DIR", value_name = "DIR")]
    pub data_dir: Option<PathBuf>,

    /// When to use color (`auto` also honours NO_COLOR)
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    pub color: ColorChoice,

    /// What to do
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Answer a questionnaire and print the gap report (saved to history)
    #[command(after_help = "Examples:
  leadgap assess                       answer in the terminal (esc goes back, Ctrl-C pauses)
  leadgap assess --resume              continue where you stopped
  leadgap assess --answers answers.toml
  leadgap assess --answers - --format json --no-save < answers.toml
  leadgap assess --answers answers.toml --profile director --fail-under 60")]
    Assess(AssessArgs),

    /// Print a commented answer file to fill in for scripted runs
    #[command(after_help = "Example:\n  leadgap template > answers.toml")]
    Template(TemplateArgs),

    /// Check questionnaire, rubric, answer and report files; list every problem
    #[command(after_help = "Example:\n  leadgap check questionnaires/it-manager.toml answers.toml")]
    Check(CheckArgs),

    /// List the questionnaires available (built-in and installed)
    #[command(after_help = "Example:\n  leadgap list --format json")]
    List(ListArgs),

    /// Print a saved report again, with its history
    #[command(after_help = "Examples:
  leadgap show
  leadgap show 2026-11-22T13-05-01Z --format markdown
  leadgap show ./report-from-alex.toml")]
    Show(ShowArgs),

    /// List saved reports, oldest first, with scores and the change per theme
    #[command(after_help = "Examples:
  leadgap history
  leadgap history --theme delegation
  leadgap history --from ./alex-reports --format csv > alex.csv")]
    History(HistoryArgs),

    /// Compare two reports theme by theme (progress over time)
    #[command(after_help = "Examples:
  leadgap diff latest                       the latest report against the one before
  leadgap diff 2026-05-01T09-00-00Z latest")]
    Diff(DiffArgs),

    /// Compare a self-assessment with another rater's view of the same person
    #[command(after_help = "Example:
  leadgap compare alex-self.toml alex-by-mentor.toml --threshold 15")]
    Compare(CompareArgs),

    /// Add a reviewer's note on one theme to a saved report
    #[command(after_help = "Example:
  leadgap note latest --theme delegation --author Morgan \"Pick one outage runbook to hand over.\"")]
    Note(NoteArgs),

    /// List your action plan, or add, finish, drop and edit actions
    #[command(after_help = "Examples:
  leadgap plan
  leadgap plan add --theme delegation --due +4w \"Hand the on-call runbook to Lee\"
  leadgap plan done 3 --note \"Lee ran the last two incidents\"")]
    Plan(PlanArgs),

    /// Print shell completions for leadgap
    #[command(after_help = "Example:
  leadgap completions bash > ~/.local/share/bash-completion/completions/leadgap")]
    Completions(CompletionsArgs),

    /// Print the man page (roff) for leadgap
    #[command(after_help = "Example:
  leadgap man > ~/.local/share/man/man1/leadgap.1")]
    Man,

    /// Aggregate the latest self-report of each person in one or more folders
    #[command(after_help = "Example:
  leadgap cohort ./cohort-2026 --anonymous")]
    Cohort(CohortArgs),
}

impl Command {
    /// The file the command writes to instead of standard output, if any.
    pub fn output(&self) -> Option<&std::path::Path> {
        let output = match self {
            Command::Assess(args) => &args.output,
            Command::Template(args) => &args.output,
            Command::Show(args) => &args.output,
            Command::History(args) => &args.output,
            Command::Diff(args) => &args.output,
            Command::Compare(args) => &args.output,
            Command::Cohort(args) => &args.output,
            Command::Plan(args) => &args.output,
            Command::Check(_)
            | Command::List(_)
            | Command::Note(_)
            | Command::Completions(_)
            | Command::Man => return None,
        };
        output.as_deref()
    }
}

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

    /// Count questions missing from the answer file as skipped instead of an error
    #[arg(long, requires = "answers")]
    pub allow_partial: bool,

    /// How to print the report
    #[arg(short, long, value_enum, default_value_t = Format::Table)]
    pub format: Format,

    /// Do not save the report to history
    #[arg(long)]
    pub no_save: bool,

    /// Exit with status 3 when the overall score is below SCORE (0-100)
    #[arg(long, value_name = "SCORE", value_parser = parse_score)]
    pub fail_under: Option<f64>,

    /// Who answered: `self`, or the name of someone rating the subject [default: the answer file's, else self]
    #[arg(long, value_name = "NAME")]
    pub rater: Option<String>,

    /// Whom the answers are about [default: the answer file's respondent]
    #[arg(long, value_name = "NAME")]
    pub subject: Option<String>,

    /// Write the report to this file (atomically) instead of standard output
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Continue the unfinished interactive run at its first unanswered question
    #[arg(long, conflicts_with = "answers")]
    pub resume: bool,

    /// Ask for an optional note to your mentor after each theme
    #[arg(long, conflicts_with = "answers")]
    pub notes: bool,

    /// Do not ask for an example when a statement gets its strongest answer
    #[arg(long, conflicts_with = "answers")]
    pub no_evidence: bool,
}

/// `leadgap template`
#[derive(Debug, Args)]
pub struct TemplateArgs {
    /// The questionnaire: a built-in or installed name, or a file path
    #[arg(short, long, value_name = "NAME|PATH", default_value = crate::catalog::DEFAULT_QUESTIONNAIRE)]
    pub questionnaire: String,

    /// Write the template to this file (atomically) instead of standard output
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// `leadgap check`
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Files to check: questionnaires, rubrics, answer files, saved reports
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,

    /// Check rubrics and answer files against this questionnaire [default: the one each file names]
    #[arg(short, long, value_name = "NAME|PATH")]
    pub questionnaire: Option<String>,

    /// Accept answer files with missing answers (as `assess --allow-partial` would)
    #[arg(long)]
    pub allow_partial: bool,
}

/// `leadgap list`
#[derive(Debug, Args)]
pub struct ListArgs {
    /// How to print the list
    #[arg(short, long, value_enum, default_value_t = ListFormat::Table)]
    pub format: ListFormat,
}

/// Output formats of `list`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum ListFormat {
    /// A table for the terminal
    Table,
    /// JSON, for scripts
    Json,
}

/// `leadgap show`
#[derive(Debug, Args)]
pub struct ShowArgs {
    /// A report id, `latest`, or the path of a report file
    #[arg(default_value = "latest", value_name = "ID|latest|PATH")]
    pub report: String,

    /// How to print the report
    #[arg(short, long, value_enum, default_value_t = Format::Table)]
    pub format: Format,

    /// Write to this file (atomically) instead of standard output
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

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
    #[arg(short, long, value_enum, default_value_t = HistoryFormat::Table)]
    pub format: HistoryFormat,

    /// Write to this file (atomically) instead of standard output
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// Output formats of `history`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum HistoryFormat {
    /// A table for the terminal
    Table,
    /// JSON, for scripts
    Json,
    /// CSV, one row per report and theme, for spreadsheets
    Csv,
    /// A self-contained HTML page with a line chart per theme
    Html,
    /// The line charts alone, as SVG
    Svg,
}

/// Output formats of listings (`history`, `cohort`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum ListingFormat {
    /// A table for the terminal
    Table,
    /// JSON, for scripts
    Json,
    /// CSV, one row per report and theme, for spreadsheets
    Csv,
}

/// `leadgap diff`
#[derive(Debug, Args)]
pub struct DiffArgs {
    /// The earlier report (id, `latest` or path); alone, it is compared with the report before it
    #[arg(value_name = "A")]
    pub first: String,

    /// The later report (id, `latest` or path)
    #[arg(value_name = "B")]
    pub second: Option<String>,

    /// How to print the comparison
    #[arg(short, long, value_enum, default_value_t = DiffFormat::Table)]
    pub format: DiffFormat,

    /// Write to this file (atomically) instead of standard output
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// Output formats of `diff`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum DiffFormat {
    /// A table for the terminal
    Table,
    /// Markdown, to paste into a 1:1 document
    Markdown,
    /// JSON, for scripts
    Json,
}

/// `leadgap compare`
#[derive(Debug, Args)]
pub struct CompareArgs {
    /// The self-assessment (id, `latest` or path)
    #[arg(value_name = "SELF")]
    pub own: String,

    /// The other rater's report about the same person (id, `latest` or path)
    #[arg(value_name = "OTHER")]
    pub other: String,

    /// Flag themes where the two views differ by at least this many points
    #[arg(long, value_name = "POINTS", default_value_t = 15.0, value_parser = parse_score)]
    pub threshold: f64,

    /// Compare even if the reports name different respondents
    #[arg(long)]
    pub force: bool,

    /// How to print the comparison
    #[arg(short, long, value_enum, default_value_t = Format::Table)]
    pub format: Format,

    /// Write to this file (atomically) instead of standard output
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// `leadgap note`
#[derive(Debug, Args)]
pub struct NoteArgs {
    /// The report to annotate (id, `latest` or path)
    #[arg(value_name = "REPORT")]
    pub report: String,

    /// The theme the note is about
    #[arg(long, value_name = "ID")]
    pub theme: String,

    /// Who writes the note
    #[arg(long, value_name = "NAME")]
    pub author: String,

    /// The note
    #[arg(value_name = "TEXT")]
    pub text: String,
}

/// `leadgap plan`
#[derive(Debug, Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct PlanArgs {
    /// What to do with the plan [default: list the open actions]
    #[command(subcommand)]
    pub command: Option<PlanCommand>,

    /// List every action, done and dropped ones too
    #[arg(long)]
    pub all: bool,

    /// How to print the list
    #[arg(short, long, value_enum, default_value_t = PlanFormat::Table)]
    pub format: PlanFormat,

    /// Write the list to this file (atomically) instead of standard output
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// Output formats of `plan`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum PlanFormat {
    /// A table for the terminal
    Table,
    /// JSON, for scripts
    Json,
    /// A Markdown checklist, for a 1:1 document
    Markdown,
}

/// `leadgap plan …`
#[derive(Debug, Subcommand)]
pub enum PlanCommand {
    /// Commit to a new action
    Add {
        /// The theme it works on
        #[arg(long, value_name = "ID")]
        theme: String,

        /// When it is due: a date (2027-01-15) or from today (+10d, +6w, +2m)
        #[arg(long, value_name = "DATE", default_value = "+30d")]
        due: String,

        /// What you will do
        #[arg(value_name = "TEXT")]
        text: String,
    },
    /// Mark an action done
    Done {
        /// The action's number (see `leadgap plan`)
        #[arg(value_name = "N")]
        number: u32,

        /// How it went
        #[arg(long, value_name = "TEXT")]
        note: Option<String>,
    },
    /// Drop an action you will not do
    Drop {
        /// The action's number (see `leadgap plan`)
        #[arg(value_name = "N")]
        number: u32,

        /// Why
        #[arg(long, value_name = "TEXT")]
        note: Option<String>,
    },
    /// Change an action's text, due date or theme
    Edit {
        /// The action's number (see `leadgap plan`)
        #[arg(value_name = "N")]
        number: u32,

        /// The new text
        #[arg(long, value_name = "TEXT")]
        text: Option<String>,

        /// The new due date: a date (2027-01-15) or from today (+10d, +6w, +2m)
        #[arg(long, value_name = "DATE")]
        due: Option<String>,

        /// The new theme
        #[arg(long, value_name = "ID")]
        theme: Option<String>,
    },
}

/// `leadgap completions`
#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to complete for
    #[arg(value_enum, value_name = "SHELL")]
    pub shell: clap_complete::Shell,
}

/// `leadgap cohort`
#[derive(Debug, Args)]
pub struct CohortArgs {
    /// Folders of report files (each person's latest self-assessment counts)
    #[arg(required = true, value_name = "DIR")]
    pub folders: Vec<PathBuf>,

    /// Replace names with "Person 1", "Person 2"… and hide groups of fewer than 3 people
    #[arg(long)]
    pub anonymous: bool,

    /// How to print the cohort
    #[arg(short, long, value_enum, default_value_t = ListingFormat::Table)]
    pub format: ListingFormat,

    /// Write to this file (atomically) instead of standard output
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// A score from 0 to 100.
fn parse_score(text: &str) -> Result<f64, String> {
    match text.parse::<f64>() {
        Ok(value) if (0.0..=100.0).contains(&value) => Ok(value),
        _ => Err(format!("expected a score from 0 to 100, found `{text}`")),
    }
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    #[test]
    fn the_command_line_is_consistent() {
        super::Cli::command().debug_assert();
    }
}
