//! The summary cache of large report folders: listings read from it give
//! exactly what parsing every file gives, and it is never stale.

#![allow(clippy::unwrap_used)] // Tests fail loudly by design.

mod support;

use std::path::{Path, PathBuf};
use std::time::Duration;

use support::{Sandbox, repo};

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

/// A listing's output; it warns about nothing (`diff latest` says whose
/// report it took, as the folder holds several people's).
fn listing(sandbox: &Sandbox, args: &[&str]) -> String {
    let ran = sandbox.run(args).run();
    assert!(!ran.stderr.contains("warning"), "{}", ran.stderr);
    ran.stdout
}

/// Waits until files written now are old enough to be cached.
fn settle() {
    std::thread::sleep(Duration::from_millis(2_100));
}

#[test]
fn listings_from_the_cache_equal_listings_from_the_files() {
    let sandbox = Sandbox::new();
    let generated = std::time::Instant::now();
    let paths = generate(&sandbox.data_dir().join("reports"));
    let cohort_dir = sandbox.data_dir().join("reports");
    let cohort_dir = cohort_dir.to_str().unwrap();
    let commands: [&[&str]; 4] = [
        &["history", "--format", "json"],
        &["history"],
        &["cohort", cohort_dir, "--format", "json"],
        &["diff", "latest", "--format", "json"],
    ];

    // Fresh files are parsed every time and not cached yet (unless the
    // machine is so busy that they were two seconds old by then).
    let parsed: Vec<String> = commands.iter().map(|c| listing(&sandbox, c)).collect();
    if generated.elapsed() < Duration::from_millis(1_500) {
        assert!(
            cache_files(&sandbox).is_empty(),
            "{:?}",
            cache_files(&sandbox)
        );
    }

    settle();
    assert_eq!(
        listing(&sandbox, commands[0]),
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
            &listing(&sandbox, command),
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
    let json = listing(&sandbox, commands[0]);
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
    let listed: serde_json::Value = serde_json::from_str(&listing(&sandbox, commands[0])).unwrap();
    assert_eq!(listed.as_array().unwrap().len(), 59);
    assert_eq!(listed[0]["id"], "2026-01-01T09-01-00Z");
}

#[test]
fn a_cache_that_cannot_be_written_is_not_an_error() {
    let sandbox = Sandbox::new();
    let folder = sandbox.scratch().join("shared");
    generate(&folder);
    settle();
    let folder = folder.to_str().unwrap();
    let expected = listing(&sandbox, &["history", "--from", folder, "--format", "csv"]);
    assert_eq!(
        cache_files(&sandbox).len(),
        1,
        "folders outside the data directory too"
    );

    std::fs::remove_dir_all(sandbox.data_dir().join("cache")).unwrap();
    sandbox
        .run(["history", "--from", folder, "--format", "csv"])
        .env("LEADGAP_SIMULATE_FAULT", "full-disk")
        .stdout(&expected)
        .stderr("")
        .run();
    assert!(cache_files(&sandbox).is_empty());
}
