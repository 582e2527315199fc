//! Every sentence leadgap says about who can read a rater's answers, how
//! small groups are treated, what the collector can link and when a round
//! closes, worded from the round's actual arrangement and from nothing else:
//! the form, what `invite`, `respond` and `collect` print and `invite
//! --help` all take their words from here, so that the promise made to
//! raters is the one the round keeps.

use super::MIN_GROUP;
use super::invite::{Access, Closing, Invite, KeyHolder};

/// What the sentences depend on.
#[derive(Clone, Copy, Debug)]
pub struct Arrangement<'a> {
    /// Whom the round is about.
    pub subject: &'a str,
    /// The collector's name; `None` when the subject collects.
    pub collector: Option<&'a str>,
    /// The fingerprint of the key holder's keys.
    pub fingerprint: &'a str,
    /// How raters come to answer.
    pub access: Access,
    /// No figure rests on fewer responses than this.
    pub min_group: usize,
    /// Whether the subject's own manager is shown alone.
    pub manager_alone: bool,
}

/// The arrangement of `invite`, with the fingerprint of its keys.
pub fn of<'a>(invite: &'a Invite, fingerprint: &'a str) -> Arrangement<'a> {
    Arrangement {
        subject: &invite.subject,
        collector: invite.holder.collector(),
        fingerprint,
        access: invite.access(),
        min_group: invite.min_group,
        manager_alone: invite.manager_alone(),
    }
}

/// The fingerprint of `holder`'s keys, as every sentence shows it.
pub fn fingerprint(holder: &KeyHolder) -> String {
    holder.keys().fingerprint()
}

/// What raters are told before any question, one paragraph each: who the
/// answers are sealed for and who could open one, what the collector can
/// link, who else can answer, what leadgap shows, what holds for a group
/// shown alone and for a personal code.
pub fn to_raters(a: &Arrangement) -> Vec<String> {
    let s = a.subject;
    let fp = a.fingerprint;
    let mut paragraphs = match (a.collector, a.access) {
        (Some(c), Access::Personal) => vec![
            sealed_for_collector(c, s, fp),
            format!(
                "{c} sent you this invitation and knows that its personal code is yours, so \
                 {c} could tell which response is yours and open it. {s} never holds the \
                 invitations, their codes or the key. leadgap shows everyone, {c} included, \
                 only combined figures: {}",
                shown(a)
            ),
            "Your answer counts once: if you answer again with this invitation, the later \
             answer replaces the earlier. Answers without one of the round's personal codes \
             count nowhere."
                .to_owned(),
        ],
        (Some(c), _) => vec![
            sealed_for_collector(c, s, fp),
            shared(c),
            format!(
                "{c} could open a single response with that key, but leadgap shows everyone, \
                 {c} included, only combined figures: {}",
                shown(a)
            ),
        ],
        (None, _) => vec![
            format!(
                "Your answers are sealed on your device for {s}, who runs this round and holds \
                 its key (fingerprint {fp}): {s} could open your response on its own and see \
                 your answers and your group."
            ),
            shared(s),
            format!(
                "leadgap itself shows only combined figures: {} The key, though, opens single \
                 responses with any age tool.",
                shown(a)
            ),
        ],
    };
    if a.manager_alone {
        paragraphs.push(format!(
            "{s}'s own manager is shown alone: if that is you, your answers appear on their own \
             under “Manager”, not combined with anyone else's."
        ));
    }
    paragraphs
}

fn sealed_for_collector(c: &str, s: &str, fp: &str) -> String {
    format!(
        "Your answers are sealed on your device for {c}, who runs this round and collects its \
         answers; {s} cannot open them. {c}'s key has the fingerprint {fp}: {c} can confirm it."
    )
}

fn shared(holder: &str) -> String {
    format!(
        "This form is shared, not personal: anyone who has it can answer, and more than once, \
         and {holder} cannot tell who answered or how often; leadgap counts identical answers \
         once."
    )
}

/// What the figures may show, as the end of a sentence: the minimum, the
/// exception of a manager shown alone, pooling, and comments.
pub fn shown(a: &Arrangement) -> String {
    let m = a.min_group;
    let except = if a.manager_alone {
        ", except the Manager figure, which is one person's"
    } else {
        ""
    };
    format!(
        "no figure rests on fewer than {m} people's answers{except}; smaller groups may be \
         pooled as Other when together they reach {m}, and are left out of every figure \
         otherwise; comments are listed without their group, and only when at least {m} \
         people's answers count."
    )
}

/// When the round closes, as the form says it.
pub fn closing(closes: &Closing) -> String {
    format!(
        "Please answer by {}: the round closes at the end of that day, {} (the collector's \
         time); an answer sent later is not counted.",
        closes.day.format("%-d %B %Y"),
        closes.zone_words()
    )
}

/// Who can open the responses, as `invite` tells the collector who started
/// the round on their machine.
pub fn to_collector(a: &Arrangement) -> Vec<String> {
    let s = a.subject;
    let fp = a.fingerprint;
    match (a.collector, a.access) {
        (Some(_), access) => {
            let mut sentences = vec![format!(
                "You hold the key (fingerprint {fp}, as the forms show it): only you can open \
                 the answers; {s} cannot."
            )];
            sentences.push(if access == Access::Personal {
                format!(
                    "You know which code went to whom (send.csv): keep that to yourself, and \
                     send the invitations yourself, not through {s}."
                )
            } else {
                "Anyone holding the form can answer, and more than once; the form says so."
                    .to_owned()
            });
            sentences
        }
        (None, _) => vec![format!(
            "You, {s}, hold the key in this data directory: you could open each answer on \
             its own, and the form tells the raters so. For a round your team can trust you \
             cannot read, ask a collector to run it with `leadgap invite --raters`."
        )],
    }
}

/// What `respond` says of the response it wrote.
pub fn after_responding(a: &Arrangement) -> String {
    let s = a.subject;
    match a.collector {
        Some(c) => format!(
            "It is sealed for {c} (fingerprint {}): {s} cannot open it, and leadgap shows only \
             combined figures: {}",
            a.fingerprint,
            shown(a)
        ),
        None => format!(
            "It is sealed for {s}, who holds the round's key and could open it on its own; \
             leadgap itself shows only combined figures: {}",
            shown(a)
        ),
    }
}

/// What the form says once the answers are sealed, before offering ways
/// to send them.
pub fn once_sealed(a: &Arrangement) -> String {
    match a.collector {
        Some(c) => format!(
            "Nobody but {c} can open them, with the key of fingerprint {}; {} cannot.",
            a.fingerprint, a.subject
        ),
        None => format!(
            "Nobody but {}, who holds this round's key (fingerprint {}), can open them.",
            a.subject, a.fingerprint
        ),
    }
}

/// How comments are shown: `min_group` is the round's minimum, or `None`
/// where it is not known (a template for any round).
pub fn comments(min_group: Option<usize>) -> String {
    let enough = min_group.map_or_else(
        || "the round's minimum number of".to_owned(),
        |m| m.to_string(),
    );
    format!(
        "Comments are listed without your group, each list in a random order of its own, and \
         only when at least {enough} people's answers count."
    )
}

/// Why `collect` cannot open a round's answers in a data directory without
/// the collector's key: who can.
pub fn only_collector_opens(collector: &str) -> String {
    format!(
        "only {collector} can open them: collect on their machine, or pass --identity FILE with \
         their key"
    )
}

/// What the subject's list of raters tells the subject, at its top: the
/// list goes to the collector, who alone sends and holds the invitations.
pub fn raters_list(subject: &str) -> String {
    format!(
        "# The people to ask about {subject}: one row each, then send this file to your \
         collector\n\
         # (your mentor, HR or a colleague your team trusts), never to the raters.\n\
         # The collector sends each person their own invitation; you never see them.\n"
    )
}

/// `key --help`: what the collector's key lets its holder read.
pub const KEY_HELP: &str = "Print the public key of this data directory's collector identity \
(age1…) and the fingerprint raters see on their forms, making the keys on first use \
(DATA/identity.txt, 0600): one age key opens the answers of your rounds, and a signing key \
derived from it signs their reports.\n\n\
Run it if you collect a team round for someone — as their mentor, in HR, or as a colleague their \
team trusts. The manager sends you their list of raters (`leadgap raters --template`), and you \
start the round here with `leadgap invite --subject NAME --raters LIST.csv`: only you can open the \
answers.";

/// `invite --help`'s account of who can read what, in the words the form
/// uses for each arrangement.
pub fn help() -> String {
    let example = |collector: Option<&str>, access: Access| {
        to_raters(&Arrangement {
            subject: "the manager",
            collector,
            fingerprint: "XXXX XXXX XXXX XXXX",
            access,
            min_group: MIN_GROUP,
            manager_alone: false,
        })
        .iter()
        .map(|p| sentence_case(p))
        .collect::<Vec<_>>()
        .join(" ")
    };
    let collector = Some("the collector");
    format!(
        "Start a team feedback round: the people around a manager answer about them, \
         anonymously, with no server.\n\n\
         The collector runs the round — a mentor, HR, a colleague the team trusts — on their \
         own machine, with the key `leadgap key` made there, from the list of raters the \
         manager sends them (`leadgap raters --template`). Each form tells its rater, before \
         any question, who can read what, in these words.\n\n\
         With --raters FILE (a personal invitation for each rater): {}\n\n\
         With --open-link (one shared form): {}\n\n\
         With --self-collect (the manager runs the round): {}",
        example(collector, Access::Personal),
        example(collector, Access::OpenLink),
        example(None, Access::SelfCollect)
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

    fn arrangement(collector: Option<&'static str>, access: Access) -> Arrangement<'static> {
        Arrangement {
            subject: "Sam Hero",
            collector,
            fingerprint: "3f9a 1c2b 77d0 e415",
            access,
            min_group: 3,
            manager_alone: false,
        }
    }

    #[test]
    fn a_personal_invitation_says_the_subject_cannot_read_it_and_the_collector_can_link_it() {
        assert_eq!(
            to_raters(&arrangement(Some("Morgan Lee"), Access::Personal)),
            [
                "Your answers are sealed on your device for Morgan Lee, who runs this round and \
                 collects its answers; Sam Hero cannot open them. Morgan Lee's key has the \
                 fingerprint 3f9a 1c2b 77d0 e415: Morgan Lee can confirm it.",
                "Morgan Lee sent you this invitation and knows that its personal code is yours, \
                 so Morgan Lee could tell which response is yours and open it. Sam Hero never \
                 holds the invitations, their codes or the key. leadgap shows everyone, Morgan \
                 Lee included, only combined figures: no figure rests on fewer than 3 people's \
                 answers; smaller groups may be pooled as Other when together they reach 3, and \
                 are left out of every figure otherwise; comments are listed without their \
                 group, and only when at least 3 people's answers count.",
                "Your answer counts once: if you answer again with this invitation, the later \
                 answer replaces the earlier. Answers without one of the round's personal codes \
                 count nowhere."
            ]
        );
    }

    #[test]
    fn a_shared_form_says_anyone_holding_it_can_answer_more_than_once() {
        let said = to_raters(&arrangement(Some("Morgan Lee"), Access::OpenLink));
        assert_eq!(said.len(), 3);
        assert_eq!(
            said[1],
            "This form is shared, not personal: anyone who has it can answer, and more than \
             once, and Morgan Lee cannot tell who answered or how often; leadgap counts \
             identical answers once."
        );
        assert!(!said.join(" ").contains("personal code is yours"));
    }

    #[test]
    fn when_the_subject_collects_the_raters_are_told_so_first() {
        let said = to_raters(&arrangement(None, Access::SelfCollect));
        assert_eq!(
            said[0],
            "Your answers are sealed on your device for Sam Hero, who runs this round and holds \
             its key (fingerprint 3f9a 1c2b 77d0 e415): Sam Hero could open your response on \
             its own and see your answers and your group."
        );
        assert!(said[1].starts_with("This form is shared"));
        assert!(!said.join(" ").contains("cannot open"));
    }

    #[test]
    fn a_manager_shown_alone_is_named_as_the_exception_wherever_the_minimum_is() {
        let mut a = arrangement(Some("Morgan Lee"), Access::Personal);
        a.manager_alone = true;
        let said = to_raters(&a);
        assert_eq!(said.len(), 4);
        assert!(said[3].starts_with("Sam Hero's own manager is shown alone"));
        let every = [said.join(" "), after_responding(&a)];
        for text in every {
            assert!(
                text.contains(
                    "no figure rests on fewer than 3 people's answers, except the Manager \
                     figure, which is one person's;"
                ),
                "{text}"
            );
        }
    }

    #[test]
    fn the_close_is_said_in_the_collectors_time() {
        let closes = Closing {
            day: chrono::NaiveDate::from_ymd_opt(2026, 12, 6).unwrap(),
            offset: chrono::FixedOffset::west_opt(8 * 3600).unwrap(),
        };
        assert_eq!(
            closing(&closes),
            "Please answer by 6 December 2026: the round closes at the end of that day, \
             UTC−08:00 (the collector's time); an answer sent later is not counted."
        );
    }

    #[test]
    fn the_help_words_every_arrangement_as_the_form_does() {
        let help = help();
        assert!(
            help.contains(
                "With --raters FILE (a personal invitation for each rater): Your answers are \
             sealed on your device for the collector, who runs this round and collects its \
             answers; the manager cannot open them. The collector's key has the fingerprint \
             XXXX XXXX XXXX XXXX: the collector can confirm it. The collector sent you"
            ),
            "{help}"
        );
        assert!(help.contains(
            "With --open-link (one shared form): Your answers are sealed on your device for \
             the collector"
        ));
        assert!(help.contains(
            "With --self-collect (the manager runs the round): Your answers are sealed on your \
             device for the manager, who runs this round and holds its key"
        ));
    }
}
