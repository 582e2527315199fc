//! Finding questionnaires and rubrics: built into the binary, installed in
//! the data directory (`DATA/questionnaires/NAME.toml`), or named by path.

use std::path::{Path, PathBuf};

use crate::error::{Error, Result, with_suggestion};
use crate::questionnaire::{self, BUILT_IN, BuiltIn, Questionnaire};
use crate::rubric::{self, Rubric};
use crate::source::Source;
use crate::store::DataDir;

/// The questionnaire used when none is named.
pub const DEFAULT_QUESTIONNAIRE: &str = "it-manager";

/// Where a questionnaire came from; rubric paths are relative to it.
#[derive(Clone, Debug)]
pub enum Origin {
    /// Embedded in the binary.
    BuiltIn(&'static BuiltIn),
    /// A file on disk.
    File(PathBuf),
}

/// A loaded questionnaire and where it came from.
#[derive(Clone, Debug)]
pub struct Found {
    /// The checked questionnaire.
    pub questionnaire: Questionnaire,
    /// Where it came from.
    pub origin: Origin,
    /// Its file's text, for an invitation that carries it.
    pub text: String,
}

/// Whether a `-q` value names a file rather than a questionnaire by name.
pub fn looks_like_path(spec: &str) -> bool {
    spec.contains('/') || spec.contains(std::path::MAIN_SEPARATOR) || spec.ends_with(".toml")
}

/// The questionnaire in the file at `path`.
fn from_file(path: PathBuf) -> Result<Found> {
    let source = Source::read(&path)?;
    let questionnaire = questionnaire::load(&source)?;
    Ok(Found {
        questionnaire,
        origin: Origin::File(path),
        text: source.text,
    })
}

/// Finds and loads the questionnaire `spec`: a path, a built-in name, or the
/// name of one installed in the data directory.
pub fn questionnaire(spec: &str, data: Option<&DataDir>) -> Result<Found> {
    if looks_like_path(spec) {
        return from_file(PathBuf::from(spec));
    }
    if let Some(built_in) = BUILT_IN.iter().find(|b| b.name == spec) {
        return built_in_questionnaire(built_in);
    }
    if let Some(data) = data {
        let path = data.questionnaires().join(format!("{spec}.toml"));
        if path.is_file() {
            return from_file(path);
        }
    }
    let names = available_names(data);
    let looked = match data {
        Some(data) => format!(
            "unknown questionnaire `{spec}`: not built in, nor installed in `{}`",
            data.questionnaires().display()
        ),
        None => format!("unknown questionnaire `{spec}`: not built in"),
    };
    Err(Error::user_with_help(
        with_suggestion(looked, spec, names.iter().map(String::as_str)),
        "`leadgap list` shows the questionnaires; a file path works too (`-q ./mine.toml`)",
    ))
}

/// The team form to invite raters with for `spec`: `spec` itself when it is
/// a team form, else the built-in or installed team form whose `self_form`
/// it is.
pub fn team_form(spec: &str, data: Option<&DataDir>) -> Result<Found> {
    let found = questionnaire(spec, data)?;
    if found.questionnaire.self_form.is_some() {
        return Ok(found);
    }
    let id = found.questionnaire.id.clone();
    for built_in in BUILT_IN {
        let candidate = built_in_questionnaire(built_in)?;
        if candidate.questionnaire.self_form.as_deref() == Some(id.as_str()) {
            return Ok(candidate);
        }
    }
    if let Some(data) = data {
        for path in installed_paths(data) {
            let Ok(source) = Source::read(&path) else {
                continue;
            };
            if let Ok(candidate) = questionnaire::load(&source)
                && candidate.self_form.as_deref() == Some(id.as_str())
            {
                return Ok(Found {
                    questionnaire: candidate,
                    origin: Origin::File(path),
                    text: source.text,
                });
            }
        }
    }
    Err(Error::user_with_help(
        format!("questionnaire `{id}` has no team form"),
        "a team form is a questionnaire with `self_form = \"ID\"`; install one in the data \
         directory's questionnaires folder, or pass its path with -q",
    ))
}

/// Loads a built-in questionnaire.
pub fn built_in_questionnaire(built_in: &'static BuiltIn) -> Result<Found> {
    let source = Source::new(built_in.questionnaire_name(), built_in.questionnaire);
    Ok(Found {
        questionnaire: questionnaire::load(&source)?,
        origin: Origin::BuiltIn(built_in),
        text: built_in.questionnaire.to_owned(),
    })
}

/// The source of the rubric to score `found` with: `explicit` if given, else
/// the questionnaire's own default rubric.
pub fn rubric_source(found: &Found, explicit: Option<&Path>) -> Result<Source> {
    if let Some(path) = explicit {
        return Source::read(path);
    }
    match &found.origin {
        Origin::BuiltIn(built_in) => Ok(Source::new(built_in.rubric_name(), built_in.rubric)),
        Origin::File(path) => {
            let Some(relative) = &found.questionnaire.rubric else {
                return Err(Error::user_with_help(
                    format!("questionnaire `{}` names no rubric", path.display()),
                    "add `rubric = \"FILE\"` to it, a path next to the questionnaire (`leadgap \
                     assess` also takes `--rubric FILE`)",
                ));
            };
            let base = path.parent().unwrap_or(Path::new("."));
            Source::read(&base.join(relative))
        }
    }
}

/// Loads the rubric for `found` (see `rubric_source`) and checks it.
pub fn rubric(found: &Found, explicit: Option<&Path>) -> Result<Rubric> {
    let source = rubric_source(found, explicit)?;
    Ok(rubric::load(&source, &found.questionnaire)?)
}

/// Names of every questionnaire that can be given by name.
fn available_names(data: Option<&DataDir>) -> Vec<String> {
    let mut names: Vec<String> = BUILT_IN.iter().map(|b| b.name.to_owned()).collect();
    if let Some(data) = data {
        names.extend(
            installed_paths(data)
                .iter()
                .filter_map(|p| p.file_stem().map(|s| s.to_string_lossy().into_owned())),
        );
    }
    names
}

/// The questionnaire files installed in the data directory, sorted. Rubric
/// files (`*.rubric.toml`) next to them are not questionnaires.
pub fn installed_paths(data: &DataDir) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(data.questionnaires()) else {
        return Vec::new();
    };
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| {
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            name.ends_with(".toml") && !name.ends_with(".rubric.toml")
        })
        .collect();
    paths.sort();
    paths
}
