//! `leadgap respond`: answer a team feedback invitation in the terminal (or
//! from an answer file) and write the sealed response, as a file and as
//! text to paste into an email or a message. Nothing else is saved: no
//! run, no report, no copy of the answers. It needs nothing installed: the
//! invitation carries its form.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use crate::Config;
use crate::answers::file::AnswerFile;
use crate::answers::interactive::{Seed, Stop, Walk, shuffled};
use crate::answers::terminal::Terminal;
use crate::cli::RespondArgs;
use crate::error::{Error, Result, exit};
use crate::files;
use crate::output::clean_line;
use crate::questionnaire::{Answers, Questionnaire};
use crate::source::Source;
use crate::store::rounds::INVITE;
use crate::team::invite::{self, Invite};
use crate::team::promise::{self, Arrangement};
use crate::team::response::{self, Head};
use crate::team::{encryption, random_hex};

/// Runs `leadgap respond`.
pub fn run(config: &Config, args: RespondArgs, out: &mut dyn Write) -> Result<u8> {
    let _ = config;
    let invite = read_invite(&args.invite)?;
    if !invite.codes.is_empty() && invite.code.is_none() {
        return Err(Error::user_with_help(
            "this round gives each rater a personal invitation, and this one is the collector's \
             copy without a code: an answer made with it would not be counted",
            "answer with the personal invitation you were given (invite-NN.toml, or its page)",
        ));
    }
    let form = &invite.form;
    let mut answers = match &args.answers {
        Some(path) => from_file(path, form)?,
        None => interactive(form, &invite, args.group.as_deref())?,
    };
    let group = args
        .group
        .clone()
        .or_else(|| answers.team.group.clone())
        .or_else(|| group_of(form, &answers));
    let Some(group) = group.filter(|g| invite.groups.contains(g)) else {
        return Err(Error::user_with_help(
            "the response needs your group: how you work with the person",
            format!("pass --group, one of: {}", invite.groups.join(", ")),
        ));
    };
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
            id: &id,
            group: &group,
            code: invite.code.as_deref(),
            written: Some(&written),
        },
    );
    let recipient = invite.holder.recipient();
    let sealed = encryption::seal(recipient, text.as_bytes()).map_err(Error::user)?;
    let armored = encryption::armor(&sealed).map_err(Error::user)?;
    let path = args
        .output
        .clone()
        .unwrap_or_else(|| PathBuf::from(response::file_name(&invite.round, &id)));
    let (folder, name) = split(&path)?;
    let written = files::write_new(&folder, &name, &sealed)
        .map_err(|e| Error::io("write the response to", &path, e))?;
    let send = invite
        .reply_to
        .as_deref()
        .map(|r| format!("to {}", clean_line(r)))
        .unwrap_or_else(|| "back the way the invitation came".to_owned());
    writeln!(
        out,
        "Wrote {}: your answers, sealed. {} Nothing else was saved.\n\n\
         Send it {send}: attach the file, or paste this text into an email or a message \
         (subject: leadgap round {}):\n\n{}",
        written.display(),
        promise::after_responding(&Arrangement::of(&invite)),
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

/// The group given as the `group` config.
fn group_of(form: &Questionnaire, answers: &Answers) -> Option<String> {
    let index = form.context_index(crate::questionnaire::GROUP_CONTEXT)?;
    match (&form.contexts[index].kind, answers.context[index].as_ref()?) {
        (
            crate::questionnaire::ContextKind::Choice { options },
            crate::questionnaire::ContextValue::Choice(i),
        ) => options.get(*i).map(|o| o.id.clone()),
        _ => None,
    }
}

/// Answers asked in the terminal: the group first, then the questions, then
/// the two open questions.
fn interactive(form: &Questionnaire, invite: &Invite, group: Option<&str>) -> Result<Answers> {
    if !(std::io::stdin().is_terminal() && std::io::stdout().is_terminal()) {
        return Err(Error::user_with_help(
            "no terminal to ask the questions in",
            "answer with the form page (invite.html), or pass --answers FILE",
        ));
    }
    let mut terminal = Terminal::new(false);
    terminal.heading(&format!("Feedback for {}", clean_line(&invite.subject)));
    terminal.say(&clean_line(&form.description));
    for paragraph in promise::to_raters(&Arrangement::of(invite)) {
        terminal.say(&clean_line(&paragraph));
    }
    let mut walk = Walk {
        answers: Answers::empty(form),
        notes_asked: vec![true; form.themes.len()],
        with_notes: false,
        with_evidence: false,
        orders: shuffled(form, Seed::Random),
    };
    if let Some((index, value)) = group.and_then(|g| invite::group_value(form, g)) {
        walk.answers.context[index] = Some(value);
    }
    let stopped = |stop: Stop| match stop {
        Stop::Interrupted => Error::Interrupted {
            help: "Stopped; nothing was written.".to_owned(),
        },
        Stop::Failed(error) => error,
    };
    walk.run(form, &mut terminal, &mut |_| Ok(()))
        .map_err(stopped)?;
    let limit = crate::team::COMMENT_LIMIT;
    let ask = |terminal: &mut Terminal, message: &str| {
        terminal
            .line(
                message,
                &format!("optional, up to {limit} characters; enter to skip"),
                "",
                move |text| {
                    if text.chars().count() > limit {
                        Err(format!("at most {limit} characters, please"))
                    } else {
                        Ok(())
                    }
                },
            )
            .map(|text| text.filter(|t| !t.is_empty()))
    };
    let [(_, keep), (_, change)] = crate::team::COMMENTS;
    walk.answers.team.keep = ask(&mut terminal, keep).map_err(stopped)?;
    walk.answers.team.change = ask(&mut terminal, change).map_err(stopped)?;
    Ok(walk.answers)
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
