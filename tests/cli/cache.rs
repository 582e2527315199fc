//! The summary cache of large report folders: listings read from it give
//! exactly what parsing every file gives, and it is never stale.

use std::path::{Path, PathBuf};

use crate::support::{Sandbox, repo};

/// 60 reports of 6 people (ten each) in `folder`, made from an example
/// report with the id, time, respondent and a note varied (a score cannot
/// be: it must follow from the answers).
fn generate(folder: &Path) -> Vec<PathBuf> {
    let template =
        std::fs::read_to_string(repo().join("examples/reports/sam-2026-09.toml")).unwrap();
    std::fs::create_dir_all(folder).unwrap();
    (0..60)
        .map(|n| {
            let created = format!("2026-{:02}-01T09:{:02}:00Z", n / 6 + 1, n % 6);
            let id = created.replace(':', "-");
            let text = template
                .replace("2026-09-01T09-00-00Z", &id)
                .replace("2026-09-01T09:00:00Z", &created)
                .replace("Sam Hero", &format!("Person {}", n % 6))
                .replace(
                    "outages are where I am most useful.",
                    &format!("outages are where I am most useful ({n})."),
                );
            let path = folder.join(format!("{id}.toml"));
            std::fs::write(&path, text).unwrap();
            path
        })
        .collect()
}

fn cache_files(sandbox: &Sandbox) -> Vec<PathBuf> {
    match std::fs::read_dir(sandbox.data_dir().join("cache")) {
        Ok(entries) => entries.map(|e| e.unwrap().path()).collect(),
        Err(_) => Vec::new(),
    }
}

/// Files are cached once they are this many seconds old: never, and at
/// once (`LEADGAP_CACHE_SETTLE`, so that no test waits for the clock).
const NEVER: &str = "3600";
const AT_ONCE: &str = "0";

/// A listing's output, with files cached after `settle` seconds; it warns
/// about nothing.
fn listing(sandbox: &Sandbox, args: &[&str], settle: &str) -> String {
    let ran = sandbox
        .run(args)
        .env("LEADGAP_CACHE_SETTLE", settle)
        .stderr_checked_by_the_test()
        .output();
    assert!(!ran.stderr.contains("warning"), "{}", ran.stderr);
    ran.stdout
}

#[test]
fn listings_from_the_cache_equal_listings_from_the_files() {
    let sandbox = Sandbox::new();
    let paths = generate(&sandbox.data_dir().join("reports"));
    let cohort_dir = sandbox.data_dir().join("reports");
    let cohort_dir = cohort_dir.to_str().unwrap();
    let commands: [&[&str]; 4] = [
        &["history", "--format", "json"],
        &["history"],
        &["cohort", cohort_dir, "--format", "json"],
        &["diff", "2026-10-01T09-05-00Z", "--format", "json"],
    ];

    // Files changed within the settle window are parsed every time and not
    // cached.
    let parsed: Vec<String> = commands
        .iter()
        .map(|c| listing(&sandbox, c, NEVER))
        .collect();
    assert!(
        cache_files(&sandbox).is_empty(),
        "{:?}",
        cache_files(&sandbox)
    );

    assert_eq!(
        listing(&sandbox, commands[0], AT_ONCE),
        parsed[0],
        "building the cache"
    );
    let cache = cache_files(&sandbox);
    assert_eq!(cache.len(), 1, "{cache:?}");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&cache[0]), 0o600);
        assert_eq!(mode(&sandbox.data_dir().join("cache")), 0o700);
    }
    let written = std::fs::read(&cache[0]).unwrap();
    for (command, expected) in commands.iter().zip(&parsed) {
        assert_eq!(
            &listing(&sandbox, command, AT_ONCE),
            expected,
            "{command:?} from the cache"
        );
    }
    assert_eq!(
        std::fs::read(&cache[0]).unwrap(),
        written,
        "an unchanged folder leaves the cache alone"
    );

    // Same size, same inode, changed in place: only the times tell.
    let changed = &paths[paths.len() - 1];
    let text = std::fs::read_to_string(changed).unwrap();
    let edited = text.replacen("most useful (59).", "most useful (95).", 1);
    assert_ne!(edited, text);
    assert_eq!(edited.len(), text.len());
    std::fs::write(changed, edited).unwrap();
    let json = listing(&sandbox, commands[0], AT_ONCE);
    let listed: serde_json::Value = serde_json::from_str(&json).unwrap();
    let last = listed.as_array().unwrap().last().unwrap();
    assert_eq!(last["id"], "2026-10-01T09-05-00Z");
    assert_eq!(
        last["themes"][0]["note"],
        "I know I should let go more, but outages are where I am most useful (95).",
        "the edit shows at once"
    );

    // A removed report leaves the listing; a damaged cache is rebuilt.
    std::fs::remove_file(&paths[0]).unwrap();
    std::fs::write(&cache[0], "not json\n").unwrap();
    let listed: serde_json::Value =
        serde_json::from_str(&listing(&sandbox, commands[0], AT_ONCE)).unwrap();
    assert_eq!(listed.as_array().unwrap().len(), 59);
    assert_eq!(listed[0]["id"], "2026-01-01T09-01-00Z");
}

#[test]
fn a_cache_that_cannot_be_written_is_not_an_error() {
    let sandbox = Sandbox::new();
    let folder = sandbox.scratch().join("shared");
    generate(&folder);
    let folder = folder.to_str().unwrap();
    let expected = listing(
        &sandbox,
        &["history", "--from", folder, "--format", "csv"],
        AT_ONCE,
    );
    assert_eq!(
        cache_files(&sandbox).len(),
        1,
        "folders outside the data directory too"
    );

    std::fs::remove_dir_all(sandbox.data_dir().join("cache")).unwrap();
    sandbox
        .run(["history", "--from", folder, "--format", "csv"])
        .env("LEADGAP_SIMULATE_FAULT", "full-disk")
        .env("LEADGAP_CACHE_SETTLE", AT_ONCE)
        .stdout(&expected)
        .stderr("")
        .run();
    assert!(cache_files(&sandbox).is_empty());
}
