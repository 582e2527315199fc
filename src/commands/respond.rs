//! `leadgap respond`: answer a team feedback invitation in the terminal (or
//! from an answer file) and write the encrypted response. Nothing else is
//! saved: no run, no report, no copy of the answers.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use crate::Context;
use crate::answers::file::AnswerFile;
use crate::answers::interactive::{Seed, Stop, Walk, shuffled};
use crate::answers::terminal::Terminal;
use crate::catalog;
use crate::cli::RespondArgs;
use crate::envelope;
use crate::error::{Error, Result, exit};
use crate::files;
use crate::output::clean_line;
use crate::questionnaire::{Answers, Questionnaire};
use crate::round::{Invite, random_id, response_file, response_text};
use crate::source::Source;
use crate::team;

/// Runs `leadgap respond`.
pub fn run(context: &Context, args: RespondArgs, out: &mut dyn Write) -> Result<u8> {
    let invite = read_invite(&args.invite)?;
    let data = context.data_dir().ok();
    let found = catalog::questionnaire(&invite.form.id, data.as_ref())?;
    let form = &found.questionnaire;
    if form.hash != invite.form.hash {
        return Err(Error::user_with_help(
            format!(
                "this invite is for `{}` {}, which this leadgap does not have in that version (it has {})",
                clean_line(&invite.form.id),
                clean_line(&invite.form.version),
                clean_line(&form.version)
            ),
            "answer with the form page (invite.html) instead, or with the leadgap version that made the invite",
        ));
    }
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
    if let Some((index, value)) = team::group_value(form, &group) {
        answers.context[index] = Some(value);
    }
    let id = random_id();
    let text = response_text(form, &answers, &invite.round, &id, &group);
    let sealed = envelope::seal(&invite.recipient, text.as_bytes()).map_err(Error::user)?;
    let path = args
        .output
        .clone()
        .unwrap_or_else(|| PathBuf::from(response_file(&invite.round, &id)));
    let (folder, name) = split(&path)?;
    let written = files::write_new(&folder, &name, &sealed)
        .map_err(|e| Error::io("write the response to", &path, e))?;
    writeln!(
        out,
        "Wrote {}: your answers, encrypted. Send it back the way the invitation came; only the \
         collector of the round can open it, and their report shows no figure that combines \
         fewer than {} people's answers. Nothing else was saved.",
        written.display(),
        invite.min_group
    )
    .map_err(Error::stdout)?;
    Ok(exit::SUCCESS)
}

/// The invite at `path`: its invite.toml, or the folder holding one.
fn read_invite(path: &Path) -> Result<Invite> {
    let path = if path.is_dir() {
        path.join("invite.toml")
    } else {
        path.to_owned()
    };
    let source = Source::read(&path)?;
    let invite: Invite = toml::from_str(&source.text).map_err(|error| {
        Error::Invalid(vec![
            source
                .diagnostic(
                    error.span(),
                    format!("not a leadgap invite: {}", error.message().trim()),
                )
                .with_help("give the invite.toml that `leadgap invite` wrote, or its folder"),
        ])
    })?;
    if !envelope::is_recipient(&invite.recipient) {
        return Err(Error::Invalid(vec![source.diagnostic(
            None,
            "the invite's `recipient` is not an age public key",
        )]));
    }
    Ok(invite)
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

/// The group given as the `group` context.
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
    let mut walk = Walk {
        answers: Answers::empty(form),
        notes_asked: vec![true; form.themes.len()],
        with_notes: false,
        with_evidence: false,
        orders: shuffled(form, Seed::Random),
    };
    if let Some((index, value)) = group.and_then(|g| team::group_value(form, g)) {
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
    let ask = |terminal: &mut Terminal, message: &str| {
        terminal
            .line(message, "optional; enter to skip", "", |_| Ok(()))
            .map(|text| text.filter(|t| !t.is_empty()))
    };
    let [(_, keep), (_, change)] = crate::round::COMMENTS;
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
