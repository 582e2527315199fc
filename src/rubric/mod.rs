//! The rubric: theme weights, bands, advice and target profiles for one
//! questionnaire, valid by construction.

mod load;
mod raw;

pub use load::{from_document, load};

use crate::error::{Error, Result, with_suggestion};

/// The share of a theme's question weight that must be answered for the theme
/// to be scored, when the rubric does not say.
pub const DEFAULT_MIN_COVERAGE: f64 = 0.5;

/// A checked rubric, bound to the questionnaire it was checked against: its
/// theme list is aligned with the questionnaire's themes.
#[derive(Clone, Debug)]
pub struct Rubric {
    /// The rubric's id.
    pub id: String,
    /// The questionnaire id it scores.
    pub questionnaire: String,
    /// The profile used when none is asked for.
    pub default_profile: String,
    /// Below this answered share a theme is not scored.
    pub min_coverage: f64,
    /// Bands in ascending order of `from`; the first starts at 0.
    pub bands: Vec<Band>,
    /// One entry per questionnaire theme, in questionnaire order.
    pub themes: Vec<ThemeRubric>,
    /// Target profiles, in file order.
    pub profiles: Vec<Profile>,
}

/// A named score range such as "developing".
#[derive(Clone, Debug)]
pub struct Band {
    /// The band's id, shown in reports.
    pub id: String,
    /// The lowest score in the band.
    pub from: f64,
}

/// What the rubric says about one theme.
#[derive(Clone, Debug)]
pub struct ThemeRubric {
    /// The theme's weight in the overall score (`W`), >= 0.
    pub weight: f64,
    /// Advice per band, aligned with [`Rubric::bands`].
    pub advice: Vec<Vec<Advice>>,
}

/// A line of advice.
#[derive(Clone, Debug, PartialEq)]
pub struct Advice {
    /// What to do.
    pub text: String,
    /// The question (index) whose low answer the line answers: shown only
    /// when that question scored below 0.5 (or "don't know"), and then
    /// before the lines tied to nothing.
    pub if_low: Option<usize>,
}

/// The most advice lines a theme shows.
pub const SHOWN_ADVICE: usize = 3;

/// Below this score a question is "low" for advice tied to it.
pub const LOW: f64 = 0.5;

/// A set of targets, e.g. for a first-year manager or for a director.
#[derive(Clone, Debug)]
pub struct Profile {
    /// The profile's id (`new-manager`).
    pub id: String,
    /// Who it is for.
    pub description: String,
    /// The target of each questionnaire theme, in questionnaire order.
    pub targets: Vec<f64>,
    /// How often people of this profile check in again (`checkin_every`,
    /// e.g. "90d"); the calendar's default is 90 days.
    pub checkin_every: Option<crate::interval::Every>,
}

impl Rubric {
    /// The advice for `theme` in `band`, given each question's score `s`
    /// (`None` where not answered or not applying) and weight: the lines
    /// tied to a low answer first, the heaviest shortfall (weight × (1 −
    /// s)) first, then the lines tied to nothing, at most [`SHOWN_ADVICE`].
    /// A line tied to an answer that is not low is left out: it would tell
    /// the person to start what is already in place.
    pub fn advice(
        &self,
        theme: usize,
        band: usize,
        scores: &[Option<f64>],
        weights: &[f64],
    ) -> Vec<String> {
        let lines = self
            .themes
            .get(theme)
            .and_then(|t| t.advice.get(band))
            .map(Vec::as_slice)
            .unwrap_or_default();
        let low = |question: usize| {
            scores
                .get(question)
                .copied()
                .flatten()
                .is_some_and(|s| s < LOW)
        };
        let shortfall = |question: usize| {
            let s = scores.get(question).copied().flatten().unwrap_or(0.0);
            weights.get(question).copied().unwrap_or(1.0) * (1.0 - s)
        };
        let mut tied: Vec<&Advice> = lines
            .iter()
            .filter(|line| line.if_low.is_some_and(low))
            .collect();
        // A stable sort keeps the rubric's order among equal shortfalls.
        tied.sort_by(|a, b| {
            let of = |line: &Advice| line.if_low.map_or(0.0, shortfall);
            of(b).total_cmp(&of(a))
        });
        let plain = lines.iter().filter(|line| line.if_low.is_none());
        tied.into_iter()
            .chain(plain)
            .take(SHOWN_ADVICE)
            .map(|line| line.text.clone())
            .collect()
    }

    /// The profile with this id, or the default profile for `None`.
    pub fn profile(&self, id: Option<&str>) -> Result<&Profile> {
        let id = id.unwrap_or(&self.default_profile);
        self.profiles.iter().find(|p| p.id == id).ok_or_else(|| {
            let known: Vec<&str> = self.profiles.iter().map(|p| p.id.as_str()).collect();
            Error::user_with_help(
                with_suggestion(
                    format!("unknown profile `{id}` in rubric `{}`", self.id),
                    id,
                    known.iter().copied(),
                ),
                format!("the profiles are: {}", known.join(", ")),
            )
        })
    }
}
