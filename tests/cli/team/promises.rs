//! Who runs a round and what every sentence says of it, per arrangement:
//! the collector's keys, the subject's list of raters, personal
//! invitations, a shared form, a round the subject runs, a manager shown
//! alone, and the close in the collector's time.

use std::path::PathBuf;

use super::*;
use crate::support::{self, COLLECTOR_FINGERPRINT, Sandbox};

#[test]
fn key_makes_the_collectors_keys_once_keeps_them_private_and_remembers_where_answers_go() {
    let sandbox = Sandbox::new();
    let first = sandbox.run(["key"]).stderr_checked_by_the_test().output();
    let lines: Vec<&str> = first.stdout.lines().collect();
    assert_eq!(lines.len(), 2, "{}", first.stdout);
    let public = lines[0].strip_prefix("Collector key: ").unwrap();
    assert!(public.starts_with("age1") && public.len() == 62, "{public}");
    let fingerprint = lines[1].strip_prefix("Fingerprint:   ").unwrap();
    assert_eq!(fingerprint.len(), 19, "{fingerprint}");
    assert_eq!(
        first.stderr,
        "Made the collector key of this data directory in [DATA]/identity.txt: keep it \
         private; it opens every answer sealed to it and signs the reports of your rounds. \
         Raters see its fingerprint on their forms. When a manager sends you their list of \
         raters (`leadgap raters --template` makes one), start the round here:\n    leadgap \
         invite --subject NAME --raters LIST.csv --closes +2w\n\
         Give `--email ADDRESS` once, and the forms of your rounds offer raters to email their \
         sealed answers to you.\n"
    );
    // The same keys again, with where answers go and the name raters read.
    sandbox
        .run([
            "key",
            "--email",
            "morgan@example.org",
            "--name",
            "Morgan Lee",
        ])
        .stdout(&format!(
            "Collector key: {public}\nFingerprint:   {fingerprint}\nName:          Morgan \
             Lee\nAnswers to:    morgan@example.org\n"
        ))
        .run();
    sandbox
        .run(["key", "--email", "morgan at example"])
        .status(1)
        .stderr(
            "error: --email `morgan at example` is not an email address\n  help: give the \
             address raters should send their sealed answers to\n",
        )
        .run();
    use std::os::unix::fs::PermissionsExt;
    let identity = sandbox.data_dir().join("identity.txt");
    assert_eq!(
        std::fs::metadata(&identity).unwrap().permissions().mode() & 0o777,
        0o600
    );
    // Made readable by others, it is refused, not silently tightened.
    std::fs::set_permissions(&identity, std::fs::Permissions::from_mode(0o644)).unwrap();
    sandbox
        .run(["key"])
        .status(1)
        .stderr(
            "error: `[DATA]/identity.txt` can be read by others (mode 644), and it opens every \
             response sealed to its key\n  help: if no one else has read it, run `chmod 600 \
             [DATA]/identity.txt`; if someone may have, treat it as known to them\n",
        )
        .run();
}

#[test]
fn the_subject_fills_in_a_list_of_raters_and_checks_it_before_sending_it() {
    let sandbox = Sandbox::new();
    let template = sandbox
        .run(["raters", "--template", "--subject", "Sam Hero"])
        .output()
        .stdout;
    assert_eq!(
        template,
        "# The people to ask about Sam Hero: one row each, then send this file to your collector\n\
         # (your mentor, HR or a colleague your team trusts), never to the raters.\n\
         # The collector sends each person their own invitation; you never see them.\n\
         # group says how the person works with you:\n\
         #   direct-report: they report to you\n\
         #   peer: a fellow manager, or someone who works beside you as an equal\n\
         #   stakeholder: someone outside IT whom your team's work serves\n\
         #   manager: your own manager\n\
         #   mentor: your mentor\n\
         # A group needs at least 3 people to be shown on its own (your own manager may be\n\
         # shown alone if the collector allows it); smaller groups may be pooled as Other.\n\
         # For example:\n\
         #   Lee Park,lee.park@example.org,direct-report\n\
         #   \"Okafor, Ada\",ada.okafor@example.org,peer\n\
         name,email,group\n"
    );
    let list = sandbox.write(
        "raters.csv",
        &format!(
            "{template}Lee Park,lee@example.org,direct-report\n\"Okafor, Ada\",ada@example.org,\
             peer\nKim Wu,kim@example.org,direct-reports\nLee Again,LEE@example.org,peer\n"
        ),
    );
    sandbox
        .run(["raters", "--check"])
        .arg(&list)
        .status(1)
        .stderr(
            "error: [SANDBOX]/raters.csv:18:1: `direct-reports` is not a group of the form \
             (direct-report, peer, stakeholder, manager, mentor); did you mean `direct-report`?\n  \
             help: one row per person: name,email,group (`leadgap raters --template` shows one)\n\
             error: [SANDBOX]/raters.csv:19:1: LEE@example.org is listed twice (line 16 too): \
             each person gets one invitation\n  help: one row per person: name,email,group \
             (`leadgap raters --template` shows one)\n2 problems found\n",
        )
        .run();
    let list = rater_list(
        &sandbox,
        &[
            ("Lee", "direct-report"),
            ("Ada", "peer"),
            ("Kim", "direct-report"),
        ],
    );
    sandbox
        .run(["raters", "--check"])
        .arg(&list)
        .stdout(
            "[SANDBOX]/raters.csv: 3 raters (direct-report 2, peer 1). Send it to your \
             collector.\n",
        )
        .run();
}

#[test]
fn invite_without_a_way_to_answer_explains_the_choice_and_old_options_say_what_changed() {
    let sandbox = Sandbox::new();
    sandbox
        .run(["invite", "--subject", "Sam Hero"])
        .status(2)
        .stderr(
            "error: say how raters answer: --raters LIST.csv, --open-link or --self-collect\n  \
             help: run the round as its collector — a mentor, HR or a colleague the team trusts \
             — from the list of raters the manager sends you (`leadgap raters --template`): \
             --raters gives each rater a personal invitation, --open-link one shared form; with \
             --self-collect the manager runs their own round, holds the key and could open each \
             answer, and the form tells the raters that before they answer\n",
        )
        .run();
    sandbox
        .run(["invite", "--subject", "Sam Hero", "--raters", "9"])
        .status(1)
        .stderr(
            "error: --raters 9: the option now takes the list of raters, a CSV file\n  help: the \
             manager fills one in (`leadgap raters --template`) and sends it to you, the \
             collector; each person on it gets a personal invitation\n",
        )
        .run();
    let ran = sandbox
        .run(["invite", "--subject", "Sam Hero", "--recipient", "age1x"])
        .status(2)
        .stderr_checked_by_the_test()
        .run();
    assert!(
        ran.stderr
            .starts_with("error: unexpected argument '--recipient' found"),
        "{}",
        ran.stderr
    );
    assert!(!sandbox.data_dir().exists(), "nothing was made");
}

#[test]
fn no_message_repeats_a_secret_key_given_by_mistake() {
    let sandbox = Sandbox::new();
    let (secret, _) = leadgap::testing::generate();
    for args in [
        vec![
            "invite",
            "--subject",
            "Sam",
            "--self-collect",
            "--closes",
            &secret,
        ],
        vec!["show", &secret],
        vec!["collect", "20261122-3f9a1c", &secret],
        vec!["invite", "--subject", "Sam", "--recipient", &secret],
    ] {
        let ran = sandbox
            .run(&args)
            .status(if args.contains(&"--recipient") { 2 } else { 1 })
            .stderr_checked_by_the_test()
            .output();
        let tail = &secret["AGE-SECRET-KEY-1".len()..];
        assert!(!ran.stderr.contains(tail), "{args:?}: {}", ran.stderr);
        assert!(!ran.stdout.contains(tail), "{args:?}: {}", ran.stdout);
    }
}

/// What `invite`, a form and `respond` say, for one arrangement.
pub struct Said {
    pub invite: String,
    pub form: String,
    pub respond: String,
}

/// Starts a round of the built-in form with `args` on Morgan's machine, and
/// answers it as a peer: what each said.
fn said(sandbox: &Sandbox, args: &[&str]) -> (Round, Said) {
    sandbox.with_collector_key();
    sandbox
        .run(["key", "--name", "Morgan Lee"])
        .stdout_any()
        .run();
    let folder = sandbox.scratch().join("invite");
    let ran = sandbox
        .run(["invite", "--subject", "Sam Hero", "--closes", "+2w", "-o"])
        .arg(&folder)
        .args(args)
        .at("2026-11-23T09:00:00Z")
        .stderr_checked_by_the_test()
        .output();
    let invite = format!("{}{}", ran.stdout, ran.stderr);
    let id = invite[6..21].to_owned();
    let mut invitations: Vec<PathBuf> = std::fs::read_dir(&folder)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    invitations.sort();
    let round = Round {
        id: id.clone(),
        folder,
        invitations,
    };
    let page = round.invitations[0].with_extension("html");
    let form = std::fs::read_to_string(page).unwrap();
    let group = invitation(&round.invitations[0])
        .get("codes")
        .and_then(|codes| codes[0]["group"].as_str().map(str::to_owned))
        .unwrap_or_else(|| "peer".to_owned());
    let answers = sandbox.write(
        "answers.toml",
        &format!(
            "questionnaire = \"it-manager-team\"\n{}",
            built_in_answers(&group, 2)
        ),
    );
    let respond = sandbox
        .run(["respond"])
        .arg(round.shared())
        .arg("--answers")
        .arg(&answers)
        .arg("-o")
        .arg(sandbox.scratch().join("answer.age"))
        .output()
        .stdout;
    let respond = respond.lines().next().unwrap().to_owned();
    (
        round,
        Said {
            invite: invite.replace(&id, "ROUND"),
            form,
            respond,
        },
    )
}

/// The paragraphs of the form's "who can read your answers" section.
pub fn who_reads(form: &str) -> Vec<String> {
    let start = form.find("<section id=\"who-reads\"").unwrap();
    let section = &form[start..start + form[start..].find("</section>").unwrap()];
    section
        .split("<p>")
        .skip(1)
        .map(|p| p.split("</p>").next().unwrap().replace("&#39;", "'"))
        .collect()
}

const SHOWN: &str = "no figure rests on fewer than 3 people's answers; smaller groups may be \
                     pooled as Other when together they reach 3, and are left out of every \
                     figure otherwise; comments are listed without their group, and only when at \
                     least 3 people's answers count.";

#[test]
fn a_personal_invitation_says_the_subject_cannot_read_it_and_what_the_collector_can_link() {
    let sandbox = Sandbox::new();
    let list = rater_list(
        &sandbox,
        &[
            ("Lee", "direct-report"),
            ("Ada", "direct-report"),
            ("Kim", "direct-report"),
            ("Bo", "peer"),
        ],
    );
    let (round, said) = said(
        &sandbox,
        &[
            "--raters",
            list.to_str().unwrap(),
            "--reply-to",
            "morgan@example.org",
        ],
    );
    let fp = COLLECTOR_FINGERPRINT;
    assert_eq!(
        said.invite,
        format!(
            "Round ROUND about Sam Hero: it-manager-team 2.2.0; 4 raters (direct-report 3, peer \
             1); no figure rests on fewer than 3 responses.\n\
             \n\
             Send each person on the list their own invitation, as [SANDBOX]/invite/send.csv \
             says: invite-NN.html (the form, for any browser) with invite-NN.toml (for `leadgap \
             respond`), and ask them to answer by 2026-12-07 (the end of that day, UTC). Each \
             carries a single-use code; only its hash is kept here.\n\
             Raters seal their answers on their device and send them to morgan@example.org.\n\
             You hold the key (fingerprint {fp}, as the forms show it): only you can open the \
             answers; Sam Hero cannot. You know which code went to whom (send.csv): keep that to \
             yourself, and send the invitations yourself, not through Sam Hero.\n\
             \n\
             When the answers are in: leadgap collect ROUND FOLDER-OF-RESPONSES\n\
             warning: 1 of the raters is in the group `peer`, fewer than 3: their answers can be \
             shown only pooled with other small groups as Other, or not at all\n"
        )
    );
    assert_eq!(
        std::fs::read_to_string(round.folder.join("send.csv")).unwrap(),
        "name,email,group,invitation\n\
         Lee,lee@example.org,direct-report,invite-01.toml\n\
         Ada,ada@example.org,direct-report,invite-02.toml\n\
         Kim,kim@example.org,direct-report,invite-03.toml\n\
         Bo,bo@example.org,peer,invite-04.toml\n"
    );
    assert_eq!(
        who_reads(&said.form),
        [
            format!(
                "Your answers are sealed on your device for Morgan Lee, who runs this round and \
                 collects its answers; Sam Hero cannot open them. Morgan Lee's key has the \
                 fingerprint {fp}: Morgan Lee can confirm it."
            ),
            format!(
                "Morgan Lee sent you this invitation and knows that its personal code is yours, \
                 so Morgan Lee could tell which response is yours and open it. Sam Hero never \
                 holds the invitations, their codes or the key. leadgap shows everyone, Morgan \
                 Lee included, only combined figures: {SHOWN}"
            ),
            "Your answer counts once: if you answer again with this invitation, the later answer \
             replaces the earlier. Answers without one of the round's personal codes count \
             nowhere."
                .to_owned(),
            "Your answers stay on this device until you press “Seal my answers” at the end. Then \
             send what it makes to morgan@example.org: by email, as text in a message, or as a \
             file."
                .to_owned(),
            "Please answer by 7 December 2026: the round closes at the end of that day, UTC (the \
             collector's time); an answer sent later is not counted."
                .to_owned(),
        ]
    );
    // The group is the list's, not the rater's to choose.
    assert!(said.form.contains(
        "<select id=\"group\" name=\"group\" required=\"required\">\n<option \
         value=\"direct-report\" selected=\"selected\">"
    ));
    assert_eq!(
        said.respond,
        format!(
            "Wrote [SANDBOX]/answer.age: your answers, sealed. It is sealed for Morgan Lee \
             (fingerprint {fp}): Sam Hero cannot open it, and leadgap shows only combined \
             figures: {SHOWN} Nothing else was saved."
        )
    );
    // Only the hashes of the codes are kept in the collector's data.
    let code = invitation(&round.invitations[2])["code"]
        .as_str()
        .unwrap()
        .to_owned();
    assert_eq!(code.len(), 32);
    for file in sandbox.all_files() {
        let text = std::fs::read_to_string(&file).unwrap_or_default();
        assert!(!text.contains(&code), "{}", file.display());
    }
}

#[test]
fn a_shared_form_says_anyone_holding_it_can_answer_more_than_once() {
    let sandbox = Sandbox::new();
    let (_, said) = said(&sandbox, &["--open-link"]);
    let fp = COLLECTOR_FINGERPRINT;
    assert_eq!(
        who_reads(&said.form)[..3],
        [
            format!(
                "Your answers are sealed on your device for Morgan Lee, who runs this round and \
                 collects its answers; Sam Hero cannot open them. Morgan Lee's key has the \
                 fingerprint {fp}: Morgan Lee can confirm it."
            ),
            "This form is shared, not personal: anyone who has it can answer, and more than once, \
             and Morgan Lee cannot tell who answered or how often; leadgap counts identical \
             answers once."
                .to_owned(),
            format!(
                "Morgan Lee could open a single response with that key, but leadgap shows \
                 everyone, Morgan Lee included, only combined figures: {SHOWN}"
            ),
        ]
    );
    // Without an address, the form never sends answers through the subject.
    assert!(said.form.contains(
        "Then send what it makes to Morgan Lee, who runs this round: by email, as text in a \
         message, or as a file."
    ));
    assert!(said.invite.ends_with(
        "warning: the forms cannot offer to email the answers to you: give --reply-to ADDRESS, \
         or keep it once with `leadgap key --email ADDRESS`\n"
    ));
    assert!(
        said.invite
            .contains("Anyone holding the form can answer, and more than once; the form says so.")
    );
}

#[test]
fn when_the_subject_runs_the_round_every_sentence_says_they_could_read_each_answer() {
    let sandbox = Sandbox::new();
    let (_, said) = said(&sandbox, &["--self-collect"]);
    let fp = COLLECTOR_FINGERPRINT;
    let lines: Vec<&str> = said.invite.lines().collect();
    assert_eq!(
        lines[4],
        "You, Sam Hero, hold the key in this data directory: you could open each answer on its \
         own, and the form tells the raters so. For a round your team can trust you cannot read, \
         ask a collector to run it with `leadgap invite --raters`."
    );
    assert_eq!(
        who_reads(&said.form)[..3],
        [
            format!(
                "Your answers are sealed on your device for Sam Hero, who runs this round and \
                 holds its key (fingerprint {fp}): Sam Hero could open your response on its own \
                 and see your answers and your group."
            ),
            "This form is shared, not personal: anyone who has it can answer, and more than once, \
             and Sam Hero cannot tell who answered or how often; leadgap counts identical answers \
             once."
                .to_owned(),
            format!(
                "leadgap itself shows only combined figures: {SHOWN} The key, though, opens single \
                 responses with any age tool."
            ),
        ]
    );
    assert!(!said.form.contains("cannot open"), "no false promise");
    assert_eq!(
        said.respond,
        format!(
            "Wrote [SANDBOX]/answer.age: your answers, sealed. It is sealed for Sam Hero, who \
             holds the round's key and could open it on its own; leadgap itself shows only \
             combined figures: {SHOWN} Nothing else was saved."
        )
    );
    // And the key it holds does open a single response, as said.
    assert!(opened(&sandbox.scratch().join("answer.age")).contains("team-decides = 3"));
}

#[test]
fn the_help_words_every_arrangement_as_the_form_does() {
    let sandbox = Sandbox::new();
    let help = sandbox.run(["invite", "--help"]).output().stdout;
    let help = help.split_whitespace().collect::<Vec<_>>().join(" ");
    for sentence in [
        "With --raters FILE (a personal invitation for each rater): Your answers are sealed on \
         your device for the collector, who runs this round and collects its answers; the \
         manager cannot open them. The collector's key has the fingerprint XXXX XXXX XXXX XXXX: \
         the collector can confirm it. The collector sent you this invitation and knows that its \
         personal code is yours",
        "With --open-link (one shared form): Your answers are sealed on your device for the \
         collector, who runs this round and collects its answers; the manager cannot open them.",
        "With --self-collect (the manager runs the round): Your answers are sealed on your \
         device for the manager, who runs this round and holds its key (fingerprint XXXX XXXX \
         XXXX XXXX): the manager could open your response on its own and see your answers and \
         your group.",
    ] {
        assert!(help.contains(sentence), "{sentence}\n--- in:\n{help}");
    }
}

#[test]
fn a_manager_shown_alone_is_named_as_the_exception_in_every_sentence_about_the_minimum() {
    let sandbox = Sandbox::new();
    let list = rater_list(
        &sandbox,
        &[
            ("Lee", "direct-report"),
            ("Ada", "direct-report"),
            ("Kim", "direct-report"),
            ("Boss", "manager"),
        ],
    );
    let (round, said) = said(
        &sandbox,
        &[
            "--raters",
            list.to_str().unwrap(),
            "--open-group",
            "manager",
        ],
    );
    let exception = "no figure rests on fewer than 3 people's answers, except the Manager \
                     figure, which is one person's;";
    let boss = std::fs::read_to_string(round.invitations[3].with_extension("html")).unwrap();
    let paragraphs = who_reads(&boss);
    assert!(paragraphs[1].contains(exception), "{}", paragraphs[1]);
    assert_eq!(
        paragraphs[3],
        "Sam Hero's own manager is shown alone: if that is you, your answers appear on their own \
         under “Manager”, not combined with anyone else's."
    );
    assert!(said.respond.contains(exception), "{}", said.respond);
    assert!(said.invite.contains(
        "Sam Hero's own manager is shown alone, as the form tells them; every other group needs \
         3 responses."
    ));
    for text in [&said.invite, &said.respond, &paragraphs.join(" ")] {
        assert!(
            !text.contains("fewer than 3 people's answers;")
                && !text.contains("fewer than 3 people's answers,\n"),
            "an unqualified promise: {text}"
        );
    }
}

#[test]
fn a_round_closes_at_the_end_of_its_last_day_in_the_collectors_time_zone() {
    let sandbox = Sandbox::new();
    sandbox.with_collector_key();
    let round = {
        let folder = sandbox.scratch().join("invite");
        let ran = sandbox
            .run([
                "invite",
                "--subject",
                "Sam Hero",
                "-q",
                SMALL,
                "--self-collect",
            ])
            .args(["--closes", "2026-12-06", "-o"])
            .arg(&folder)
            .env("TZ", "America/Los_Angeles")
            .at("2026-11-23T09:00:00Z")
            .output();
        Round {
            id: ran.stdout[6..21].to_owned(),
            invitations: vec![folder.join("invite.toml")],
            folder,
        }
    };
    let page = std::fs::read_to_string(round.folder.join("invite.html")).unwrap();
    assert!(page.contains(
        "<p>Please answer by 6 December 2026: the round closes at the end of that day, \
         UTC−08:00 (the collector&#39;s time); an answer sent later is not counted.</p>"
    ));
    six_shared(&sandbox, &round);
    // 20:00 in California on the last day, 04:00 UTC the next: still open,
    // wherever the collector collects.
    let open = sandbox
        .run(["collect", &round.id])
        .arg(responses(&sandbox))
        .at("2026-12-07T04:00:00Z")
        .stderr(&read_all(6))
        .output();
    assert!(
        open.stdout
            .contains("It closes at the end of 2026-12-06 (UTC−08:00);"),
        "{}",
        open.stdout
    );
    let closed = sandbox
        .run(["collect", &round.id, "--format", "json"])
        .arg(responses(&sandbox))
        .at("2026-12-07T08:00:00Z")
        .stderr(&format!(
            "{}Closed round {} and saved its signed report to \
             [DATA]/reports/2026-12-07T08-00-00Z.toml.\n",
            read_all(6),
            round.id
        ))
        .output();
    assert_eq!(closed.json()["raters"], 6);
    assert_eq!(support::NOW, "2026-11-22T13:05:01Z");
}
