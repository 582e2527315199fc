//! Building a [`Rubric`] from its file and the questionnaire it scores,
//! collecting every problem.

use toml::Spanned;
use toml::de::DeTable;

use super::raw::{RawAdvice, RawBand, RawProfile, RawThemeRubric, TOP_LEVEL_KEYS};
use super::{Advice, Band, DEFAULT_MIN_COVERAGE, Profile, Rubric, ThemeRubric};
use crate::document::Document;
use crate::error::{Diagnostic, with_suggestion};
use crate::questionnaire::{MAX_WEIGHT, Questionnaire, format_number};
use crate::source::Source;

/// Reads a rubric file and checks it against `questionnaire`.
pub fn load(source: &Source, questionnaire: &Questionnaire) -> Result<Rubric, Vec<Diagnostic>> {
    let (mut document, root) = Document::parse(source);
    if document.has_problems() {
        // A syntax error: what was recovered cannot be trusted.
        return Err(document.finish());
    }
    let rubric = from_document(&mut document, root, questionnaire);
    document.conclude(rubric)
}

/// Builds a rubric from an already parsed file, recording problems in
/// `document`. Returns `None` when a problem was found.
pub fn from_document<'s>(
    document: &mut Document<'s>,
    mut root: DeTable<'s>,
    questionnaire: &Questionnaire,
) -> Option<Rubric> {
    let place = "the rubric";
    let start = document.problem_count();
    document.check_schema(&mut root, place);
    let id = document.require::<String>(&mut root, "id", None, place);
    let for_questionnaire = document.require::<String>(&mut root, "questionnaire", None, place);
    let default_profile = document.require::<String>(&mut root, "default_profile", None, place);
    let min_coverage = document.take::<f64>(&mut root, "min_coverage");
    let has_bands = root.contains_key("bands");
    let has_profiles = root.contains_key("profiles");
    let raw_bands = document.take_array::<RawBand>(&mut root, "bands");
    let raw_themes = document.take_entries::<RawThemeRubric>(&mut root, "themes");
    let raw_profiles = document.take_entries::<RawProfile>(&mut root, "profiles");
    document.reject_unknown(root, TOP_LEVEL_KEYS, place);

    if let Some(id) = &id {
        crate::questionnaire::check_id(document, id, "rubric id");
    }
    if let Some(target) = &for_questionnaire
        && *target.get_ref() != questionnaire.id
    {
        document
            .problem(
                Some(target.span()),
                format!(
                    "this rubric is for questionnaire `{}`, not `{}`",
                    target.get_ref(),
                    questionnaire.id
                ),
            )
            .help = Some(format!(
            "use a rubric whose `questionnaire = \"{}\"`",
            questionnaire.id
        ));
        // Every theme it names would be unknown too; that says nothing more.
        return None;
    }
    if let Some(coverage) = &min_coverage
        && !(0.0..=1.0).contains(coverage.get_ref())
    {
        document.problem(
            Some(coverage.span()),
            format!(
                "`min_coverage` must be from 0 to 1, found {}",
                format_number(*coverage.get_ref())
            ),
        );
    }

    if !has_bands {
        document.problem(None, "the rubric has no bands").help =
            Some("add [[bands]] tables with `id` and `from`, the first with `from = 0`".to_owned());
    }
    let bands = build_bands(document, raw_bands);
    let themes = build_themes(document, raw_themes, questionnaire, &bands);

    if !has_profiles {
        document.problem(None, "the rubric has no profiles").help =
            Some("add a [profiles.NAME] table with `default_target`".to_owned());
    }
    let profiles = build_profiles(document, raw_profiles, questionnaire);
    if let Some(default) = &default_profile
        && has_profiles
        && !profiles.is_empty()
        && !profiles.iter().any(|p| p.id == *default.get_ref())
    {
        let message = with_suggestion(
            format!("unknown default profile `{}`", default.get_ref()),
            default.get_ref(),
            profiles.iter().map(|p| p.id.as_str()),
        );
        document.problem(Some(default.span()), message);
    }

    if document.problem_count() > start {
        return None;
    }
    Some(Rubric {
        id: id?.into_inner(),
        questionnaire: for_questionnaire?.into_inner(),
        default_profile: default_profile?.into_inner(),
        min_coverage: min_coverage.map_or(DEFAULT_MIN_COVERAGE, Spanned::into_inner),
        bands,
        themes,
        profiles,
    })
}

fn build_bands(document: &mut Document<'_>, raw_bands: Vec<Spanned<RawBand>>) -> Vec<Band> {
    let mut bands: Vec<Band> = Vec::new();
    for (index, raw) in raw_bands.into_iter().enumerate() {
        let RawBand { id, from } = raw.into_inner();
        crate::questionnaire::check_id(document, &id, "band id");
        if bands.iter().any(|b| b.id == *id.get_ref()) {
            document.problem(
                Some(id.span()),
                format!("duplicate band id `{}`", id.get_ref()),
            );
        }
        let value = *from.get_ref();
        if !(0.0..=100.0).contains(&value) {
            document.problem(
                Some(from.span()),
                format!(
                    "`from` must be from 0 to 100, found {}",
                    format_number(value)
                ),
            );
        } else if index == 0 && value != 0.0 {
            document
                .problem(
                    Some(from.span()),
                    format!(
                        "the first band must start at `from = 0`, not {}",
                        format_number(value)
                    ),
                )
                .help = Some("every score needs a band, so the lowest band starts at 0".to_owned());
        } else if let Some(previous) = bands.last()
            && value <= previous.from
        {
            document.problem(
                Some(from.span()),
                format!(
                    "bands must be in ascending order of `from`: {} follows {} (`{}`)",
                    format_number(value),
                    format_number(previous.from),
                    previous.id
                ),
            );
        }
        bands.push(Band {
            id: id.into_inner(),
            from: value,
        });
    }
    bands
}

fn build_themes(
    document: &mut Document<'_>,
    raw_themes: Vec<(Spanned<String>, Spanned<RawThemeRubric>)>,
    questionnaire: &Questionnaire,
    bands: &[Band],
) -> Vec<ThemeRubric> {
    let mut themes: Vec<ThemeRubric> = questionnaire
        .themes
        .iter()
        .map(|_| ThemeRubric {
            weight: 1.0,
            advice: vec![Vec::new(); bands.len()],
        })
        .collect();
    for (name, raw) in raw_themes {
        let Some(index) = theme_index(document, questionnaire, &name) else {
            continue;
        };
        let raw = raw.into_inner();
        if let Some(weight) = raw.weight {
            let value = *weight.get_ref();
            if !(0.0..=MAX_WEIGHT).contains(&value) {
                document.problem(
                    Some(weight.span()),
                    format!(
                        "theme weight must be from 0 to {}, found {}",
                        format_number(MAX_WEIGHT),
                        format_number(value)
                    ),
                );
            }
            themes[index].weight = value;
        }
        for (band, lines) in raw.advice {
            let Some(band_index) = bands.iter().position(|b| b.id == *band.get_ref()) else {
                let message = with_suggestion(
                    format!(
                        "unknown band `{}` in the advice for `{}`",
                        band.get_ref(),
                        name.get_ref()
                    ),
                    band.get_ref(),
                    bands.iter().map(|b| b.id.as_str()),
                );
                document.problem(Some(band.span()), message);
                continue;
            };
            let mut built = Vec::new();
            for line in lines.into_inner() {
                let span = line.span();
                let (text, if_low) = match line.into_inner() {
                    RawAdvice::Text(text) => (text, None),
                    RawAdvice::Tied { text, if_low } => (text, Some(if_low)),
                };
                if text.trim().is_empty() {
                    document.problem(Some(span.clone()), "advice has an empty line");
                }
                let if_low = if_low.and_then(|question| {
                    tied_question(document, questionnaire, index, &question, span.clone())
                });
                built.push(Advice { text, if_low });
            }
            themes[index].advice[band_index] = built;
        }
    }
    themes
}

/// The question an advice line of theme `theme` is tied to: a question of
/// that theme.
fn tied_question(
    document: &mut Document<'_>,
    questionnaire: &Questionnaire,
    theme: usize,
    id: &str,
    span: std::ops::Range<usize>,
) -> Option<usize> {
    let title = &questionnaire.themes[theme].id;
    match questionnaire.question_index(id) {
        Some(index) if questionnaire.questions[index].theme == theme => Some(index),
        Some(index) => {
            let other = &questionnaire.themes[questionnaire.questions[index].theme].id;
            document
                .problem(
                    Some(span),
                    format!(
                        "`if_low = \"{id}\"` names a question of theme `{other}`, not of `{title}`"
                    ),
                )
                .help = Some("advice can only be tied to a question of its own theme".to_owned());
            None
        }
        None => {
            let message = with_suggestion(
                format!("`if_low` names unknown question `{id}`"),
                id,
                questionnaire
                    .questions_of(theme)
                    .map(|(_, q)| q.id.as_str()),
            );
            document.problem(Some(span), message);
            None
        }
    }
}

fn build_profiles(
    document: &mut Document<'_>,
    raw_profiles: Vec<(Spanned<String>, Spanned<RawProfile>)>,
    questionnaire: &Questionnaire,
) -> Vec<Profile> {
    let mut profiles = Vec::new();
    for (name, raw) in raw_profiles {
        let span = raw.span();
        let raw = raw.into_inner();
        crate::questionnaire::check_id(document, &name, "profile id");
        let default_target = match raw.default_target {
            Some(target) => check_target(document, &target),
            None => {
                document.problem(
                    Some(span),
                    format!("profile `{}` needs `default_target`", name.get_ref()),
                );
                0.0
            }
        };
        let mut targets = vec![default_target; questionnaire.themes.len()];
        for (theme, target) in raw.targets {
            if let Some(index) = theme_index(document, questionnaire, &theme) {
                targets[index] = check_target(document, &target);
            }
        }
        let checkin_every = raw.checkin_every.and_then(|every| {
            crate::interval::Every::parse(every.get_ref())
                .map_err(|problem| document.problem(Some(every.span()), problem))
                .ok()
        });
        profiles.push(Profile {
            id: name.into_inner(),
            description: raw.description.unwrap_or_default(),
            targets,
            checkin_every,
        });
    }
    profiles
}

fn check_target(document: &mut Document<'_>, target: &Spanned<f64>) -> f64 {
    let value = *target.get_ref();
    if !(0.0..=100.0).contains(&value) {
        document.problem(
            Some(target.span()),
            format!(
                "a target must be from 0 to 100, found {}",
                format_number(value)
            ),
        );
    }
    value
}

/// The questionnaire index of a theme named in the rubric, or a problem.
fn theme_index(
    document: &mut Document<'_>,
    questionnaire: &Questionnaire,
    name: &Spanned<String>,
) -> Option<usize> {
    let index = questionnaire.theme_index(name.get_ref());
    if index.is_none() {
        let message = with_suggestion(
            format!(
                "unknown theme `{}` (not in questionnaire `{}`)",
                name.get_ref(),
                questionnaire.id
            ),
            name.get_ref(),
            questionnaire.themes.iter().map(|t| t.id.as_str()),
        );
        document.problem(Some(name.span()), message);
    }
    index
}
