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
    pub advice: Vec<Vec<String>>,
}

/// A set of targets, e.g. for a first-year manager or for a director.
#[derive(Clone, Debug)]
pub struct Profile {
    /// The profile's id (`new-manager`).
    pub id: String,
    /// Who it is for.
    pub description: String,
    /// The target of each questionnaire theme, in questionnaire order.
    pub targets: Vec<f64>,
}

impl Rubric {
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
