//! End-to-end benchmark of the binary, run with `cargo bench --bench cli`.
//!
//! Measures, side by side in one run, and prints medians and ratios:
//! 1. a scripted `assess` (`--no-save --format json`) against a process that
//!    only starts and exits;
//! 2. `history`, `cohort`, `cohort --items`, `norms` and `diff latest` over
//!    10,000 and 100,000 generated reports against `cat` of the same files,
//!    with peak memory: first `history` without the summary cache (every
//!    file parsed), then each command as it runs day to day, with the cache
//!    built;
//! 3. how the time of each grows from the smaller size to the larger.
//!
//! `LEADGAP_BENCH_SIZES=1000,10000` (comma-separated) changes the sizes,
//! `LEADGAP_BENCH_RUNS=5` the runs per measurement.

#![allow(
    unsafe_code,
    reason = "wait4 is the only way to read a child's peak memory"
)]
#![allow(clippy::print_stdout, reason = "a benchmark prints its results")]

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_leadgap");

/// Wall time and peak resident memory of one run of `command`.
fn run_once(command: &mut Command) -> (Duration, u64) {
    let start = Instant::now();
    let child = command
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn");
    let pid = child.id() as libc::pid_t;
    let mut status = 0;
    // SAFETY: wait4 on our own child, with valid pointers to locals.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let waited = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    let elapsed = start.elapsed();
    assert_eq!(waited, pid, "wait4");
    assert!(
        libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0,
        "{command:?} failed"
    );
    std::mem::forget(child);
    (elapsed, usage.ru_maxrss as u64)
}

/// Median wall time and the largest peak memory (KiB) over `runs` runs,
/// after one warm-up run.
fn measure(runs: usize, make: impl Fn() -> Command) -> (Duration, u64) {
    measure_after(runs, || {}, make)
}

/// As [`measure`], calling `before` ahead of every run.
fn measure_after(runs: usize, before: impl Fn(), make: impl Fn() -> Command) -> (Duration, u64) {
    before();
    run_once(&mut make());
    let mut times = Vec::with_capacity(runs);
    let mut peak = 0;
    for _ in 0..runs {
        before();
        let (time, memory) = run_once(&mut make());
        times.push(time);
        peak = peak.max(memory);
    }
    times.sort();
    (times[times.len() / 2], peak)
}

/// `a` and `b` run alternately `runs` times each (after one warm-up of
/// each), so that both meet the same state of the machine: their medians,
/// and the median of the ratios b/a of each pair.
fn interleaved(
    runs: usize,
    a: impl Fn() -> Command,
    b: impl Fn() -> Command,
) -> (Duration, Duration, f64) {
    run_once(&mut a());
    run_once(&mut b());
    let (mut first, mut second, mut ratios) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..runs {
        let (x, _) = run_once(&mut a());
        let (y, _) = run_once(&mut b());
        ratios.push(y.as_secs_f64() / x.as_secs_f64());
        first.push(x);
        second.push(y);
    }
    first.sort();
    second.sort();
    ratios.sort_by(f64::total_cmp);
    (first[runs / 2], second[runs / 2], ratios[ratios.len() / 2])
}

/// The machine, as BENCHMARKS.md records it with every figure.
fn machine() -> String {
    let cores = std::thread::available_parallelism().map_or(0, std::num::NonZero::get);
    let kernel = std::fs::read_to_string("/proc/sys/kernel/osrelease").unwrap_or_default();
    format!("{cores} cores (nproc), Linux {}", kernel.trim())
}

fn ms(duration: Duration) -> f64 {
    duration.as_secs_f64() * 1000.0
}

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// `count` reports of 100 people in `dir/reports`, made from the two example
/// self-assessments with the id, time and respondent varied (every one a
/// valid report: the scores are left as they are).
fn generate(dir: &Path, count: usize) -> Vec<PathBuf> {
    let examples = ["sam-2026-06.toml", "sam-2026-09.toml"].map(|name| {
        let text =
            std::fs::read_to_string(repo().join("examples/reports").join(name)).expect("example");
        let id = if name.contains("06") {
            "2026-06-01T09"
        } else {
            "2026-09-01T09"
        };
        (text, id)
    });
    let reports = dir.join("reports");
    std::fs::create_dir_all(&reports).expect("folder");
    // The data directory is Person 0's, so that `latest` is theirs.
    std::fs::write(dir.join("me.toml"), "schema = 1\nname = \"Person 0\"\n").expect("me.toml");
    let mut paths = Vec::with_capacity(count);
    for n in 0..count {
        // A day per hundred reports, in 28-day months; a minute per report.
        let day = n / 100;
        let (year, rest) = (2000 + day / 336, day % 336);
        let created = format!(
            "{year}-{:02}-{:02}T{:02}:{:02}:00Z",
            rest / 28 + 1,
            rest % 28 + 1,
            n % 100 / 60,
            n % 60
        );
        let id = created.replace(':', "-");
        let (template, from) = &examples[n % 2];
        let text = template
            .replace(&format!("{from}-00-00Z"), &id)
            .replace(&format!("{from}:00:00Z"), &created)
            .replace("Sam Hero", &format!("Person {}", n % 100));
        let path = reports.join(format!("{id}.toml"));
        std::fs::write(&path, text).expect("write");
        paths.push(path);
    }
    paths
}

fn main() {
    let runs: usize = std::env::var("LEADGAP_BENCH_RUNS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(5);
    let sizes: Vec<usize> = std::env::var("LEADGAP_BENCH_SIZES")
        .ok()
        .map(|s| s.split(',').filter_map(|n| n.trim().parse().ok()).collect())
        .unwrap_or_else(|| vec![10_000, 100_000]);

    println!(
        "leadgap {} · medians of {runs} runs · {}",
        env!("CARGO_PKG_VERSION"),
        machine()
    );
    println!();
    let answers = repo().join("examples/balanced.toml");
    let (start_only, _) = measure(runs * 4, || Command::new("true"));
    let (version, _) = measure(runs * 4, || {
        let mut c = Command::new(BIN);
        c.arg("--version");
        c
    });
    let (assess, assess_memory) = measure(runs * 4, || {
        let mut c = Command::new(BIN);
        c.args(["assess", "--no-save", "--format", "json", "--answers"])
            .arg(&answers)
            .env("LEADGAP_DATA_DIR", "/nonexistent");
        c
    });
    println!("1. scripted assess (--no-save --format json) against starting a process");
    println!("   true                       {:8.2} ms", ms(start_only));
    println!("   leadgap --version          {:8.2} ms", ms(version));
    println!(
        "   leadgap assess             {:8.2} ms   {:.2}× true, {:.2}× --version, peak {} KiB",
        ms(assess),
        assess.as_secs_f64() / start_only.as_secs_f64(),
        assess.as_secs_f64() / version.as_secs_f64(),
        assess_memory
    );

    let mut times: Vec<(usize, Vec<(&str, Duration)>)> = Vec::new();
    for &size in &sizes {
        let dir = tempfile::tempdir().expect("temporary folder");
        let paths = generate(dir.path(), size);
        let reports = dir.path().join("reports");
        println!();
        println!("2. {size} reports against cat of the same files (find -exec cat)");
        // `cat` of every file, as many to a process as the system allows
        // (100,000 names are too many for one).
        let (cat, _) = measure(runs, || {
            let mut c = Command::new("find");
            c.arg(&reports)
                .args(["-name", "*.toml", "-exec", "cat", "{}", "+"]);
            c
        });
        drop(paths);
        println!("   cat                        {:8.2} ms", ms(cat));
        let leadgap = |args: &[&str]| {
            let args: Vec<String> = args.iter().map(|a| (*a).to_owned()).collect();
            let data = dir.path().to_path_buf();
            move || {
                let mut c = Command::new(BIN);
                c.args(&args)
                    .env("LEADGAP_DATA_DIR", &data)
                    .env("LEADGAP_NOW", "2030-01-01T00:00:00Z");
                c
            }
        };
        let reports = reports.to_string_lossy().into_owned();
        let cache = dir.path().join("cache");
        let drop_cache = || {
            let _ = std::fs::remove_dir_all(&cache);
        };
        // Files are cached once they are two seconds old.
        std::thread::sleep(Duration::from_millis(2_100));
        let row = |name: &'static str, (time, memory): (Duration, u64), these: &mut Vec<_>| {
            println!(
                "   {name:<26} {:8.2} ms   {:5.2}× cat, peak {:.1} MiB",
                ms(time),
                time.as_secs_f64() / cat.as_secs_f64(),
                memory as f64 / 1024.0
            );
            these.push((name, time));
        };
        // The ratio that matters most, measured in one run with `cat`
        // interleaved, the page cache warm: `history` as it runs day to
        // day, the cache built.
        let cat_command = || {
            let mut c = Command::new("find");
            c.arg(&reports)
                .args(["-name", "*.toml", "-exec", "cat", "{}", "+"])
                .stdout(Stdio::null());
            c
        };
        let _ = leadgap(&["history"])().stdout(Stdio::null()).status();
        let (cat_time, history_time, ratio) = interleaved(runs, cat_command, leadgap(&["history"]));
        println!(
            "   interleaved: cat {:.2} ms, history {:.2} ms, median ratio {ratio:.2}×",
            ms(cat_time),
            ms(history_time)
        );
        let mut these = Vec::new();
        row(
            "history, no cache yet",
            measure_after(runs, drop_cache, leadgap(&["history"])),
            &mut these,
        );
        let norms = dir.path().join("cohort.norms.toml");
        let norms = norms.to_string_lossy().into_owned();
        for (name, args) in [
            ("history", vec!["history"]),
            ("history --format json", vec!["history", "--format", "json"]),
            ("cohort", vec!["cohort", reports.as_str()]),
            (
                "cohort --items",
                vec!["cohort", "--items", reports.as_str()],
            ),
            (
                "norms",
                vec!["norms", reports.as_str(), "-o", norms.as_str()],
            ),
            ("diff latest", vec!["diff", "latest"]),
        ] {
            row(name, measure(runs, leadgap(&args)), &mut these);
        }
        times.push((size, these));
    }
    if let [(small, first), (large, second)] = times.as_slice() {
        println!();
        println!("3. time at {large} reports against time at {small}");
        for ((name, a), (_, b)) in first.iter().zip(second) {
            println!("   {name:<26} {:5.2}×", b.as_secs_f64() / a.as_secs_f64());
        }
    }
}
