//! Whose reports are "yours": the data directory's owner, your newest
//! self-assessment, and saying whose report a command took.

use std::collections::HashSet;
use std::path::PathBuf;

use super::{Config, OwnLatest, People};
use crate::error::{Error, Result};
use crate::report::Report;
use crate::store::{self, DataDir};

impl Config {
    /// Your newest readable report (see `Config::owner`): your series, not
    /// that of someone whose reports are also in the data directory.
    pub fn latest_own(&self, data: &DataDir) -> Result<OwnLatest> {
        let me = self.owner(data);
        let own = |report: &Report| report.is_self() && report.respondent == me;
        match data.latest(own) {
            Ok(latest) => Ok(OwnLatest {
                path: latest.path,
                report: Some(latest.report),
                skipped: latest.skipped,
            }),
            Err(_) => Ok(OwnLatest {
                path: PathBuf::new(),
                report: None,
                skipped: Vec::new(),
            }),
        }
    }

    /// Why `latest` names nothing here, and how to choose instead.
    pub(super) fn no_latest(&self, data: &DataDir) -> Error {
        let folder = data.reports();
        let help = "name a report by its id or path instead; `leadgap history` lists them";
        let people = match self.people(data) {
            Ok(people) if people.everyone > 0 => people,
            // Nothing at all (or nothing readable): say so as before.
            _ => {
                return match data.latest(|_| true) {
                    Err(error) => error,
                    Ok(_) => Error::user_with_help(
                        format!("`latest` found no report in `{}`", folder.display()),
                        help,
                    ),
                };
            }
        };
        let why = match (self.owner(data), people.selves.len()) {
            (Some(name), _) => format!("there is none by {name} in `{}`", folder.display()),
            (None, 0) => format!(
                "`{}` holds no self-assessment, only other raters' reports",
                folder.display()
            ),
            (None, _) => format!(
                "`{}` holds self-assessments of several people and no name of yours (the one a \
                 first `leadgap assess` asks for) to tell which are yours",
                folder.display()
            ),
        };
        Error::user_with_help(
            format!("`latest` is your own newest self-assessment, and {why}"),
            help,
        )
    }

    /// Whose self-assessments are "yours": the name remembered in the data
    /// directory; before one is, the one person whose self-assessments the
    /// data directory holds (`None` also when it holds several people's:
    /// then only unnamed ones are yours).
    pub(super) fn owner(&self, data: &DataDir) -> Option<String> {
        if let Some(name) = self.my_name(data) {
            return Some(name);
        }
        match self.people(data) {
            Ok(people) if people.selves.len() == 1 => people.selves[0].clone(),
            _ => None,
        }
    }

    /// Who the data directory's reports are about, read once per run.
    pub(super) fn people(&self, data: &DataDir) -> Result<&People> {
        if let Some(people) = self.people.get() {
            return Ok(people);
        }
        let mut everyone: HashSet<Option<String>> = HashSet::new();
        let mut selves: Vec<Option<String>> = Vec::new();
        self.visit_reports(&data.reports(), &mut |loaded| {
            let report = loaded.report;
            if report.is_self() && selves.len() < 2 && !selves.contains(&report.respondent) {
                selves.push(report.respondent.clone());
            }
            everyone.insert(report.respondent);
        })?;
        Ok(self.people.get_or_init(|| People {
            selves,
            everyone: everyone.len(),
        }))
    }

    /// The name remembered in the data directory; a damaged `me.toml` is a
    /// warning and no name.
    pub fn my_name(&self, data: &DataDir) -> Option<String> {
        match store::identity::name(data) {
            Ok(name) => name,
            Err(error) => {
                if let Some((message, _)) = error.lines().into_iter().next() {
                    self.warn(&message);
                }
                None
            }
        }
    }

    /// When the data directory holds reports about several people, says
    /// whose report was taken for "latest": "`{lead}` Sam Hero's
    /// self-assessment of …".
    pub fn say_whose(&self, data: &DataDir, report: &Report, lead: &str) -> Result<()> {
        let people = self.people(data)?.everyone;
        if people > 1 {
            self.info(&format!(
                "{lead} {} of {} ({}); the data directory holds reports about {} people, and \
                 `leadgap history` lists them by id.",
                crate::render::text::who_possessive(report),
                crate::render::text::created_display(report),
                report.id,
                people
            ));
        }
        Ok(())
    }
}
