//! `leadgap respond`: answer a team feedback invitation in the terminal (or
//! from an answer file) and write the sealed response, as a file and as
//! text to paste into an email or a message. Nothing else is saved: no
//! run, no report, no copy of the answers. It needs nothing installed: the
//! invitation carries its form.

use std::io::Write;
use std::path::{Path, PathBuf};

mod ask;
mod group;

use clap::Args;

use crate::Config;
use crate::answers::file::AnswerFile;
use crate::error::{Error, Result, exit};
use crate::files;
use crate::output::clean_line;
use crate::questionnaire::{Answers, Questionnaire};
use crate::source::Source;
use crate::store::rounds::INVITE;
use crate::team::invite::{self, Invite};
use crate::team::promise;
use crate::team::response::{self, Head};
use crate::team::{encryption, random_hex};

/// `leadgap respond`
#[derive(Debug, Args)]
pub struct RespondArgs {
    /// The invitation: its .toml file, or the folder that holds invite.toml
    #[arg(value_name = "INVITE")]
    pub invite: PathBuf,

    /// Read the answers from this answer file (`-` for standard input) instead of asking
    #[arg(short, long, value_name = "FILE|-")]
    pub answers: Option<PathBuf>,

    /// Your group (how you work with the person), if neither the invitation nor the answers say
    #[arg(long, value_name = "ID")]
    pub group: Option<String>,

    /// Write the encrypted response here [default: ./response-ROUND-ID.age]
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// Runs `leadgap respond`.
pub fn run(config: &Config, args: RespondArgs, out: &mut dyn Write) -> Result<u8> {
    let _ = config;
    let invite = read_invite(&args.invite)?;
    if !invite.codes.is_empty() && invite.code.is_none() {
        return Err(Error::user_with_help(
            "this round gives each rater a personal invitation, and this is the collector's copy \
             without a code: an answer made with it would not be counted",
            "answer with the personal invitation you were given (invite-NN.toml, or its page)",
        ));
    }
    let form = &invite.form;
    let fixed = invite.fixed_group().map(str::to_owned);
    if let (Some(fixed), Some(given)) = (&fixed, &args.group)
        && fixed != given
    {
        return Err(Error::user_with_help(
            format!(
                "this invitation was sent to you as `{fixed}`, not `{}`",
                clean_line(given)
            ),
            "leave --group out: a personal invitation knows its group",
        ));
    }
    let mut answers = match &args.answers {
        Some(path) => from_file(path, form)?,
        None => ask::in_terminal(form, &invite, fixed.as_deref().or(args.group.as_deref()))?,
    };
    let group = group::resolve(&invite, fixed, args.group.as_deref(), &answers)?;
    if let Some((index, value)) = invite::group_value(form, &group) {
        answers.context[index] = Some(value);
    }
    let covered = response::coverage(form, &answers);
    if !covered.enough() {
        return Err(Error::user_with_help(
            format!(
                "you answered {} of the {} questions asked of your group: an answer counts only \
                 when it answers at least half of them, so this one would not be counted",
                covered.answered, covered.asked
            ),
            "answer more of them (\"don't know\" is an answer where it is offered); nothing was \
             written",
        ));
    }
    let id = random_hex(6).map_err(Error::user)?;
    let written = crate::clock::format_rfc3339(crate::clock::now()?);
    let text = response::text(
        form,
        &answers,
        &Head {
            round: &invite.round,
            invitation: &invite.hash(),
            id: &id,
            group: &group,
            code: invite.code.as_deref(),
            written: Some(&written),
        },
    );
    let recipient = &invite.holder.keys().recipient;
    let sealed = encryption::seal(recipient, text.as_bytes()).map_err(Error::user)?;
    let armored = encryption::armor(&sealed).map_err(Error::user)?;
    let path = args
        .output
        .clone()
        .unwrap_or_else(|| PathBuf::from(response::file_name(&invite.round, &id)));
    let (folder, name) = split(&path)?;
    // A folder named for the answer is made: nothing in it is private.
    std::fs::create_dir_all(&folder).map_err(|e| Error::io("create folder", &folder, e))?;
    let written = files::write_new(&folder, &name, &sealed)
        .map_err(|e| Error::io("write the response to", &path, e))?;
    let fingerprint = promise::fingerprint(&invite.holder);
    let arrangement = promise::of(&invite, &fingerprint);
    let send = match (&invite.reply_to, invite.holder.collector()) {
        (Some(reply), _) => format!("to {}", clean_line(reply)),
        (None, Some(collector)) => format!("to {}, who runs the round", clean_line(collector)),
        (None, None) => format!("to {}", clean_line(&invite.subject)),
    };
    writeln!(
        out,
        "Wrote {}: your answers, sealed. {} Nothing else was saved.\n\n\
         Send it {send}: attach the file, or paste this text into an email or a message \
         (subject: leadgap round {}):\n\n{}",
        written.display(),
        promise::after_responding(&arrangement),
        invite.round,
        armored.trim_end()
    )
    .map_err(Error::stdout)?;
    Ok(exit::SUCCESS)
}

/// The invitation at `path`: a `.toml` file, or the folder holding
/// `invite.toml`.
fn read_invite(path: &Path) -> Result<Invite> {
    let path = if path.is_dir() {
        path.join(INVITE)
    } else {
        path.to_owned()
    };
    let source = Source::read(&path)?;
    invite::parse(&source).map_err(Error::Invalid)
}

/// Answers from an answer file for the team form.
fn from_file(path: &Path, form: &Questionnaire) -> Result<Answers> {
    let source = if path.as_os_str() == "-" {
        Source::stdin()?
    } else {
        Source::read(path)?
    };
    Ok(AnswerFile::parse(&source).check(form, true)?)
}

/// A path's folder and file name.
fn split(path: &Path) -> Result<(PathBuf, String)> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .ok_or_else(|| Error::user(format!("`{}` is not a file name", path.display())))?;
    let folder = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_owned(),
        _ => PathBuf::from("."),
    };
    Ok((folder, name))
}
