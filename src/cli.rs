//! The command line as typed: `leadgap`'s own options and its list of
//! commands. Each command's arguments are beside its run, in `commands/`.
//! Doc comments here are the help text.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

use crate::output::ColorChoice;

use crate::commands::{
    assess::AssessArgs, check::CheckArgs, cohort::CohortArgs, collect::CollectArgs,
    compare::CompareArgs, diff::DiffArgs, evidence::EvidenceArgs, history::HistoryArgs,
    import::ImportArgs, invite::InviteArgs, key::KeyArgs, list::ListArgs, norms::NormsArgs,
    note::NoteArgs, packaging::CompletionsArgs, packaging::ManArgs, plan::PlanArgs,
    raters::RatersArgs, respond::RespondArgs, show::ShowArgs, template::TemplateArgs,
};

/// See where you stand as a new IT manager: answer a questionnaire, get a
/// gap report against the targets for your role, and follow it over time.
#[derive(Debug, Parser)]
#[command(name = "leadgap", version, max_term_width = 100)]
#[command(after_help = "Examples:
  leadgap assess                                   answer in the terminal
  leadgap template > answers.toml                  an answer file to fill in
  leadgap assess --answers answers.toml --format json
  leadgap show latest --format markdown            the last report, for a 1:1
  leadgap man assess | man -l -                    the manual of one command")]
pub struct Cli {
    /// Where reports are kept [default: $LEADGAP_DATA_DIR, else the per-user data folder, e.g. ~/.local/share/leadgap]
    #[arg(long, global = true, value_name = "DIR")]
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

    /// Bring received reports (a team report, a mentor's view) into your data directory
    #[command(after_help = "Example:
  leadgap import ~/Downloads/team-report.toml      then `leadgap show` sets it beside yours")]
    Import(ImportArgs),

    /// Add a reviewer's note on one theme to a saved report
    #[command(after_help = "Example:
  leadgap note latest --theme delegation --author Morgan \"Pick one outage runbook to hand over.\"")]
    Note(NoteArgs),

    /// Measure facts from your calendar export and your team's repositories, on this machine
    #[command(after_help = "Example:
  leadgap evidence --calendar work.ics --repo ~/src/infra --people raters.csv --format json -o evidence.json
  leadgap assess --evidence evidence.json")]
    Evidence(EvidenceArgs),

    /// List your action plan, or add, finish, drop and edit actions
    #[command(after_help = "Examples:
  leadgap plan
  leadgap plan add --theme delegation --due +4w \"Hand the on-call runbook to Lee\"
  leadgap plan done 3 --note \"Lee ran the last two incidents\"")]
    Plan(PlanArgs),

    /// Aggregate the latest self-report of each person in one or more folders
    #[command(after_help = "Example:
  leadgap cohort ./cohort-2026 --anonymous")]
    Cohort(CohortArgs),

    /// Make an anonymous norms file from the latest self-report of each person in folders
    #[command(after_help = "Examples:
  leadgap norms ./cohort-2026 ./cohort-2025 -o it-managers.norms.toml
  leadgap show latest --norms it-managers.norms.toml")]
    Norms(NormsArgs),

    /// Print this data directory's collector keys and their fingerprint, making them on first use
    #[command(
        long_about = crate::team::promise::KEY_HELP,
        after_help = "Examples:
  leadgap key --email morgan@example.org --name \"Morgan Lee (mentor)\"
  leadgap key"
    )]
    Key(KeyArgs),

    /// Print the rater list a manager fills in for their collector (CSV), or check one
    #[command(after_help = "Examples:
  leadgap raters --template > raters.csv        then send it to your collector
  leadgap raters --check raters.csv")]
    Raters(RatersArgs),

    /// Start a team feedback round as its collector: an offline form per rater, answers sealed to your key
    #[command(
        long_about = crate::team::promise::help(),
        after_help = "Examples:
  leadgap invite --subject \"Sam Hero\" --raters sam-raters.csv --closes +2w
  leadgap invite --subject \"Sam Hero\" --raters sam-raters.csv --open-group manager --reply-to morgan@example.org
  leadgap invite --subject \"Sam Hero\" --open-link --group direct-report --group peer
  leadgap invite --subject \"Sam Hero\" --self-collect"
    )]
    Invite(InviteArgs),

    /// Answer an invitation in the terminal (or from an answer file); writes an encrypted response
    #[command(after_help = "Examples:
  leadgap respond invite-03.toml                     the personal invitation you were sent
  leadgap respond invite.toml --answers my-answers.toml --group peer")]
    Respond(RespondArgs),

    /// Open the responses of a round; once it closes, save and print its one report
    #[command(after_help = "Examples:
  leadgap collect 20261122-3f9a1c ./responses --status
  leadgap collect 20261122-3f9a1c ./responses Mail/leadgap.mbox --close
  leadgap collect 20261122-3f9a1c saved-emails/ --format html -o team.html
  pbpaste | leadgap collect 20261122-3f9a1c -")]
    Collect(CollectArgs),

    /// Print shell completions for leadgap
    #[command(after_help = "Example:
  leadgap completions bash > ~/.local/share/bash-completion/completions/leadgap")]
    Completions(CompletionsArgs),

    /// Print the man page (roff) for leadgap, or for one of its commands
    #[command(after_help = "Examples:
  leadgap man > ~/.local/share/man/man1/leadgap.1
  leadgap man assess > ~/.local/share/man/man1/leadgap-assess.1
  leadgap man plan add > ~/.local/share/man/man1/leadgap-plan-add.1")]
    Man(ManArgs),
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
            Command::Norms(args) => return args.output.as_deref(),
            Command::Plan(args) => &args.output,
            Command::Evidence(args) => &args.output,
            Command::Collect(args) => &args.output,
            Command::Raters(args) => &args.output,
            Command::Invite(_) | Command::Respond(_) | Command::Key(_) => return None,
            Command::Check(_)
            | Command::List(_)
            | Command::Note(_)
            | Command::Import(_)
            | Command::Completions(_)
            | Command::Man(_) => return None,
        };
        output.file.as_deref()
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
