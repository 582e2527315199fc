//! Questionnaires embedded in the binary, so `leadgap assess` works on a fresh
//! install with no files around it.

/// A questionnaire and its default rubric, as TOML text.
#[derive(Debug)]
pub struct BuiltIn {
    /// The name users type (`-q it-manager`); equals the questionnaire's id.
    pub name: &'static str,
    /// The questionnaire file.
    pub questionnaire: &'static str,
    /// Its default rubric.
    pub rubric: &'static str,
}

/// Every built-in questionnaire.
pub const BUILT_IN: &[BuiltIn] = &[
    BuiltIn {
        name: "it-manager",
        questionnaire: include_str!("../../questionnaires/it-manager.toml"),
        rubric: include_str!("../../questionnaires/it-manager.rubric.toml"),
    },
    BuiltIn {
        name: "it-manager-team",
        questionnaire: include_str!("../../questionnaires/it-manager-team.toml"),
        rubric: include_str!("../../questionnaires/it-manager-team.rubric.toml"),
    },
];

impl BuiltIn {
    /// How messages name the embedded questionnaire file.
    pub fn questionnaire_name(&self) -> String {
        format!("builtin:{}.toml", self.name)
    }

    /// How messages name the embedded rubric file.
    pub fn rubric_name(&self) -> String {
        format!("builtin:{}.rubric.toml", self.name)
    }
}
