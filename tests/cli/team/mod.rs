//! Team feedback rounds end to end, with the real binary, real age files and
//! real mail: the collector running the round from the subject's list of
//! raters, what each arrangement says, figures worked out by hand, and
//! every rule that keeps raters anonymous attacked as a suspicious subject
//! would — subtraction, stuffing, forged, replayed and group-swapped
//! answers, edited invitations and reports, overlapping rounds.

mod builtin;
mod closing;
mod counting;
mod figures;
mod mail;
mod promises;
mod signed;

use std::path::{Path, PathBuf};

use crate::support::{self, Sandbox};
use serde_json::Value;

/// The small team form of `tests/fixtures/team`, whose figures are worked
/// out by hand.
pub const SMALL: &str = "tests/fixtures/team/questionnaire.toml";

/// A round: its id, the folder `invite` wrote and its invitations (one
/// shared, or one per rater in the list's order).
pub struct Round {
    pub id: String,
    pub folder: PathBuf,
    pub invitations: Vec<PathBuf>,
}

impl Round {
    /// The one invitation of a round without personal ones.
    pub fn shared(&self) -> &Path {
        &self.invitations[0]
    }
}

/// Starts a round about Sam Hero in `sandbox` with `args`.
pub fn start(sandbox: &Sandbox, args: &[&str]) -> Round {
    let folder = sandbox.scratch().join("invite");
    let ran = sandbox
        .run(["invite", "--subject", "Sam Hero", "-o"])
        .arg(&folder)
        .args(args)
        .stderr_checked_by_the_test()
        .stdout_any()
        .run();
    let id = ran
        .stdout
        .strip_prefix("Round ")
        .and_then(|rest| rest.split_whitespace().next())
        .unwrap()
        .to_owned();
    let mut invitations: Vec<PathBuf> = std::fs::read_dir(&folder)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    invitations.sort();
    Round {
        id,
        folder,
        invitations,
    }
}

/// A small-team round the subject collects, with the fixed collector key.
pub fn small_round(sandbox: &Sandbox, extra: &[&str]) -> Round {
    sandbox.with_collector_key();
    let mut args = vec!["-q", SMALL, "--self-collect"];
    args.extend_from_slice(extra);
    start(sandbox, &args)
}

/// A rater list of `rows` (`name`, `group`), each at `name@example.org`.
pub fn rater_list(sandbox: &Sandbox, rows: &[(&str, &str)]) -> PathBuf {
    let mut text = "name,email,group\n".to_owned();
    for (name, group) in rows {
        text.push_str(&format!(
            "{name},{}@example.org,{group}\n",
            name.to_lowercase()
        ));
    }
    sandbox.write("raters.csv", &text)
}

/// A small-team round Morgan Lee runs with personal invitations for
/// `rows`, with the fixed collector key.
pub fn personal_round(sandbox: &Sandbox, rows: &[(&str, &str)], extra: &[&str]) -> Round {
    sandbox.with_collector_key();
    let list = rater_list(sandbox, rows);
    let list = list.to_str().unwrap().to_owned();
    let mut args = vec![
        "-q",
        SMALL,
        "--raters",
        &list,
        "--collector",
        "Morgan Lee",
        "--reply-to",
        "morgan@example.org",
    ];
    args.extend_from_slice(extra);
    start(sandbox, &args)
}

/// Three direct reports and three peers, as the figures' tests work them
/// out.
pub const SIX: [(&str, &str); 6] = [
    ("dr1", "direct-report"),
    ("dr2", "direct-report"),
    ("dr3", "direct-report"),
    ("peer1", "peer"),
    ("peer2", "peer"),
    ("peer3", "peer"),
];

/// Answers `body` (an answer file without its first line) to `invite` as
/// `name`, into the sandbox's `responses` folder.
pub fn respond_to(sandbox: &Sandbox, invite: &Path, name: &str, form: &str, body: &str) -> PathBuf {
    let answers = sandbox.write(
        &format!("{name}.answers.toml"),
        &format!("questionnaire = \"{form}\"\n{body}"),
    );
    let out = responses(sandbox).join(format!("{name}.age"));
    std::fs::create_dir_all(responses(sandbox)).unwrap();
    sandbox
        .run(["respond"])
        .arg(invite)
        .arg("--answers")
        .arg(&answers)
        .arg("-o")
        .arg(&out)
        .stdout_any()
        .run();
    std::fs::remove_file(answers).unwrap();
    out
}

/// A small-team response: `group`, `lead-all` (and the global item, the
/// same), and the answers of the group's own questions; `keep` as a
/// comment when given.
pub fn small(group: &str, lead_all: u8, own: &str, keep: Option<&str>) -> String {
    let comments = keep
        .map(|k| format!("[comments]\nkeep = \"{k}\"\n"))
        .unwrap_or_default();
    format!(
        "[context]\ngroup = \"{group}\"\n[answers]\nlead-all = {lead_all}\n\
         would-recommend = {lead_all}\n{own}\n{comments}"
    )
}

/// The six worked-out answers, to `invitation(i)` for the i-th of
/// [`SIX`].
///
/// Direct reports, theme `lead` (lead-all, lead-team): (5, 5) → 100,
/// (3, 5) → 75, (1, 3) → 25. Peers, `lead` (lead-all only): 4 → 75, 4 → 75,
/// 2 → 25; `money` (money-seen only): 5 → 100, 1 → 0, 3 → 50.
pub fn six(sandbox: &Sandbox, invitation: &dyn Fn(usize) -> PathBuf) {
    for (i, (name, all, team)) in [("dr1", 5, 5), ("dr2", 3, 5), ("dr3", 1, 3)]
        .into_iter()
        .enumerate()
    {
        respond_to(
            sandbox,
            &invitation(i),
            name,
            "small-team",
            &small("direct-report", all, &format!("lead-team = {team}"), None),
        );
    }
    for (i, (name, all, seen)) in [("peer1", 4, 5), ("peer2", 4, 1), ("peer3", 2, 3)]
        .into_iter()
        .enumerate()
    {
        respond_to(
            sandbox,
            &invitation(3 + i),
            name,
            "small-team",
            &small("peer", all, &format!("money-seen = {seen}"), None),
        );
    }
}

/// The six answers to a round with one shared invitation.
pub fn six_shared(sandbox: &Sandbox, round: &Round) {
    six(sandbox, &|_| round.shared().to_owned());
}

/// The lone manager: lead-all, money-seen and money-told as given, and a
/// comment that must never be shown.
pub fn lone_manager(sandbox: &Sandbox, invite: &Path, lead_all: u8, seen: u8, told: &str) {
    respond_to(
        sandbox,
        invite,
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

/// What the invitation at `invite` says, as a table.
pub fn invitation(invite: &Path) -> toml::Table {
    toml::from_str(&std::fs::read_to_string(invite).unwrap()).unwrap()
}

/// Seals `text` as whoever holds a form could (the public key is in it),
/// into the responses folder as `name.age`.
pub fn seal_by_hand(sandbox: &Sandbox, invite: &Path, name: &str, text: &str) {
    let recipient = invitation(invite)["key"]["recipient"]
        .as_str()
        .unwrap()
        .to_owned();
    std::fs::create_dir_all(responses(sandbox)).unwrap();
    std::fs::write(
        responses(sandbox).join(format!("{name}.age")),
        leadgap::testing::seal(&recipient, text.as_bytes()).unwrap(),
    )
    .unwrap();
}

/// The response the sandbox's collector key opens from `file`.
pub fn opened(file: &Path) -> String {
    let identity =
        std::fs::read_to_string(support::repo().join("tests/fixtures/team/collector-identity.txt"))
            .unwrap();
    leadgap::testing::open(&identity, &std::fs::read(file).unwrap()).unwrap()
}

/// Where the responses are put.
pub fn responses(sandbox: &Sandbox) -> PathBuf {
    sandbox.scratch().join("responses")
}

/// What `collect` says of what it read, for `n` responses that all count.
pub fn read_all(n: usize) -> String {
    format!(
        "Read {n} input{s}: {n} sealed response{s}, {n} count{t}.\n",
        s = if n == 1 { "" } else { "s" },
        t = if n == 1 { "s" } else { "" }
    )
}

/// Closes `round` (with `read` said of its responses) and returns its JSON
/// report.
pub fn close(sandbox: &Sandbox, round: &str, read: &str) -> Value {
    sandbox
        .run(["collect", round, "--close", "--format", "json"])
        .arg(responses(sandbox))
        .stderr(&format!(
            "{read}Closed round {round} and saved its signed report to \
             [DATA]/reports/{}.toml.\n",
            support::NOW_ID
        ))
        .stdout_any()
        .run()
        .json()
}

pub fn theme<'a>(report: &'a Value, id: &str) -> &'a Value {
    support::by_id(&report["themes"], id)
}

pub fn group<'a>(report: &'a Value, id: &str) -> Option<&'a Value> {
    report["groups"]
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["id"] == id)
}

/// Every question of the built-in team form asked of `group`, answered
/// with the option `level` steps from the weakest (clamped).
pub fn built_in_answers(group: &str, level: usize) -> String {
    let form: toml::Table = toml::from_str(
        &std::fs::read_to_string(support::repo().join("questionnaires/it-manager-team.toml"))
            .unwrap(),
    )
    .unwrap();
    let score = |v: &toml::Value| {
        v["score"]
            .as_float()
            .or(v["score"].as_integer().map(|i| i as f64))
            .unwrap()
    };
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
                let mut by_score: Vec<&toml::Value> =
                    question["options"].as_array().unwrap().iter().collect();
                by_score.sort_by(|a, b| score(a).total_cmp(&score(b)));
                let option = by_score[level.min(by_score.len() - 1)];
                format!("\"{}\"", option["id"].as_str().unwrap())
            }
            "multi" => "[]".to_owned(),
            _ => (level * 2).to_string(),
        };
        out.push_str(&format!("{id} = {value}\n"));
    }
    out
}
