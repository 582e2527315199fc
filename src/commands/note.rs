//! `leadgap note`: add a reviewer's note to a saved report.

use clap::Args;
use std::io::Write;
use std::path::Path;

use crate::Config;

use crate::clock;
use crate::error::{Error, Result, exit, with_suggestion};
use crate::files;
use crate::output::clean_line;
use crate::report::Review;
use crate::store;

/// `leadgap note`
#[derive(Debug, Args)]
pub struct NoteArgs {
    /// The report to annotate (id, `latest` or path)
    #[arg(value_name = "REPORT")]
    pub report: String,

    /// The theme the note is about
    #[arg(long, value_name = "ID")]
    pub theme: String,

    /// Who writes the note
    #[arg(long, value_name = "NAME")]
    pub author: String,

    /// The note
    #[arg(value_name = "TEXT")]
    pub text: String,
}

/// Runs `leadgap note`.
pub fn run(config: &Config, args: NoteArgs, out: &mut dyn Write) -> Result<u8> {
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
    // Everything is checked before anything is locked or written: a wrong
    // path or theme leaves no trace anywhere.
    let (path, report) = config.load_report(&args.report)?;
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
    let review = Review {
        theme: args.theme.clone(),
        author: author.to_owned(),
        created: clock::format_rfc3339(clock::now()?),
        text: text.to_owned(),
    };

    // Read, append and replace under a lock, so that two notes written at
    // the same moment both survive. The lock lives in the data directory;
    // without one, beside the report, now that the note will be written.
    let _lock = match config.data_dir() {
        Ok(data) => {
            files::create_private_dir(data.root())?;
            files::lock_folder(data.root())?
        }
        Err(_) => files::lock_folder(folder_of(&path))?,
    };
    store::add_review(&path, &review)?;

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

fn folder_of(path: &Path) -> &Path {
    path.parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
}
