//! Every sentence leadgap says about who can read a rater's answers, worded
//! from the round's actual arrangement and from nothing else: the form, what
//! `invite` and `respond` print and `invite --help` all take their words
//! from here, so that the promise made to raters is the one the round keeps.

use super::invite::{Invite, KeyHolder, key_tail};
use super::{MANAGER_GROUP, MIN_GROUP};

/// What the sentences depend on.
#[derive(Clone, Copy, Debug)]
pub struct Arrangement<'a> {
    /// Whom the round is about.
    pub subject: &'a str,
    /// Who holds the key.
    pub holder: &'a KeyHolder,
    /// No figure rests on fewer responses than this.
    pub min_group: usize,
    /// Whether the subject's own manager is shown alone.
    pub manager_alone: bool,
    /// Whether raters have personal codes.
    pub coded: bool,
}

impl<'a> Arrangement<'a> {
    /// The arrangement of `invite`.
    pub fn of(invite: &'a Invite) -> Arrangement<'a> {
        Arrangement {
            subject: &invite.subject,
            holder: &invite.holder,
            min_group: invite.min_group,
            manager_alone: invite.open_groups.iter().any(|g| g == MANAGER_GROUP),
            coded: !invite.codes.is_empty(),
        }
    }
}

/// What raters are told before any question, one paragraph each: who the
/// answers are sealed for, who could open one, what leadgap shows, and
/// what holds for a group shown alone and for a personal code.
pub fn to_raters(a: &Arrangement) -> Vec<String> {
    let s = a.subject;
    let mut paragraphs = match a.holder {
        KeyHolder::Collector { name: c, recipient } => vec![
            format!(
                "Your answers are sealed on your device for {c}, who collects this round's \
                 responses. The key they are sealed to ends in {}; {c} can confirm it. {s} \
                 cannot open them.",
                key_tail(recipient)
            ),
            format!(
                "{c} could open a single response with that key, but leadgap shows {c} only \
                 combined figures: {}",
                shown(a.min_group)
            ),
        ],
        KeyHolder::Subject { .. } => vec![
            format!(
                "Your answers are sealed on your device for {s}, who collects this round's \
                 responses and holds its key: {s} could open your response on its own and \
                 see your answers and your group."
            ),
            format!(
                "leadgap itself shows {s} only combined figures: {} The key, though, opens \
                 single responses with any age tool.",
                shown(a.min_group)
            ),
        ],
    };
    if a.manager_alone {
        paragraphs.push(format!(
            "{s}'s own manager is shown alone: if that is you, your answers appear on their own \
             under “Manager”, not combined with anyone else's."
        ));
    }
    if a.coded {
        paragraphs.push(
            "This invitation is yours alone: it carries a personal code, so that your answer \
             counts once (if you answer again, the later answer replaces the earlier) and \
             answers without a code count nowhere. Whoever handed it to you could tell which \
             code is yours."
                .to_owned(),
        );
    }
    paragraphs
}

/// What the figures may show, as the end of a sentence.
fn shown(min_group: usize) -> String {
    format!(
        "no figure rests on fewer than {min_group} people's answers, a group with fewer counts \
         in no figure at all, and comments are listed without their group."
    )
}

/// Who can open the responses, as `invite` tells whoever started the round.
/// `runner_holds_key`: the data directory's own collector key is the
/// round's (the collector started the round); `key_folder`: where a round
/// the subject collects keeps its key.
pub fn to_starter(a: &Arrangement, runner_holds_key: bool, key_folder: &str) -> Vec<String> {
    let s = a.subject;
    let mut sentences = match a.holder {
        KeyHolder::Collector { name: c, recipient } if runner_holds_key => vec![format!(
            "You hold the key ({c}: this data directory's collector key): only you can open \
             the responses; {s} cannot. Confirm to the raters that the key ends in {}, as the \
             form says.",
            key_tail(recipient)
        )],
        KeyHolder::Collector { name: c, recipient } => vec![format!(
            "{c} holds the key: only {c} can open the responses, not {s} and not this data \
             directory. Ask {c} to confirm to the raters that the key ends in {}, as the form \
             says.",
            key_tail(recipient)
        )],
        KeyHolder::Subject { .. } => vec![format!(
            "{s} holds the key, in {key_folder}: it could open each response on its own, and \
             the form tells the raters so. For a round the team can trust {s} cannot read, start \
             it with --recipient and --collector instead."
        )],
    };
    if a.coded {
        sentences.push(match a.holder {
            KeyHolder::Collector { name: c, .. } => format!(
                "Whoever hands out the personal invitations could tell whose answer is whose, \
                 and anyone holding an unused one could answer with it: let {c} hand them out, \
                 not {s}."
            ),
            KeyHolder::Subject { .. } => format!(
                "Whoever hands out the personal invitations could tell whose answer is whose; \
                 {s} also holds the key, and the form says both."
            ),
        });
    }
    sentences
}

/// What `respond` says of the response it wrote.
pub fn after_responding(a: &Arrangement) -> String {
    let s = a.subject;
    match a.holder {
        KeyHolder::Collector { name: c, recipient } => format!(
            "It is sealed for {c} (key ending {}): {s} cannot open it, and leadgap shows {c} only \
             combined figures: {}",
            key_tail(recipient),
            shown(a.min_group)
        ),
        KeyHolder::Subject { .. } => format!(
            "It is sealed for {s}, who holds the round's key and could open it on its own; \
             leadgap itself shows only combined figures: {}",
            shown(a.min_group)
        ),
    }
}

/// `invite --help`'s account of who can read what, in the words the form
/// uses for each arrangement.
pub fn help() -> String {
    let example = |holder: &KeyHolder| {
        to_raters(&Arrangement {
            subject: "the manager",
            holder,
            min_group: MIN_GROUP,
            manager_alone: false,
            coded: false,
        })
        .iter()
        .map(|p| sentence_case(p))
        .collect::<Vec<_>>()
        .join(" ")
    };
    // A stand-in key whose last 8 characters are replaced by words.
    let collector = KeyHolder::Collector {
        name: "the collector".to_owned(),
        recipient: "age1STANDIN!".to_owned(),
    };
    let subject = KeyHolder::Subject {
        recipient: String::new(),
    };
    format!(
        "Start a team feedback round: the people around a manager answer about them, \
         anonymously, with no server.\n\n\
         Who holds the key that opens the answers is chosen here, and the form tells every rater \
         in these words.\n\n\
         With --recipient KEY --collector NAME (KEY from `leadgap key` on the collector's \
         machine): {}\n\n\
         With --self-collect: {}",
        example(&collector).replace(" ends in STANDIN!;", " ends in its last 8 characters;"),
        example(&subject)
    )
}

/// `text`, whose names are the placeholders "the manager" and "the
/// collector", with each sentence that starts with one in capitals.
fn sentence_case(text: &str) -> String {
    let text = text.replace(". the ", ". The ");
    match text.strip_prefix("the ") {
        Some(rest) => format!("The {rest}"),
        None => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const KEY: &str = "age1qyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqs3290gq";

    fn collector() -> KeyHolder {
        KeyHolder::Collector {
            name: "Morgan Lee".to_owned(),
            recipient: KEY.to_owned(),
        }
    }

    fn arrangement(holder: &KeyHolder) -> Arrangement<'_> {
        Arrangement {
            subject: "Sam Hero",
            holder,
            min_group: 3,
            manager_alone: false,
            coded: false,
        }
    }

    #[test]
    fn with_a_collector_the_raters_are_told_the_subject_cannot_read_them() {
        let holder = collector();
        assert_eq!(
            to_raters(&arrangement(&holder)),
            [
                "Your answers are sealed on your device for Morgan Lee, who collects this \
                 round's responses. The key they are sealed to ends in qs3290gq; Morgan Lee can \
                 confirm it. Sam Hero cannot open them.",
                "Morgan Lee could open a single response with that key, but leadgap shows \
                 Morgan Lee only combined figures: no figure rests on fewer than 3 people's \
                 answers, a group with fewer counts in no figure at all, and comments are \
                 listed without their group."
            ]
        );
    }

    #[test]
    fn when_the_subject_collects_the_raters_are_told_so_first() {
        let holder = KeyHolder::Subject {
            recipient: KEY.to_owned(),
        };
        let said = to_raters(&arrangement(&holder));
        assert_eq!(
            said[0],
            "Your answers are sealed on your device for Sam Hero, who collects this round's \
             responses and holds its key: Sam Hero could open your response on its own and see \
             your answers and your group."
        );
        assert!(!said.join(" ").contains("cannot open"));
    }

    #[test]
    fn a_manager_shown_alone_and_a_personal_code_are_said() {
        let holder = collector();
        let mut a = arrangement(&holder);
        a.manager_alone = true;
        a.coded = true;
        let said = to_raters(&a);
        assert_eq!(said.len(), 4);
        assert!(said[2].starts_with("Sam Hero's own manager is shown alone"));
        assert!(said[3].starts_with("This invitation is yours alone"));
    }

    #[test]
    fn the_help_words_both_arrangements_as_the_form_does() {
        let help = help();
        assert!(help.contains(
            "With --recipient KEY --collector NAME (KEY from `leadgap key` on the collector's \
             machine): Your answers are sealed on your device for the collector, who collects \
             this round's responses. The key they are sealed to ends in its last 8 characters; \
             the collector can confirm it. The manager cannot open them."
        ));
        assert!(help.contains(
            "With --self-collect: Your answers are sealed on your device for the manager, who \
             collects this round's responses and holds its key: the manager could open your \
             response on its own"
        ));
    }
}
