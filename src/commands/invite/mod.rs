//! `leadgap invite`: the collector starts a round on their own machine —
//! from the subject's list of raters, one personal invitation per rater
//! (its own code, its group fixed by the list) and `send.csv`; or one shared
//! form (`--open-link`); or, for a subject who runs their own round,
//! `--self-collect` — and keeps it in this data directory.

mod folder;
mod holder;
mod list;
mod summary;

use std::io::Write;
use std::path::PathBuf;

use clap::Args;

use crate::Config;
use crate::catalog;
use crate::error::{Error, Result, exit};
use crate::source::Source;
use crate::team::invite::file::{CodeFile, FormFile, KeyFile, RubricFile, SCHEMA};
use crate::team::invite::rules::{self};
use crate::team::invite::{self, Closing, Invite, InviteFile};
use crate::team::{MIN_GROUP, random_hex};

/// `leadgap invite`
#[derive(Debug, Args)]
pub struct InviteArgs {
    /// The team form, or a self form whose team form is built in or installed
    #[arg(short, long, value_name = "NAME|PATH", default_value = "it-manager")]
    pub questionnaire: String,

    /// Whom the round is about (the manager the team answers about)
    #[arg(long, value_name = "NAME")]
    pub subject: String,

    /// The subject's list of raters (CSV: name,email,group; `leadgap raters --template`): one personal invitation each
    #[arg(long, value_name = "FILE", conflicts_with_all = ["open_link", "self_collect"])]
    pub raters: Option<PathBuf>,

    /// One shared form, no codes: anyone holding it can answer, more than once, as the form says
    #[arg(long, conflicts_with = "self_collect")]
    pub open_link: bool,

    /// The subject runs their own round and holds the key, as the form tells raters
    #[arg(long, conflicts_with = "collector")]
    pub self_collect: bool,

    /// Your name as raters read it [default: the name `leadgap key --name` kept, else yours]
    #[arg(long, value_name = "NAME")]
    pub collector: Option<String>,

    /// Where raters send their sealed answers [default: the address `leadgap key --email` kept]
    #[arg(long, value_name = "EMAIL")]
    pub reply_to: Option<String>,

    /// A group raters answer as (repeat it) [default: the list's groups, else direct-report, peer, stakeholder, manager]
    #[arg(long = "group", value_name = "ID")]
    pub groups: Vec<String>,

    /// No figure rests on fewer responses than this (at least 3)
    #[arg(long, value_name = "N", default_value_t = MIN_GROUP)]
    pub min_group: usize,

    /// Show this group even with one response, as the form tells it: only `manager`
    #[arg(long = "open-group", value_name = "GROUP")]
    pub open_groups: Vec<String>,

    /// The last day to answer, at its end in your time zone: a date (2027-01-15) or from today (+10d, +2w)
    #[arg(long, value_name = "DATE")]
    pub closes: Option<String>,

    /// Write the invitations into this folder [default: ./leadgap-invite-ROUND]
    #[arg(short, long, value_name = "DIR")]
    pub output: Option<PathBuf>,
}

/// Runs `leadgap invite`.
pub fn run(config: &Config, args: InviteArgs, out: &mut dyn Write) -> Result<u8> {
    if args.raters.is_none() && !args.open_link && !args.self_collect {
        return Err(Error::Usage {
            message: "say how raters answer: --raters LIST.csv, --open-link or --self-collect"
                .to_owned(),
            help: Some(
                "run the round as its collector — a mentor, HR or a colleague the team trusts — \
                 from the list of raters the manager sends you (`leadgap raters --template`): \
                 --raters gives each rater a personal invitation, --open-link one shared form; \
                 with --self-collect the manager runs their own round, holds the key and could \
                 open each answer, and the form tells the raters that before they answer"
                    .to_owned(),
            ),
        });
    }
    let data = config.data_dir()?;
    let subject = args.subject.trim();
    if subject.is_empty() {
        return Err(Error::user(
            "--subject is empty: name the person the round is about",
        ));
    }
    let found = catalog::team_form(&args.questionnaire, Some(&data))?;
    let rubric_source = catalog::rubric_source(&found, None)?;
    let form = &found.questionnaire;
    let rubric = crate::rubric::load(&rubric_source, form)?;
    let known: Vec<String> = invite::group_labels(form)
        .into_iter()
        .map(|(id, _)| id)
        .collect();
    let list = match &args.raters {
        Some(path) => Some(list::read(path, &known)?),
        None => None,
    };
    let groups = rules::groups(
        &args.groups,
        &known,
        invite::default_groups(form),
        list.as_deref(),
    )?;
    let min_group = i64::try_from(args.min_group).unwrap_or(i64::MAX);
    rules::minimum(min_group)?;
    rules::open_groups(&args.open_groups, &groups)?;
    if let Some(list) = &list {
        rules::list_size(list, args.min_group)?;
    }

    let now = crate::clock::now()?;
    let closes = match &args.closes {
        Some(text) => Some(Closing::local(
            crate::interval::parse_future_date(text, now.date_naive())
                .map_err(|problem| Error::user(format!("--closes: {problem}")))?,
        )),
        None => None,
    };
    let (holder, reply_to) = holder::of(config, &data, &args)?;

    let round = format!(
        "{}-{}",
        now.format("%Y%m%d"),
        random_hex(3).map_err(Error::user)?
    );
    let people = list.unwrap_or_default();
    let codes: Vec<String> = (0..people.len())
        .map(|_| random_hex(16))
        .collect::<std::result::Result<_, _>>()
        .map_err(Error::user)?;
    let file = InviteFile {
        schema: SCHEMA,
        round: round.clone(),
        subject: subject.to_owned(),
        created: crate::clock::format_rfc3339(now),
        closes: closes.map(|c| c.day.to_string()),
        zone: closes.map(|c| c.offset_text()),
        reply_to,
        min_group: args.min_group,
        groups,
        open_groups: args.open_groups.clone(),
        code: None,
        key: KeyFile::of(&holder),
        form: FormFile::of(form, &found.text),
        rubric: RubricFile::of(&rubric, &rubric_source.text),
        codes: people
            .iter()
            .zip(&codes)
            .map(|(rater, code)| CodeFile {
                hash: invite::code_hash(code),
                group: rater.group.clone(),
            })
            .collect(),
    };
    let invite = read_back(&file, "invite.toml")?;
    let folder = args
        .output
        .clone()
        .unwrap_or_else(|| PathBuf::from(format!("leadgap-invite-{round}")));
    let sent = folder::write(&folder, &invite, &file, &people, &codes, &data)?;
    let text = summary::text(config, &invite, &folder, &sent);
    out.write_all(text.as_bytes()).map_err(Error::stdout)?;
    for warning in summary::warnings(&invite, &people) {
        config.warn(&warning);
    }
    Ok(exit::SUCCESS)
}

/// An invitation read back as `respond` and `collect` will read it.
fn read_back(file: &InviteFile, name: &str) -> Result<Invite> {
    invite::parse(&Source::new(name, file.to_text())).map_err(Error::Invalid)
}
