//! Norms: where a cohort's scores fall, per theme, kept in a small file that
//! names nobody and can be shared between programmes. From it, a score's
//! percentile ("higher than 62% of the cohort") and whether a change between
//! two reports is more than measurement noise.
//!
//! A theme is matched by questionnaire id and theme hash, so norms never
//! apply to a theme whose questions differ from those the cohort answered.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::document::{Step, span_at};
use crate::error::{Diagnostic, Error};
use crate::programme::reliability::Accumulator;
use crate::report::{Report, ThemeReport};
use crate::rounding::{one_decimal, three_decimals};
use crate::source::Source;
use crate::stats::{self, PERCENTILES};

/// The norms file format version.
pub const SCHEMA: i64 = 1;

/// The fewest respondents norms are made from, and the default of `--min`.
pub const MIN_RESPONDENTS: usize = crate::programme::reliability::MIN_RESPONDENTS;

/// A norms file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Norms {
    /// File format version.
    pub schema: i64,
    /// One entry per questionnaire and theme.
    #[serde(default)]
    pub themes: Vec<NormTheme>,
}

/// The cohort's figures for one theme.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NormTheme {
    /// Questionnaire id.
    pub questionnaire: String,
    /// The theme's content hash: its questions, exactly.
    pub hash: String,
    /// Theme id.
    pub id: String,
    /// Respondents with a score for the theme.
    pub n: usize,
    /// Mean score, in whole points.
    pub mean: f64,
    /// Sample standard deviation of the scores.
    pub sd: f64,
    /// 10th percentile of the scores, in whole points (as are the others).
    pub p10: f64,
    /// 25th percentile.
    pub p25: f64,
    /// Median.
    pub p50: f64,
    /// 75th percentile.
    pub p75: f64,
    /// 90th percentile.
    pub p90: f64,
    /// Cronbach's alpha of the theme's questions, when computable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub alpha: Option<f64>,
}

impl NormTheme {
    /// The scores at 10, 25, 50, 75 and 90%.
    pub fn quantiles(&self) -> [f64; 5] {
        [self.p10, self.p25, self.p50, self.p75, self.p90]
    }

    /// The share of the cohort (0..=100) that scored below `score`.
    pub fn percentile(&self, score: f64) -> f64 {
        stats::percentile_of(score, &self.quantiles())
    }

    /// The smallest meaningful change of a score in this theme, when the
    /// theme's reliability is known.
    pub fn meaningful(&self) -> Option<f64> {
        self.alpha
            .map(|alpha| stats::meaningful_change(self.sd, alpha))
    }
}

/// Where one theme of a report stands among the cohort.
#[derive(Clone, Debug, PartialEq)]
pub struct Standing {
    /// The share of the cohort (0..=100) that scored below the theme's
    /// score; none when the theme was not scored.
    pub percentile: Option<f64>,
    /// The cohort's middle half: its 25th and 75th percentiles.
    pub middle: (f64, f64),
    /// How many people the norms come from.
    pub n: usize,
    /// The smallest meaningful change, when the norms know the theme's alpha.
    pub needed: Option<f64>,
    /// Whether the theme's change since the previous report is meaningful;
    /// none without a change or without alpha.
    pub meaningful: Option<bool>,
}

impl Norms {
    /// Where `theme` of a report on `questionnaire`, changed by `change`
    /// since the previous report, stands; none when the norms do not have
    /// the theme as it was asked.
    pub fn standing(
        &self,
        questionnaire: &str,
        theme: &ThemeReport,
        change: Option<f64>,
    ) -> Option<Standing> {
        let norm = self.find(questionnaire, &theme.hash)?;
        let needed = norm.meaningful();
        Some(Standing {
            percentile: theme.score.map(|score| norm.percentile(score)),
            middle: (norm.p25, norm.p75),
            n: norm.n,
            needed,
            meaningful: change
                .zip(needed)
                .map(|(change, needed)| change.abs() >= needed - 1e-9),
        })
    }

    /// The figures for the theme with `hash` of questionnaire `questionnaire`.
    pub fn find(&self, questionnaire: &str, hash: &str) -> Option<&NormTheme> {
        self.themes
            .iter()
            .find(|t| t.questionnaire == questionnaire && t.hash == hash)
    }

    /// Reads the norms file at `path`.
    pub fn read(path: &std::path::Path) -> Result<Norms, Error> {
        Norms::parse(&Source::read(path)?)
    }

    /// Reads a norms file, with the place of every problem.
    pub fn parse(source: &Source) -> Result<Norms, Error> {
        let help = "make it again with `leadgap norms DIR... -o FILE`";
        let norms: Norms = toml::from_str(&source.text).map_err(|error| {
            Error::Invalid(vec![
                source
                    .diagnostic(
                        error.span(),
                        format!("not a norms file: {}", error.message().trim()),
                    )
                    .with_help(help),
            ])
        })?;
        let root = toml::de::DeTable::parse(&source.text)
            .ok()
            .map(|t| t.into_inner());
        let at = |path: &[Step<'_>]| root.as_ref().and_then(|root| span_at(root, path));
        let mut problems: Vec<Diagnostic> = Vec::new();
        if norms.schema != SCHEMA {
            problems.push(source.diagnostic(
                at(&[Step::Key("schema")]),
                format!(
                    "norms schema {} is not supported; this leadgap reads schema {SCHEMA}",
                    norms.schema
                ),
            ));
        }
        for (index, theme) in norms.themes.iter().enumerate() {
            for (key, problem) in theme.problems() {
                problems.push(
                    source
                        .diagnostic(
                            at(&[Step::Key("themes"), Step::Index(index), Step::Key(key)]),
                            problem,
                        )
                        .with_help(help),
                );
            }
        }
        if problems.is_empty() {
            Ok(norms)
        } else {
            Err(Error::Invalid(problems))
        }
    }
}

impl NormTheme {
    /// What is wrong with the figures, by key.
    fn problems(&self) -> Vec<(&'static str, String)> {
        let mut problems = Vec::new();
        if self.n == 0 {
            problems.push(("n", "`n` must be at least 1".to_owned()));
        }
        let score = |key: &'static str, value: f64, problems: &mut Vec<_>| {
            if !(0.0..=100.0).contains(&value) {
                problems.push((
                    key,
                    format!("`{key}` = {value} is not a score from 0 to 100"),
                ));
            }
        };
        score("mean", self.mean, &mut problems);
        let quantiles = self.quantiles();
        for (key, value) in ["p10", "p25", "p50", "p75", "p90"]
            .into_iter()
            .zip(quantiles)
        {
            score(key, value, &mut problems);
        }
        let keys = ["p10", "p25", "p50", "p75", "p90"];
        if let Some(at) = quantiles.windows(2).position(|w| w[0] > w[1]) {
            problems.push((
                keys[at + 1],
                format!(
                    "`{}` is below `{}`: the percentiles must not decrease from p10 to p90",
                    keys[at + 1],
                    keys[at]
                ),
            ));
        }
        if !(0.0..=100.0).contains(&self.sd) {
            problems.push(("sd", format!("`sd` = {} is out of range", self.sd)));
        }
        if let Some(alpha) = self.alpha
            && !(alpha.is_finite() && alpha <= 1.0)
        {
            problems.push(("alpha", format!("`alpha` = {alpha} is above 1")));
        }
        problems
    }
}

/// Norms in the making: respondents' latest self-reports, one at a time.
#[derive(Debug, Default)]
pub struct Builder {
    themes: BTreeMap<(String, String), Entry>,
    respondents: usize,
}

#[derive(Debug)]
struct Entry {
    id: String,
    scores: Vec<f64>,
    items: Option<Accumulator>,
}

impl Builder {
    /// Takes one respondent's latest self-report (with its answers).
    pub fn add(&mut self, report: &Report) {
        self.respondents += 1;
        for theme in &report.themes {
            let key = (report.questionnaire.id.clone(), theme.hash.clone());
            let entry = self.themes.entry(key).or_insert_with(|| Entry {
                id: theme.id.clone(),
                scores: Vec::new(),
                items: None,
            });
            if let Some(score) = theme.score {
                entry.scores.push(score);
            }
            if let Some((ids, row)) = crate::programme::reliability::theme_row(report, &theme.id) {
                let items = entry.items.get_or_insert_with(|| Accumulator::new(ids));
                items.add(&row);
            }
        }
    }

    /// How many respondents were taken.
    pub fn respondents(&self) -> usize {
        self.respondents
    }

    /// The norms: every theme that `min` respondents or more have a score
    /// for (a smaller group's percentiles would be its members' scores).
    pub fn finish(self, min: usize) -> Norms {
        let themes = self
            .themes
            .into_iter()
            .filter(|(_, entry)| entry.scores.len() >= min.max(2))
            .map(|((questionnaire, hash), mut entry)| {
                entry.scores.sort_by(f64::total_cmp);
                let (mean, sd) = stats::mean_sd(&entry.scores);
                // Whole points: two norms files from cohorts that differ by
                // one person must not give that person's scores back by
                // differencing to the decimal.
                let at = |p: u8| {
                    stats::quantile(&entry.scores, f64::from(p) / 100.0)
                        .unwrap_or(0.0)
                        .round()
                };
                let [p10, p25, p50, p75, p90] = PERCENTILES.map(at);
                NormTheme {
                    questionnaire,
                    hash,
                    id: entry.id,
                    n: entry.scores.len(),
                    mean: mean.unwrap_or(0.0).round(),
                    sd: one_decimal(sd.unwrap_or(0.0)),
                    p10,
                    p25,
                    p50,
                    p75,
                    p90,
                    alpha: entry
                        .items
                        .and_then(|items| items.analyse().alpha)
                        .map(three_decimals),
                }
            })
            .collect();
        Norms {
            schema: SCHEMA,
            themes,
        }
    }
}
