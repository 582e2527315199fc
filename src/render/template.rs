//! The answer-file template: every question as a commented, ready-to-fill
//! entry, so a script or a person can answer without the interactive prompts.

use std::fmt::Write;

use crate::output::{clean_line, wrap};
use crate::questionnaire::number_range;
use crate::questionnaire::{ContextKind, Kind, Questionnaire};

/// Comment lines wrap at this width.
const WIDTH: usize = 78;

/// A commented answer file for `questionnaire`, with every answer left empty.
pub fn render(questionnaire: &Questionnaire) -> String {
    let mut out = String::new();
    let title = clean_line(&questionnaire.title);
    let _ = writeln!(
        out,
        "# leadgap answer file: \"{title}\" ({} {}).",
        questionnaire.id,
        clean_line(&questionnaire.version)
    );
    let team_form = questionnaire.self_form.is_some();
    let (then, about_context) = if team_form {
        (
            "#     leadgap respond INVITE-FOLDER --answers this-file.toml",
            "About you, never scored: your group decides which questions you are asked \
             (an answer to a question not asked of your group is an error). The collector \
             sees a group's figures only when enough of its members answered.",
        )
    } else {
        (
            "#     leadgap assess --answers this-file.toml",
            "Facts about your job, never scored: they decide which questions apply to you (an \
             answer to a question that does not apply is an error) and scale counts to the \
             size of your team.",
        )
    };
    let left_empty: &[&str] = if team_form {
        &[
            "# \"skip\" for \"not sure / doesn't apply\". An answer left as \"\" is not given,",
            "# as if skipped. Then run:",
        ]
    } else {
        &[
            "# \"skip\" for \"not sure / doesn't apply\" (not where it says required). An",
            "# answer left as \"\" counts as not answered: an error, unless you pass",
            "# --allow-partial, which skips it (never a required one). Then run:",
        ]
    };
    let _ = writeln!(out, "#");
    let _ = writeln!(
        out,
        "# Write each answer after its `=`, as the comment above it describes, or"
    );
    for line in left_empty {
        let _ = writeln!(out, "{line}");
    }
    for line in ["#", "#     leadgap check this-file.toml", then, ""] {
        let _ = writeln!(out, "{line}");
    }
    let _ = writeln!(out, "questionnaire = {}", quote(&questionnaire.id));
    if !team_form {
        let _ = writeln!(
            out,
            "respondent = \"\"   # whom the answers are about (optional)"
        );
        let _ = writeln!(
            out,
            "rater = \"self\"    # \"self\", or your name when you answer about someone else"
        );
    }
    if !questionnaire.contexts.is_empty() {
        let _ = writeln!(out);
        let _ = writeln!(out, "[context]");
        comment(&mut out, about_context, "");
        for context in &questionnaire.contexts {
            let _ = writeln!(out);
            comment(&mut out, &context.text, "");
            describe_context(&mut out, &context.kind);
            let _ = writeln!(out, "{} = \"\"", context.id);
        }
    }
    let _ = writeln!(out);
    let _ = writeln!(out, "[answers]");
    for (theme_index, theme) in questionnaire.themes.iter().enumerate() {
        let _ = writeln!(out);
        let heading = format!("# == {} ", clean_line(&theme.title));
        let _ = writeln!(
            out,
            "{heading}{}",
            "=".repeat(WIDTH.saturating_sub(heading.chars().count()))
        );
        if !theme.description.is_empty() {
            comment(&mut out, &theme.description, "");
        }
        for (_, question) in questionnaire.questions_of(theme_index) {
            let _ = writeln!(out);
            comment(&mut out, &question.text, "");
            describe_kind(&mut out, &question.kind);
            if let Some(per) = &question.per {
                comment(
                    &mut out,
                    &format!(
                        "(scored per unit of `{}`: the count is divided by it)",
                        per.1
                    ),
                    "",
                );
            }
            if question.when.is_some() {
                comment(
                    &mut out,
                    &format!(
                        "(only {})",
                        crate::questionnaire::when_words(questionnaire, question)
                    ),
                    "",
                );
            }
            if question.dont_know {
                let _ = writeln!(
                    out,
                    "# (or \"dont-know\": scores 0; not knowing is the finding)"
                );
            }
            if question.required {
                let _ = writeln!(out, "# (required: cannot be skipped)");
            }
            let _ = writeln!(out, "{} = \"\"", question.id);
        }
    }
    if team_form {
        comments(&mut out);
    } else {
        mentor_parts(&mut out, questionnaire);
    }
    out
}

/// `[comments]`: the two open questions of a team response, both optional.
fn comments(out: &mut String) {
    let _ = writeln!(out);
    let _ = writeln!(out, "[comments]");
    let said = format!(
        "Optional. {} Who holds the round's key is said by `leadgap respond` and the form.",
        crate::team::promise::comments(None)
    );
    for line in crate::output::wrap(&said, 78, "# ", "# ") {
        let _ = writeln!(out, "{line}");
    }
    for (key, question) in crate::team::COMMENTS {
        let _ = writeln!(out);
        comment(out, question, "");
        let _ = writeln!(out, "{key} = \"\"");
    }
}

/// `[notes]`, `[evidence]` and `[[plan]]`: what a self-assessment may carry
/// for a mentor.
fn mentor_parts(out: &mut String, questionnaire: &Questionnaire) {
    let _ = writeln!(out);
    let _ = writeln!(out, "[notes]");
    let _ = writeln!(
        out,
        "# Optional: a note per theme for your mentor, for example:"
    );
    if let Some(theme) = questionnaire.themes.first() {
        let _ = writeln!(
            out,
            "# {} = \"Started weekly one-to-ones in March.\"",
            theme.id
        );
    }
    let _ = writeln!(out);
    let _ = writeln!(out, "[evidence]");
    let _ = writeln!(
        out,
        "# Optional: for a statement answered with its strongest label, one concrete\n\
         # example from the last month, for example:"
    );
    if let Some(question) = questionnaire
        .questions
        .iter()
        .find(|q| matches!(q.kind, Kind::Scale { reverse: false, .. }))
    {
        let _ = writeln!(
            out,
            "# {} = \"Lee handled the payroll outage; I only joined the review.\"",
            question.id
        );
    }
    let _ = writeln!(out);
    let _ = writeln!(
        out,
        "# Optional: up to three actions to commit to, each as a [[plan]] entry\n\
         # (due: a date, or from the day of the run +10d, +6w, +2m; 30 days if left out):\n\
         #\n\
         # [[plan]]"
    );
    if let Some(theme) = questionnaire.themes.first() {
        let _ = writeln!(out, "# theme = \"{}\"", theme.id);
    }
    let _ = writeln!(
        out,
        "# text = \"Hand one recurring task to someone on the team\"\n# due = \"+4w\""
    );
}

/// `# a whole number from 0 to 80 (hours)`: a number's allowed answers.
fn range_comment(out: &mut String, (min, max): (f64, f64), integer: bool, unit: Option<&str>) {
    let unit = unit.map(clean_line);
    let _ = writeln!(
        out,
        "# {}",
        number_range(min, max, integer, unit.as_deref())
    );
}

fn describe_context(out: &mut String, kind: &ContextKind) {
    match kind {
        ContextKind::Number {
            min,
            max,
            unit,
            integer,
        } => range_comment(out, (*min, *max), *integer, unit.as_deref()),
        ContextKind::Choice { options } => {
            let _ = writeln!(out, "# one of");
            let width = options.iter().map(|o| o.id.len()).max().unwrap_or(0) + 2;
            for option in options {
                let first = format!("#   {:width$} ", quote(&option.id));
                let rest = format!("#   {:width$} ", "");
                for line in wrap(&clean_line(&option.label), WIDTH, &first, &rest) {
                    let _ = writeln!(out, "{line}");
                }
            }
        }
    }
}

fn describe_kind(out: &mut String, kind: &Kind) {
    match kind {
        Kind::Scale { labels, .. } => {
            let choices: Vec<String> = labels
                .iter()
                .enumerate()
                .map(|(i, label)| format!("{} = {}", i + 1, clean_line(label)))
                .collect();
            comment(out, &format!("scale: {}", choices.join(", ")), "  ");
        }
        Kind::Choice { options } | Kind::Multi { options } => {
            let _ = if matches!(kind, Kind::Choice { .. }) {
                writeln!(out, "# choice: one of")
            } else {
                writeln!(
                    out,
                    "# multi: a list of any of these, [] for none, e.g. [{}]",
                    quote(&options[0].id)
                )
            };
            let width = options.iter().map(|o| o.id.len()).max().unwrap_or(0) + 2;
            for option in options {
                let id = format!("{:width$}", quote(&option.id));
                let first = format!("#   {id} ");
                let rest = format!("#   {:width$} ", "");
                let label = if option.exclusive {
                    format!("{} (on its own)", clean_line(&option.label))
                } else {
                    clean_line(&option.label).into_owned()
                };
                for line in wrap(&label, WIDTH, &first, &rest) {
                    let _ = writeln!(out, "{line}");
                }
            }
        }
        Kind::Number {
            unit,
            min,
            max,
            integer,
            ..
        } => range_comment(out, (*min, *max), *integer, unit.as_deref()),
    }
}

/// Writes `text` as wrapped comment lines.
fn comment(out: &mut String, text: &str, indent: &str) {
    for line in wrap(&clean_line(text), WIDTH, "# ", &format!("# {indent}")) {
        let _ = writeln!(out, "{line}");
    }
}

/// A TOML basic string.
fn quote(text: &str) -> String {
    toml::Value::String(text.to_owned()).to_string()
}
