//! `leadgap invite`: start a team feedback round.

use std::io::Write;
use std::path::PathBuf;

use crate::Context;
use crate::catalog;
use crate::cli::InviteArgs;
use crate::envelope;
use crate::error::{Error, Result, exit};
use crate::files;
use crate::output::clean_line;
use crate::questionnaire::{ContextKind, GROUP_CONTEXT};
use crate::render;
use crate::round::{DEFAULT_GROUPS, FormRef, Round, random_id};
use crate::store::rounds;
use crate::team::MIN_GROUP;

/// Runs `leadgap invite`.
pub fn run(context: &Context, args: InviteArgs, out: &mut dyn Write) -> Result<u8> {
    let data = context.data_dir()?;
    let found = catalog::team_form(&args.questionnaire, Some(&data))?;
    let form = &found.questionnaire;
    // The rubric must load: collect scores with it.
    catalog::rubric(&found, None)?;
    if args.subject.trim().is_empty() {
        return Err(Error::user(
            "--subject is empty: name the person the round is about",
        ));
    }
    if args.min_group < MIN_GROUP {
        return Err(Error::user_with_help(
            format!(
                "--min-group {} is too small to keep raters anonymous",
                args.min_group
            ),
            format!("give {MIN_GROUP} or more"),
        ));
    }
    let known: Vec<String> = form
        .context_index(GROUP_CONTEXT)
        .map(|i| match &form.contexts[i].kind {
            ContextKind::Choice { options } => options.iter().map(|o| o.id.clone()).collect(),
            ContextKind::Number { .. } => Vec::new(),
        })
        .unwrap_or_default();
    let groups: Vec<String> = if args.groups.is_empty() {
        DEFAULT_GROUPS
            .iter()
            .map(|g| (*g).to_owned())
            .filter(|g| known.contains(g))
            .collect()
    } else {
        args.groups.clone()
    };
    for group in &groups {
        if !known.contains(group) {
            return Err(Error::user_with_help(
                crate::error::with_suggestion(
                    format!("`{}` is not a group of `{}`", clean_line(group), form.id),
                    group,
                    known.iter().map(String::as_str),
                ),
                format!("its groups are: {}", known.join(", ")),
            ));
        }
    }
    let (recipient, identity) = match &args.recipient {
        Some(recipient) if envelope::is_recipient(recipient) => (recipient.trim().to_owned(), None),
        Some(recipient) => {
            return Err(Error::user_with_help(
                format!("`{}` is not an age public key", clean_line(recipient)),
                "it looks like age1… (the collector's `age-keygen -y` prints it)",
            ));
        }
        None => {
            let (secret, public) = envelope::generate();
            (public, Some(secret))
        }
    };
    let now = crate::clock::now()?;
    let today = now.date_naive();
    let closes = match &args.closes {
        Some(text) => Some(
            crate::plan::parse_future_due(text, today)
                .map_err(|problem| Error::user(format!("--closes: {problem}")))?
                .to_string(),
        ),
        None => None,
    };
    let round = Round {
        schema: crate::document::SCHEMA,
        id: format!("{}-{}", now.format("%Y%m%d"), &random_id()[..6]),
        form: FormRef::of(form),
        subject: args.subject.trim().to_owned(),
        groups,
        min_group: args.min_group,
        recipient,
        own_identity: identity.is_some(),
        created: crate::clock::format_rfc3339(now),
        closes,
    };
    let folder = args
        .output
        .clone()
        .unwrap_or_else(|| PathBuf::from(format!("leadgap-invite-{}", round.id)));
    files::create_private_dir(&folder)?;
    let round_dir = rounds::create(&data, &round, identity.as_deref())?;
    let invite = round.invite();
    let reply_to = args
        .reply_to
        .clone()
        .unwrap_or_else(|| "back to the person who sent you this form".to_owned());
    let page = render::invite::page(&invite, form, &reply_to);
    files::write_new(&folder, "invite.html", page.as_bytes())
        .map_err(|e| Error::io("write the form into", &folder, e))?;
    let toml = toml::to_string(&invite).map_err(|e| Error::user(e.to_string()))?;
    files::write_new(&folder, "invite.toml", toml.as_bytes())
        .map_err(|e| Error::io("write the invite into", &folder, e))?;

    let subject = clean_line(&round.subject);
    let who_reads = if round.own_identity {
        format!(
            "Only this data directory can open them (the round's key is in {}); keep it private.",
            round_dir.display()
        )
    } else {
        "Only the holder of the key you gave with --recipient can open them; this data directory cannot."
            .to_owned()
    };
    let closes = round
        .closes
        .as_deref()
        .map(|d| format!(" by {d}"))
        .unwrap_or_default();
    let collect = context
        .invocation()
        .command(&format!("collect {}", round.id));
    let text = format!(
        "Round {id} about {subject}: {form} {version}, groups {groups}, at least {min} responses \
         per group.\n\n\
         Send {folder}/invite.html to each person you want to hear from (the team, peers, \
         stakeholders, {subject}'s manager), and ask them to answer{closes}. It works offline in \
         any current browser; people who prefer the terminal can run `leadgap respond` on \
         invite.toml instead.\n\
         Each rater gets an encrypted file, response-{id}-….age, and sends it back. \
         {subject} may pass them along but cannot read them. {who_reads}\n\
         Nothing is shown of a group with fewer than {min} responses, and comments are shown \
         without their group.\n\n\
         When the responses are in: {collect} FOLDER-OF-RESPONSES\n",
        id = round.id,
        form = form.id,
        version = form.version,
        groups = round.groups.join(", "),
        min = round.min_group,
        folder = folder.display(),
    );
    out.write_all(text.as_bytes()).map_err(Error::stdout)?;
    Ok(exit::SUCCESS)
}
