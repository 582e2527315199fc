//! `leadgap invite`: start a team feedback round — the invitation (form and
//! rubric in full), the form page, personal invitations with single-use
//! codes when asked, and the round kept in this data directory — and say
//! what to send to whom and who can read what.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::Config;
use crate::catalog;
use crate::cli::InviteArgs;
use crate::error::{Error, Result, exit};
use crate::files;
use crate::output::clean_line;
use crate::render;
use crate::source::Source;
use crate::store::{key, rounds};
use crate::team::invite::{
    self, FormFile, Invite, InviteFile, KeyFile, KeyHolder, RubricFile, code_hash, text_hash,
};
use crate::team::promise::{self, Arrangement};
use crate::team::{self, MIN_GROUP, OPEN_GROUPS, encryption, random_hex};

/// Runs `leadgap invite`.
pub fn run(config: &Config, args: InviteArgs, out: &mut dyn Write) -> Result<u8> {
    let data = config.data_dir()?;
    let holder_given = args.recipient.is_some() || args.self_collect;
    if !holder_given {
        return Err(Error::Usage {
            message: "say who will hold the key that opens the answers: --recipient KEY \
                      --collector NAME, or --self-collect"
                .to_owned(),
            help: Some(
                "with a collector — a mentor, HR or a colleague the team trusts, who runs \
                 \"leadgap key\" on their machine and gives you the key it prints — you cannot \
                 read any answer, and the form says so; with --self-collect you hold the key and \
                 could open each answer, and the form tells the raters that before they answer"
                    .to_owned(),
            ),
        });
    }
    let found = catalog::team_form(&args.questionnaire, Some(&data))?;
    let rubric_source = catalog::rubric_source(&found, None)?;
    let form = &found.questionnaire;
    crate::rubric::load(&rubric_source, form)?;
    let subject = args.subject.trim();
    if subject.is_empty() {
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
    let groups = groups(&args, form)?;
    for open in &args.open_groups {
        if !OPEN_GROUPS.contains(&open.as_str()) {
            return Err(Error::user_with_help(
                format!(
                    "--open-group {}: only the manager's own manager can be shown alone",
                    clean_line(open)
                ),
                "a group of one is shown alone only where the relationship names its rater \
                 anyway; every other group needs the minimum",
            ));
        }
        if !groups.contains(open) {
            return Err(Error::user_with_help(
                format!("--open-group {open}: `{open}` is not one of the round's groups"),
                format!("add --group {open}, or leave --open-group out"),
            ));
        }
    }
    if let Some(raters) = args.raters
        && !(args.min_group..=99).contains(&raters)
    {
        return Err(Error::user_with_help(
            format!(
                "--raters {raters}: a round with codes invites from {} to 99 people",
                args.min_group
            ),
            "with fewer than the minimum no figure could ever be shown",
        ));
    }

    let (holder, own_key) = match (&args.recipient, &args.collector) {
        (Some(recipient), Some(name)) => {
            if let Some(why) = encryption::recipient_problem(recipient) {
                return Err(Error::user_with_help(
                    format!("--recipient `{}`: {why}", clean_line(recipient)),
                    "give the key exactly as `leadgap key` printed it on the collector's \
                     machine: age1… in lower case",
                ));
            }
            if name.trim().is_empty() {
                return Err(Error::user(
                    "--collector is empty: name who holds the key, as the raters should read it",
                ));
            }
            (
                KeyHolder::Collector {
                    name: name.trim().to_owned(),
                    recipient: recipient.clone(),
                },
                None,
            )
        }
        _ => {
            let (secret, public) = encryption::generate();
            (KeyHolder::Subject { recipient: public }, Some(secret))
        }
    };
    // Whether whoever runs this holds the collector key the round is
    // sealed to: then it is the collector starting the round.
    let runner_holds_key = key::load(&data)
        .ok()
        .flatten()
        .and_then(|text| encryption::recipients_of(&text).ok())
        .is_some_and(|keys| keys.iter().any(|k| k == holder.recipient()));

    let now = crate::clock::now()?;
    let closes = match &args.closes {
        Some(text) => Some(
            crate::plan::parse_future_due(text, now.date_naive())
                .map_err(|problem| Error::user(format!("--closes: {problem}")))?,
        ),
        None => None,
    };
    let round_id = format!(
        "{}-{}",
        now.format("%Y%m%d"),
        &random_hex(3).map_err(Error::user)?
    );
    let codes: Vec<String> = (0..args.raters.unwrap_or(0))
        .map(|_| random_hex(16))
        .collect::<std::result::Result<_, _>>()
        .map_err(Error::user)?;
    let file = InviteFile {
        schema: crate::document::SCHEMA,
        round: round_id.clone(),
        subject: subject.to_owned(),
        created: crate::clock::format_rfc3339(now),
        closes: closes.map(|d| d.to_string()),
        reply_to: args
            .reply_to
            .as_deref()
            .map(str::trim)
            .filter(|r| !r.is_empty())
            .map(str::to_owned),
        min_group: args.min_group,
        groups,
        open_groups: args.open_groups.clone(),
        codes: codes.iter().map(|c| code_hash(c)).collect(),
        code: None,
        key: KeyFile::of(&holder),
        form: FormFile {
            id: form.id.clone(),
            version: form.version.clone(),
            hash: form.hash.clone(),
            text: found.text.clone(),
        },
        rubric: RubricFile {
            id: crate::rubric::load(&rubric_source, form)?.id,
            hash: text_hash(&rubric_source.text),
            text: rubric_source.text.clone(),
        },
    };
    // Read back as collect and respond will read it.
    let read_back = |file: &InviteFile, name: &str| -> Result<Invite> {
        invite::parse(&Source::new(name, file.to_text())).map_err(Error::Invalid)
    };
    let invite = read_back(&file, "invite.toml")?;

    let folder = args
        .output
        .clone()
        .unwrap_or_else(|| PathBuf::from(format!("leadgap-invite-{round_id}")));
    let mut written = Written::new(&folder)?;
    let result = (|| -> Result<()> {
        written.file("invite.toml", file.to_text().as_bytes())?;
        if codes.is_empty() {
            written.file("invite.html", render::invite::page(&invite).as_bytes())?;
        } else {
            for (index, code) in codes.iter().enumerate() {
                let personal = InviteFile {
                    code: Some(code.clone()),
                    ..file.clone()
                };
                let name = format!("invite-{:02}", index + 1);
                let personal_invite = read_back(&personal, &format!("{name}.toml"))?;
                written.file(&format!("{name}.toml"), personal.to_text().as_bytes())?;
                written.file(
                    &format!("{name}.html"),
                    render::invite::page(&personal_invite).as_bytes(),
                )?;
            }
        }
        Ok(())
    })();
    if let Err(error) = result {
        written.discard();
        return Err(error);
    }
    let round = match rounds::create(&data, &invite, own_key.as_deref()) {
        Ok(round) => round,
        Err(error) => {
            written.discard();
            return Err(error);
        }
    };

    let text = summary(
        config,
        &invite,
        &folder,
        runner_holds_key,
        &round.dir().display().to_string(),
        codes.len(),
    );
    out.write_all(text.as_bytes()).map_err(Error::stdout)?;
    Ok(exit::SUCCESS)
}

/// The round's groups: as given, else the form's defaults; each must be
/// one of the form's.
fn groups(args: &InviteArgs, form: &crate::questionnaire::Questionnaire) -> Result<Vec<String>> {
    let known: Vec<String> = invite::group_labels(form)
        .into_iter()
        .map(|(id, _)| id)
        .collect();
    let groups = if args.groups.is_empty() {
        invite::default_groups(form)
    } else {
        let mut unique: Vec<String> = Vec::new();
        for group in &args.groups {
            if !unique.contains(group) {
                unique.push(group.clone());
            }
        }
        unique
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
    if groups.is_empty() {
        return Err(Error::user(format!(
            "`{}` has no groups for raters to choose from",
            form.id
        )));
    }
    Ok(groups)
}

/// What `invite` prints: the round, what to send to whom, who can read
/// what, and how the answers come back.
fn summary(
    config: &Config,
    invite: &Invite,
    folder: &Path,
    runner_holds_key: bool,
    round_dir: &str,
    codes: usize,
) -> String {
    let subject = clean_line(&invite.subject);
    let arrangement = Arrangement::of(invite);
    let groups: Vec<String> = invite
        .groups
        .iter()
        .map(|g| team::group_words(g, &invite.subject))
        .collect();
    let by = invite
        .closes
        .map(|d| format!(" by {d}"))
        .unwrap_or_default();
    let folder = folder.display();
    let send = if codes == 0 {
        format!(
            "Send {folder}/invite.html to each person you want to hear from ({}), and ask them \
             to answer{by}. It works offline in any current browser, on a phone too; people who \
             prefer the terminal can run `leadgap respond` on {folder}/invite.toml instead.",
            join_words(&groups)
        )
    } else {
        format!(
            "Give each person you want to hear from ({}) one personal invitation: \
             {folder}/invite-01.html … invite-{codes:02}.html (with its .toml for `leadgap \
             respond`), and ask them to answer{by}. Each carries a single-use code: one answer \
             per code counts, the latest.",
            join_words(&groups)
        )
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
    let collect = match &invite.holder {
        // On the collector's machine: no hint for this one.
        KeyHolder::Collector { name, .. } if !runner_holds_key => format!(
            "Send {folder}/invite.toml to {} too. When the answers are in, they collect them on \
             their own machine, with no round started there:\n    leadgap collect invite.toml \
             FOLDER-OF-RESPONSES",
            clean_line(name),
        ),
        _ => format!(
            "When the answers are in: {}",
            config
                .invocation()
                .command(&format!("collect {} FOLDER-OF-RESPONSES", invite.round))
        ),
    };
    let reply = match &invite.reply_to {
        Some(reply) => format!(" The form offers to email it to {}.", clean_line(reply)),
        None => " Give --reply-to next time, and the form offers to email it there.".to_owned(),
    };
    format!(
        "Round {round} about {subject}: {form} {version}; groups: {groups}; no figure rests on \
         fewer than {min} responses.{alone}\n\n\
         {send}\n\
         Each rater seals their answer on their own device and sends it back, as a file or as \
         text.{reply}\n\
         {starter}\n\n\
         {collect}\n",
        round = invite.round,
        form = invite.form.id,
        version = invite.form.version,
        groups = invite.groups.join(", "),
        min = invite.min_group,
        starter = promise::to_starter(&arrangement, runner_holds_key, round_dir).join(" "),
    )
}

/// "a, b and c".
fn join_words(words: &[String]) -> String {
    match words {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// The files `invite` writes into its folder, removed again (with the
/// folder, when it made it) if a later step fails.
struct Written {
    folder: PathBuf,
    made_folder: bool,
    files: Vec<PathBuf>,
}

impl Written {
    /// Prepares `folder`: new, or empty.
    fn new(folder: &Path) -> Result<Written> {
        let made_folder = !folder.exists();
        if !made_folder
            && std::fs::read_dir(folder)
                .map_err(|e| Error::io("read", folder, e))?
                .next()
                .is_some()
        {
            return Err(Error::user_with_help(
                format!("`{}` already holds files", folder.display()),
                "name a new folder with -o",
            ));
        }
        files::create_private_dir(folder)?;
        Ok(Written {
            folder: folder.to_owned(),
            made_folder,
            files: Vec::new(),
        })
    }

    /// Writes a new file.
    fn file(&mut self, name: &str, contents: &[u8]) -> Result<()> {
        let path = files::write_new(&self.folder, name, contents)
            .map_err(|e| Error::io("write the invitation into", &self.folder, e))?;
        self.files.push(path);
        Ok(())
    }

    /// Removes what was written.
    fn discard(self) {
        for file in &self.files {
            let _ = std::fs::remove_file(file);
        }
        if self.made_folder {
            let _ = std::fs::remove_dir(&self.folder);
        }
    }
}
