//! Team feedback rounds end to end, with the real binary and real age
//! files: who holds the key and what each arrangement says, the collector
//! on their own machine, figures worked out by hand, and every rule that
//! keeps raters anonymous attacked as a suspicious reader would —
//! subtraction, re-collecting, stuffing, forged ids, edited files.

use crate::support;

use std::path::{Path, PathBuf};

use crate::support::Sandbox;
use serde_json::{Value, json};

/// The small team form of `tests/fixtures/team`, whose figures are worked
/// out by hand.
const SMALL: &str = "tests/fixtures/team/questionnaire.toml";

/// A round: its id and the folder `invite` wrote.
struct Round {
    id: String,
    folder: PathBuf,
}

impl Round {
    fn invite_file(&self) -> PathBuf {
        self.folder.join("invite.toml")
    }
}

/// Starts a round about Sam Hero in `sandbox` with `args`.
fn start(sandbox: &Sandbox, args: &[&str]) -> Round {
    let folder = sandbox.scratch().join("invite");
    let ran = sandbox
        .run(["invite", "--subject", "Sam Hero", "-o"])
        .arg(&folder)
        .args(args)
        .stderr_checked_by_the_test()
        .run();
    let id = ran
        .stdout
        .strip_prefix("Round ")
        .and_then(|rest| rest.split_whitespace().next())
        .unwrap()
        .to_owned();
    Round { id, folder }
}

/// A small-team round the subject collects.
fn small_round(sandbox: &Sandbox, extra: &[&str]) -> Round {
    let mut args = vec!["-q", SMALL, "--self-collect"];
    args.extend_from_slice(extra);
    start(sandbox, &args)
}

/// Answers `body` (an answer file without its first line) to `invite` as
/// `name`, into the sandbox's `responses` folder.
fn respond_to(sandbox: &Sandbox, invite: &Path, name: &str, form: &str, body: &str) -> PathBuf {
    let answers = sandbox.write(
        &format!("{name}.answers.toml"),
        &format!("questionnaire = \"{form}\"\n{body}"),
    );
    let responses = sandbox.scratch().join("responses");
    std::fs::create_dir_all(&responses).unwrap();
    let out = responses.join(format!("{name}.age"));
    sandbox
        .run(["respond"])
        .arg(invite)
        .arg("--answers")
        .arg(&answers)
        .arg("-o")
        .arg(&out)
        .run();
    std::fs::remove_file(answers).unwrap();
    out
}

/// A small-team response: `group`, `lead-all` (and the global item, the
/// same), and the answers of the group's own questions; `keep` as a
/// comment when given.
fn small(group: &str, lead_all: u8, own: &str, keep: Option<&str>) -> String {
    let comments = keep
        .map(|k| format!("[comments]\nkeep = \"{k}\"\n"))
        .unwrap_or_default();
    format!(
        "[context]\ngroup = \"{group}\"\n[answers]\nlead-all = {lead_all}\n\
         would-recommend = {lead_all}\n{own}\n{comments}"
    )
}

/// Three direct reports and three peers, as worked out in the tests below.
///
/// Direct reports, theme `lead` (lead-all, lead-team): (5, 5) → 100,
/// (3, 5) → 75, (1, 3) → 25. Peers, `lead` (lead-all only): 4 → 75, 4 → 75,
/// 2 → 25; `money` (money-seen only): 5 → 100, 1 → 0, 3 → 50.
fn six(sandbox: &Sandbox, round: &Round) {
    for (name, all, team) in [("dr1", 5, 5), ("dr2", 3, 5), ("dr3", 1, 3)] {
        respond_to(
            sandbox,
            &round.folder,
            name,
            "small-team",
            &small("direct-report", all, &format!("lead-team = {team}"), None),
        );
    }
    for (name, all, seen) in [("peer1", 4, 5), ("peer2", 4, 1), ("peer3", 2, 3)] {
        respond_to(
            sandbox,
            &round.folder,
            name,
            "small-team",
            &small("peer", all, &format!("money-seen = {seen}"), None),
        );
    }
}

/// The lone manager: lead-all, money-seen and money-told as given, and a
/// comment that must never be shown.
fn lone_manager(sandbox: &Sandbox, round: &Round, lead_all: u8, seen: u8, told: &str) {
    respond_to(
        sandbox,
        &round.folder,
        "manager",
        "small-team",
        &small(
            "manager",
            lead_all,
            &format!("money-seen = {seen}\nmoney-told = \"{told}\""),
            Some("Only the manager wrote this"),
        ),
    );
}

/// Seals `text` for `round` as whoever holds its invitation could, into
/// the responses folder as `name.age`.
fn seal_by_hand(sandbox: &Sandbox, round: &Round, name: &str, text: &str) {
    let invite: toml::Table =
        toml::from_str(&std::fs::read_to_string(round.invite_file()).unwrap()).unwrap();
    let recipient = invite["key"]["recipient"].as_str().unwrap();
    std::fs::create_dir_all(responses(sandbox)).unwrap();
    std::fs::write(
        responses(sandbox).join(format!("{name}.age")),
        leadgap::team::encryption::seal(recipient, text.as_bytes()).unwrap(),
    )
    .unwrap();
}

fn responses(sandbox: &Sandbox) -> PathBuf {
    sandbox.scratch().join("responses")
}

/// Closes `round` and returns its JSON report.
fn close(sandbox: &Sandbox, round: &str) -> Value {
    sandbox
        .run(["collect", round, "--close", "--format", "json"])
        .arg(responses(sandbox))
        .stderr(&format!(
            "Closed round {round} and saved its report to [DATA]/reports/{}.toml.\n",
            support::NOW_ID
        ))
        .run()
        .json()
}

/// This data directory's collector key, made now (as `key` says).
fn collector_key(sandbox: &Sandbox) -> String {
    let ran = sandbox.run(["key"]).stderr_checked_by_the_test().run();
    assert!(
        ran.stderr
            .starts_with("Made the collector key of this data directory in [DATA]/identity.txt"),
        "{}",
        ran.stderr
    );
    ran.stdout.trim().to_owned()
}

fn theme<'a>(report: &'a Value, id: &str) -> &'a Value {
    support::by_id(&report["themes"], id)
}

fn group<'a>(report: &'a Value, id: &str) -> Option<&'a Value> {
    report["groups"]
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["id"] == id)
}

// --- Who holds the key --------------------------------------------------

#[test]
fn key_makes_the_collector_key_once_and_keeps_it_private() {
    let sandbox = Sandbox::new();
    let first = sandbox.run(["key"]).stderr_checked_by_the_test().run();
    let public = first.stdout.trim().to_owned();
    assert!(public.starts_with("age1") && public.len() == 62, "{public}");
    assert_eq!(
        first.stderr,
        format!(
            "Made the collector key of this data directory in [DATA]/identity.txt: keep it \
             private, it opens every answer sealed to the public key above. Give the manager the \
             public key (it ends in {}); they start the round on their machine with\n    leadgap \
             invite --subject NAME --recipient {public} --collector \"YOUR NAME\"\nand you collect \
             it here with `leadgap collect INVITE RESPONSES`.\n",
            &public[public.len() - 8..]
        )
    );
    // The same key again, and nothing else said.
    sandbox
        .run(["key"])
        .stdout(&format!("{public}\n"))
        .stderr("")
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
fn invite_without_a_key_holder_explains_the_choice() {
    let sandbox = Sandbox::new();
    sandbox
        .run(["invite", "--subject", "Sam Hero"])
        .status(2)
        .stderr(
            "error: say who will hold the key that opens the answers: --recipient KEY --collector \
             NAME, or --self-collect\n  help: with a collector — a mentor, HR or a colleague the \
             team trusts, who runs \"leadgap key\" on their machine and gives you the key it \
             prints — you cannot read any answer, and the form says so; with --self-collect you \
             hold the key and could open each answer, and the form tells the raters that before \
             they answer\n",
        )
        .run();
    assert!(!sandbox.data_dir().exists(), "nothing was made");
}

#[test]
fn a_recipient_must_be_a_lowercase_age_key_with_a_collector_named() {
    let sandbox = Sandbox::new();
    let (_, public) = leadgap::team::encryption::generate();
    let upper = public.to_uppercase();
    sandbox
        .run(["invite", "--subject", "Sam", "--collector", "Morgan"])
        .arg("--recipient")
        .arg(&upper)
        .status(1)
        .stderr(&format!(
            "error: --recipient `{upper}`: it is written in capitals\n  help: give the key \
             exactly as `leadgap key` printed it on the collector's machine: age1… in lower case\n"
        ))
        .run();
    sandbox
        .run(["invite", "--subject", "Sam", "--recipient", &public])
        .status(2)
        .stderr("error: the following required arguments were not provided:\n  --collector <NAME>\n\nUsage: leadgap invite --subject <NAME> --recipient <AGE-PUBLIC-KEY> --collector <NAME>\n\nFor more information, try '--help'.\n")
        .run();
    sandbox
        .run([
            "invite",
            "--subject",
            "Sam",
            "--recipient",
            &public,
            "--collector",
            "Morgan",
            "--self-collect",
        ])
        .status(2)
        .stderr("error: the argument '--recipient <AGE-PUBLIC-KEY>' cannot be used with '--self-collect'\n\nUsage: leadgap invite --subject <NAME> --recipient <AGE-PUBLIC-KEY> --collector <NAME>\n\nFor more information, try '--help'.\n")
        .run();
}

/// What `invite`, the form and `respond` say, for one arrangement.
struct Said {
    invite: String,
    form: String,
    respond: String,
}

fn said(sandbox: &Sandbox, args: &[&str]) -> (Round, Said) {
    let folder = sandbox.scratch().join("invite");
    let invite = sandbox
        .run(["invite", "--subject", "Sam Hero", "--closes", "+2w", "-o"])
        .arg(&folder)
        .args(args)
        .at("2026-11-23T09:00:00Z")
        .stderr("")
        .run()
        .stdout;
    let id = invite[6..].split_whitespace().next().unwrap().to_owned();
    let round = Round { id, folder };
    let form = std::fs::read_to_string(round.folder.join("invite.html")).unwrap_or_default();
    let answers = sandbox.write(
        "peer.toml",
        &format!(
            "questionnaire = \"it-manager-team\"\n{}",
            built_in_answers("peer", 2)
        ),
    );
    let respond = sandbox
        .run(["respond"])
        .arg(&round.folder)
        .arg("--answers")
        .arg(&answers)
        .arg("-o")
        .arg(sandbox.scratch().join("peer.age"))
        .run()
        .stdout;
    let respond = respond.lines().next().unwrap().to_owned();
    (
        round,
        Said {
            invite: invite.replace(&invite[6..21], "ROUND"),
            form,
            respond,
        },
    )
}

/// The paragraphs of the form's "who can read your answers" section.
fn who_reads(form: &str) -> Vec<String> {
    let start = form.find("<section id=\"who-reads\"").unwrap();
    let section = &form[start..start + form[start..].find("</section>").unwrap()];
    section
        .split("<p>")
        .skip(1)
        .map(|p| p.split("</p>").next().unwrap().replace("&#39;", "'"))
        .collect()
}

#[test]
fn with_a_collector_every_sentence_says_the_subject_cannot_read_an_answer() {
    let collector = Sandbox::new();
    let key = collector_key(&collector);
    let tail = key[key.len() - 8..].to_owned();
    let sandbox = Sandbox::new();
    let (_, said) = said(
        &sandbox,
        &[
            "--recipient",
            &key,
            "--collector",
            "Morgan Lee",
            "--reply-to",
            "morgan@example.org",
        ],
    );
    assert_eq!(
        said.invite,
        format!(
            "Round ROUND about Sam Hero: it-manager-team 2.1.0; groups: direct-report, peer, \
             stakeholder, manager; no figure rests on fewer than 3 responses.\n\
             \n\
             Send [SANDBOX]/invite/invite.html to each person you want to hear from (direct \
             reports, peers, stakeholders and Sam Hero's manager), and ask them to answer by \
             2026-12-07. It works offline in any current browser, on a phone too; people who \
             prefer the terminal can run `leadgap respond` on [SANDBOX]/invite/invite.toml \
             instead.\n\
             Each rater seals their answer on their own device and sends it back, as a file or as \
             text. The form offers to email it to morgan@example.org.\n\
             Morgan Lee holds the key: only Morgan Lee can open the responses, not Sam Hero and \
             not this data directory. Ask Morgan Lee to confirm to the raters that the key ends \
             in {tail}, as the form says.\n\
             \n\
             Send [SANDBOX]/invite/invite.toml to Morgan Lee too. When the answers are in, they \
             collect them on their own machine, with no round started there:\n    leadgap collect \
             invite.toml FOLDER-OF-RESPONSES\n"
        )
    );
    assert_eq!(
        who_reads(&said.form),
        [
            format!(
                "Your answers are sealed on your device for Morgan Lee, who collects this round's \
                 responses. The key they are sealed to ends in {tail}; Morgan Lee can confirm \
                 it. Sam Hero cannot open them."
            ),
            "Morgan Lee could open a single response with that key, but leadgap shows Morgan \
             Lee only combined figures: no figure rests on fewer than 3 people's answers, a \
             group with fewer counts in no figure at all, and comments are listed without their \
             group."
                .to_owned(),
            "Your answers stay on this device until you press “Seal my answers” at the end. Then \
             send what it makes to morgan@example.org: by email, as text in a message, or as a \
             file."
                .to_owned(),
            "Please answer by 2026-12-07.".to_owned(),
        ]
    );
    assert_eq!(
        said.respond,
        format!(
            "Wrote [SANDBOX]/peer.age: your answers, sealed. It is sealed for Morgan Lee (key \
             ending {tail}): Sam Hero cannot open it, and leadgap shows Morgan Lee only combined \
             figures: no figure rests on fewer than 3 people's answers, a group with fewer counts \
             in no figure at all, and comments are listed without their group. Nothing else was \
             saved."
        )
    );
    // The subject's data directory holds no key for the round.
    let kept: Vec<PathBuf> = sandbox.all_files();
    assert!(
        kept.iter()
            .all(|f| f.file_name().unwrap() != "identity.txt"),
        "{kept:?}"
    );
}

#[test]
fn a_collector_who_starts_the_round_is_told_they_hold_the_key() {
    let sandbox = Sandbox::new();
    let key = collector_key(&sandbox);
    let tail = key[key.len() - 8..].to_owned();
    let (round, said) = said(
        &sandbox,
        &["--recipient", &key, "--collector", "Morgan Lee"],
    );
    let lines: Vec<&str> = said.invite.lines().collect();
    assert_eq!(
        lines[4],
        format!(
            "You hold the key (Morgan Lee: this data directory's collector key): only you can \
             open the responses; Sam Hero cannot. Confirm to the raters that the key ends in \
             {tail}, as the form says."
        )
    );
    assert_eq!(
        lines[6],
        "When the answers are in: leadgap collect ROUND FOLDER-OF-RESPONSES"
    );
    assert!(round.id.starts_with("20261123-"));
}

#[test]
fn when_the_subject_collects_every_sentence_says_so() {
    let sandbox = Sandbox::new();
    let (round, said) = said(&sandbox, &["--self-collect"]);
    let lines: Vec<&str> = said.invite.lines().collect();
    assert_eq!(
        lines[4],
        "Sam Hero holds the key, in [DATA]/rounds/ROUND: it could open each response on its \
         own, and the form tells the raters so. For a round the team can trust Sam Hero cannot \
         read, start it with --recipient and --collector instead."
    );
    let form = who_reads(&said.form);
    assert_eq!(
        form[..2],
        [
            "Your answers are sealed on your device for Sam Hero, who collects this round's \
             responses and holds its key: Sam Hero could open your response on its own and see \
             your answers and your group."
                .to_owned(),
            "leadgap itself shows Sam Hero only combined figures: no figure rests on fewer than 3 \
             people's answers, a group with fewer counts in no figure at all, and comments are \
             listed without their group. The key, though, opens single responses with any age \
             tool."
                .to_owned(),
        ]
    );
    assert!(!said.form.contains("cannot open"), "no false promise");
    assert_eq!(
        said.respond,
        "Wrote [SANDBOX]/peer.age: your answers, sealed. It is sealed for Sam Hero, who holds \
         the round's key and could open it on its own; leadgap itself shows only combined \
         figures: no figure rests on fewer than 3 people's answers, a group with fewer counts in \
         no figure at all, and comments are listed without their group. Nothing else was saved."
    );
    // And the key it holds does open a single response, as said.
    let identity = sandbox
        .data_dir()
        .join("rounds")
        .join(&round.id)
        .join("identity.txt");
    let opened = leadgap::team::encryption::open(
        &std::fs::read_to_string(identity).unwrap(),
        &std::fs::read(sandbox.scratch().join("peer.age")).unwrap(),
    )
    .unwrap();
    assert!(
        String::from_utf8(opened)
            .unwrap()
            .contains("team-decides = 3")
    );
}

#[test]
fn the_help_words_both_arrangements_as_the_form_does() {
    let sandbox = Sandbox::new();
    let help = sandbox.run(["invite", "--help"]).run().stdout;
    let help = help.split_whitespace().collect::<Vec<_>>().join(" ");
    for sentence in [
        "With --recipient KEY --collector NAME (KEY from `leadgap key` on the collector's \
         machine): Your answers are sealed on your device for the collector, who collects this \
         round's responses. The key they are sealed to ends in its last 8 characters; the \
         collector can confirm it. The manager cannot open them. The collector could open a \
         single response with that key, but leadgap shows the collector only combined figures",
        "With --self-collect: Your answers are sealed on your device for the manager, who \
         collects this round's responses and holds its key: the manager could open your \
         response on its own and see your answers and your group.",
    ] {
        assert!(help.contains(sentence), "{sentence}\n--- in:\n{help}");
    }
}

#[test]
fn a_manager_shown_alone_and_personal_codes_are_told_to_raters() {
    let sandbox = Sandbox::new();
    let round = start(
        &sandbox,
        &["--self-collect", "--open-group", "manager", "--raters", "4"],
    );
    let form = std::fs::read_to_string(round.folder.join("invite-02.html")).unwrap();
    let said = who_reads(&form);
    assert_eq!(
        said[2],
        "Sam Hero's own manager is shown alone: if that is you, your answers appear on their own \
         under “Manager”, not combined with anyone else's."
    );
    assert_eq!(
        said[3],
        "This invitation is yours alone: it carries a personal code, so that your answer counts \
         once (if you answer again, the later answer replaces the earlier) and answers without a \
         code count nowhere. Whoever handed it to you could tell which code is yours."
    );
    let mut files: Vec<String> = std::fs::read_dir(&round.folder)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    files.sort();
    assert_eq!(
        files,
        [
            "invite-01.html",
            "invite-01.toml",
            "invite-02.html",
            "invite-02.toml",
            "invite-03.html",
            "invite-03.toml",
            "invite-04.html",
            "invite-04.toml",
            "invite.toml"
        ]
    );
    // Only the hashes are kept: no code is in the round's own files.
    let invite = std::fs::read_to_string(round.invite_file()).unwrap();
    let personal: toml::Table =
        toml::from_str(&std::fs::read_to_string(round.folder.join("invite-03.toml")).unwrap())
            .unwrap();
    let code = personal["code"].as_str().unwrap();
    assert_eq!(code.len(), 32);
    for file in sandbox.all_files().iter().chain([&round.invite_file()]) {
        assert!(
            !std::fs::read_to_string(file)
                .unwrap_or_default()
                .contains(code),
            "{}",
            file.display()
        );
    }
    assert_eq!(
        invite.matches("\"sha256:").count(),
        4 + 2,
        "4 codes, form, rubric"
    );
}

// --- The collector works on their own machine -----------------------------

#[test]
fn the_collector_collects_on_their_own_machine_and_the_subject_cannot() {
    let subject = Sandbox::new();
    let collector = Sandbox::new();
    let key = collector_key(&collector);
    let round = start(
        &subject,
        &[
            "-q",
            SMALL,
            "--recipient",
            &key,
            "--collector",
            "Morgan Lee",
        ],
    );
    // The raters answer from the invitation alone: nothing installed.
    six(&subject, &round);
    // The subject's data directory cannot open them.
    subject
        .run(["collect", &round.id, "--close"])
        .arg(responses(&subject))
        .status(1)
        .stderr(&format!(
            "error: this data directory has no key that opens round {}: its answers are sealed \
             to Morgan Lee's key (ending {})\n  help: only Morgan Lee can open them: collect on \
             their machine (`leadgap collect INVITE RESPONSES` there), or pass --identity FILE \
             with their key\n",
            round.id,
            &key[key.len() - 8..]
        ))
        .run();
    // The collector, with only the invitation and the responses.
    let report = collector
        .run(["collect", "--close", "--format", "json"])
        .arg(round.invite_file())
        .arg(responses(&subject))
        .stderr(&format!(
            "Closed round {} and saved its report to [DATA]/reports/{}.toml.\n",
            round.id,
            support::NOW_ID
        ))
        .run()
        .json();
    assert_eq!(report["raters"], 6);
    assert_eq!(report["respondent"], "Sam Hero");
    assert_eq!(theme(&report, "lead")["score"], 62.5);
    // Kept in the collector's data directory: the id works from now on.
    collector
        .run(["collect", &round.id, "--status"])
        .stdout(&format!(
            "Round {} about Sam Hero closed on 2026-11-22; its report ({}) rests on 6 \
             responses. `leadgap collect {}` prints it.\n",
            round.id,
            support::NOW_ID,
            round.id
        ))
        .run();
}

// --- Figures no one can subtract ------------------------------------------

#[test]
fn the_team_figures_are_worked_out_by_hand_from_the_shown_groups_only() {
    let sandbox = Sandbox::new();
    let round = small_round(&sandbox, &[]);
    six(&sandbox, &round);
    lone_manager(&sandbox, &round, 1, 1, "no");
    let report = close(&sandbox, &round.id);
    // lead: direct reports 100, 75, 25 (mean 66.67, sd 38.2); peers 75, 75,
    // 25 (mean 58.33, sd 28.9). Team: 375 / 6 = 62.5, sd of all six =
    // sqrt((1406.25 + 156.25 + 1406.25 + 156.25 + 156.25 + 1406.25) / 5) =
    // sqrt(937.5) = 30.6. The manager's 0 is in no figure: with it the team
    // would be 375 / 7 = 53.6, and 7 · 53.6 − 3 · 66.7 − 3 · 58.3 their
    // score.
    let lead = theme(&report, "lead");
    assert_eq!(
        (&lead["score"], &lead["n"], &lead["sd"]),
        (&json!(62.5), &json!(6), &json!(30.6))
    );
    // money: only peers answer it among the shown groups: 100, 0, 50.
    let money = theme(&report, "money");
    assert_eq!(
        (&money["score"], &money["n"], &money["sd"]),
        (&json!(50.0), &json!(3), &json!(50.0))
    );
    let groups: Vec<(&Value, &Value)> = report["groups"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| (&g["id"], &g["n"]))
        .collect();
    assert_eq!(
        groups,
        [
            (&json!("direct-report"), &json!(3)),
            (&json!("peer"), &json!(3))
        ]
    );
    let dr = group(&report, "direct-report").unwrap();
    assert_eq!(support::by_id(&dr["themes"], "lead")["score"], 66.7);
    assert_eq!(support::by_id(&dr["themes"], "money")["score"], Value::Null);
    assert_eq!(report["raters"], 6);
    assert_eq!(report["left_out"], 1);
    assert_eq!(report["hidden_groups"], json!(["manager"]));
    // The global item, on its own and under the same rule: direct reports
    // 100, 50, 0 (mean 50); peers 75, 75, 25 (58.3); team 325 / 6 = 54.2.
    // It is not a theme, so the overall score is lead and money alone:
    // (62.5 + 50) / 2.
    assert_eq!(
        report["global"],
        json!([{
            "id": "recommend",
            "title": "Would recommend this manager",
            "score": 54.2,
            "n": 6,
            "sd": 36.8,
            "groups": [
                {"id": "direct-report", "score": 50.0, "n": 3, "sd": 50.0},
                {"id": "peer", "score": 58.3, "n": 3, "sd": 28.9},
            ],
        }])
    );
    assert!(
        report["themes"]
            .as_array()
            .unwrap()
            .iter()
            .all(|t| t["id"] != "recommend")
    );
    assert_eq!(report["overall"], 56.3);
    // No remainder anywhere: each theme's team n·mean is the sum of the
    // shown groups' n·mean.
    for id in ["lead", "money"] {
        let team = theme(&report, id);
        let parts: Vec<(f64, f64)> = report["groups"]
            .as_array()
            .unwrap()
            .iter()
            .map(|g| support::by_id(&g["themes"], id))
            .filter(|t| !t["n"].is_null())
            .map(|t| (t["n"].as_f64().unwrap(), t["score"].as_f64().unwrap()))
            .collect();
        let n: f64 = parts.iter().map(|p| p.0).sum();
        let sum: f64 = parts.iter().map(|p| p.0 * p.1).sum();
        assert_eq!(team["n"].as_f64().unwrap(), n, "{id}");
        assert!(
            (team["score"].as_f64().unwrap() * n - sum).abs() < 0.5,
            "{id}: {} · {n} vs {sum}",
            team["score"]
        );
    }
}

/// Everything a reader of the round's report can see, in every format and
/// in the saved file, with the round's id taken out.
fn everything(sandbox: &Sandbox, round: &Round) -> Vec<String> {
    let mut seen = Vec::new();
    for format in ["json", "table", "markdown", "html", "svg"] {
        let ran = sandbox
            .run(["collect", &round.id, "--format", format])
            .arg(responses(sandbox))
            .stderr(&format!("Round {} closed on 2026-11-22; this is its report, as it was made. A round gives one report.\n", round.id))
            .run();
        seen.push(ran.stdout.replace(&round.id, "ROUND"));
    }
    let report = std::fs::read_to_string(sandbox.report_path(support::NOW_ID)).unwrap();
    seen.push(report.replace(&round.id, "ROUND"));
    seen.push(
        sandbox
            .run(["history", "--format", "json"])
            .run()
            .stdout
            .replace(&round.id, "ROUND"),
    );
    seen
}

#[test]
fn whatever_a_lone_manager_answered_no_output_changes() {
    // The same six shown responses, and a manager who answers the lowest
    // or the highest everywhere (and the question only they are asked,
    // which advice is tied to): every format and the saved report are the
    // same, byte for byte. Nothing of a hidden group can be subtracted
    // from anything.
    let seen: Vec<Vec<String>> = [(1, 1, "no"), (5, 5, "yes")]
        .into_iter()
        .map(|(all, seen, told)| {
            let sandbox = Sandbox::new();
            let round = small_round(&sandbox, &[]);
            six(&sandbox, &round);
            lone_manager(&sandbox, &round, all, seen, told);
            close(&sandbox, &round.id);
            let seen = everything(&sandbox, &round);
            for text in &seen {
                assert!(!text.contains("Only the manager wrote this"), "{text}");
                assert!(!text.contains("Tell your manager"), "{text}");
            }
            seen
        })
        .collect();
    assert_eq!(seen[0], seen[1]);
    assert!(seen[0][1].contains("1 response is left out of every figure"));
    assert!(seen[0][1].contains(
        "Would recommend this manager: 54 of 100, from 6 responses (Direct reports 50 · Peers\n\
         58); on its own, outside the overall score."
    ));
}

#[test]
fn whatever_a_lone_peer_answered_no_output_changes() {
    // Four direct reports and one peer: the peer is in no figure.
    let seen: Vec<Vec<String>> = [1u8, 5]
        .into_iter()
        .map(|peer| {
            let sandbox = Sandbox::new();
            let round = small_round(&sandbox, &[]);
            for (i, all) in [5u8, 4, 2, 1].into_iter().enumerate() {
                respond_to(
                    &sandbox,
                    &round.folder,
                    &format!("dr{i}"),
                    "small-team",
                    &small("direct-report", all, "lead-team = 4", None),
                );
            }
            respond_to(
                &sandbox,
                &round.folder,
                "peer",
                "small-team",
                &small(
                    "peer",
                    peer,
                    &format!("money-seen = {peer}"),
                    Some("A peer"),
                ),
            );
            let report = close(&sandbox, &round.id);
            // Direct reports only: lead (5,4)→87.5, (4,4)→75, (2,4)→50,
            // (1,4)→37.5; mean 62.5; money unanswered by any shown group.
            assert_eq!(theme(&report, "lead")["score"], 62.5);
            assert_eq!(theme(&report, "lead")["n"], 4);
            assert_eq!(theme(&report, "money")["n"], Value::Null);
            everything(&sandbox, &round)
        })
        .collect();
    assert_eq!(seen[0], seen[1]);
}

#[test]
fn a_theme_too_few_of_a_group_answered_counts_nowhere_for_that_theme() {
    let sandbox = Sandbox::new();
    let round = small_round(&sandbox, &[]);
    six(&sandbox, &round);
    // A fourth peer, who leaves money-seen out: still half of a peer's two
    // questions answered, so the response counts — for lead only.
    respond_to(
        &sandbox,
        &round.folder,
        "peer4",
        "small-team",
        &small("peer", 3, "money-seen = \"skip\"", None),
    );
    // And two peers' money answers removed by answering it "skip" too:
    // peers 1 and 2 again, answered afresh.
    std::fs::remove_file(responses(&sandbox).join("peer1.age")).unwrap();
    std::fs::remove_file(responses(&sandbox).join("peer2.age")).unwrap();
    for (name, lead) in [("peer1", 4), ("peer2", 5)] {
        respond_to(
            &sandbox,
            &round.folder,
            name,
            "small-team",
            &small("peer", lead, "money-seen = \"skip\"", None),
        );
    }
    let report = close(&sandbox, &round.id);
    // Peers: 4 responses, but only peer3 scored money (50): below the
    // minimum, so the peers' money figure is hidden, and the team's money
    // uses no peer's answer — none is left, so it is not shown either.
    let peers = group(&report, "peer").unwrap();
    assert_eq!(peers["n"], 4);
    assert_eq!(
        support::by_id(&peers["themes"], "money")["score"],
        Value::Null
    );
    assert_eq!(theme(&report, "money")["score"], Value::Null);
    assert_eq!(theme(&report, "money")["n"], Value::Null);
    // lead: DR 100, 75, 25; peers 75, 100, 25, 50 → 450 / 7 = 64.3.
    assert_eq!(theme(&report, "lead")["score"], 64.3);
    assert_eq!(theme(&report, "lead")["n"], 7);
}

#[test]
fn a_manager_shown_alone_is_a_figure_of_its_own_and_nothing_is_hidden_behind_it() {
    let sandbox = Sandbox::new();
    let round = small_round(&sandbox, &["--open-group", "manager"]);
    six(&sandbox, &round);
    lone_manager(&sandbox, &round, 1, 1, "no");
    let report = close(&sandbox, &round.id);
    let manager = group(&report, "manager").unwrap();
    assert_eq!(manager["n"], 1);
    assert_eq!(support::by_id(&manager["themes"], "lead")["score"], 0.0);
    assert_eq!(support::by_id(&manager["themes"], "money")["score"], 0.0);
    // lead: 375 / 7 = 53.6; money: peers' 150 and the manager's 0 over 4 =
    // 37.5. Every part of every team figure is shown.
    assert_eq!(theme(&report, "lead")["score"], 53.6);
    assert_eq!(theme(&report, "money")["score"], 37.5);
    assert_eq!(theme(&report, "money")["n"], 4);
    assert_eq!(report["left_out"], 0);
    // Advice tied to one question needs the minimum of answers to it:
    // the manager's lone "no" is shown in their own theme score, not as a
    // line of advice that would single out that answer.
    let shown = sandbox.run(["show", support::NOW_ID]).run().stdout;
    assert!(shown.contains("Explain money."), "{shown}");
    assert!(!shown.contains("Tell your manager"), "{shown}");
}

// --- Which responses count --------------------------------------------------

#[test]
fn a_response_that_answers_less_than_half_counts_nowhere() {
    let sandbox = Sandbox::new();
    let round = small_round(&sandbox, &[]);
    // One real direct report with a comment, and two that answer nothing.
    respond_to(
        &sandbox,
        &round.folder,
        "real",
        "small-team",
        &small("direct-report", 4, "lead-team = 4", Some("Real praise")),
    );
    // `respond` refuses to seal an answer that would not count; whoever
    // writes one by hand gets nothing counted either.
    for name in ["empty1", "empty2"] {
        seal_by_hand(
            &sandbox,
            &round,
            name,
            &format!(
                "questionnaire = \"small-team\"\n[response]\nround = \"{}\"\nid = \"{name}\"\n\
                 group = \"direct-report\"\n[context]\ngroup = \"direct-report\"\n[answers]\n\
                 lead-all = \"skip\"\n[comments]\nkeep = \"Filler\"\n",
                round.id
            ),
        );
    }
    let ran = sandbox
        .run(["collect", &round.id, "--close"])
        .arg(responses(&sandbox))
        .status(1)
        .stderr_checked_by_the_test()
        .run();
    assert_eq!(
        ran.stderr,
        format!(
            "warning: `[SANDBOX]/responses/empty1.age`: it answers fewer than half of the \
             questions asked of its group; not counted\n\
             warning: `[SANDBOX]/responses/empty2.age`: it answers fewer than half of the \
             questions asked of its group; not counted\n\
             error: round {} cannot close (you asked to close it): 0 of its 1 counted responses \
             are in groups large enough to show, and no figure rests on fewer than 3\n  help: the \
             round stays open and nothing was saved; collect again when more answers arrive\n",
            round.id
        )
    );
    assert!(!ran.stdout.contains("Real praise"));
    assert!(sandbox.reports().is_empty());
}

#[test]
fn copies_double_presses_and_forged_ids_do_not_stuff_a_round() {
    let sandbox = Sandbox::new();
    let round = small_round(&sandbox, &[]);
    six(&sandbox, &round);
    let folder = responses(&sandbox);
    // A file sent twice, once armored.
    std::fs::copy(folder.join("dr1.age"), folder.join("dr1-again.age")).unwrap();
    let armored =
        leadgap::team::encryption::armor(&std::fs::read(folder.join("dr2.age")).unwrap()).unwrap();
    std::fs::write(folder.join("dr2-pasted.txt"), &armored).unwrap();
    // A double press: the same answers, another id.
    respond_to(
        &sandbox,
        &round.folder,
        "peer1-double",
        "small-team",
        &small("peer", 4, "money-seen = 5", None),
    );
    // A forged response with another response's id: which is real cannot
    // be told, so neither counts.
    let identity = std::fs::read_to_string(
        sandbox
            .data_dir()
            .join("rounds")
            .join(&round.id)
            .join("identity.txt"),
    )
    .unwrap();
    let victim = String::from_utf8(
        leadgap::team::encryption::open(&identity, &std::fs::read(folder.join("dr3.age")).unwrap())
            .unwrap(),
    )
    .unwrap();
    let forged = victim.replace("lead-all = 1", "lead-all = 5");
    assert_ne!(forged, victim);
    seal_by_hand(&sandbox, &round, "forged", &forged);
    let ran = sandbox
        .run(["collect", &round.id, "--status"])
        .arg(&folder)
        .stderr_checked_by_the_test()
        .run();
    assert_eq!(
        ran.stderr,
        "warning: `[SANDBOX]/responses/dr1.age`: the same response as \
         `[SANDBOX]/responses/dr1-again.age`; counted once\n\
         warning: `[SANDBOX]/responses/dr2.age`: the same response as \
         `[SANDBOX]/responses/dr2-pasted.txt`; counted once\n\
         warning: `[SANDBOX]/responses/peer1.age`: the same answers as \
         `[SANDBOX]/responses/peer1-double.age`; counted once\n\
         warning: `[SANDBOX]/responses/dr3.age`, `[SANDBOX]/responses/forged.age`: different \
         responses with the same id; none of them is counted\n"
    );
    assert!(
        ran.stdout.starts_with(&format!(
            "Round {} about Sam Hero: 5 responses count so far.",
            round.id
        )),
        "{}",
        ran.stdout
    );
}

#[test]
fn with_personal_codes_only_one_answer_per_code_counts_the_latest() {
    let sandbox = Sandbox::new();
    let round = small_round(&sandbox, &["--raters", "4"]);
    let personal = |n: u8| round.folder.join(format!("invite-{n:02}.toml"));
    // The collector's copy has no code: answering with it is refused.
    let answers = sandbox.write(
        "a.toml",
        &format!(
            "questionnaire = \"small-team\"\n{}",
            small("peer", 3, "money-seen = 3", None)
        ),
    );
    sandbox
        .run(["respond"])
        .arg(round.invite_file())
        .arg("--answers")
        .arg(&answers)
        .status(1)
        .stderr(
            "error: this round gives each rater a personal invitation, and this one is the \
             collector's copy without a code: an answer made with it would not be counted\n  \
             help: answer with the personal invitation you were given (invite-NN.toml, or its \
             page)\n",
        )
        .run();
    let answer = |n: u8, name: &str, lead: u8, at: &str| {
        let file = sandbox.write(
            &format!("{name}.toml"),
            &format!(
                "questionnaire = \"small-team\"\n{}",
                small("peer", lead, "money-seen = 3", None)
            ),
        );
        sandbox
            .run(["respond"])
            .arg(personal(n))
            .arg("--answers")
            .arg(&file)
            .arg("-o")
            .arg(responses(&sandbox).join(format!("{name}.age")))
            .at(at)
            .run();
    };
    std::fs::create_dir_all(responses(&sandbox)).unwrap();
    // Rater 1 answers, then corrects their answer a day later (the file
    // sorts first, but it is the later one).
    answer(1, "b-first", 1, "2026-11-20T09:00:00Z");
    answer(1, "a-corrected", 5, "2026-11-21T09:00:00Z");
    answer(2, "c", 4, "2026-11-20T10:00:00Z");
    answer(3, "d", 4, "2026-11-20T11:00:00Z");
    // A stuffed answer without a code, and one with a made-up code.
    let stuffed = |name: &str, code: &str| {
        let text = format!(
            "questionnaire = \"small-team\"\n[response]\nround = \"{}\"\nid = \"{name}\"\n\
             group = \"peer\"\n{code}[context]\ngroup = \"peer\"\n[answers]\nlead-all = 1\n\
             money-seen = 1\n",
            round.id
        );
        seal_by_hand(&sandbox, &round, name, &text);
    };
    stuffed("stuffed", "");
    stuffed("guessed", "code = \"00000000000000000000000000000000\"\n");
    let ran = sandbox
        .run(["collect", &round.id])
        .arg(responses(&sandbox))
        .stderr_checked_by_the_test()
        .run();
    assert_eq!(
        ran.stderr,
        "warning: `[SANDBOX]/responses/guessed.age`: it carries no personal code of this \
         round; not counted\n\
         warning: `[SANDBOX]/responses/stuffed.age`: it carries no personal code of this round; \
         not counted\n\
         warning: `[SANDBOX]/responses/b-first.age`: replaced by a later response with the same \
         personal code (`[SANDBOX]/responses/a-corrected.age`)\n"
    );
    assert_eq!(
        ran.stdout,
        format!(
            "Round {id} about Sam Hero: 3 of 4 invited have answered. It closes once every \
             invited person has answered; until then only this count is shown, and the round \
             gives one report when it closes. To close it now: leadgap collect {id} RESPONSES \
             --close\n",
            id = round.id
        )
    );
    // The fourth answer closes the round by itself.
    answer(4, "e", 2, "2026-11-21T12:00:00Z");
    let report = sandbox
        .run(["collect", &round.id, "--format", "json"])
        .arg(responses(&sandbox))
        .stderr_checked_by_the_test()
        .run()
        .json();
    // Peers, lead (lead-all only): 5 → 100, 4 → 75, 4 → 75, 2 → 25: 68.75.
    assert_eq!(report["raters"], 4);
    assert_eq!(theme(&report, "lead")["score"], 68.8);
}

// --- One report per round ---------------------------------------------------

#[test]
fn a_round_gives_one_report_and_re_collecting_reveals_nothing() {
    let sandbox = Sandbox::new();
    // The collector starts the round: the key is the data directory's.
    let key = collector_key(&sandbox);
    let round = start(
        &sandbox,
        &[
            "-q",
            SMALL,
            "--recipient",
            &key,
            "--collector",
            "Morgan Lee",
        ],
    );
    six(&sandbox, &round);
    // Before it closes: only how many, in every format.
    sandbox
        .run(["collect", &round.id, "--format", "json"])
        .arg(responses(&sandbox))
        .stdout(&format!(
            "{{\n  \"round\": \"{}\",\n  \"subject\": \"Sam Hero\",\n  \"state\": \"open\",\n  \
             \"responses\": 6,\n  \"invited\": null,\n  \"closes\": null,\n  \"closed\": null,\n  \
             \"report\": null\n}}\n",
            round.id
        ))
        .run();
    assert!(sandbox.reports().is_empty());
    let first = sandbox
        .run(["collect", &round.id, "--close", "--format", "json"])
        .arg(responses(&sandbox))
        .stderr(&format!(
            "Closed round {} and saved its report to [DATA]/reports/{}.toml.\n",
            round.id,
            support::NOW_ID
        ))
        .run()
        .json();
    assert_eq!(first["raters"], 6);
    // One response taken away and one added: collecting again prints the
    // same report, says what arrived late, and saves nothing.
    std::fs::remove_file(responses(&sandbox).join("dr1.age")).unwrap();
    lone_manager(&sandbox, &round, 5, 5, "yes");
    let again = sandbox
        .run(["collect", &round.id, "--close", "--format", "json"])
        .arg(responses(&sandbox))
        .at("2026-12-01T09:00:00Z")
        .stderr_checked_by_the_test()
        .run();
    assert_eq!(
        again.stderr,
        format!(
            "warning: `[SANDBOX]/responses/manager.age`: it arrived after round {id} closed on \
             2026-11-22; not counted\n\
             The comments are listed only with every response the round counted: 5 of 6 were \
             among the files given.\n\
             Round {id} closed on 2026-11-22; this is its report, as it was made. A round gives \
             one report.\n",
            id = round.id
        )
    );
    let mut again = again.json();
    let mut first = first;
    for report in [&mut first, &mut again] {
        report.as_object_mut().unwrap().remove("comments");
    }
    assert_eq!(again, first);
    assert_eq!(sandbox.reports().len(), 1);
    let history = sandbox.run(["history", "--format", "json"]).run().json();
    assert_eq!(history.as_array().unwrap().len(), 1);

    // A second report of the round, copied in under another id, is passed
    // over by every listing and refused by diff.
    let copy = sandbox.report_path("2026-11-23T09-00-00Z");
    let text = std::fs::read_to_string(sandbox.report_path(support::NOW_ID)).unwrap();
    std::fs::write(
        &copy,
        text.replace(support::NOW_ID, "2026-11-23T09-00-00Z")
            .replace("2026-11-22T13:05:01Z", "2026-11-23T09:00:00Z"),
    )
    .unwrap();
    let listed = sandbox
        .run(["history", "--format", "json"])
        .stderr_checked_by_the_test()
        .run();
    assert_eq!(listed.json().as_array().unwrap().len(), 1);
    assert_eq!(
        listed.stderr,
        format!(
            "warning: skipping `[DATA]/reports/2026-11-23T09-00-00Z.toml`: a second team report \
             of round {id}, after `[DATA]/reports/{now}.toml`; a round gives one report\n",
            id = round.id,
            now = support::NOW_ID
        )
    );
    sandbox
        .run(["diff", support::NOW_ID, "2026-11-23T09-00-00Z"])
        .status(1)
        .stderr(&format!(
            "error: both are team reports of round {}, which gives one report\n  help: a second \
             report of a round is not leadgap's: keep the one `leadgap collect` made when the \
             round closed\n",
            round.id
        ))
        .run();
    std::fs::remove_file(copy).unwrap();

    // Deleting the round's record does not make a second report possible:
    // the history still holds the round's.
    std::fs::remove_dir_all(sandbox.data_dir().join("rounds").join(&round.id)).unwrap();
    sandbox
        .run(["collect", "--close"])
        .arg(round.invite_file())
        .arg(responses(&sandbox))
        .status(1)
        .stderr(&format!(
            "error: the team report of round {} is already saved here ({now}); a round gives \
             one report\n  help: `leadgap show {now}` prints it\n",
            round.id,
            now = support::NOW_ID
        ))
        .run();
}

#[test]
fn a_round_closes_by_itself_after_its_last_day() {
    let sandbox = Sandbox::new();
    let round = small_round(&sandbox, &["--closes", "2026-11-30"]);
    six(&sandbox, &round);
    let open = sandbox
        .run(["collect", &round.id])
        .arg(responses(&sandbox))
        .at("2026-11-30T23:00:00Z")
        .run();
    assert!(
        open.stdout.contains("It closes after 2026-11-30"),
        "{}",
        open.stdout
    );
    assert!(sandbox.reports().is_empty());
    let closed = sandbox
        .run(["collect", &round.id, "--format", "json"])
        .arg(responses(&sandbox))
        .at("2026-12-01T08:00:00Z")
        .stderr_checked_by_the_test()
        .run();
    assert_eq!(closed.json()["raters"], 6);
    assert_eq!(
        closed.stderr,
        format!(
            "Closed round {} and saved its report to [DATA]/reports/2026-12-01T08-00-00Z.toml.\n",
            round.id
        )
    );
}

// --- What is never shown, and what is refused ------------------------------

#[test]
fn comments_are_two_lists_and_never_from_a_hidden_group() {
    let sandbox = Sandbox::new();
    let round = small_round(&sandbox, &[]);
    for (name, keep, change) in [
        ("a", "Keep A", "Change A"),
        ("b", "Keep B", ""),
        ("c", "Keep C", "Change C"),
    ] {
        let change = if change.is_empty() {
            String::new()
        } else {
            format!("change = \"{change}\"\n")
        };
        respond_to(
            &sandbox,
            &round.folder,
            name,
            "small-team",
            &format!(
                "[context]\ngroup = \"direct-report\"\n[answers]\nlead-all = 3\nlead-team = 3\n\
                 [comments]\nkeep = \"{keep}\"\n{change}"
            ),
        );
    }
    lone_manager(&sandbox, &round, 1, 1, "no");
    let report = close(&sandbox, &round.id);
    let sorted = |list: &Value| {
        let mut items: Vec<String> = list
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap().to_owned())
            .collect();
        items.sort();
        items
    };
    assert_eq!(
        sorted(&report["comments"]["keep"]),
        ["Keep A", "Keep B", "Keep C"]
    );
    assert_eq!(
        sorted(&report["comments"]["change"]),
        ["Change A", "Change C"]
    );
    // No file holds a comment in clear.
    for file in sandbox.all_files() {
        let text = String::from_utf8_lossy(&std::fs::read(&file).unwrap()).into_owned();
        assert!(!text.contains("Keep A"), "{}", file.display());
    }
}

#[test]
fn warnings_never_quote_what_is_inside_a_response() {
    let sandbox = Sandbox::new();
    let round = small_round(&sandbox, &[]);
    let seal = |name: &str, text: String| seal_by_hand(&sandbox, &round, name, &text);
    seal(
        "other-round",
        "questionnaire = \"small-team\"\n[response]\nround = \"20200101-secret\"\nid = \"x1\"\n\
         group = \"peer\"\n[context]\ngroup = \"peer\"\n[answers]\nlead-all = 2\n"
            .to_owned(),
    );
    seal(
        "wrong-ids",
        format!(
            "questionnaire = \"small-team\"\n[response]\nround = \"{}\"\nid = \"x2\"\n\
             group = \"peer\"\n[context]\ngroup = \"peer\"\n[answers]\nsecret-question = 2\n",
            round.id
        ),
    );
    let ran = sandbox
        .run(["collect", &round.id, "--status"])
        .arg(responses(&sandbox))
        .stderr_checked_by_the_test()
        .run();
    assert_eq!(
        ran.stderr,
        "warning: skipping `[SANDBOX]/responses/other-round.age`: it answers another round\n\
         warning: skipping `[SANDBOX]/responses/wrong-ids.age`: its answers do not fit the \
         round's form `small-team`: 1 problem (first at line 9:1)\n"
    );
}

#[test]
fn an_edited_minimum_a_shared_key_and_a_shared_round_are_refused() {
    let sandbox = Sandbox::new();
    let round = small_round(&sandbox, &[]);
    six(&sandbox, &round);
    let kept = sandbox
        .data_dir()
        .join("rounds")
        .join(&round.id)
        .join("invite.toml");
    let text = std::fs::read_to_string(&kept).unwrap();
    use std::os::unix::fs::PermissionsExt;
    let mode = |path: &Path, mode: u32| {
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
    };
    std::fs::write(&kept, text.replace("min_group = 3", "min_group = 1")).unwrap();
    let line = text
        .lines()
        .position(|l| l.starts_with("min_group"))
        .unwrap()
        + 1;
    sandbox
        .run(["collect", &round.id, "--close"])
        .arg(responses(&sandbox))
        .status(1)
        .stderr(&format!(
            "error: [DATA]/rounds/{id}/invite.toml:{line}:13: `min_group = 1`: a round shows no \
             figure of fewer than 3 responses, so that no one can be singled out\n  help: use the \
             invite.toml that `leadgap invite` wrote, unchanged\n",
            id = round.id
        ))
        .run();
    std::fs::write(&kept, &text).unwrap();
    let folder = kept.parent().unwrap();
    mode(folder, 0o755);
    sandbox
        .run(["collect", &round.id])
        .arg(responses(&sandbox))
        .status(1)
        .stderr(&format!(
            "error: `[DATA]/rounds/{id}` can be read by others (mode 755), and it holds a \
             feedback round\n  help: if no one else has read it, run `chmod 700 \
             [DATA]/rounds/{id}`; if someone may have, treat it as known to them\n",
            id = round.id
        ))
        .run();
    mode(folder, 0o700);
    mode(&folder.join("identity.txt"), 0o640);
    sandbox
        .run(["collect", &round.id])
        .arg(responses(&sandbox))
        .status(1)
        .stderr(&format!(
            "error: `[DATA]/rounds/{id}/identity.txt` can be read by others (mode 640), and it \
             opens every response sealed to its key\n  help: if no one else has read it, run \
             `chmod 600 [DATA]/rounds/{id}/identity.txt`; if someone may have, treat it as known \
             to them\n",
            id = round.id
        ))
        .run();
    mode(&folder.join("identity.txt"), 0o600);
    sandbox
        .run(["collect", &round.id])
        .arg(responses(&sandbox))
        .run();
}

#[test]
fn an_identity_file_opens_with_any_of_its_keys_and_only_the_one_given() {
    let sandbox = Sandbox::new();
    let (secret, public) = leadgap::team::encryption::generate();
    let (other, _) = leadgap::team::encryption::generate();
    let round = start(
        &sandbox,
        &["-q", SMALL, "--recipient", &public, "--collector", "Morgan"],
    );
    six(&sandbox, &round);
    let both = sandbox.write("both.txt", &format!("# two keys\n{other}\n{secret}\n"));
    let wrong = sandbox.write("wrong.txt", &format!("{other}\n"));
    use std::os::unix::fs::PermissionsExt;
    for file in [&both, &wrong] {
        std::fs::set_permissions(file, std::fs::Permissions::from_mode(0o600)).unwrap();
    }
    sandbox
        .run(["collect", &round.id, "--identity"])
        .arg(&wrong)
        .arg(responses(&sandbox))
        .status(1)
        .stderr(&format!(
            "error: `[SANDBOX]/wrong.txt` does not open round {}: its answers are sealed to \
             Morgan's key (ending {})\n  help: give the identity file whose public key is the \
             round's (`leadgap key` prints the public key of a data directory's collector key)\n",
            round.id,
            &public[public.len() - 8..]
        ))
        .run();
    sandbox
        .run(["collect", &round.id, "--status", "--identity"])
        .arg(&both)
        .arg(responses(&sandbox))
        .stderr("")
        .run();
}

#[test]
fn a_failed_invite_leaves_no_round_and_no_key_behind() {
    let sandbox = Sandbox::new();
    let taken = sandbox.scratch().join("taken");
    std::fs::create_dir_all(&taken).unwrap();
    std::fs::write(taken.join("notes.txt"), "mine").unwrap();
    sandbox
        .run(["invite", "--subject", "Sam", "--self-collect", "-o"])
        .arg(&taken)
        .status(1)
        .stderr("error: `[SANDBOX]/taken` already holds files\n  help: name a new folder with -o\n")
        .run();
    sandbox
        .run(["invite", "--subject", "Sam", "--self-collect", "-o"])
        .arg(sandbox.scratch().join("new"))
        .env("LEADGAP_SIMULATE_FAULT", "full-disk")
        .status(1)
        .stderr("error: cannot create folder `[SANDBOX]/new`: the disk is full\n  help: free some space and run it again; what was saved before is unchanged\n")
        .run();
    assert!(sandbox.all_files().is_empty(), "{:?}", sandbox.all_files());
    assert!(!sandbox.scratch().join("new").exists());
}

// --- The built-in team form, as the README shows it ------------------------

#[test]
fn the_built_in_team_form_in_the_terminal_beside_the_managers_own_view() {
    let sandbox = Sandbox::new();
    sandbox.assess_at("2026-11-01T09:00:00Z", &["--answers", "examples/hero.toml"]);
    let round = start(&sandbox, &["--self-collect"]);
    for (name, group, level) in [
        ("a", "direct-report", 0),
        ("b", "direct-report", 1),
        ("c", "direct-report", 2),
        ("d", "peer", 1),
        ("e", "peer", 2),
        ("f", "peer", 3),
    ] {
        respond_to(
            &sandbox,
            &round.folder,
            name,
            "it-manager-team",
            &built_in_answers(group, level),
        );
    }
    let table = sandbox
        .run(["collect", &round.id, "--close"])
        .arg(responses(&sandbox))
        .env("COLUMNS", "100")
        .stderr(&format!(
            "Closed round {} and saved its report to [DATA]/reports/{}.toml.\n",
            round.id,
            support::NOW_ID
        ))
        .run()
        .stdout
        .replace(&round.id, "ROUND");
    insta::assert_snapshot!("team_table", table);
    // The team report shown again stands beside the manager's own, as
    // `collect` printed it.
    let again = sandbox
        .run(["show", support::NOW_ID])
        .env("COLUMNS", "100")
        .run()
        .stdout
        .replace(&round.id, "ROUND");
    let section = |text: &str| {
        text[text.find("\nThe team's view\n").unwrap()..text.find("\nWork on first\n").unwrap()]
            .to_owned()
    };
    assert_eq!(section(&again), section(&table));
    assert!(section(&again).contains("Self  Facts/views"));
    // The manager's own report, shown again, stands beside the team's:
    // views, facts, score and the team's score per theme.
    let own = sandbox
        .run(["show", "2026-11-01T09-00-00Z"])
        .env("COLUMNS", "100")
        .run()
        .stdout
        .replace(&round.id, "ROUND");
    let beside = &own
        [own.find("\nBeside your team's view\n").unwrap()..own.find("\nWork on first\n").unwrap()];
    insta::assert_snapshot!("self_beside_team", beside);
    // And `compare SELF TEAM` puts the self-view's facts and views beside
    // the team's score.
    let compared = sandbox
        .run([
            "compare",
            "2026-11-01T09-00-00Z",
            support::NOW_ID,
            "--format",
            "json",
        ])
        .run()
        .json();
    let delegation = support::by_id(&compared["themes"], "delegation");
    assert_eq!(
        (&delegation["facts"], &delegation["views"]),
        (&json!(0.0), &json!(5.0))
    );
    let table = sandbox
        .run(["compare", "2026-11-01T09-00-00Z", support::NOW_ID])
        .env("COLUMNS", "120")
        .run()
        .stdout
        .replace(&round.id, "ROUND");
    insta::assert_snapshot!("compare_self_team", table);
}

/// Every question of the built-in team form asked of `group`, answered
/// with the option `level` steps from the weakest (clamped).
fn built_in_answers(group: &str, level: usize) -> String {
    let form: toml::Table = toml::from_str(
        &std::fs::read_to_string(support::repo().join("questionnaires/it-manager-team.toml"))
            .unwrap(),
    )
    .unwrap();
    let mut out = format!("[context]\ngroup = \"{group}\"\n[answers]\n");
    for question in form["questions"].as_array().unwrap() {
        if let Some(when) = question.get("when") {
            let groups = when["in"].as_array().unwrap();
            if !groups.iter().any(|g| g.as_str() == Some(group)) {
                continue;
            }
        }
        let id = question["id"].as_str().unwrap();
        let value = match question["kind"].as_str().unwrap() {
            "scale" => {
                let n = question["labels"].as_array().unwrap().len();
                (level.min(n - 1) + 1).to_string()
            }
            "choice" => {
                let options = question["options"].as_array().unwrap();
                let mut by_score: Vec<&toml::Value> = options.iter().collect();
                by_score.sort_by(|a, b| {
                    a["score"]
                        .as_float()
                        .or(a["score"].as_integer().map(|i| i as f64))
                        .unwrap()
                        .total_cmp(
                            &b["score"]
                                .as_float()
                                .or(b["score"].as_integer().map(|i| i as f64))
                                .unwrap(),
                        )
                });
                format!(
                    "\"{}\"",
                    by_score[level.min(by_score.len() - 1)]["id"]
                        .as_str()
                        .unwrap()
                )
            }
            "multi" => "[]".to_owned(),
            _ => (level * 2).to_string(),
        };
        out.push_str(&format!("{id} = {value}\n"));
    }
    out
}

#[test]
fn armored_answers_are_read_from_text_mail_and_standard_input() {
    let sandbox = Sandbox::new();
    let round = small_round(&sandbox, &[]);
    six(&sandbox, &round);
    let folder = responses(&sandbox);
    let armor = |name: &str| {
        let sealed = std::fs::read(folder.join(name)).unwrap();
        std::fs::remove_file(folder.join(name)).unwrap();
        leadgap::team::encryption::armor(&sealed).unwrap()
    };
    // Two answers pasted into one text file; one in a saved email, with
    // Windows line ends and quoted; one from standard input.
    let notes = format!(
        "first:\n{}\nsecond:\n{}",
        armor("dr1.age"),
        armor("dr2.age")
    );
    std::fs::write(folder.join("pasted.txt"), notes).unwrap();
    let mail = format!(
        "From: rater@example.org\r\nSubject: leadgap round {}\r\n\r\n{}",
        round.id,
        armor("dr3.age")
            .lines()
            .map(|l| format!("> {l}\r\n"))
            .collect::<String>()
    );
    std::fs::write(folder.join("answer.eml"), mail).unwrap();
    let stdin = armor("peer1.age");
    let report = sandbox
        .run(["collect", &round.id, "--close", "--format", "json"])
        .arg(&folder)
        .arg("-")
        .stdin(stdin)
        .stderr(&format!(
            "Closed round {} and saved its report to [DATA]/reports/{}.toml.\n",
            round.id,
            support::NOW_ID
        ))
        .run()
        .json();
    assert_eq!(report["raters"], 6);
    assert_eq!(theme(&report, "lead")["score"], 62.5);
}

#[test]
fn a_team_forms_template_is_a_response_to_fill_in() {
    let sandbox = Sandbox::new();
    let template = sandbox
        .run(["template", "-q", "it-manager-team"])
        .run()
        .stdout;
    let head: Vec<&str> = template.lines().take(10).collect();
    assert_eq!(
        head,
        [
            "# leadgap answer file: \"How your IT manager manages: the team's view\" (it-manager-team 2.1.0).",
            "#",
            "# Write each answer after its `=`, as the comment above it describes, or",
            "# \"skip\" for \"not sure / doesn't apply\". An answer left as \"\" is not given,",
            "# as if skipped. Then run:",
            "#",
            "#     leadgap check this-file.toml",
            "#     leadgap respond INVITE-FOLDER --answers this-file.toml",
            "",
            "questionnaire = \"it-manager-team\"",
        ]
    );
    let tail = &template[template.find("[comments]").unwrap()..];
    assert_eq!(
        tail,
        "[comments]\n\
         # Optional. The report lists them without your group, each list in a random\n\
         # order of its own, and only when at least the round's minimum number of\n\
         # people's answers count. Who holds the round's key is said by `leadgap\n\
         # respond` and the form.\n\
         \n\
         # What should this manager keep doing?\n\
         keep = \"\"\n\
         \n\
         # What should this manager change?\n\
         change = \"\"\n"
    );

    // Filled in by a peer as far as they can judge, it is a valid response;
    // answering too little of what a peer is asked, it would not count,
    // and `respond` says so before anything is sent.
    let mut filled = template
        .replace("group = \"\"", "group = \"peer\"")
        .replace("team-decides = \"\"", "team-decides = 3")
        .replace("change = \"\"", "change = \"Fewer status meetings\"");
    let path = sandbox.write("peer.toml", &filled);
    sandbox
        .run(["check"])
        .arg(&path)
        .stdout(
            "ok: [SANDBOX]/peer.toml: answers to `it-manager-team`: 1 of 30 questions answered\n",
        )
        .run();
    let round = start(&sandbox, &["--self-collect"]);
    sandbox
        .run(["respond"])
        .arg(&round.folder)
        .arg("--answers")
        .arg(&path)
        .status(1)
        .stderr(
            "error: you answered 1 of the 10 questions asked of your group: an answer counts only \
             when it answers at least half of them, so this one would not be counted\n  help: \
             answer more of them (\"don't know\" is an answer where it is offered); nothing was \
             written\n",
        )
        .run();
    for (id, value) in [
        ("team-decides", "2"),
        ("update-heard", "\"decision\""),
        ("when-away", "2"),
        ("problem-raised", "\"talk-this-week\""),
        ("would-recommend", "4"),
    ] {
        filled = filled.replace(&format!("{id} = \"\""), &format!("{id} = {value}"));
    }
    let path = sandbox.write("peer.toml", &filled);
    let out = sandbox.scratch().join("peer.age");
    sandbox
        .run(["respond"])
        .arg(&round.folder)
        .arg("--answers")
        .arg(&path)
        .arg("-o")
        .arg(&out)
        .run();
    assert!(
        std::fs::read(&out)
            .unwrap()
            .starts_with(b"age-encryption.org/v1\n")
    );
}

#[test]
fn a_custom_form_travels_to_a_rater_and_a_collector_with_nothing_installed() {
    // The subject starts the round from a form file of their own; a rater
    // on another machine answers from the invitation alone; the collector,
    // on a third, collects from it. Neither has the form installed.
    let subject = Sandbox::new();
    let collector = Sandbox::new();
    let key = collector_key(&collector);
    let mut form = std::fs::read_to_string(support::repo().join(SMALL)).unwrap();
    // Without its own groups: the default ones, with plain labels.
    let start = form.find("[[context]]").unwrap();
    let end = form.find("[[themes]]").unwrap();
    form.replace_range(start..end, "");
    form = form.replace(
        "in = [\"peer\", \"manager\"]",
        "in = [\"peer\", \"stakeholder\"]",
    );
    std::fs::create_dir_all(subject.scratch().join("ours")).unwrap();
    std::fs::write(subject.scratch().join("ours/team.toml"), &form).unwrap();
    std::fs::copy(
        support::repo().join("tests/fixtures/team/rubric.toml"),
        subject.scratch().join("ours/rubric.toml"),
    )
    .unwrap();
    let team_form = subject.scratch().join("ours/team.toml");
    let round = start_with_form(&subject, &team_form, &key);
    let invite = std::fs::read_to_string(round.invite_file()).unwrap();
    let raters = Sandbox::new();
    let copy = raters.write("invite.toml", &invite);
    for (name, group, all) in [
        ("a", "stakeholder", 5),
        ("b", "stakeholder", 3),
        ("c", "stakeholder", 1),
    ] {
        respond_to(
            &raters,
            &copy,
            name,
            "small-team",
            &small(group, all, "money-seen = 3", None),
        );
    }
    let form_page = std::fs::read_to_string(round.folder.join("invite.html")).unwrap();
    assert!(
        form_page.contains("<option value=\"stakeholder\">My part of the organisation works with their team</option>"),
        "the default groups, labelled plainly"
    );
    let ran = collector
        .run(["collect", "--close", "--format", "json"])
        .arg(round.invite_file())
        .arg(responses(&raters))
        .stderr_checked_by_the_test()
        .run();
    let report = ran.json();
    // Stakeholders, lead (lead-all only): 100, 50, 0.
    assert_eq!(theme(&report, "lead")["score"], 50.0);
    assert_eq!(group(&report, "stakeholder").unwrap()["n"], 3);
}

/// A round about Sam Hero from the form file `form`, sealed to `key` held
/// by Morgan Lee.
fn start_with_form(sandbox: &Sandbox, form: &Path, key: &str) -> Round {
    let folder = sandbox.scratch().join("invite");
    let ran = sandbox
        .run([
            "invite",
            "--subject",
            "Sam Hero",
            "--collector",
            "Morgan Lee",
            "-o",
        ])
        .arg(&folder)
        .arg("-q")
        .arg(form)
        .arg("--recipient")
        .arg(key)
        .run();
    let id = ran.stdout[6..21].to_owned();
    Round { id, folder }
}

#[test]
fn the_page_without_javascript_says_how_to_answer_and_shows_no_question() {
    let sandbox = Sandbox::new();
    let round = small_round(&sandbox, &[]);
    let page = std::fs::read_to_string(round.folder.join("invite.html")).unwrap();
    assert!(page.contains("<form id=\"leadgap-response\" hidden=\"hidden\""));
    assert!(page.contains(
        "<noscript><p class=\"warning\">This page needs JavaScript to seal your answers on your \
         device, and it is turned off. You can answer in a terminal instead, with leadgap and the \
         invitation file that came with this page: <code>leadgap respond invite.toml</code>.</p>\
         </noscript>"
    ));
    assert_eq!(
        page.matches("<fieldset class=\"q\" hidden=\"hidden\"")
            .count(),
        5,
        "every question hidden until a group is chosen"
    );
    // Theme titles in the raters' voice, where the form gives them.
    let built_in = Sandbox::new();
    let round = start(&built_in, &["--self-collect"]);
    let page = std::fs::read_to_string(round.folder.join("invite.html")).unwrap();
    assert!(page.contains("<h2>What they spend their time on</h2>"));
    assert!(!page.contains("<h2>Valuing your work</h2>"));
}

#[test]
fn a_comment_longer_than_the_form_takes_is_refused_before_it_is_sealed() {
    let sandbox = Sandbox::new();
    let round = small_round(&sandbox, &[]);
    let answers = sandbox.write(
        "long.toml",
        &format!(
            "questionnaire = \"small-team\"\n{}",
            small("peer", 3, "money-seen = 3", Some(&"x".repeat(2001)))
        ),
    );
    sandbox
        .run(["respond"])
        .arg(&round.folder)
        .arg("--answers")
        .arg(&answers)
        .status(1)
        .stderr("error: [SANDBOX]/long.toml:9:8: a comment is at most 2000 characters\n")
        .run();
}
