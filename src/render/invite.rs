//! The invitation form (`invite.html`): one self-contained page that a rater
//! opens in any current browser, on a phone or a desktop, offline. It asks
//! the team form's questions for the rater's group, turns the answers into a
//! response, seals it in the page with the official JavaScript age
//! implementation (vendored, see `vendor/age-encryption/`), and offers it to
//! send back: by email, copied as text, or downloaded as a file. Nothing is
//! loaded from anywhere and nothing is sent by the page itself.
//!
//! Stable hooks for automation: `<form id="leadgap-response">`,
//! `<select name="group">`, inputs named by question id (radio and checkbox
//! values are option ids or scale positions, plus `skip` and `dont-know`),
//! `<textarea name="keep">` and `<textarea name="change">`, the button
//! `#create-response`; once sealed, `a#send-email`, `button#copy-response`,
//! `a#download-response` and the armored answer in
//! `textarea#sealed-response`.

use std::fmt::Write;

use super::page::{self, escape};
use crate::questionnaire::{
    Condition, GROUP_CONTEXT, Kind, Question, Questionnaire, format_number, number_range,
};
use crate::team::invite::Invite;
use crate::team::promise;

/// The vendored age bundle, which defines `age.Encrypter` and `age.armor`.
const AGE_JS: &str = include_str!("../../vendor/age-encryption/age-encryption.js");

/// The page's own script: show the questions of the chosen group, count the
/// answers, build the response, seal it once and offer it to send.
const APP_JS: &str = include_str!("invite.js");

use crate::team::COMMENT_LIMIT;

/// Phones first: nothing wider than the screen, every control at least
/// 44 px tall, text that contrasts (WCAG AA).
const CSS: &str = "\
body{margin:1rem auto}\
fieldset{min-width:0;margin:0}\
fieldset.q,fieldset.group{border:1px solid #bbb;border-radius:6px;margin:.75rem 0;padding:.5rem .75rem}\
fieldset.q legend,fieldset.group legend{font-weight:600;padding:0 .3rem;max-width:100%;white-space:normal}\
fieldset.q label{display:flex;align-items:center;gap:.6rem;min-height:44px;padding:.15rem 0}\
fieldset.q label.extra{color:#444}\
input[type=radio],input[type=checkbox]{width:1.35rem;height:1.35rem;flex:none;margin:0}\
input[type=number]{font:inherit;min-height:44px;width:8rem;max-width:100%;box-sizing:border-box}\
select{font:inherit;min-height:44px;width:100%;max-width:100%;box-sizing:border-box}\
textarea{width:100%;max-width:100%;box-sizing:border-box;min-height:6rem;font:inherit}\
button,a.button{display:inline-flex;align-items:center;justify-content:center;min-height:44px;\
font:inherit;font-size:1.05rem;padding:.4rem 1.1rem;margin:.5rem .5rem .5rem 0;border:1px solid #1f5fa8;\
border-radius:6px;background:#1f5fa8;color:#fff;text-decoration:none;cursor:pointer}\
button.secondary,a.button.secondary{background:#fff;color:#1f5fa8}\
button:disabled{background:#767676;border-color:#767676}\
button:focus-visible,a.button:focus-visible,input:focus-visible,select:focus-visible,textarea:focus-visible{outline:3px solid #b35806;outline-offset:2px}\
label.group-label{display:block;margin:.25rem 0}\
#progress,#status{font-weight:600}\
.count{color:#444;font-size:.9rem;margin:.25rem 0 .75rem}\
.warning{border:2px solid #8a1c1c;padding:.5rem .75rem;border-radius:6px}\
[hidden]{display:none !important}\
@media (max-width:30rem){body{padding:0 .75rem}h1{font-size:1.35rem}}";

/// The invitation form of `invite`, asking its form's questions.
pub fn page(invite: &Invite) -> String {
    let form = &invite.form;
    let send_to = match (&invite.reply_to, invite.holder.collector()) {
        (Some(reply), _) => format!("to {reply}"),
        (None, Some(collector)) => format!("to {collector}, who runs this round"),
        (None, None) => format!("to {}", invite.subject),
    };
    let fingerprint = promise::fingerprint(&invite.holder);
    let arrangement = promise::of(invite, &fingerprint);
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
    for paragraph in promise::to_raters(&arrangement) {
        let _ = writeln!(body, "<p>{}</p>", escape(&paragraph));
    }
    let _ = writeln!(
        body,
        "<p>Your answers stay on this device until you press “Seal my answers” at the end. \
         Then send what it makes {}: by email, as text in a message, or as a file.</p>",
        escape(&send_to)
    );
    if let Some(closes) = &invite.closes {
        let _ = writeln!(body, "<p>{}</p>", escape(&promise::closing(closes)));
    }
    body.push_str("</section>\n");
    let _ = writeln!(
        body,
        "<noscript><p class=\"warning\">This page needs JavaScript to seal your answers on \
         your device, and it is turned off. You can answer in a terminal instead, with leadgap \
         and the invitation file that came with this page: <code>leadgap respond {}</code>.</p>\
         </noscript>",
        escape(if invite.code.is_some() {
            "invite-NN.toml"
        } else {
            "invite.toml"
        })
    );
    let _ = writeln!(
        body,
        "<form id=\"leadgap-response\" hidden=\"hidden\" data-round=\"{}\" data-form=\"{}\" \
         data-invitation=\"{}\" data-recipient=\"{}\" data-reply-to=\"{}\" data-email=\"{}\" \
         data-code=\"{}\">",
        escape(&invite.round),
        escape(&form.id),
        escape(&invite.hash()),
        escape(&invite.holder.keys().recipient),
        escape(&send_to),
        escape(&email_of(invite.reply_to.as_deref().unwrap_or_default())),
        escape(invite.code.as_deref().unwrap_or_default())
    );
    group_picker(&mut body, invite);
    body.push_str(
        "<p id=\"progress\" role=\"status\" aria-live=\"polite\">Choose your group to see \
         your questions.</p>\n",
    );
    for (index, theme) in form.themes.iter().enumerate() {
        let _ = writeln!(
            body,
            "<section class=\"theme\" data-theme=\"{}\" hidden=\"hidden\"><h2>{}</h2>",
            escape(&theme.id),
            escape(theme.for_raters())
        );
        for (_, question) in form.questions_of(index) {
            self::question(&mut body, form, question);
        }
        body.push_str("</section>\n");
    }
    body.push_str("<section id=\"comments\"><h2>In your own words (optional)</h2>\n");
    for (key, question) in crate::team::COMMENTS {
        let _ = writeln!(
            body,
            "<p><label for=\"{key}\">{}</label></p>\n<textarea id=\"{key}\" name=\"{key}\" \
             maxlength=\"{COMMENT_LIMIT}\" aria-describedby=\"{key}-count\"></textarea>\n\
             <p class=\"count\" id=\"{key}-count\">0 of {} characters</p>",
            escape(question),
            thousands(COMMENT_LIMIT)
        );
    }
    let _ = writeln!(
        body,
        "<p class=\"footnote\">{}</p>\n</section>\n\
         <p class=\"footnote\" id=\"enough\">Answer at least half of your questions: “Doesn't \
         apply” is not an answer, and a response with fewer answers is not counted.</p>\n\
         <button type=\"button\" id=\"create-response\">Seal my answers</button>\n\
         <p id=\"status\" role=\"status\" aria-live=\"polite\"></p>\n</form>",
        escape(&promise::comments(Some(invite.min_group)))
    );
    let _ = writeln!(
        body,
        "<section id=\"sealed\" hidden=\"hidden\" aria-labelledby=\"sealed-heading\">\n\
         <h2 id=\"sealed-heading\" tabindex=\"-1\">Your answers are sealed</h2>\n\
         <p>{} Send them {}, one of these ways; your answers are no longer on this page.</p>\n\
         <p><a class=\"button\" id=\"send-email\" href=\"#\">Email it</a>\
         <button type=\"button\" class=\"secondary\" id=\"copy-response\">Copy</button>\
         <a class=\"button secondary\" id=\"download-response\" href=\"#\" \
         download=\"response.age\">Download</a></p>\n\
         <p id=\"too-long\" class=\"warning\" hidden=\"hidden\">Your sealed answer is too long \
         for an email link, which some mail programs cut short: use Copy and paste it into an \
         email, or Download and attach the file.</p>\n\
         <p id=\"sent-status\" role=\"status\" aria-live=\"polite\"></p>\n\
         <p><label for=\"sealed-response\">The sealed answer, as text for an email or a \
         message:</label></p>\n\
         <textarea id=\"sealed-response\" readonly=\"readonly\" rows=\"8\"></textarea>\n\
         <p><button type=\"button\" class=\"secondary\" id=\"clear-response\">Start \
         again</button></p>\n</section>",
        escape(&promise::once_sealed(&arrangement)),
        escape(&send_to)
    );
    let _ = write!(
        body,
        "<style>{CSS}</style>\n<script>//<![CDATA[\n{AGE_JS}\n//]]></script>\n\
         <script>//<![CDATA[\n{APP_JS}\n//]]></script>\n"
    );
    page::page_with_scripts(&format!("Feedback for {}", invite.subject), &body)
}

/// The first email address in `text`, if it holds one ("Morgan
/// <morgan@example.org>", "to morgan@example.org").
fn email_of(text: &str) -> String {
    text.split(|c: char| c.is_whitespace() || "<>()[],;\"'".contains(c))
        .find(|word| {
            let mut parts = word.split('@');
            matches!(
                (parts.next(), parts.next(), parts.next()),
                (Some(user), Some(host), None) if !user.is_empty() && host.contains('.')
            )
        })
        .unwrap_or_default()
        .trim_end_matches('.')
        .to_owned()
}

/// `2000` as `2,000`.
fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// The group picker: the round's groups, labelled as the form says; a
/// personal invitation's one group, chosen, which the rater cannot change.
fn group_picker(body: &mut String, invite: &Invite) {
    let form = &invite.form;
    let text = form.context_index(GROUP_CONTEXT).map_or_else(
        || "How do you work with this person?".to_owned(),
        |i| form.contexts[i].text.clone(),
    );
    let fixed = invite.fixed_group();
    let _ = writeln!(
        body,
        "<fieldset class=\"group\"><legend>{}</legend>\n\
         <label class=\"group-label\" for=\"group\">Your group</label>\n<select id=\"group\" name=\"group\" required=\"required\">",
        escape(&text)
    );
    if fixed.is_none() {
        body.push_str("<option value=\"\">Choose…</option>\n");
    }
    for group in &invite.groups {
        if fixed.is_some_and(|f| f != group) {
            continue;
        }
        let _ = writeln!(
            body,
            "<option value=\"{}\"{}>{}</option>",
            escape(group),
            if fixed.is_some() {
                " selected=\"selected\""
            } else {
                ""
            },
            escape(&invite.group_label(group))
        );
    }
    body.push_str(match fixed {
        Some(_) => {
            "</select>\n<p class=\"footnote\">Your invitation was sent to you in this group, \
             which decides your questions: each group is asked only what it can see.</p>\n\
             </fieldset>\n"
        }
        None => {
            "</select>\n<p class=\"footnote\">The questions for your group appear once you \
             choose: each group is asked only what it can see.</p>\n</fieldset>\n"
        }
    });
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
        "<fieldset class=\"q\" hidden=\"hidden\" data-question=\"{id}\" data-kind=\"{}\" \
         data-groups=\"{}\">\n<legend>{}</legend>",
        question.kind.name(),
        escape(&groups),
        escape(&question.text)
    );
    let option = |body: &mut String, kind: &str, value: &str, label: &str, class: &str| {
        let _ = writeln!(
            body,
            "<label{class}><input type=\"{kind}\" name=\"{id}\" value=\"{}\"/><span>{}</span></label>",
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
                "<label><span>{}{}:</span> <input type=\"number\" name=\"{id}\" min=\"{}\" \
                 max=\"{}\" step=\"{}\" inputmode=\"{}\"/></label>",
                escape(&range[..1].to_uppercase()),
                escape(&range[1..]),
                format_number(*min),
                format_number(*max),
                if *integer { "1" } else { "any" },
                if *integer { "numeric" } else { "decimal" }
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
