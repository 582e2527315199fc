//! Team responses as `collect` finds them: files (or folders of `*.age`),
//! each opened with the round's key and checked as an answer file for the
//! team form, in memory only.

use std::io::Read;
use std::path::{Path, PathBuf};

use crate::answers::file::AnswerFile;
use crate::envelope::{self, Unopened};
use crate::error::{Error, Result};
use crate::output::clean_line;
use crate::questionnaire::Questionnaire;
use crate::round::Round;
use crate::source::{MAX_FILE_SIZE, Source};
use crate::team::{self, Response};

/// The response files among `paths`: files as given, folders' `*.age`.
pub fn files(paths: &[PathBuf]) -> Result<Vec<PathBuf>> {
    let mut found = Vec::new();
    for path in paths {
        if path.is_dir() {
            let entries = std::fs::read_dir(path).map_err(|e| Error::io("read", path, e))?;
            let mut ages: Vec<PathBuf> = entries
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "age"))
                .collect();
            ages.sort();
            found.extend(ages);
        } else {
            found.push(path.clone());
        }
    }
    Ok(found)
}

/// Opens and checks one response: its id and the response.
pub fn open(
    path: &Path,
    identity: &str,
    round: &Round,
    form: &Questionnaire,
) -> std::result::Result<(String, Response), String> {
    let file = crate::files::open_regular(path).map_err(|e| e.to_string())?;
    let mut sealed = Vec::new();
    file.take(MAX_FILE_SIZE + 1)
        .read_to_end(&mut sealed)
        .map_err(|e| format!("cannot read it: {e}"))?;
    if sealed.len() as u64 > MAX_FILE_SIZE {
        return Err("it is larger than any response".to_owned());
    }
    let plain = envelope::open(identity, &sealed).map_err(|error| match error {
        Unopened::NotForUs => "it is encrypted for another key, not this round's".to_owned(),
        Unopened::Damaged(why) => {
            format!("not a response that can be opened (damaged, cut short or edited: {why})")
        }
    })?;
    let text = String::from_utf8(plain).map_err(|_| "it does not hold a response".to_owned())?;
    let source = Source::new(path.display().to_string(), text);
    let mut answers = AnswerFile::parse(&source)
        .check(form, true)
        .map_err(|problems| {
            let first = problems
                .first()
                .map(|p| clean_line(&p.message).into_owned())
                .unwrap_or_default();
            format!("its answers do not fit `{}`: {first}", form.id)
        })?;
    let parts = answers.team.clone();
    if parts.round.as_deref() != Some(round.id.as_str()) {
        return Err(format!(
            "it answers round {}, not {}",
            clean_line(parts.round.as_deref().unwrap_or("(none)")),
            round.id
        ));
    }
    let id = parts.id.ok_or("it has no response id")?;
    let group = parts
        .group
        .filter(|g| round.groups.contains(g))
        .ok_or("its group is not one of the round's")?;
    let (index, value) =
        team::group_value(form, &group).ok_or("its group is unknown to the form")?;
    answers.context[index] = Some(value);
    Ok((
        id,
        Response {
            group,
            keep: parts.keep,
            change: parts.change,
            answers,
        },
    ))
}
