//! `hotline-kit bench --batch`: batches of 10, 50 and 200 fictional facilities (the
//! default designs in English and Spanish plus one more language each, as in a state
//! rollout), each run as its own process: cold (empty render cache), then again with
//! nothing changed; and one facility's `build`, cold and unchanged. Prints seconds, peak
//! memory (Linux) and disk. A benchmark: it never fails on speed.

use std::path::{Path, PathBuf};
use std::time::Instant;

use crate::base::diag::{Diagnostic, Diagnostics};

/// The third language of facility `i`: the languages a state rollout meets most.
const EXTRA: &[&str] = &[
    "vi", "zh-Hans", "ko", "tl", "ar", "ru", "ht", "fa", "zh-Hant", "hi", "pt", "fr",
];

/// One run of the program: wall seconds and what it printed.
fn run(exe: &Path, dir: &Path, args: &[&str]) -> Result<(f64, String), Diagnostics> {
    let t = Instant::now();
    let o = std::process::Command::new(exe)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .args(args)
        .output()
        .map_err(|e| Diagnostic::error(format!("cannot run {}: {e}", exe.display())))?;
    let secs = t.elapsed().as_secs_f64();
    let err = String::from_utf8_lossy(&o.stderr).into_owned();
    if !o.status.success() {
        return Err(Diagnostic::error(format!(
            "`hotline-kit {}` failed in the benchmark:\n{err}",
            args.join(" ")
        ))
        .into());
    }
    Ok((secs, err))
}

/// The number after `word` in a line of `text` ("peak memory 310 MB" -> 310).
fn number_after(text: &str, word: &str) -> Option<f64> {
    let at = text.rfind(word)? + word.len();
    text[at..]
        .split(|c: char| !c.is_ascii_digit() && c != '.')
        .find(|s| !s.is_empty())?
        .parse()
        .ok()
}

fn disk(dir: &Path) -> u64 {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return 0;
    };
    entries
        .flatten()
        .map(|e| match e.file_type() {
            Ok(t) if t.is_dir() => disk(&e.path()),
            _ => e.metadata().map_or(0, |m| m.len()),
        })
        .sum()
}

/// Set files' modification times a minute back: inputs written a while ago, as they are
/// when a coordinator runs a batch again (incremental builds trust only settled inputs).
fn settle(paths: &[PathBuf]) {
    let past = std::time::SystemTime::now() - std::time::Duration::from_secs(60);
    for p in paths {
        if let Ok(f) = std::fs::File::options().append(true).open(p) {
            let _ = f.set_modified(past);
        }
    }
}

/// Run the batch benchmark for each count of facilities.
pub fn run_batch(counts: &[usize]) -> Result<(), Diagnostics> {
    let exe = std::env::current_exe()
        .map_err(|e| Diagnostic::error(format!("cannot find this program: {e}")))?;
    let tmp = tempfile::tempdir()
        .map_err(|e| Diagnostic::error(format!("cannot make a temporary folder: {e}")))?;
    let fac = tmp.path().join("fac");
    run(&exe, tmp.path(), &["init", "fac"])?;
    let kit = fac.join("kit.toml");
    settle(std::slice::from_ref(&kit));
    let fresh_cache = || {
        let _ = std::fs::remove_dir_all(fac.join(".hotline-kit"));
    };
    println!("threads: {}", rayon::current_num_threads());
    // One facility's build, cold and unchanged.
    fresh_cache();
    let (cold, _) = run(&exe, &fac, &["build"])?;
    let (warm, _) = run(&exe, &fac, &["build"])?;
    let (again, said) = run(&exe, &fac, &["build"])?;
    println!(
        "single kit `build` ({} files): cold {cold:.2} s; unchanged {warm:.3} s, again {again:.3} s (wall, whole process)",
        number_after(&said, "since the last build: the").unwrap_or(0.0) as u64
    );
    println!(
        "{:>10} {:>9} {:>13} {:>11} {:>9} {:>9} {:>10} {:>9}",
        "facilities",
        "cold s",
        "s / facility",
        "unchanged s",
        "peak MB",
        "drawn",
        "from cache",
        "disk MB"
    );
    for &n in counts {
        let sheet = fac.join(format!("bench-{n}.csv"));
        let mut text = String::from(
            "id,name,languages,stalls,restrooms,sample_windows,exam_rooms,screens\r\n",
        );
        for i in 0..n {
            text.push_str(&format!(
                "f{i:04},Bench Facility {i} (fictional),en es {},{},{},{},{},{}\r\n",
                EXTRA[i % EXTRA.len()],
                4 + i % 9,
                2 + i % 5,
                1 + i % 2,
                8 + i % 20,
                1 + i % 3
            ));
        }
        std::fs::write(&sheet, text)
            .map_err(|e| Diagnostic::error(format!("cannot write {}: {e}", sheet.display())))?;
        settle(std::slice::from_ref(&sheet));
        let out = format!("kits-{n}");
        fresh_cache();
        let sheet_arg = sheet.display().to_string();
        let (cold, said) = run(&exe, &fac, &["batch", &sheet_arg, "--out", &out])?;
        let peak_cold = number_after(&said, "peak memory").unwrap_or(0.0);
        let drawn = number_after(&said, "bad rows;").unwrap_or(0.0);
        let hits = number_after(&said, "drawn,").unwrap_or(0.0);
        let (again, said2) = run(&exe, &fac, &["batch", &sheet_arg, "--out", &out])?;
        let peak = peak_cold.max(number_after(&said2, "peak memory").unwrap_or(0.0));
        println!(
            "{n:>10} {cold:>9.1} {:>13.2} {again:>11.2} {peak:>9.0} {drawn:>9.0} {hits:>10.0} {:>9.0}",
            cold / n as f64,
            disk(&fac.join(&out)) as f64 / 1e6
        );
        let _ = std::fs::remove_dir_all(fac.join(&out));
    }
    Ok(())
}
