//! What the integration tests, benchmarks and fuzz targets reach inside
//! the crate, in one place, so that everything else can stay private.
//! Not part of any promise: it changes with the tests.

use crate::team::encryption;

/// Questionnaires: their model, loading and the built-in ones.
pub mod questionnaire {
    pub use crate::questionnaire::{
        AnswerValue, Answers, BUILT_IN, Basis, Choice, Condition, ContextKind, ContextValue, Kind,
        NumberBand, Question, Questionnaire, Response, Theme, is_valid_id, load,
    };
}

/// Rubrics.
pub mod rubric {
    pub use crate::rubric::{Rubric, load};
}

/// The scoring arithmetic.
pub mod scoring {
    pub use crate::scoring::{Outcome, answer_score, score};
}

/// Quality notes.
pub mod quality {
    pub use crate::quality::notes;
}

/// Built-in and installed questionnaires.
pub mod catalog {
    pub use crate::catalog::{Found, built_in_questionnaire, rubric};
}

/// Reports.
pub mod report {
    pub use crate::report::{
        AnswerRecord, Meta, QuestionnaireInfo, Report, Review, RubricInfo, ThemeReport,
    };
}

/// Saved files.
pub mod store {
    pub use crate::store::{DataDir, is_report_id, parse_report, plan};
}

/// Files read with their name, for messages.
pub mod source {
    pub use crate::source::Source;
}

/// Answer files.
pub mod answers {
    pub use crate::answers::file::AnswerFile;
}

/// Times.
pub mod clock {
    pub use crate::clock::{Timestamp, parse};
}

/// Dates and intervals.
pub mod interval {
    pub use crate::interval::parse_date;
}

/// Output formats and charts.
pub mod render {
    pub use crate::render::Format;
    pub use crate::render::svg::line_y;
}

/// The team round's promises.
pub mod team {
    pub use crate::team::invite::Access;
    pub use crate::team::promise::{Arrangement, to_raters};
}

/// `plaintext` sealed for `recipient`, as a binary age file.
pub fn seal(recipient: &str, plaintext: &[u8]) -> Result<Vec<u8>, String> {
    encryption::seal(recipient, plaintext)
}

/// The armored form of a binary age file.
pub fn armor(binary: &[u8]) -> Result<String, String> {
    encryption::armor(binary)
}

/// `sealed` opened with the identity file `identity`, as text.
pub fn open(identity: &str, sealed: &[u8]) -> Result<String, String> {
    let plain = encryption::open(identity, sealed).map_err(|e| format!("{e:?}"))?;
    String::from_utf8(plain).map_err(|e| e.to_string())
}

/// A new age identity: (secret, public recipient).
pub fn generate() -> (String, String) {
    encryption::generate()
}

/// The report file at `path` signed again with the first key of
/// `identity`, as a collector who made its figures up would: its figures
/// must still add up to be read.
pub fn sign_again(identity: &str, path: &std::path::Path) -> Result<(), String> {
    let text = std::fs::read_to_string(path).map_err(|e| e.to_string())?;
    let mut report: crate::report::Report = toml::from_str(&text).map_err(|e| e.to_string())?;
    let collector = crate::team::keys::Collector::first(identity)?;
    let keys = collector.public();
    report.signature = Some(crate::report::Signature {
        recipient: keys.recipient.clone(),
        key: keys.signing.clone(),
        value: collector.sign_report(&report.signed_text()),
    });
    let text = toml::to_string(&report).map_err(|e| e.to_string())?;
    std::fs::write(path, text).map_err(|e| e.to_string())
}
