//! `leadgap raters`: the list of raters a manager fills in and sends to the
//! collector who runs their round (`--template`), and a check of one before
//! it is sent (`--check`).

use std::io::Write;
use std::path::PathBuf;

use clap::{ArgGroup, Args};

use crate::Config;
use crate::catalog;
use crate::error::{Error, Result, exit};
use crate::source::Source;
use crate::team::invite::group_labels;
use crate::team::raters;

/// `leadgap raters`
#[derive(Debug, Args)]
#[command(group(ArgGroup::new("what").args(["template", "check"]).required(true)))]
pub struct RatersArgs {
    /// Print a rater list to fill in (CSV: name,email,group), naming the form's groups
    #[arg(long)]
    pub template: bool,

    /// Check a filled-in rater list, as the collector's `invite` will
    #[arg(long, value_name = "FILE")]
    pub check: Option<PathBuf>,

    /// The team form whose groups the list uses (or a self form whose team form is built in or installed)
    #[arg(short, long, value_name = "NAME|PATH", default_value = "it-manager")]
    pub questionnaire: String,

    /// Whom the round is about, named in the template [default: your name, if leadgap knows it]
    #[arg(long, value_name = "NAME")]
    pub subject: Option<String>,

    #[command(flatten)]
    pub output: super::Output,
}

/// Runs `leadgap raters`.
pub fn run(config: &Config, args: RatersArgs, out: &mut dyn Write) -> Result<u8> {
    let data = config.data_dir()?;
    let found = catalog::team_form(&args.questionnaire, Some(&data))?;
    let groups = group_labels(&found.questionnaire);
    if let Some(path) = &args.check {
        let ids: Vec<String> = groups.iter().map(|(id, _)| id.clone()).collect();
        let list = raters::parse(&Source::read(path)?, &ids).map_err(Error::Invalid)?;
        let mut counts: Vec<(String, usize)> = Vec::new();
        for (id, _) in &groups {
            let n = list.iter().filter(|r| r.group == *id).count();
            if n > 0 {
                counts.push((id.clone(), n));
            }
        }
        let counts: Vec<String> = counts.iter().map(|(g, n)| format!("{g} {n}")).collect();
        writeln!(
            out,
            "{}: {} raters ({}). Send it to your collector.",
            path.display(),
            list.len(),
            counts.join(", ")
        )
        .map_err(Error::stdout)?;
        return Ok(exit::SUCCESS);
    }
    let subject = args.subject.clone().or_else(|| config.my_name(&data));
    let text = raters::template(subject.as_deref(), &groups);
    out.write_all(text.as_bytes()).map_err(Error::stdout)?;
    Ok(exit::SUCCESS)
}
