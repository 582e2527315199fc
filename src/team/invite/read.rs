//! Reading an invitation back into a checked [`Invite`], collecting every
//! problem with its place: the schema, the closing day and zone, the
//! minimum and the groups shown alone (by the rules `invite` applies), the
//! key holder and their keys, the codes and their groups, and the form and
//! rubric against their hashes.

use std::ops::Range;

use chrono::{FixedOffset, NaiveDate};
use serde::Deserialize;
use toml::Spanned;

use super::file::{CodeFile, FormFile, InviteFile, KeyFile, RubricFile, SCHEMA};
use super::{Closing, Code, Invite, KeyHolder, code_hash, group_labels, text_hash};
use crate::error::Diagnostic;
use crate::questionnaire::{self, Questionnaire};
use crate::rubric::{self, Rubric};
use crate::source::Source;
use crate::team::keys::PublicKeys;

// The file as read, with the place of every value for messages.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawInvite {
    schema: Spanned<i64>,
    round: Spanned<String>,
    subject: Spanned<String>,
    created: Spanned<String>,
    closes: Option<Spanned<String>>,
    zone: Option<Spanned<String>>,
    reply_to: Option<String>,
    min_group: Spanned<i64>,
    groups: Spanned<Vec<String>>,
    #[serde(default)]
    open_groups: Option<Spanned<Vec<String>>>,
    code: Option<Spanned<String>>,
    key: Spanned<KeyFile>,
    form: Spanned<RawText>,
    rubric: Spanned<RawText>,
    #[serde(default)]
    codes: Option<Spanned<Vec<CodeFile>>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawText {
    id: Spanned<String>,
    #[serde(default)]
    #[allow(dead_code)] // Informative: the text says its version.
    version: Option<String>,
    hash: Spanned<String>,
    text: Spanned<String>,
}

/// What every problem with an invitation is told, as its fix.
const HELP: &str = "use the invitation that `leadgap invite` wrote, unchanged";

/// Reads and checks an invitation, collecting every problem.
pub fn parse(source: &Source) -> Result<Invite, Vec<Diagnostic>> {
    if let Some(old) = schema_1(source) {
        return Err(vec![old]);
    }
    let raw: RawInvite = toml::from_str(&source.text).map_err(|error| {
        vec![
            source
                .diagnostic(
                    error.span(),
                    format!("not a leadgap invitation: {}", error.message().trim()),
                )
                .with_help("give an invitation that `leadgap invite` wrote, or its folder"),
        ]
    })?;
    let mut problems = Vec::new();
    let mut problem = |span: Option<Range<usize>>, message: String| {
        problems.push(source.diagnostic(span, message).with_help(HELP));
    };
    if *raw.schema.get_ref() != SCHEMA {
        problem(
            Some(raw.schema.span()),
            format!(
                "invitation schema {} is not supported",
                raw.schema.get_ref()
            ),
        );
    }
    if !questionnaire::is_valid_id(raw.round.get_ref()) {
        problem(
            Some(raw.round.span()),
            "`round` is not a round id (such as 20261122-3f9a1c)".to_owned(),
        );
    }
    if raw.subject.get_ref().trim().is_empty() {
        problem(Some(raw.subject.span()), "`subject` is empty".to_owned());
    }
    if chrono::DateTime::parse_from_rfc3339(raw.created.get_ref()).is_err() {
        problem(
            Some(raw.created.span()),
            "`created` is not an RFC 3339 time".to_owned(),
        );
    }
    let closes = closing(&raw, &mut problem);
    // An edited minimum would let a single answer be shown.
    let min_group = match super::rules::minimum(*raw.min_group.get_ref()) {
        Ok(min) => min,
        Err(refused) => {
            problem(Some(raw.min_group.span()), refused.message);
            0
        }
    };
    let holder = holder(raw.key.get_ref(), raw.key.span(), &mut problem);

    let codes = raw
        .codes
        .as_ref()
        .map(|c| c.get_ref().clone())
        .unwrap_or_default();
    let codes_span = raw.codes.as_ref().map(Spanned::span);
    if codes.iter().any(|c| !is_hash(&c.hash)) {
        problem(
            codes_span.clone(),
            "`codes` holds something other than the hashes of personal codes".to_owned(),
        );
    }
    if (1..codes.len()).any(|i| codes[..i].iter().any(|c| c.hash == codes[i].hash)) {
        problem(
            codes_span.clone(),
            "`codes` holds one code twice".to_owned(),
        );
    }
    if matches!(holder, Some(KeyHolder::Subject { .. })) && !codes.is_empty() {
        problem(
            codes_span.clone(),
            "a round its subject collects has no personal codes".to_owned(),
        );
    }
    let code = raw.code.as_ref().and_then(|code| {
        let hash = code_hash(code.get_ref());
        if codes.iter().any(|c| c.hash == hash) {
            Some(code.get_ref().clone())
        } else {
            problem(
                Some(code.span()),
                "this personal code is not one of the round's".to_owned(),
            );
            None
        }
    });

    let (form, rubric) = form_and_rubric(source, &raw, &mut problems);
    let groups = raw.groups.get_ref().clone();
    let open_groups = raw
        .open_groups
        .as_ref()
        .map(|g| g.get_ref().clone())
        .unwrap_or_default();
    if let Some(form) = &form {
        let known: Vec<String> = group_labels(form).into_iter().map(|(id, _)| id).collect();
        let mut problem = |span, message: String| {
            problems.push(source.diagnostic(span, message).with_help(HELP));
        };
        if groups.is_empty() || groups.iter().any(|g| !known.contains(g)) {
            problem(
                Some(raw.groups.span()),
                format!("`groups` must be groups of the form: {}", known.join(", ")),
            );
        }
        if codes.iter().any(|c| !groups.contains(&c.group)) {
            problem(
                codes_span,
                "every code's `group` must be one of the round's groups".to_owned(),
            );
        }
    }
    if let Err(refused) = super::rules::open_groups(&open_groups, &groups) {
        problems.push(
            source
                .diagnostic(raw.open_groups.as_ref().map(Spanned::span), refused.message)
                .with_help(HELP),
        );
    }

    if !problems.is_empty() {
        return Err(problems);
    }
    let (Some(form), Some(rubric), Some(holder)) = (form, rubric, holder) else {
        return Err(vec![source.diagnostic(None, "not a usable invitation")]);
    };
    let reply_to = raw
        .reply_to
        .map(|r| r.trim().to_owned())
        .filter(|r| !r.is_empty());
    let file = InviteFile {
        schema: SCHEMA,
        round: raw.round.get_ref().clone(),
        subject: raw.subject.get_ref().trim().to_owned(),
        created: raw.created.get_ref().clone(),
        closes: closes.map(|c| c.day.to_string()),
        zone: closes.map(|c| c.offset_text()),
        reply_to: reply_to.clone(),
        min_group,
        groups: groups.clone(),
        open_groups: open_groups.clone(),
        code: code.clone(),
        key: KeyFile::of(&holder),
        form: FormFile::of(&form, raw.form.get_ref().text.get_ref()),
        rubric: RubricFile {
            id: rubric.id.clone(),
            hash: raw.rubric.get_ref().hash.get_ref().clone(),
            text: raw.rubric.get_ref().text.get_ref().clone(),
        },
        codes: codes.clone(),
    };
    Ok(Invite {
        round: file.round.clone(),
        subject: file.subject.clone(),
        closes,
        reply_to,
        min_group,
        groups,
        open_groups,
        holder,
        codes: codes
            .into_iter()
            .map(|c| Code {
                hash: c.hash,
                group: c.group,
            })
            .collect(),
        code,
        form,
        rubric,
        file,
    })
}

/// An invitation of the first format (started by the subject), told as
/// such.
fn schema_1(source: &Source) -> Option<Diagnostic> {
    let table: toml::Table = toml::from_str(&source.text).ok()?;
    (table.get("schema")?.as_integer()? == 1).then(|| {
        source
            .diagnostic(
                None,
                "this invitation was made by an earlier leadgap, whose rounds the subject \
                 started; this leadgap reads only rounds its collector runs",
            )
            .with_help(
                "finish that round with the leadgap that started it, or let the collector \
                 start a new one with `leadgap invite --raters FILE`",
            )
    })
}

/// The closing day and the collector's zone, which come together.
fn closing(
    raw: &RawInvite,
    problem: &mut dyn FnMut(Option<Range<usize>>, String),
) -> Option<Closing> {
    let day = raw.closes.as_ref().and_then(|closes| {
        let day = NaiveDate::parse_from_str(closes.get_ref(), "%Y-%m-%d").ok();
        if day.is_none() {
            problem(
                Some(closes.span()),
                "`closes` is not a date (YYYY-MM-DD)".to_owned(),
            );
        }
        day
    });
    let offset = raw.zone.as_ref().and_then(|zone| {
        let offset = zone.get_ref().parse::<FixedOffset>().ok();
        if offset.is_none() {
            problem(
                Some(zone.span()),
                "`zone` is not an offset from UTC (such as -08:00)".to_owned(),
            );
        }
        offset
    });
    match (day, offset, &raw.closes, &raw.zone) {
        (Some(day), Some(offset), _, _) => Some(Closing { day, offset }),
        (_, _, Some(closes), None) => {
            problem(
                Some(closes.span()),
                "`closes` needs the collector's `zone`".to_owned(),
            );
            None
        }
        (_, _, None, Some(zone)) => {
            problem(Some(zone.span()), "`zone` without `closes`".to_owned());
            None
        }
        _ => None,
    }
}

/// Who holds the key, from `[key]`.
fn holder(
    key: &KeyFile,
    span: Range<usize>,
    problem: &mut dyn FnMut(Option<Range<usize>>, String),
) -> Option<KeyHolder> {
    let keys = PublicKeys {
        recipient: key.recipient.clone(),
        signing: key.signing.clone(),
    };
    if let Some(why) = keys.problem() {
        problem(
            Some(span.clone()),
            format!("the collector's keys cannot be used: {why}"),
        );
        return None;
    }
    match (key.holder.as_str(), &key.collector) {
        ("collector", Some(name)) if !name.trim().is_empty() => Some(KeyHolder::Collector {
            name: name.trim().to_owned(),
            keys,
        }),
        ("collector", _) => {
            problem(
                Some(span),
                "`holder = \"collector\"` needs the collector's name (`collector = \"NAME\"`)"
                    .to_owned(),
            );
            None
        }
        ("subject", None) => Some(KeyHolder::Subject { keys }),
        ("subject", Some(_)) => {
            problem(
                Some(span),
                "a round the subject collects names no collector".to_owned(),
            );
            None
        }
        (other, _) => {
            problem(
                Some(span),
                format!(
                    "`holder = \"{}\"`: expected \"collector\" or \"subject\"",
                    crate::output::clean_line(other)
                ),
            );
            None
        }
    }
}

/// The team form and its rubric, each checked against its hash.
fn form_and_rubric(
    source: &Source,
    raw: &RawInvite,
    problems: &mut Vec<Diagnostic>,
) -> (Option<Questionnaire>, Option<Rubric>) {
    let form_raw = raw.form.get_ref();
    let rubric_raw = raw.rubric.get_ref();
    let mut problem = |span: Range<usize>, message: &str| {
        problems.push(source.diagnostic(Some(span), message).with_help(HELP));
    };
    let form_source = Source::new(
        format!("{} (its team form)", source.name),
        form_raw.text.get_ref().clone(),
    );
    let form = match questionnaire::load(&form_source) {
        Ok(form) if form.self_form.is_none() => {
            problem(
                form_raw.text.span(),
                "the form is not a team form (it has no `self_form`)",
            );
            None
        }
        Ok(form) if form.hash != *form_raw.hash.get_ref() => {
            problem(
                form_raw.hash.span(),
                "the form's text does not match its hash: it was changed after the invitation \
                 was made",
            );
            None
        }
        Ok(form) if form.id != *form_raw.id.get_ref() => {
            problem(
                form_raw.id.span(),
                "the form's `id` is not the id of its text",
            );
            None
        }
        Ok(form) => Some(form),
        Err(found) => {
            problems.extend(found);
            None
        }
    };
    if text_hash(rubric_raw.text.get_ref()) != *rubric_raw.hash.get_ref() {
        problems.push(
            source
                .diagnostic(
                    Some(rubric_raw.hash.span()),
                    "the rubric's text does not match its hash: it was changed after the \
                     invitation was made",
                )
                .with_help(HELP),
        );
    }
    let rubric = form.as_ref().and_then(|form| {
        let rubric_source = Source::new(
            format!("{} (its rubric)", source.name),
            rubric_raw.text.get_ref().clone(),
        );
        match rubric::load(&rubric_source, form) {
            Ok(rubric) => Some(rubric),
            Err(found) => {
                problems.extend(found);
                None
            }
        }
    });
    (form, rubric)
}

/// Whether `text` is `sha256:` and 64 hex digits.
fn is_hash(text: &str) -> bool {
    text.strip_prefix("sha256:").is_some_and(|hex| {
        hex.len() == 64
            && hex
                .bytes()
                .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
    })
}
