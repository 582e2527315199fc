//! The cache's rules, on files made for each.

use super::*;

fn stamp_of(path: &Path) -> Stamp {
    Stamp::from_metadata(&std::fs::metadata(path).unwrap()).unwrap()
}

/// How many entries a cache file holds for `header`; `None` when it is
/// not one.
fn entries(path: &Path, header: &Header) -> Option<usize> {
    let mut old = Old::open(path, header)?;
    let mut count = 0;
    while let Some(line) = old.line() {
        serde_json::from_str::<Entry<String, Report>>(&line).ok()?;
        count += 1;
    }
    // A line cut short is not a whole cache.
    let mut rest = String::new();
    old.reader.read_to_string(&mut rest).ok()?;
    rest.is_empty().then_some(count)
}

fn example(name: &str) -> Report {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("examples/reports")
        .join(name);
    super::super::load_report(&path).unwrap().into_summary()
}

#[test]
fn summaries_come_back_exactly() {
    for name in [
        "sam-2026-06.toml",
        "sam-2026-09.toml",
        "sam-2026-09-by-morgan.toml",
    ] {
        let summary = example(name);
        let text = serde_json::to_string(&summary).unwrap();
        let back: Report = serde_json::from_str(&text).unwrap();
        assert_eq!(back, summary, "{name}");
    }
}

/// A folder with `count` copies of an example report, and a cache folder.
fn folder(count: usize) -> (tempfile::TempDir, PathBuf, PathBuf) {
    let root = tempfile::tempdir().unwrap();
    let reports = root.path().join("reports");
    std::fs::create_dir(&reports).unwrap();
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/reports/sam-2026-09.toml"),
    )
    .unwrap();
    for n in 0..count {
        let id = format!("2026-09-01T09-00-00Z-{}", n + 2);
        let text = text.replace("2026-09-01T09-00-00Z", &id);
        std::fs::write(reports.join(format!("{id}.toml")), text).unwrap();
    }
    let cache = root.path().join("cache");
    (root, reports, cache)
}

/// Writes a cache of `folder` in `cache_dir` holding `entries`, as if
/// written long ago.
fn write_cache(cache_dir: &Path, folder: &Path, entries: &[(&str, Stamp, &Report)]) {
    let folder = folder.canonicalize().unwrap();
    let name = format!(
        "reports-{}.jsonl",
        crate::questionnaire::hex_digest(folder.as_os_str().as_encoded_bytes(), 16)
    );
    let mut text = serde_json::to_string(&Header::current(folder)).unwrap();
    text.push('\n');
    for (name, stamp, report) in entries {
        text.push_str(
            &serde_json::to_string(&Entry {
                name,
                stamp: *stamp,
                report,
            })
            .unwrap(),
        );
        text.push('\n');
    }
    std::fs::create_dir_all(cache_dir).unwrap();
    std::fs::write(cache_dir.join(name), text).unwrap();
}

#[test]
fn entries_are_used_only_for_unchanged_files_in_name_order() {
    let (_root, reports, cache_dir) = folder(3);
    let name = |n: usize| format!("2026-09-01T09-00-00Z-{n}.toml");
    let stamp = |n: usize| stamp_of(&reports.join(name(n)));
    let summary = example("sam-2026-09.toml");
    let mut changed = stamp(3);
    changed.modified += 1;
    write_cache(
        &cache_dir,
        &reports,
        &[
            (&name(2), stamp(2), &summary),
            (&name(3), changed, &summary),
        ],
    );
    let mut cache = Cache::open(&cache_dir, &reports).unwrap();
    let taken = cache.take(&name(2), stamp(2)).and_then(|line| parse(&line));
    assert_eq!(taken.map(|(report, _)| report), Some(summary.clone()));
    assert!(!cache.differs, "nothing changed yet");
    assert_eq!(cache.take(&name(3), stamp(3)), None, "changed since");
    assert!(cache.differs);
    assert_eq!(cache.take(&name(4), stamp(4)), None, "never cached");
}

#[test]
fn an_unchanged_folder_is_read_once_and_left_alone_and_a_change_rewrites_it() {
    let (_root, reports, cache_dir) = folder(3);
    let name = |n: usize| format!("2026-09-01T09-00-00Z-{n}.toml");
    let stamp = |n: usize| stamp_of(&reports.join(name(n)));
    let summary = example("sam-2026-09.toml");
    write_cache(
        &cache_dir,
        &reports,
        &[
            (&name(2), stamp(2), &summary),
            (&name(3), stamp(3), &summary),
            (&name(4), stamp(4), &summary),
        ],
    );
    let path = std::fs::read_dir(&cache_dir)
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let before = std::fs::read(&path).unwrap();
    let mut cache = Cache::open(&cache_dir, &reports).unwrap();
    for n in 2..=4 {
        assert!(cache.take(&name(n), stamp(n)).is_some());
    }
    assert!(!cache.differs);
    cache.finish();
    assert_eq!(std::fs::read(&path).unwrap(), before, "not rewritten");

    // The second file gone: the new cache keeps the first and third.
    let mut cache = Cache::open(&cache_dir, &reports).unwrap();
    assert!(cache.take(&name(2), stamp(2)).is_some());
    assert!(cache.take(&name(4), stamp(4)).is_some());
    cache.finish();
    let header = Header::current(reports.canonicalize().unwrap());
    assert_eq!(entries(&path, &header), Some(2));
    let text = String::from_utf8(std::fs::read(&path).unwrap()).unwrap();
    assert!(
        !text.contains(&name(3)) && text.contains(&name(4)),
        "{text}"
    );
}

#[test]
fn files_changed_just_now_are_not_cached() {
    let (_root, reports, cache_dir) = folder(2);
    let summary = example("sam-2026-09.toml");
    let name = "2026-09-01T09-00-00Z-2.toml";
    let stamp = stamp_of(&reports.join(name));
    assert!(!stamp.settled(SystemTime::now()));
    assert!(stamp.settled(SystemTime::now() + Duration::from_secs(3)));
    let mut cache = Cache::open(&cache_dir, &reports).unwrap();
    cache.record(name, stamp, &summary);
    cache.finish();
    assert!(!cache_dir.exists(), "nothing settled, nothing to write");
}

#[test]
fn a_cache_for_another_folder_or_version_is_ignored() {
    let (_root, reports, cache_dir) = folder(1);
    let canonical = reports.canonicalize().unwrap();
    let header = Header::current(canonical.clone());
    let path = cache_dir.join("cache.jsonl");
    std::fs::create_dir(&cache_dir).unwrap();
    let entry = |name: &str| {
        serde_json::to_string(&Entry {
            name,
            stamp: stamp_of(&reports.join("2026-09-01T09-00-00Z-2.toml")),
            report: &example("sam-2026-09.toml"),
        })
        .unwrap()
    };
    let write = |header: &Header, lines: &[String]| {
        let mut text = serde_json::to_string(header).unwrap();
        for line in lines {
            text.push('\n');
            text.push_str(line);
        }
        text.push('\n');
        std::fs::write(&path, text).unwrap();
    };
    write(&header, &[entry("a.toml")]);
    assert_eq!(entries(&path, &header), Some(1));

    let mut other = Header::current(canonical.join("elsewhere"));
    write(&other, &[entry("a.toml")]);
    assert!(entries(&path, &header).is_none(), "another folder");
    other = Header::current(canonical);
    other.leadgap = "0.0.1".to_owned();
    write(&other, &[entry("a.toml")]);
    assert!(entries(&path, &header).is_none(), "another version");
    write(
        &header,
        &[entry("a.toml"), "{\"name\": \"b.toml\", \"sta".to_owned()],
    );
    assert!(entries(&path, &header).is_none(), "cut short");
    std::fs::write(&path, [0u8; 64]).unwrap();
    assert!(entries(&path, &header).is_none(), "zeros after a crash");
}
