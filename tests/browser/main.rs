//! The invitation form in a real browser: headless Chromium driven through
//! WebDriver (`chromedriver`, installed by `.ci/run` from Debian's
//! `chromium-driver`). A rater fills in `invite.html`, the page encrypts the
//! response and downloads it, and `collect` opens it with the same scores as
//! the same answers given to `respond`. The page loads nothing and sends
//! nothing: its content security policy forbids it, and the browser's own
//! record of resources stays empty.

#![allow(clippy::unwrap_used)] // Tests fail loudly by design.
#![cfg(unix)]

#[path = "../cli/support.rs"]
#[allow(dead_code)] // The browser test uses a few of the builder's tools.
mod support;

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::{ClientBuilder, Locator};
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
    [answers]\nproblem-brought = 4\nnew-work-given = \"checked\"\nwhen-away = \"dont-know\"\n\
    reasoning-known = 3\nsupplier-handled = 2\nevidence-seen = \"skip\"\nknows-expectations = 3\n\
    last-one-to-one = 3\nfeedback-received = \"once\"\nproblem-raised = 4\nseen-busy-with = 3\n\
    credit-given = \"the-team\"\nasked-for-feedback = \"once\"\n\
    [comments]\nkeep = \"Clear priorities.\"\nchange = \"More time for one-to-ones.\"\n";

/// Fills in the form as a rater would, with the answers of [`ANSWERS`].
async fn fill_in(client: &fantoccini::Client) {
    let select = client
        .find(Locator::Css("select[name=group]"))
        .await
        .unwrap();
    select.select_by_value("direct-report").await.unwrap();
    let choose = |name: &'static str, value: &'static str| async move {
        client
            .find(Locator::Css(&format!(
                "input[name={name}][value=\"{value}\"]"
            )))
            .await
            .unwrap()
            .click()
            .await
            .unwrap();
    };
    choose("problem-brought", "4").await;
    choose("new-work-given", "checked").await;
    choose("when-away", "dont-know").await;
    choose("reasoning-known", "3").await;
    choose("supplier-handled", "2").await;
    choose("evidence-seen", "skip").await;
    choose("knows-expectations", "3").await;
    choose("feedback-received", "once").await;
    choose("problem-raised", "4").await;
    choose("seen-busy-with", "3").await;
    choose("credit-given", "the-team").await;
    choose("asked-for-feedback", "once").await;
    client
        .find(Locator::Css("input[name=last-one-to-one][type=number]"))
        .await
        .unwrap()
        .send_keys("3")
        .await
        .unwrap();
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

fn downloaded(folder: &Path) -> Option<PathBuf> {
    std::fs::read_dir(folder)
        .ok()?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .find(|p| p.extension().is_some_and(|x| x == "age"))
}

#[tokio::test(flavor = "current_thread")]
#[ignore = "needs Chromium and chromedriver; `bash .ci/run` installs them and runs it"]
async fn a_rater_answers_in_the_browser_and_collect_opens_it() {
    let sandbox = Sandbox::new();
    let invite = sandbox.scratch().join("invite");
    sandbox
        .run(["invite", "--subject", "Sam Hero", "--self-collect", "-o"])
        .arg(&invite)
        .run();
    let round = std::fs::read_dir(sandbox.data_dir().join("rounds"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .next()
        .unwrap();
    let downloads = sandbox.scratch().join("downloads");
    std::fs::create_dir_all(&downloads).unwrap();

    let driver = driver();
    let capabilities = json!({
        "goog:chromeOptions": {
            "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--no-first-run", "--disable-background-networking", "--disable-sync",
                     "--disable-component-update", "--window-size=1000,1400"],
            "prefs": {
                "download.default_directory": downloads.to_str().unwrap(),
                "download.prompt_for_download": false,
            }
        }
    });
    let client = ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
        .capabilities(capabilities.as_object().unwrap().clone())
        .connect(&format!("http://127.0.0.1:{}", driver.port))
        .await
        .unwrap();
    client
        .goto(&format!("file://{}", invite.join("invite.html").display()))
        .await
        .unwrap();
    // Before a group is chosen, no question is shown; a direct report is
    // not asked what only peers and managers can judge.
    let hidden = client
        .execute(
            "return document.querySelector('fieldset[data-question=\"team-decides\"]').hidden",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(hidden, Value::Bool(true));
    fill_in(&client).await;
    client
        .find(Locator::Id("create-response"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    let started = Instant::now();
    let file = loop {
        if let Some(file) =
            downloaded(&downloads).filter(|f| !f.to_string_lossy().ends_with(".crdownload"))
        {
            break file;
        }
        assert!(
            started.elapsed() < Duration::from_secs(30),
            "no response was downloaded"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    };
    // The page shows no answer any more, and it loaded nothing.
    let done = client
        .find(Locator::Id("done"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        done.starts_with("Your encrypted response was saved as response-"),
        "{done}"
    );
    let form_hidden = client
        .execute(
            "return document.getElementById('leadgap-response').hidden",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(form_hidden, Value::Bool(true));
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
    assert!(!String::from_utf8_lossy(&bytes).contains("Clear priorities"));

    // Two more raters answer the same in the terminal; collect opens all
    // three, and every theme's spread is 0: the browser's response scores
    // exactly as `respond`'s.
    let browser = sandbox.scratch().join("responses");
    std::fs::create_dir_all(&browser).unwrap();
    std::fs::rename(&file, browser.join(&name)).unwrap();
    // (Each with its own comment: the same answers in the same words
    // would count once.)
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
            .arg(browser.join(format!("terminal-{i}.age")))
            .run();
    }
    let report = sandbox
        .run([
            "collect",
            &round,
            "--close",
            "--format",
            "json",
            "--no-save",
        ])
        .arg(&browser)
        .run()
        .json();
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
