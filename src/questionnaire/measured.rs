//! What a question may be answered with from `leadgap evidence`: the
//! figures a questionnaire can name (`evidence = "NAME"`), and the value
//! one offers.

/// The figures of `leadgap evidence` a number question may be answered
/// with (`evidence = "NAME"`): (name, whether it is a share from 0 to 1,
/// taken as a percentage by a question in `%`, whether it covers the
/// evidence's whole window rather than a fixed period).
pub const EVIDENCE_FIGURES: &[(&str, bool, bool)] = &[
    ("longest_since_one_to_one_weeks", false, false),
    ("share_one_to_one_4_weeks", true, false),
    ("stakeholder_meetings", false, true),
    ("supplier_meetings", false, true),
    ("meeting_hours_per_week", false, false),
    ("my_commit_share", true, true),
    ("files_only_me_share", true, false),
];

/// A value offered for a question by the evidence, with where it comes
/// from in words ("from your calendar: …"), which name no one.
#[derive(Clone, Debug, PartialEq)]
pub struct Offer {
    /// The value, in the question's unit.
    pub value: f64,
    /// Where it comes from.
    pub source: String,
}
