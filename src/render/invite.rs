//! The invitation form (`invite.html`): one self-contained page that a rater
//! opens in any current browser, offline. It asks the team form's questions
//! for the rater's group, turns the answers into a response file, encrypts it
//! in the page to the round's recipient with the official JavaScript age
//! implementation (vendored, see `vendor/age-encryption/`), and downloads
//! it. Nothing is loaded from anywhere and nothing is sent.
//!
//! Stable hooks for automation: `<form id="leadgap-response">`,
//! `<select name="group">`, inputs named by question id (radio and checkbox
//! values are option ids or scale positions, plus `skip` and `dont-know`),
//! `<textarea name="keep">` and `<textarea name="change">`, and the button
//! `#create-response`.

use std::fmt::Write;

use super::page::{self, escape};
use crate::questionnaire::{
    Condition, ContextKind, GROUP_CONTEXT, Kind, Question, Questionnaire, format_number,
};
use crate::round::Invite;

/// The vendored age bundle, which defines `age.Encrypter`.
const AGE_JS: &str = include_str!("../../vendor/age-encryption/age-encryption.js");

/// The page's own script: show the questions of the chosen group, build the
/// response file, encrypt and download it.
const APP_JS: &str = include_str!("invite.js");

const CSS: &str = "\
fieldset.q{border:1px solid #ddd;border-radius:6px;margin:.75rem 0;padding:.5rem .9rem}\
fieldset.q legend{font-weight:600;padding:0 .3rem}\
fieldset.q label{display:block;margin:.2rem 0}\
fieldset.q label.extra{color:#555}\
fieldset.q[hidden]{display:none}\
textarea{width:100%;min-height:5rem;font:inherit}\
button{font:inherit;font-size:1.05rem;padding:.5rem 1.2rem;margin:1rem 0}\
.group{font-size:1.05rem}\
#status{font-weight:600}";

/// The invitation form for `invite`, asking `form`'s questions; `reply_to`
/// says where raters send the file.
pub fn page(invite: &Invite, form: &Questionnaire, reply_to: &str) -> String {
    let mut body = String::new();
    let _ = writeln!(
        body,
        "<header><h1>Feedback for {}</h1>\n<p class=\"sub\">{}</p></header>",
        escape(&invite.subject),
        escape(&form.description)
    );
    let _ = writeln!(
        body,
        "<p>Your answers stay on this computer until you press the button at the end. It turns \
         them into a file encrypted for the person collecting the responses: {} cannot open it. \
         The collector's report shows no figure that combines fewer than {} people's answers, \
         and your comments without your group. Then send the file {}.</p>",
        escape(&invite.subject),
        invite.min_group,
        escape(reply_to)
    );
    if let Some(closes) = &invite.closes {
        let _ = writeln!(body, "<p>Please answer by {}.</p>", escape(closes));
    }
    let _ = writeln!(
        body,
        "<form id=\"leadgap-response\" data-round=\"{}\" data-form=\"{}\" data-recipient=\"{}\" \
         data-reply-to=\"{}\">",
        escape(&invite.round),
        escape(&form.id),
        escape(&invite.recipient),
        escape(reply_to)
    );
    group_picker(&mut body, invite, form);
    for (index, theme) in form.themes.iter().enumerate() {
        let _ = writeln!(
            body,
            "<section class=\"theme\" data-theme=\"{}\"><h2>{}</h2>",
            escape(&theme.id),
            escape(&theme.title)
        );
        for (_, question) in form.questions_of(index) {
            self::question(&mut body, form, question);
        }
        body.push_str("</section>\n");
    }
    body.push_str("<section><h2>In your own words (optional)</h2>\n");
    for (key, question) in crate::round::COMMENTS {
        let _ = writeln!(
            body,
            "<p><label for=\"{key}\">{}</label></p>\n<textarea id=\"{key}\" name=\"{key}\"></textarea>",
            escape(question)
        );
    }
    body.push_str(
        "<p class=\"footnote\">Comments are shown to the collector without your group, in a \
         random order, and only when at least the minimum number of people answered.</p>\n\
         </section>\n\
         <button type=\"button\" id=\"create-response\">Create my encrypted response</button>\n\
         <p id=\"status\" role=\"status\" aria-live=\"polite\"></p>\n\
         </form>\n",
    );
    let _ = write!(
        body,
        "<style>{CSS}</style>\n<script>//<![CDATA[\n{AGE_JS}\n//]]></script>\n\
         <script>//<![CDATA[\n{APP_JS}\n//]]></script>\n"
    );
    page::page_with_scripts(&format!("Feedback for {}", invite.subject), &body)
}

/// The group picker: the round's groups, labelled as the form says.
fn group_picker(body: &mut String, invite: &Invite, form: &Questionnaire) {
    let labels = form
        .context_index(GROUP_CONTEXT)
        .and_then(|i| match &form.contexts[i].kind {
            ContextKind::Choice { options } => Some((form.contexts[i].text.clone(), options)),
            ContextKind::Number { .. } => None,
        });
    let (text, options) = match labels {
        Some((text, options)) => (text, Some(options)),
        None => ("How do you work with this person?".to_owned(), None),
    };
    let _ = writeln!(
        body,
        "<fieldset class=\"group\"><legend>{}</legend>\n\
         <label for=\"group\">Your group</label>\n<select id=\"group\" name=\"group\" required=\"required\">\n\
         <option value=\"\">Choose…</option>",
        escape(&text)
    );
    for group in &invite.groups {
        let label = options
            .and_then(|options| options.iter().find(|o| o.id == *group))
            .map_or(group.as_str(), |o| o.label.as_str());
        let _ = writeln!(
            body,
            "<option value=\"{}\">{}</option>",
            escape(group),
            escape(label)
        );
    }
    body.push_str(
        "</select>\n<p class=\"footnote\">The questions for your group appear once you choose: \
         each group is asked only what it can see.</p>\n</fieldset>\n",
    );
}

/// One question as a fieldset of inputs named by its id.
fn question(body: &mut String, form: &Questionnaire, question: &Question) {
    let groups = match &question.when {
        Some(when) if form.contexts[when.context].id == GROUP_CONTEXT => match &when.condition {
            Condition::In { options } => options.join(" "),
            Condition::Range { .. } => String::new(),
        },
        _ => String::new(),
    };
    let id = escape(&question.id);
    let _ = writeln!(
        body,
        "<fieldset class=\"q\" data-question=\"{id}\" data-kind=\"{}\" data-groups=\"{}\">\n<legend>{}</legend>",
        question.kind.name(),
        escape(&groups),
        escape(&question.text)
    );
    let option = |body: &mut String, kind: &str, value: &str, label: &str, class: &str| {
        let _ = writeln!(
            body,
            "<label{class}><input type=\"{kind}\" name=\"{id}\" value=\"{}\"/> {}</label>",
            escape(value),
            escape(label)
        );
    };
    match &question.kind {
        Kind::Scale { labels, .. } => {
            for (i, label) in labels.iter().enumerate() {
                option(body, "radio", &(i + 1).to_string(), label, "");
            }
        }
        Kind::Choice { options } => {
            for choice in options {
                option(body, "radio", &choice.id, &choice.label, "");
            }
        }
        Kind::Multi { options } => {
            for choice in options {
                let class = if choice.exclusive {
                    " class=\"alone\""
                } else {
                    ""
                };
                option(body, "checkbox", &choice.id, &choice.label, class);
            }
        }
        Kind::Number {
            min,
            max,
            unit,
            integer,
            ..
        } => {
            let unit = unit
                .as_deref()
                .map(|u| format!(" ({u})"))
                .unwrap_or_default();
            let _ = writeln!(
                body,
                "<label>A number from {} to {}{}: <input type=\"number\" name=\"{id}\" min=\"{}\" \
                 max=\"{}\" step=\"{}\"/></label>",
                format_number(*min),
                format_number(*max),
                escape(&unit),
                format_number(*min),
                format_number(*max),
                if *integer { "1" } else { "any" }
            );
        }
    }
    let extra = if matches!(question.kind, Kind::Scale { .. } | Kind::Choice { .. }) {
        "radio"
    } else {
        "checkbox"
    };
    let class = " class=\"extra\"";
    if question.dont_know {
        option(body, extra, "dont-know", "Don't know", class);
    }
    if !question.required {
        option(body, extra, "skip", "Doesn't apply / not sure", class);
    }
    body.push_str("</fieldset>\n");
}
