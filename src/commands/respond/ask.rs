//! The team form asked in the terminal: the promise first, then the group
//! (unless the invitation fixes it), the questions, and the two open
//! questions.

use std::io::IsTerminal;

use crate::answers::interactive::{Seed, Stop, Walk, shuffled};
use crate::answers::terminal::Terminal;
use crate::error::{Error, Result};
use crate::output::clean_line;
use crate::questionnaire::{Answers, Questionnaire};
use crate::team::invite::{self, Invite};
use crate::team::promise;

/// Answers asked in the terminal: the group first, then the questions, then
/// the two open questions.
pub fn in_terminal(form: &Questionnaire, invite: &Invite, group: Option<&str>) -> Result<Answers> {
    if !(std::io::stdin().is_terminal() && std::io::stdout().is_terminal()) {
        return Err(Error::user_with_help(
            "no terminal to ask the questions in",
            "answer with the form page (invite.html), or pass --answers FILE",
        ));
    }
    let mut terminal = Terminal::new(false);
    terminal.heading(&format!("Feedback for {}", clean_line(&invite.subject)));
    terminal.say(&clean_line(&form.description));
    let fingerprint = promise::fingerprint(&invite.holder);
    for paragraph in promise::to_raters(&promise::of(invite, &fingerprint)) {
        terminal.say(&clean_line(&paragraph));
    }
    let mut walk = Walk {
        answers: Answers::empty(form),
        notes_asked: vec![true; form.themes.len()],
        with_notes: false,
        with_evidence: false,
        orders: shuffled(form, Seed::Random),
        offers: Vec::new(),
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
