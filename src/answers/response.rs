//! Team responses as `collect` finds them, and opened with the collector's
//! key: files of any name (a binary `.age`, or text holding armored blocks —
//! a saved email, a mailbox, a note pasted into a file), folders of them,
//! and standard input (`-`). Each envelope is opened and checked as an
//! answer file for the team form, in memory only; every problem is a
//! warning that names the place and the rule, never a value from inside.

use std::io::Read;
use std::path::{Path, PathBuf};

use crate::answers::file::AnswerFile;
use crate::error::{Error, Result};
use crate::source::{MAX_FILE_SIZE, Source};
use crate::team::counting::Arrived;
use crate::team::encryption::{self, ARMOR_BEGIN, ARMOR_END, BINARY_MAGIC, Unopened};
use crate::team::invite::Invite;
use crate::team::response::Opened;

/// A sealed response as found: where, and its bytes (binary or armored).
#[derive(Debug)]
pub struct Sealed {
    /// Where it was found, for messages.
    pub place: String,
    /// The envelope.
    pub bytes: Vec<u8>,
}

/// Every envelope in `paths` (files, folders, `-` for standard input), in
/// the order given, a folder's files by name. A file named on the command
/// line that holds none is a warning; a folder's other files are passed
/// over, so that a folder of saved emails can hold anything else too.
pub fn gather(paths: &[PathBuf], warn: &mut dyn FnMut(String)) -> Result<Vec<Sealed>> {
    let mut found = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            let mut bytes = Vec::new();
            std::io::stdin()
                .lock()
                .take(MAX_FILE_SIZE + 1)
                .read_to_end(&mut bytes)
                .map_err(|e| Error::io("read", "<stdin>", e))?;
            take(&mut found, "<stdin>", &bytes, true, warn);
        } else if path.is_dir() {
            let entries = std::fs::read_dir(path).map_err(|e| Error::io("read", path, e))?;
            let mut files: Vec<PathBuf> = entries
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| {
                    p.is_file()
                        && !p
                            .file_name()
                            .is_some_and(|n| n.to_string_lossy().starts_with('.'))
                })
                .collect();
            files.sort();
            for file in files {
                if let Some(bytes) = read(&file, warn) {
                    take(&mut found, &file.display().to_string(), &bytes, false, warn);
                }
            }
        } else if let Some(bytes) = read(path, warn) {
            take(&mut found, &path.display().to_string(), &bytes, true, warn);
        }
    }
    Ok(found)
}

/// A file's bytes, up to the size limit; a warning when it cannot be read.
fn read(path: &Path, warn: &mut dyn FnMut(String)) -> Option<Vec<u8>> {
    let file = match crate::files::open_regular(path) {
        Ok(file) => file,
        Err(error) => {
            warn(format!("skipping `{}`: {error}", path.display()));
            return None;
        }
    };
    let mut bytes = Vec::new();
    if let Err(error) = file.take(MAX_FILE_SIZE + 1).read_to_end(&mut bytes) {
        warn(format!(
            "skipping `{}`: cannot read it: {error}",
            path.display()
        ));
        return None;
    }
    if bytes.len() as u64 > MAX_FILE_SIZE {
        warn(format!(
            "skipping `{}`: it is larger than any response",
            path.display()
        ));
        return None;
    }
    Some(bytes)
}

/// The envelopes in one file's bytes: the file itself when it is a binary
/// age file, else each armored block in its text.
fn take(
    found: &mut Vec<Sealed>,
    place: &str,
    bytes: &[u8],
    named: bool,
    warn: &mut dyn FnMut(String),
) {
    if bytes.starts_with(BINARY_MAGIC) {
        found.push(Sealed {
            place: place.to_owned(),
            bytes: bytes.to_vec(),
        });
        return;
    }
    let text = String::from_utf8_lossy(bytes);
    let blocks = armored_blocks(&text);
    if blocks.is_empty() {
        if named || text.contains(ARMOR_BEGIN) {
            warn(format!(
                "skipping `{place}`: it holds no encrypted response (an age file, or text \
                 between {ARMOR_BEGIN} and {ARMOR_END})"
            ));
        }
        return;
    }
    let many = blocks.len() > 1;
    for (index, block) in blocks.into_iter().enumerate() {
        found.push(Sealed {
            place: if many {
                format!("{place} (block {})", index + 1)
            } else {
                place.to_owned()
            },
            bytes: block.into_bytes(),
        });
    }
}

/// Every armored age block in `text`, as age reads it: from its first line
/// to its last, with the line breaks a mail client may have changed put
/// back and `> ` quoting taken off.
pub fn armored_blocks(text: &str) -> Vec<String> {
    let mut blocks = Vec::new();
    let mut current: Option<Vec<String>> = None;
    for line in text.lines() {
        let line = line.trim_end_matches('\r');
        // `> ` quoting, and the `=` of base64 padding as quoted-printable
        // mail writes it.
        let unquoted = line.trim_start_matches(['>', ' ']).trim_end();
        let decoded = unquoted.replace("=3D", "=");
        let bare = decoded.as_str();
        match &mut current {
            None if bare == ARMOR_BEGIN => current = Some(vec![bare.to_owned()]),
            None => {}
            Some(lines) => {
                if bare == ARMOR_BEGIN {
                    // A block cut short, then a new one.
                    *lines = vec![bare.to_owned()];
                } else if bare == ARMOR_END {
                    lines.push(bare.to_owned());
                    let mut block = lines.join("\n");
                    block.push('\n');
                    blocks.push(block);
                    current = None;
                } else if !bare.is_empty() {
                    lines.push(bare.to_owned());
                }
            }
        }
    }
    blocks
}

/// Opens and checks one envelope for `invite`'s round with `identity` (an
/// identity file's text).
pub fn open(
    sealed: &Sealed,
    identity: &str,
    invite: &Invite,
) -> std::result::Result<Arrived, String> {
    let binary = encryption::binary(&sealed.bytes).map_err(damaged)?;
    let plain = encryption::open(identity, &binary).map_err(|error| match error {
        Unopened::NotForUs => "it is sealed for another key, not this round's".to_owned(),
        other => damaged(other),
    })?;
    let text = String::from_utf8(plain)
        .map_err(|_| "it does not hold a response (not text)".to_owned())?;
    let source = Source::new(sealed.place.clone(), text);
    let form = &invite.form;
    // What is wrong is said by its kind and place, not by quoting the file:
    // the collector is shown no value from inside a response.
    let mut answers = AnswerFile::parse(&source)
        .check(form, true)
        .map_err(|problems| {
            let at = problems
                .first()
                .and_then(|p| p.location)
                .map(|l| format!(" (first at line {}:{})", l.line, l.column))
                .unwrap_or_default();
            format!(
                "its answers do not fit the round's form `{}`: {} problem{}{at}",
                form.id,
                problems.len(),
                if problems.len() == 1 { "" } else { "s" }
            )
        })?;
    let parts = answers.team.clone();
    if parts.round.as_deref() != Some(invite.round.as_str()) {
        return Err("it answers another round".to_owned());
    }
    let id = parts.id.ok_or("it has no response id")?;
    let group = parts
        .group
        .filter(|g| invite.groups.contains(g))
        .ok_or("its group is not one of the round's")?;
    let value = crate::team::invite::group_value(form, &group)
        .ok_or("its group is not one of the form's")?;
    answers.context[value.0] = Some(value.1);
    Ok(Arrived {
        place: sealed.place.clone(),
        fingerprint: encryption::fingerprint(&binary),
        response: Opened {
            id,
            group,
            code: parts.code,
            written: parts.written,
            keep: parts.keep,
            change: parts.change,
            answers,
        },
    })
}

fn damaged(error: Unopened) -> String {
    match error {
        Unopened::Damaged(why) => {
            format!("it is not a response that can be opened (damaged, cut short or edited: {why})")
        }
        Unopened::NotForUs => "it is sealed for another key".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn armored_blocks_are_found_in_mail_and_quotes() {
        let mail = "From: a@example.org\r\nSubject: x\r\n\r\nHello,\r\n\
                    -----BEGIN AGE ENCRYPTED FILE-----\r\nYWJj\r\n-----END AGE ENCRYPTED FILE-----\r\n\
                    > -----BEGIN AGE ENCRYPTED FILE-----\n> ZGVm\n> -----END AGE ENCRYPTED FILE-----\n\
                    -----BEGIN AGE ENCRYPTED FILE-----\ncut short\n";
        assert_eq!(
            armored_blocks(mail),
            [
                "-----BEGIN AGE ENCRYPTED FILE-----\nYWJj\n-----END AGE ENCRYPTED FILE-----\n",
                "-----BEGIN AGE ENCRYPTED FILE-----\nZGVm\n-----END AGE ENCRYPTED FILE-----\n",
            ]
        );
    }
}
