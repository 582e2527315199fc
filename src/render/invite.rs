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
    Condition, GROUP_CONTEXT, Kind, Question, Questionnaire, format_number, number_range,
};
use crate::team::invite::Invite;
use crate::team::promise::{self, Arrangement};

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

/// The invitation form of `invite`, asking its form's questions.
pub fn page(invite: &Invite) -> String {
    let form = &invite.form;
    let reply_to = invite
        .reply_to
        .clone()
        .unwrap_or_else(|| "back to the person who sent you this form".to_owned());
    let mut body = String::new();
    let _ = writeln!(
        body,
        "<header><h1>Feedback for {}</h1>\n<p class=\"sub\">{}</p></header>",
        escape(&invite.subject),
        escape(&form.description)
    );
    let _ = writeln!(
        body,
        "<section id=\"who-reads\" aria-label=\"Who can read your answers\">"
    );
    for paragraph in promise::to_raters(&Arrangement::of(invite)) {
        let _ = writeln!(body, "<p>{}</p>", escape(&paragraph));
    }
    let _ = writeln!(
        body,
        "<p>Your answers stay on this device until you press the button at the end. Then send \
         what it makes {}.</p>",
        escape(&reply_to)
    );
    if let Some(closes) = &invite.closes {
        let _ = writeln!(
            body,
            "<p>Please answer by {}.</p>",
            escape(&closes.to_string())
        );
    }
    body.push_str("</section>\n");
    let _ = writeln!(
        body,
        "<form id=\"leadgap-response\" data-round=\"{}\" data-form=\"{}\" data-recipient=\"{}\" \
         data-reply-to=\"{}\" data-code=\"{}\">",
        escape(&invite.round),
        escape(&form.id),
        escape(invite.holder.recipient()),
        escape(&reply_to),
        escape(invite.code.as_deref().unwrap_or_default())
    );
    group_picker(&mut body, invite);
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
    for (key, question) in crate::team::COMMENTS {
        let _ = writeln!(
            body,
            "<p><label for=\"{key}\">{}</label></p>\n<textarea id=\"{key}\" name=\"{key}\"></textarea>",
            escape(question)
        );
    }
    let _ = writeln!(
        body,
        "<p class=\"footnote\">Comments are listed without your group, each list in a random \
         order of its own, and only when at least {} people's answers count.</p>\n</section>\n\
         <button type=\"button\" id=\"create-response\">Seal my answers</button>\n\
         <p id=\"status\" role=\"status\" aria-live=\"polite\"></p>\n</form>",
        invite.min_group
    );
    let _ = write!(
        body,
        "<style>{CSS}</style>\n<script>//<![CDATA[\n{AGE_JS}\n//]]></script>\n\
         <script>//<![CDATA[\n{APP_JS}\n//]]></script>\n"
    );
    page::page_with_scripts(&format!("Feedback for {}", invite.subject), &body)
}

/// The group picker: the round's groups, labelled as the form says.
fn group_picker(body: &mut String, invite: &Invite) {
    let form = &invite.form;
    let text = form.context_index(GROUP_CONTEXT).map_or_else(
        || "How do you work with this person?".to_owned(),
        |i| form.contexts[i].text.clone(),
    );
    let _ = writeln!(
        body,
        "<fieldset class=\"group\"><legend>{}</legend>\n\
         <label for=\"group\">Your group</label>\n<select id=\"group\" name=\"group\" required=\"required\">\n\
         <option value=\"\">Choose…</option>",
        escape(&text)
    );
    for group in &invite.groups {
        let _ = writeln!(
            body,
            "<option value=\"{}\">{}</option>",
            escape(group),
            escape(&invite.group_label(group))
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
            let range = number_range(*min, *max, *integer, unit.as_deref());
            let _ = writeln!(
                body,
                "<label>{}{}: <input type=\"number\" name=\"{id}\" min=\"{}\" max=\"{}\" \
                 step=\"{}\"/></label>",
                escape(&range[..1].to_uppercase()),
                escape(&range[1..]),
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
