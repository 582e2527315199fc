//! `leadgap note`: add a reviewer's note to a saved report.

use std::io::Write;
use std::path::Path;

use crate::Context;
use crate::cli::NoteArgs;
use crate::clock;
use crate::error::{Error, Result, exit, with_suggestion};
use crate::files;
use crate::output::clean_line;
use crate::report::Review;
use crate::store;

/// Runs `leadgap note`.
pub fn run(context: &Context, args: NoteArgs, out: &mut dyn Write) -> Result<u8> {
    let text = args.text.trim();
    if text.is_empty() {
        return Err(Error::user(
            "the note is empty; write it after the options, in quotes",
        ));
    }
    let author = args.author.trim();
    if author.is_empty() {
        return Err(Error::user(
            "--author is empty; give the name the note should carry",
        ));
    }
    let path = context.find_report(&args.report)?;
    let folder = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let file_name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .ok_or_else(|| Error::user(format!("`{}` is not a report file", path.display())))?;

    // Read, append and replace under a lock, so that two notes written at
    // the same moment both survive.
    let lock = files::lock_folder(folder)?;
    let mut report = store::load_report(&path)?;
    let Some(theme) = report.theme(&args.theme).map(|t| t.title.clone()) else {
        let ids: Vec<&str> = report.themes.iter().map(|t| t.id.as_str()).collect();
        return Err(Error::user_with_help(
            with_suggestion(
                format!("the report has no theme `{}`", args.theme),
                &args.theme,
                ids.iter().copied(),
            ),
            format!("its themes are: {}", ids.join(", ")),
        ));
    };
    report.reviews.push(Review {
        theme: args.theme.clone(),
        author: author.to_owned(),
        created: clock::format_rfc3339(clock::now()?),
        text: text.to_owned(),
    });
    let saved =
        toml::to_string(&report).map_err(|e| Error::user(format!("cannot save the note: {e}")))?;
    files::replace(folder, &file_name, saved.as_bytes())
        .map_err(|e| Error::io("save the note in", &path, e))?;
    drop(lock);

    writeln!(
        out,
        "Added a note by {} on {} to {}",
        clean_line(author),
        clean_line(&theme),
        path.display()
    )
    .map_err(Error::stdout)?;
    Ok(exit::SUCCESS)
}
