//! The folder `invite` writes for the collector: a personal invitation per
//! rater (`invite-NN.toml` and its form, `invite-NN.html`) with `send.csv`
//! saying which goes to whom, or one shared `invite.toml` and
//! `invite.html`; and the round kept in the data directory. Nothing is left
//! behind when a step fails.

use std::path::{Path, PathBuf};

use super::read_back;
use crate::error::{Error, Result};
use crate::files;
use crate::render;
use crate::store::DataDir;
use crate::store::rounds::{self, Sent};
use crate::team::invite::{Invite, InviteFile};
use crate::team::raters::Rater;

/// The columns of `send.csv`.
const SEND_COLUMNS: [&str; 4] = ["name", "email", "group", "invitation"];

/// Writes the invitations of `invite` (whose file is `file`) into `folder`,
/// one per rater of `people` with the code of the same place in `codes`,
/// and keeps the round in `data`. Returns the invitations' file names.
pub fn write(
    folder: &Path,
    invite: &Invite,
    file: &InviteFile,
    people: &[Rater],
    codes: &[String],
    data: &DataDir,
) -> Result<Vec<String>> {
    let mut written = Written::new(folder)?;
    let result = (|| -> Result<Vec<Sent>> {
        if people.is_empty() {
            written.file("invite.toml", file.to_text().as_bytes())?;
            written.file("invite.html", render::invite::page(invite).as_bytes())?;
            return Ok(Vec::new());
        }
        let mut sent = Vec::with_capacity(people.len());
        let mut csv = csv::Writer::from_writer(Vec::new());
        csv.write_record(SEND_COLUMNS).map_err(csv_error)?;
        for (index, (rater, code)) in people.iter().zip(codes).enumerate() {
            let personal = InviteFile {
                code: Some(code.clone()),
                ..file.clone()
            };
            let name = format!("invite-{:02}", index + 1);
            let personal_invite = read_back(&personal, &format!("{name}.toml"))?;
            written.file(&format!("{name}.toml"), personal.to_text().as_bytes())?;
            written.file(
                &format!("{name}.html"),
                render::invite::page(&personal_invite).as_bytes(),
            )?;
            let guard = render::csv::guard;
            csv.write_record([
                guard(&rater.name),
                guard(&rater.email),
                guard(&rater.group),
                format!("{name}.toml"),
            ])
            .map_err(csv_error)?;
            sent.push(Sent {
                code: crate::team::invite::code_hash(code),
                person: rater.person(),
                invitation: format!("{name}.toml"),
            });
        }
        let table = csv.into_inner().map_err(|e| Error::user(e.to_string()))?;
        written.file("send.csv", &table)?;
        Ok(sent)
    })();
    let sent = match result {
        Ok(sent) => sent,
        Err(error) => {
            written.discard();
            return Err(error);
        }
    };
    let names = sent.iter().map(|s| s.invitation.clone()).collect();
    if let Err(error) = rounds::create(data, invite, sent) {
        written.discard();
        return Err(error);
    }
    Ok(names)
}

fn csv_error(error: csv::Error) -> Error {
    Error::user(format!("cannot write send.csv: {error}"))
}

/// The files `invite` writes into its folder, removed again (with the
/// folder, when it made it) if a later step fails.
struct Written {
    folder: PathBuf,
    made_folder: bool,
    files: Vec<PathBuf>,
}

impl Written {
    /// Prepares `folder`: new, or empty.
    fn new(folder: &Path) -> Result<Written> {
        let made_folder = !folder.exists();
        if !made_folder
            && std::fs::read_dir(folder)
                .map_err(|e| Error::io("read", folder, e))?
                .next()
                .is_some()
        {
            return Err(Error::user_with_help(
                format!("`{}` already holds files", folder.display()),
                "name a new folder with -o",
            ));
        }
        files::create_private_dir(folder)?;
        Ok(Written {
            folder: folder.to_owned(),
            made_folder,
            files: Vec::new(),
        })
    }

    /// Writes a new file.
    fn file(&mut self, name: &str, contents: &[u8]) -> Result<()> {
        let path = files::write_new(&self.folder, name, contents)
            .map_err(|e| Error::io("write the invitation into", &self.folder, e))?;
        self.files.push(path);
        Ok(())
    }

    /// Removes what was written.
    fn discard(self) {
        for file in &self.files {
            let _ = std::fs::remove_file(file);
        }
        if self.made_folder {
            let _ = std::fs::remove_dir(&self.folder);
        }
    }
}
