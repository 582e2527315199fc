//! The rater's form in a real browser: headless Chromium driven through
//! WebDriver (`chromedriver`, installed by `.ci/run` from Debian's
//! `chromium-driver`), on a 360 px phone. A rater fills in `invite.html`;
//! the page fits the screen, every control is at least 44 px tall, axe-core
//! finds no WCAG 2.1 A or AA violation; one press (or three) seals one
//! answer, which the page offers by email, to copy and to download; and
//! `collect` opens what the page made with the same scores as the same
//! answers given to `respond`. The page loads nothing and sends nothing.

#![allow(clippy::unwrap_used)] // Tests fail loudly by design.
#![cfg(unix)]

#[path = "../cli/support.rs"]
#[allow(dead_code)] // The browser test uses a few of the builder's tools.
mod support;

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{Value, json};
use support::Sandbox;

/// chromedriver on a free port, stopped when dropped.
struct Driver {
    child: Child,
    port: u16,
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn driver() -> Driver {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let binary = [
        "chromedriver",
        "/usr/bin/chromedriver",
        "/usr/lib/chromium/chromedriver",
    ]
    .into_iter()
    .find(|b| Command::new(b).arg("--version").output().is_ok())
    .expect(
        "chromedriver is needed for the browser test: apt-get install chromium chromium-driver \
             (.ci/run does)",
    );
    let child = Command::new(binary)
        .arg(format!("--port={port}"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let started = Instant::now();
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(
            started.elapsed() < Duration::from_secs(20),
            "chromedriver did not start"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    Driver { child, port }
}

/// The answers a direct report gives, as `respond --answers` takes them.
const ANSWERS: &str = "questionnaire = \"it-manager-team\"\n[context]\ngroup = \"direct-report\"\n\
    [answers]\ndecisions-in-my-area = 4\nnew-work-given = \"checked\"\nhanded-back-seen = \"month\"\n\
    disagreement-heard = \"last-quarter\"\nchanges-by-manager = 20\nnews-passed-on = \"last-quarter\"\n\
    direction-known = [\"goals\", \"why\"]\nwhen-away = \"skip\"\nreasoning-known = 3\n\
    cover-seen = \"last-year\"\nmistake-reviewed = \"last-year\"\n\
    supplier-handled = \"call-with-tickets\"\nevidence-seen = \"skip\"\nrestore-seen = \"skip\"\n\
    finding-closed = \"fixed-told\"\nknows-expectations = 3\nhad-one-to-one = \"yes\"\n\
    feedback-received = \"specific\"\nthanked-me = \"privately\"\ncareer-talked = \"yes\"\n\
    workload-heard = \"last-quarter\"\nmy-work-slipped = \"talk-this-week\"\n\
    joined-well = [\"team-met\"]\nseen-busy-with = 60\nreviews-seen = 2\n\
    priorities-kept = \"postponed-said\"\nasked-for-feedback = \"once\"\nwould-recommend = 4\n\
    [comments]\nkeep = \"Clear priorities.\"\nchange = \"More time for one-to-ones.\"\n";

/// axe-core, vendored (`vendor/axe-core/`), injected into the page under
/// test; no page leadgap writes holds it.
const AXE: &str = include_str!("../../vendor/axe-core/axe.min.js");

/// A headless Chromium as a phone 360 CSS pixels wide, downloading into
/// `downloads`.
async fn phone(driver: &Driver, downloads: &Path) -> Client {
    let capabilities = json!({
        "goog:chromeOptions": {
            "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--no-first-run", "--disable-background-networking", "--disable-sync",
                     "--disable-component-update"],
            "mobileEmulation": {"deviceMetrics": {"width": 360, "height": 740, "pixelRatio": 2.0}},
            "prefs": {
                "download.default_directory": downloads.to_str().unwrap(),
                "download.prompt_for_download": false,
            }
        }
    });
    ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
        .capabilities(capabilities.as_object().unwrap().clone())
        .connect(&format!("http://127.0.0.1:{}", driver.port))
        .await
        .unwrap()
}

/// Fills in the form as a rater would, with the answers of [`ANSWERS`].
async fn fill_in(client: &Client) {
    let select = client
        .find(Locator::Css("select[name=group]"))
        .await
        .unwrap();
    select.select_by_value("direct-report").await.unwrap();
    for (name, value) in [
        ("decisions-in-my-area", "4"),
        ("new-work-given", "checked"),
        ("handed-back-seen", "month"),
        ("disagreement-heard", "last-quarter"),
        ("news-passed-on", "last-quarter"),
        ("direction-known", "goals"),
        ("direction-known", "why"),
        ("when-away", "skip"),
        ("reasoning-known", "3"),
        ("cover-seen", "last-year"),
        ("mistake-reviewed", "last-year"),
        ("supplier-handled", "call-with-tickets"),
        ("evidence-seen", "skip"),
        ("restore-seen", "skip"),
        ("finding-closed", "fixed-told"),
        ("knows-expectations", "3"),
        ("had-one-to-one", "yes"),
        ("feedback-received", "specific"),
        ("thanked-me", "privately"),
        ("career-talked", "yes"),
        ("workload-heard", "last-quarter"),
        ("my-work-slipped", "talk-this-week"),
        ("joined-well", "team-met"),
        ("priorities-kept", "postponed-said"),
        ("asked-for-feedback", "once"),
        ("would-recommend", "4"),
    ] {
        client
            .find(Locator::Css(&format!(
                "input[name={name}][value=\"{value}\"]"
            )))
            .await
            .unwrap()
            .click()
            .await
            .unwrap();
    }
    for (name, value) in [
        ("changes-by-manager", "20"),
        ("seen-busy-with", "60"),
        ("reviews-seen", "2"),
    ] {
        client
            .find(Locator::Css(&format!("input[name={name}][type=number]")))
            .await
            .unwrap()
            .send_keys(value)
            .await
            .unwrap();
    }
    for (name, text) in [
        ("keep", "Clear priorities."),
        ("change", "More time for one-to-ones."),
    ] {
        client
            .find(Locator::Css(&format!("textarea[name={name}]")))
            .await
            .unwrap()
            .send_keys(text)
            .await
            .unwrap();
    }
}

/// What a phone user meets: the page no wider than the screen, every
/// control they touch at least 44 px tall, and no violation of axe-core's
/// WCAG 2.1 A and AA rules.
async fn check_the_page(client: &Client, what: &str) {
    let width = client
        .execute(
            "return [document.documentElement.scrollWidth, window.innerWidth]",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(width, json!([360, 360]), "{what}: no scrolling sideways");
    // Nor any box of it: no table or chart to scroll sideways.
    let scrolled = client
        .execute(
            "return Array.from(document.querySelectorAll('body *'))\
             .filter(e => e.offsetParent !== null || e instanceof SVGElement)\
             .filter(e => ['auto', 'scroll'].includes(getComputedStyle(e).overflowX))\
             .filter(e => e.scrollWidth > e.clientWidth + 1)\
             .map(e => e.tagName + '.' + e.className + ' ' + e.scrollWidth + '>' + e.clientWidth)",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(scrolled, json!([]), "{what}: boxes to scroll sideways");
    // No text under 12 px as rendered, charts included (an SVG's text is
    // as large as its font times the scale the chart is drawn at).
    let small_text = client
        .execute(
            "const size = e => parseFloat(getComputedStyle(e).fontSize) * \
               (e instanceof SVGElement ? e.getScreenCTM().a : 1);\
             const shown = e => { const r = e.getBoundingClientRect(); \
               return r.width > 0 && r.height > 0 && getComputedStyle(e).visibility !== 'hidden'; };\
             return Array.from(document.querySelectorAll('body *'))\
             .filter(e => Array.from(e.childNodes).some(n => n.nodeType === 3 && n.textContent.trim()))\
             .filter(shown)\
             .filter(e => size(e) < 11.95)\
             .map(e => e.tagName + ' ' + size(e).toFixed(1) + 'px: ' + e.textContent.trim().slice(0, 30))\
             .slice(0, 10)",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(small_text, json!([]), "{what}: text under 12 px");
    let small = client
        .execute(
            "return Array.from(document.querySelectorAll('label:has(input), select, button, textarea, \
             a.button, input[type=number]')).filter(e => e.offsetParent !== null)\
             .map(e => [e.id || e.textContent.trim().slice(0, 40), e.getBoundingClientRect().height])\
             .filter(([, h]) => h < 44)",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(small, json!([]), "{what}: controls under 44 px");
    client
        .execute(&format!("{AXE}\nreturn true;"), vec![])
        .await
        .unwrap();
    let violations = client
        .execute_async(
            "const done = arguments[arguments.length - 1];\
             axe.run(document, {runOnly: {type: 'tag', values: \
             ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})\
             .then(r => done(r.violations.map(v => v.id + ': ' + v.nodes.map(n => n.target).join(' '))));",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(violations, json!([]), "{what}: axe-core");
}

fn downloaded(folder: &Path) -> Option<PathBuf> {
    std::fs::read_dir(folder)
        .ok()?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .find(|p| p.extension().is_some_and(|x| x == "age"))
}

async fn wait_for_download(folder: &Path) -> PathBuf {
    let started = Instant::now();
    loop {
        if let Some(file) =
            downloaded(folder).filter(|f| !f.to_string_lossy().ends_with(".crdownload"))
        {
            return file;
        }
        assert!(
            started.elapsed() < Duration::from_secs(30),
            "no response was downloaded"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

/// The round's id, from the data directory.
fn round_of(sandbox: &Sandbox) -> String {
    std::fs::read_dir(sandbox.data_dir().join("rounds"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .next()
        .unwrap()
}

#[tokio::test(flavor = "current_thread")]
#[ignore = "needs Chromium and chromedriver; `bash .ci/run` installs them and runs it"]
async fn a_rater_answers_on_a_phone_and_the_answer_travels_as_text_or_a_file() {
    let sandbox = Sandbox::new();
    let invite = sandbox.scratch().join("invite");
    sandbox
        .run([
            "invite",
            "--subject",
            "Sam Hero",
            "--self-collect",
            "--reply-to",
            "Morgan <morgan@example.org>",
            "-o",
        ])
        .arg(&invite)
        .stdout_any()
        .run();
    let round = round_of(&sandbox);
    let downloads = sandbox.scratch().join("downloads");
    std::fs::create_dir_all(&downloads).unwrap();

    let driver = driver();
    let client = phone(&driver, &downloads).await;
    client
        .goto(&format!("file://{}", invite.join("invite.html").display()))
        .await
        .unwrap();
    // Before a group is chosen, no question is shown.
    let hidden = client
        .execute(
            "return document.querySelector('fieldset[data-question=\"team-decides\"]').hidden",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(hidden, Value::Bool(true));
    check_the_page(&client, "before choosing a group").await;
    fill_in(&client).await;
    let progress = client
        .find(Locator::Id("progress"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    // "Doesn't apply" (evidence-seen) is no answer; "Don't know" is.
    assert_eq!(progress, "25 of 28 answered");
    check_the_page(&client, "filled in").await;
    let counter = client
        .find(Locator::Id("keep-count"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert_eq!(counter, "17 of 2,000 characters");

    // Three presses in a row seal one answer.
    client
        .execute(
            "window.sealed = 0;\
             const seal = age.Encrypter.prototype.encrypt;\
             age.Encrypter.prototype.encrypt = function () { window.sealed += 1; \
             return seal.apply(this, arguments); };\
             const b = document.getElementById('create-response'); b.click(); b.click(); b.click();\
             return true;",
            vec![],
        )
        .await
        .unwrap();
    client
        .wait()
        .for_element(Locator::Css("#sealed:not([hidden])"))
        .await
        .unwrap();
    let sealed_times = client
        .execute("return window.sealed", vec![])
        .await
        .unwrap();
    assert_eq!(sealed_times, json!(1), "one press, one answer");
    check_the_page(&client, "sealed").await;
    let armored = client
        .execute(
            "return document.getElementById('sealed-response').value",
            vec![],
        )
        .await
        .unwrap();
    let armored = armored.as_str().unwrap().to_owned();
    assert!(
        armored.starts_with("-----BEGIN AGE ENCRYPTED FILE-----\n")
            && armored.ends_with("-----END AGE ENCRYPTED FILE-----\n"),
        "{armored}"
    );
    assert!(!armored.contains("Clear priorities"));
    // The answers are gone from the page.
    let left = client
        .execute(
            "return [document.querySelector('textarea[name=keep]').value, \
             document.querySelectorAll('input:checked').length, \
             document.getElementById('leadgap-response').hidden]",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(left, json!(["", 0, true]));

    // Email it: to the reply-to address, the round in the subject, the
    // sealed answer in the body.
    let email = client
        .find(Locator::Id("send-email"))
        .await
        .unwrap()
        .attr("href")
        .await
        .unwrap()
        .unwrap();
    let prefix = format!("mailto:morgan@example.org?subject=leadgap%20round%20{round}&body=");
    assert!(email.starts_with(&prefix), "{email}");
    let body = client
        .execute(
            "return decodeURIComponent(arguments[0])",
            vec![json!(email[prefix.len()..])],
        )
        .await
        .unwrap();
    assert_eq!(body, json!(armored));
    // Copy.
    client
        .find(Locator::Id("copy-response"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    // The clipboard answers in its own time: wait for the status to say.
    let mut copied = String::new();
    for _ in 0..50 {
        copied = client
            .find(Locator::Id("sent-status"))
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        if !copied.is_empty() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(copied.starts_with("Copied"), "{copied}");
    // Download.
    client
        .find(Locator::Id("download-response"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    let file = wait_for_download(&downloads).await;
    let resources = client
        .execute(
            "return performance.getEntriesByType('resource').length",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(resources, json!(0), "the page requested nothing");
    client.close().await.unwrap();
    drop(driver);
    let name = file.file_name().unwrap().to_string_lossy().into_owned();
    assert!(name.starts_with(&format!("response-{round}-")), "{name}");
    let bytes = std::fs::read(&file).unwrap();
    assert!(bytes.starts_with(b"age-encryption.org/v1"));

    // The pasted text is the same answer as the file: collected from both,
    // it counts once. With two more raters who answer the same in the
    // terminal, every theme's spread is 0: the page's answer scores exactly
    // as `respond`'s.
    let responses = sandbox.scratch().join("responses");
    std::fs::create_dir_all(&responses).unwrap();
    std::fs::rename(&file, responses.join(&name)).unwrap();
    std::fs::write(
        responses.join("pasted.txt"),
        format!("Here it is:\n\n{armored}"),
    )
    .unwrap();
    for i in 0..2 {
        let answers = sandbox.write(
            "answers.toml",
            &ANSWERS.replace("More time for one-to-ones.", &format!("Comment {i}.")),
        );
        sandbox
            .run(["respond"])
            .arg(&invite)
            .arg("--answers")
            .arg(&answers)
            .arg("-o")
            .arg(responses.join(format!("terminal-{i}.age")))
            .stdout_any()
            .run();
    }
    let ran = sandbox
        .run([
            "collect",
            &round,
            "--close",
            "--format",
            "json",
            "--no-save",
        ])
        .arg(&responses)
        .stderr_checked_by_the_test()
        .stdout_any()
        .run();
    assert!(
        ran.stderr.contains(&format!(
            "warning: `[SANDBOX]/responses/{name}`: the same response as \
             `[SANDBOX]/responses/pasted.txt`; counted once\n"
        )),
        "{}",
        ran.stderr
    );
    let report = ran.json();
    assert_eq!(report["raters"], 3);
    let mut scored = 0;
    for theme in report["themes"].as_array().unwrap() {
        if theme["n"] == 3 {
            scored += 1;
            assert_eq!(theme["sd"], json!(0.0), "{}", theme["id"]);
        }
    }
    assert!(scored >= 6, "{scored} themes scored by all three");
    assert_eq!(
        report["comments"]["keep"],
        json!([
            "Clear priorities.",
            "Clear priorities.",
            "Clear priorities."
        ])
    );
}

#[tokio::test(flavor = "current_thread")]
#[ignore = "needs Chromium and chromedriver; `bash .ci/run` installs them and runs it"]
async fn a_personal_invitation_fixes_the_group_refuses_too_little_and_a_long_answer_is_not_a_link()
{
    let sandbox = Sandbox::new();
    sandbox.with_collector_key();
    let list = sandbox.write(
        "raters.csv",
        "name,email,group\nLee,lee@example.org,peer\nAda,ada@example.org,peer\n\
         Kim,kim@example.org,peer\n",
    );
    let invite = sandbox.scratch().join("invite");
    sandbox
        .run([
            "invite",
            "--subject",
            "Sam Hero",
            "--collector",
            "Morgan Lee",
        ])
        .args(["--reply-to", "morgan@example.org", "--raters"])
        .arg(&list)
        .arg("-o")
        .arg(&invite)
        .stdout_any()
        .run();
    let downloads = sandbox.scratch().join("downloads");
    let driver = driver();
    let client = phone(&driver, &downloads).await;
    client
        .goto(&format!(
            "file://{}",
            invite.join("invite-02.html").display()
        ))
        .await
        .unwrap();
    // The list's group, chosen, and the only one: the peer's questions show.
    let group = client
        .execute(
            "const s = document.querySelector('select[name=group]');\
             return [s.value, s.options.length, \
             document.querySelector('fieldset[data-question=\"team-decides\"]').hidden];",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(group, json!(["peer", 1, false]));
    check_the_page(&client, "a personal invitation").await;
    // Everything "Doesn't apply": not an answer, and the page says so.
    let asked = client
        .execute(
            "const qs = Array.from(document.querySelectorAll('fieldset.q:not([hidden])'));\
             qs.forEach(q => { const skip = q.querySelector('input[value=skip]'); \
             if (skip) skip.click(); });\
             document.getElementById('create-response').click();\
             return [qs.length, document.getElementById('status').textContent];",
            vec![],
        )
        .await
        .unwrap();
    let asked_count = asked[0].as_u64().unwrap();
    assert!(asked_count >= 8, "{asked}");
    assert!(
        asked[1].as_str().unwrap().starts_with(&format!(
            "Please answer at least half of your {asked_count} questions: you answered 0. \
             “Doesn't apply” is not an answer"
        )),
        "{asked}"
    );
    // Answered, with both comments at their limit (text that packs badly):
    // sealed, and too long for an email link, which the page says instead
    // of offering a cut one.
    client
        .execute(
            "document.querySelectorAll('fieldset.q:not([hidden])').forEach(q => {\
               const pick = q.querySelector('input[type=radio]:not([value=skip])');\
               if (pick) pick.click();\
               const number = q.querySelector('input[type=number]');\
               if (number) number.value = '1';\
             });\
             const letters = 'abcdefghijklmnopqrstuvwxyzé ';\
             for (const name of ['keep', 'change']) {\
               const area = document.querySelector('textarea[name=' + name + ']');\
               const random = crypto.getRandomValues(new Uint8Array(2000));\
               area.value = Array.from(random, b => letters[b % letters.length]).join('');\
               area.dispatchEvent(new Event('input'));\
             }\
             document.getElementById('create-response').click(); return true;",
            vec![],
        )
        .await
        .unwrap();
    client
        .wait()
        .for_element(Locator::Css("#sealed:not([hidden])"))
        .await
        .unwrap();
    let offered = client
        .execute(
            "return [document.getElementById('send-email').hidden, \
             document.getElementById('too-long').hidden];",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(offered, json!([true, false]));
    check_the_page(&client, "sealed, too long for an email link").await;
    let armored = client
        .execute(
            "return document.getElementById('sealed-response').value",
            vec![],
        )
        .await
        .unwrap();
    client.close().await.unwrap();
    drop(driver);
    // The page's answer counts for that invitation, in its group.
    let responses = sandbox.scratch().join("responses");
    std::fs::create_dir_all(&responses).unwrap();
    std::fs::write(responses.join("lee.txt"), armored.as_str().unwrap()).unwrap();
    let round = round_of(&sandbox);
    // The browser dated it by its own clock: collected after that.
    let now = chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string();
    let ran = sandbox
        .run(["collect", &round, "--status", "--format", "json"])
        .arg(&responses)
        .at(&now)
        .stderr("Read 1 input: 1 sealed response, 1 counts.\n")
        .stdout_any()
        .run();
    assert_eq!(ran.json()["responses"], 1);
}

#[tokio::test(flavor = "current_thread")]
#[ignore = "needs Chromium and chromedriver; `bash .ci/run` installs them and runs it"]
async fn a_custom_team_form_fits_a_phone_and_passes_axe_core() {
    let sandbox = Sandbox::new();
    let invite = sandbox.scratch().join("invite");
    sandbox
        .run([
            "invite",
            "--subject",
            "Sam Hero",
            "--self-collect",
            "-q",
            "tests/fixtures/team/questionnaire.toml",
            "-o",
        ])
        .arg(&invite)
        .stdout_any()
        .run();
    let downloads = sandbox.scratch().join("downloads");
    let driver = driver();
    let client = phone(&driver, &downloads).await;
    client
        .goto(&format!("file://{}", invite.join("invite.html").display()))
        .await
        .unwrap();
    client
        .find(Locator::Css("select[name=group]"))
        .await
        .unwrap()
        .select_by_value("peer")
        .await
        .unwrap();
    check_the_page(&client, "the small team form").await;
    client.close().await.unwrap();
}

#[tokio::test(flavor = "current_thread")]
#[ignore = "needs Chromium and chromedriver; `bash .ci/run` installs them and runs it"]
async fn the_cohort_page_fits_a_phone_and_passes_axe_core() {
    let sandbox = Sandbox::new();
    for (example, name) in [
        ("hero", "Sam Hero"),
        ("balanced", "Priya Balanced"),
        ("technician", "Fatima Zahra Okafor"),
        ("savvy", "Casey Savvy"),
    ] {
        sandbox
            .run([
                "assess",
                "--answers",
                &format!("examples/{example}.toml"),
                "--subject",
                name,
            ])
            .stderr_checked_by_the_test()
            .stdout_any()
            .run();
    }
    let page = sandbox.scratch().join("cohort.html");
    sandbox
        .run(["cohort", "--format", "html", "-o"])
        .arg(&page)
        .arg(sandbox.data_dir().join("reports"))
        .stderr_checked_by_the_test()
        .run();
    let downloads = sandbox.scratch().join("downloads");
    let driver = driver();
    let client = phone(&driver, &downloads).await;
    client
        .goto(&format!("file://{}", page.display()))
        .await
        .unwrap();
    check_the_page(&client, "the cohort page").await;
    // The grid is a card per person on a phone: the name, then each
    // theme's score beside the theme's name.
    let grid = client
        .execute(
            "const cell = document.querySelector('table.cohort td');\
             return [getComputedStyle(document.querySelector('table.cohort tr')).display, \
             getComputedStyle(cell, '::before').content];",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(grid, json!(["block", "\"Delegation\""]));
    client.close().await.unwrap();
}

#[tokio::test(flavor = "current_thread")]
#[ignore = "needs Chromium and chromedriver; `bash .ci/run` installs them and runs it"]
async fn the_team_report_and_the_self_report_beside_it_fit_a_phone_and_pass_axe_core() {
    // Sam's self-assessment, a round of three direct reports, then both
    // pages: the team's report (Self, Facts/views, the global item) and
    // Sam's own report shown beside the team's view.
    let sandbox = Sandbox::new();
    sandbox
        .run(["assess", "--answers", "examples/hero.toml"])
        .at("2026-11-01T09:00:00Z")
        .stderr_checked_by_the_test()
        .stdout_any()
        .run();
    let invite = sandbox.scratch().join("invite");
    sandbox
        .run(["invite", "--subject", "Sam Hero", "--self-collect", "-o"])
        .arg(&invite)
        .stdout_any()
        .run();
    let responses = sandbox.scratch().join("responses");
    std::fs::create_dir_all(&responses).unwrap();
    for n in 0..3 {
        // Three different answers: the same one three times counts once.
        let answers = sandbox.write(
            &format!("answers-{n}.toml"),
            &ANSWERS.replace(
                "would-recommend = 4",
                &format!("would-recommend = {}", 3 + n),
            ),
        );
        sandbox
            .run(["respond"])
            .arg(&invite)
            .arg("--answers")
            .arg(&answers)
            .arg("-o")
            .arg(responses.join(format!("r{n}.age")))
            .stderr_checked_by_the_test()
            .stdout_any()
            .run();
    }
    let team = sandbox.scratch().join("team.html");
    sandbox
        .run([
            "collect",
            &round_of(&sandbox),
            "--close",
            "--format",
            "html",
            "-o",
        ])
        .arg(&team)
        .arg(&responses)
        .stderr_checked_by_the_test()
        .run();
    let own = sandbox.scratch().join("own.html");
    sandbox
        .run(["show", "2026-11-01T09-00-00Z", "--format", "html", "-o"])
        .arg(&own)
        .stderr_checked_by_the_test()
        .run();
    let team_page = std::fs::read_to_string(&team).unwrap();
    assert!(team_page.contains("Facts/views"));
    assert!(team_page.contains("Would recommend this manager: 75 of 100, from 3 responses"));
    assert!(
        std::fs::read_to_string(&own)
            .unwrap()
            .contains("<h2>Beside your team&#39;s view</h2>")
            || std::fs::read_to_string(&own)
                .unwrap()
                .contains("<h2>Beside your team's view</h2>")
    );

    let downloads = sandbox.scratch().join("downloads");
    let driver = driver();
    let client = phone(&driver, &downloads).await;
    for (page, what) in [(&team, "the team's report"), (&own, "the report beside it")] {
        client
            .goto(&format!("file://{}", page.display()))
            .await
            .unwrap();
        check_the_page(&client, what).await;
    }
    client.close().await.unwrap();
}

/// A headless Chromium as a desktop 1280 CSS pixels wide.
async fn desktop(driver: &Driver) -> Client {
    let capabilities = json!({
        "goog:chromeOptions": {
            "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--no-first-run", "--disable-background-networking", "--disable-sync",
                     "--disable-component-update", "--window-size=1280,900"],
        }
    });
    ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
        .capabilities(capabilities.as_object().unwrap().clone())
        .connect(&format!("http://127.0.0.1:{}", driver.port))
        .await
        .unwrap()
}

#[tokio::test(flavor = "current_thread")]
#[ignore = "needs Chromium and chromedriver; `bash .ci/run` installs them and runs it"]
async fn every_report_page_fits_a_phone_and_a_desktop() {
    // Sam's June and September self-assessments and Morgan's view: the gap
    // report with its history, the comparison and the history page. In
    // September three facts were also measured, two unlike the answers, so
    // the report's longest "Measured, not remembered" line is on the page.
    let sandbox = Sandbox::new();
    let evidence = sandbox.write(
        "evidence.json",
        r#"{"window": {"from": "2026-06-02", "until": "2026-08-31", "weeks": 13},
            "figures": {"my_commit_share": 0.4, "stakeholder_meetings": 2,
                        "share_one_to_one_4_weeks": 0.3}, "sources": []}"#,
    );
    for (at, file) in [
        ("2026-06-01T09:00:00Z", "examples/hero.toml"),
        ("2026-09-01T09:00:00Z", "examples/hero-later.toml"),
    ] {
        sandbox
            .run(["assess", "--answers", file, "--evidence"])
            .arg(&evidence)
            .at(at)
            .stderr_checked_by_the_test()
            .stdout_any()
            .run();
    }
    let pages = [
        ("report.html", vec!["show", "latest"], "the gap report"),
        (
            "compare.html",
            vec![
                "compare",
                "examples/reports/sam-2026-09.toml",
                "examples/reports/sam-2026-09-by-morgan.toml",
            ],
            "the comparison",
        ),
        ("history.html", vec!["history"], "the history"),
    ];
    for (name, args, _) in &pages {
        sandbox
            .run(args.iter().copied())
            .args(["--format", "html", "-o"])
            .arg(sandbox.scratch().join(name))
            .stderr_checked_by_the_test()
            .run();
    }
    let report = std::fs::read_to_string(sandbox.scratch().join("report.html")).unwrap();
    assert!(
        report.contains("<li>Measured, not remembered (3): "),
        "{report}"
    );
    let downloads = sandbox.scratch().join("downloads");
    let driver = driver();
    let client = phone(&driver, &downloads).await;
    for (name, _, what) in &pages {
        let path = sandbox.scratch().join(name);
        client
            .goto(&format!("file://{}", path.display()))
            .await
            .unwrap();
        check_the_page(&client, what).await;
        // The radar gives way to bars whose labels can be read.
        if *name != "history.html" {
            let bars = client
                .execute(
                    "return [getComputedStyle(document.querySelector('figure.radar-figure')).display, \
                     getComputedStyle(document.querySelector('ul.bars')).display]",
                    vec![],
                )
                .await
                .unwrap();
            assert_eq!(bars, json!(["none", "block"]), "{what}");
        }
    }
    client.close().await.unwrap();
    let client = desktop(&driver).await;
    for (name, _, what) in &pages {
        let path = sandbox.scratch().join(name);
        client
            .goto(&format!("file://{}", path.display()))
            .await
            .unwrap();
        let width = client
            .execute(
                "const page = document.documentElement;\
                 return [page.scrollWidth <= page.clientWidth, page.clientWidth > 1200, \
                 getComputedStyle(document.querySelector('ul.bars, figure.narrow')).display]",
                vec![],
            )
            .await
            .unwrap();
        assert_eq!(width, json!([true, true, "none"]), "{what} on a desktop");
    }
    client.close().await.unwrap();
}
