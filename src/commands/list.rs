//! `leadgap list`: the questionnaires available by name.

use clap::Args;
use std::io::Write;

use serde::Serialize;

use crate::Config;
use crate::catalog::{self, Found, Origin};

use crate::error::{Error, Result, exit};
use crate::output::clean_line;
use crate::questionnaire::{self, BUILT_IN};
use crate::render::{Format, write_table};
use crate::source::Source;

/// `leadgap list`
#[derive(Debug, Args)]
pub struct ListArgs {
    /// How to print the list
    #[arg(short, long, default_value = "table", value_parser = crate::commands::formats(&[Format::Table, Format::Json]))]
    pub format: Format,
}

#[derive(Serialize)]
struct Entry {
    id: String,
    version: String,
    title: String,
    themes: usize,
    questions: usize,
    /// `built-in`, or the file's path.
    source: String,
}

/// Runs `leadgap list`.
pub fn run(config: &Config, args: ListArgs, out: &mut dyn Write) -> Result<u8> {
    let mut entries: Vec<Entry> = Vec::new();
    for built_in in BUILT_IN {
        entries.push(entry(&catalog::built_in_questionnaire(built_in)?));
    }
    if let Ok(data) = config.data_dir() {
        for path in catalog::installed_paths(&data) {
            let loaded = Source::read(&path)
                .and_then(|source| Ok((questionnaire::load(&source)?, source.text)));
            match loaded {
                Ok((questionnaire, text)) => entries.push(entry(&Found {
                    questionnaire,
                    origin: Origin::File(path),
                    text,
                })),
                Err(error) => {
                    let first = error.first_line();
                    config.warn(&format!("skipping `{}`: {first}", path.display()));
                }
            }
        }
    }
    match args.format {
        Format::Json => {
            serde_json::to_writer_pretty(&mut *out, &entries)
                .map_err(|e| Error::stdout(e.into()))?;
            writeln!(out).map_err(Error::stdout)?;
        }
        _ => {
            let mut table = comfy_table::Table::new();
            table.load_style(comfy_table::presets::NOTHING);
            table.set_width(config.look().width);
            table.set_header(["Name", "Version", "Questions", "Title", "Source"]);
            for e in &entries {
                table.add_row([
                    clean_line(&e.id).into_owned(),
                    clean_line(&e.version).into_owned(),
                    format!("{} in {} themes", e.questions, e.themes),
                    clean_line(&e.title).into_owned(),
                    clean_line(&e.source).into_owned(),
                ]);
            }
            write_table(out, &table).map_err(Error::stdout)?;
        }
    }
    Ok(exit::SUCCESS)
}

fn entry(found: &Found) -> Entry {
    let q = &found.questionnaire;
    Entry {
        id: q.id.clone(),
        version: q.version.clone(),
        title: q.title.clone(),
        themes: q.themes.len(),
        questions: q.questions.len(),
        source: match &found.origin {
            Origin::BuiltIn(_) => "built-in".to_owned(),
            Origin::File(path) => path.display().to_string(),
        },
    }
}
