//! What `invite` tells the collector: the round, what to send to whom, how
//! the answers come back, who can read what, and how to collect — and what
//! to look at before sending.

use std::path::Path;

use crate::Config;
use crate::output::clean_line;
use crate::team::invite::{Access, Invite, rules};
use crate::team::promise;
use crate::team::raters::Rater;
use crate::team::{self};

/// The text of `invite` for `invite`'s round, written into `folder`, with
/// the personal invitations `sent` (empty for one shared form).
pub fn text(config: &Config, invite: &Invite, folder: &Path, sent: &[String]) -> String {
    let subject = clean_line(&invite.subject);
    let fingerprint = promise::fingerprint(&invite.holder);
    let arrangement = promise::of(invite, &fingerprint);
    let by = invite
        .closes
        .map(|c| format!(" by {} (the end of that day, {})", c.day, c.zone_words()))
        .unwrap_or_default();
    let folder = folder.display();
    let who = if sent.is_empty() {
        format!("groups: {}", invite.groups.join(", "))
    } else {
        let counts: Vec<String> = invite
            .groups
            .iter()
            .map(|g| {
                format!(
                    "{g} {}",
                    invite.codes.iter().filter(|c| c.group == *g).count()
                )
            })
            .collect();
        format!("{} raters ({})", sent.len(), counts.join(", "))
    };
    let alone = if arrangement.manager_alone {
        format!(
            " {subject}'s own manager is shown alone, as the form tells them; every other group \
             needs {} responses.",
            invite.min_group
        )
    } else {
        String::new()
    };
    let send = if sent.is_empty() {
        let groups: Vec<String> = invite
            .groups
            .iter()
            .map(|g| team::group_words(g, &invite.subject))
            .collect();
        format!(
            "Send {folder}/invite.html to each person you want to hear from ({}), and ask them \
             to answer{by}. It works offline in any current browser, on a phone too; people who \
             prefer the terminal can run `leadgap respond` on {folder}/invite.toml instead.",
            join_words(&groups)
        )
    } else {
        format!(
            "Send each person on the list their own invitation, as {folder}/send.csv says: \
             invite-NN.html (the form, for any browser) with invite-NN.toml (for `leadgap \
             respond`), and ask them to answer{by}. Each carries a single-use code; only its \
             hash is kept here."
        )
    };
    let back = match (&invite.reply_to, invite.access()) {
        (Some(reply), _) => format!(
            "Raters seal their answers on their device and send them to {}.",
            clean_line(reply)
        ),
        (None, _) => "Raters seal their answers on their device and send them back to you, as a \
                      file or as text."
            .to_owned(),
    };
    format!(
        "Round {round} about {subject}: {form} {version}; {who}; no figure rests on fewer than \
         {min} responses.{alone}\n\n{send}\n{back}\n{holder}\n\nWhen the answers are in: {collect}\n",
        round = invite.round,
        form = invite.form.id,
        version = invite.form.version,
        min = invite.min_group,
        holder = promise::to_collector(&arrangement).join(" "),
        collect = config
            .invocation()
            .command(&format!("collect {} FOLDER-OF-RESPONSES", invite.round)),
    )
}

/// What the collector should look at before sending: groups too small to
/// be shown, and forms that cannot offer to email the answers.
pub fn warnings(invite: &Invite, people: &[Rater]) -> Vec<String> {
    let mut warnings: Vec<String> = rules::small_groups(
        people,
        &invite.groups,
        &invite.open_groups,
        invite.min_group,
    )
    .into_iter()
    .map(|(group, n)| {
        format!(
            "{n} of the raters {} in the group `{group}`, fewer than {}: their answers can be \
             shown only pooled with other small groups as Other, or not at all",
            if n == 1 { "is" } else { "are" },
            invite.min_group
        )
    })
    .collect();
    if invite.reply_to.is_none() && invite.access() != Access::SelfCollect {
        warnings.push(
            "the forms cannot offer to email the answers to you: give --reply-to ADDRESS, or \
             keep it once with `leadgap key --email ADDRESS`"
                .to_owned(),
        );
    }
    warnings
}

/// "a, b and c".
fn join_words(words: &[String]) -> String {
    match words {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}
