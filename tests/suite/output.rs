//! The output folder is always consistent: after an error, a write failure, SIGKILL at
//! any moment or two builds at once, it holds the earlier build exactly or the new build
//! complete, and no temporary file outlives the next run.

use crate::common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use sha2::Digest;

/// Files under a folder with their content.
fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    fn walk(d: &Path, base: &Path, v: &mut BTreeMap<String, Vec<u8>>) {
        let Ok(entries) = std::fs::read_dir(d) else {
            return;
        };
        for e in entries {
            let p = e.unwrap().path();
            if p.is_dir() {
                walk(&p, base, v);
            } else {
                let rel = p.strip_prefix(base).unwrap().to_string_lossy().into_owned();
                v.insert(rel, std::fs::read(&p).unwrap());
            }
        }
    }
    let mut v = BTreeMap::new();
    walk(dir, dir, &mut v);
    v
}

/// Every file the manifest lists exists with its hash, and nothing else is there.
fn assert_consistent(out: &Path) {
    let files = snapshot(out);
    let manifest: serde_json::Value = serde_json::from_slice(
        files
            .get("manifest.json")
            .unwrap_or_else(|| panic!("{} has no manifest: {:?}", out.display(), files.keys())),
    )
    .unwrap();
    let mut listed = vec!["manifest.json".to_string()];
    for e in manifest.as_array().unwrap() {
        let path = e["path"].as_str().unwrap();
        let bytes = files
            .get(path)
            .unwrap_or_else(|| panic!("{path} is in the manifest but missing"));
        let hex: String = sha2::Sha256::digest(bytes)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        assert_eq!(e["sha256"].as_str().unwrap(), hex, "{path}");
        listed.push(path.to_string());
    }
    listed.sort();
    let present: Vec<String> = files.keys().cloned().collect();
    assert_eq!(present, listed, "files outside the manifest");
}

/// Names of hotline-kit's temporary files and folders in `dir` and below.
fn leftovers(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).into_iter().flatten().flatten() {
            let p = e.path();
            if e.file_name().to_string_lossy().contains(".hotline-kit-") {
                found.push(p.clone());
            }
            if p.is_dir() {
                stack.push(p);
            }
        }
    }
    found
}

fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_hotline-kit"));
    c.env("HOTLINE_KIT_TODAY", "2026-11-28")
        .env("NO_COLOR", "1");
    c
}

fn build(project: &Path, out: &str, args: &[&str]) -> std::process::Output {
    bin()
        .arg("--project")
        .arg(project)
        .current_dir(project)
        .args(["build", "--out", out])
        .args(args)
        .output()
        .unwrap()
}

fn stderr(o: &std::process::Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Two selections that make different folders, many files each.
const A: &[&str] = &[
    "--design",
    "stall-sticker",
    "--design",
    "wallet-card",
    "--locale",
    "all",
    "--format",
    "pdf",
    "--format",
    "png",
    "--format",
    "svg",
];
const B: &[&str] = &[
    "--design",
    "wallet-card",
    "--locale",
    "all",
    "--format",
    "png",
    "--format",
    "svg",
];

#[test]
fn a_kill_at_any_moment_leaves_the_earlier_build_or_the_new_one() {
    let t = common::temp_project_all_fonts();
    let p = t.path();
    let mut refs = Vec::new();
    for (name, sel) in [("ref-a", A), ("ref-b", B)] {
        let o = build(p, name, sel);
        assert!(o.status.success(), "{}", stderr(&o));
        refs.push(snapshot(&p.join(name)));
    }
    let o = build(p, "out", A);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = p.join("out");
    let mut current = snapshot(&out);
    let (mut mid_write, mut completed, mut restored) = (0, 0, 0);
    for i in 0..32u64 {
        let target = (i % 2) as usize; // A, B, A, B...: each run changes the folder
        let sel = if target == 0 { A } else { B };
        let mut cmd = bin();
        cmd.arg("--project")
            .arg(p)
            .current_dir(p)
            .args(["build", "--out", "out"])
            .args(sel)
            .stdout(Stdio::null())
            .stderr(Stdio::null());
        // Half the runs swap folders by renaming the old one aside (the fallback).
        if i % 4 >= 2 {
            cmd.env("HOTLINE_KIT_NO_RENAME_EXCHANGE", "1");
        }
        let started = Instant::now();
        let mut child = cmd.spawn().unwrap();
        let staging = p.join(format!(".out.hotline-kit-staging-{}", child.id()));
        if i % 8 == 7 {
            // Early: while the pieces are still being made in memory.
            std::thread::sleep(Duration::from_millis(20 * i));
        } else {
            // Wait until the child starts writing, then let it write a while.
            while !staging.exists()
                && started.elapsed() < Duration::from_secs(60)
                && child.try_wait().unwrap().is_none()
            {
                std::thread::sleep(Duration::from_micros(200));
            }
            std::thread::sleep(Duration::from_millis((i * 7) % 45));
        }
        let killed_mid_write = child.try_wait().unwrap().is_none() && staging.exists();
        let _ = child.kill();
        let status = child.wait().unwrap();
        if killed_mid_write {
            mid_write += 1;
        }
        if status.success() {
            completed += 1;
        }
        // The folder is the earlier build or the new one, complete.
        assert_consistent(&out);
        let now = snapshot(&out);
        assert!(
            now == current || now == refs[target],
            "run {i}: the folder is neither the earlier build nor the new one"
        );
        if now == current && now != refs[target] {
            restored += 1;
        }
        current = now;
    }
    assert!(
        mid_write >= 5,
        "only {mid_write} kills landed while writing"
    );
    eprintln!(
        "{mid_write} kills while writing, {completed} completed, {restored} kept the earlier build"
    );
    // The next run removes what the killed ones left.
    let o = build(p, "out", B);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(snapshot(&out), refs[1]);
    assert_eq!(leftovers(p), Vec::<PathBuf>::new());
}

#[test]
fn a_write_failure_in_the_middle_changes_nothing() {
    let t = common::temp_project();
    let p = t.path();
    let args = [
        "--design",
        "wallet-card",
        "--format",
        "pdf",
        "--format",
        "png",
        "--format",
        "svg",
    ];
    let o = build(p, "out", &args[..2]);
    assert!(o.status.success(), "{}", stderr(&o));
    let good = snapshot(&p.join("out"));
    // A real failure that stops root too: files may not grow past 20 KiB (as on a full
    // disk), so the small files (the PDFs, about 14 KB) are written and the first large
    // one (a PNG or SVG, 24 KB and up) fails.
    let o = Command::new("sh")
        .arg("-c")
        .arg("trap '' XFSZ; ulimit -f 40; exec \"$0\" \"$@\"")
        .arg(env!("CARGO_BIN_EXE_hotline-kit"))
        .arg("--project")
        .arg(p)
        .current_dir(p)
        .env("HOTLINE_KIT_TODAY", "2026-11-28")
        .args(["build", "--out", "out"])
        .args(args)
        .output()
        .unwrap();
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(
        err.contains("cannot write out/") && err.contains("too large"),
        "{err}"
    );
    assert!(err.contains("nothing in out was changed"), "{err}");
    assert_eq!(snapshot(&p.join("out")), good);
    assert_eq!(leftovers(p), Vec::<PathBuf>::new());
    // Without the limit the same build goes through.
    let o = build(p, "out", &args);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_consistent(&p.join("out"));
}

#[test]
fn a_second_build_into_the_same_folder_waits_for_the_first() {
    let t = common::temp_project();
    let p = t.path();
    // Hold the lock the way a running build does, and start a build.
    let lock = std::fs::File::open(p).unwrap();
    lock.lock().unwrap();
    let log = p.join("build.log");
    let mut child = bin()
        .arg("--project")
        .arg(p)
        .current_dir(p)
        .args(["build", "--out", "out", "--design", "wallet-card"])
        .stderr(std::fs::File::create(&log).unwrap())
        .spawn()
        .unwrap();
    let start = Instant::now();
    while !std::fs::read_to_string(&log).unwrap().contains("waiting") {
        assert!(
            child.try_wait().unwrap().is_none(),
            "did not wait: {}",
            std::fs::read_to_string(&log).unwrap()
        );
        assert!(
            start.elapsed() < Duration::from_secs(60),
            "no waiting message"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    std::thread::sleep(Duration::from_millis(200));
    assert!(
        !p.join("out").exists(),
        "wrote while another build held the folder"
    );
    drop(lock);
    assert!(child.wait().unwrap().success());
    assert_consistent(&p.join("out"));

    // Two real builds at once: one wins whole, nothing interleaves.
    let sels: [&[&str]; 2] = [&["--design", "wallet-card"], &["--design", "stall-sticker"]];
    let children: Vec<_> = sels
        .iter()
        .map(|s| {
            bin()
                .arg("--project")
                .arg(p)
                .current_dir(p)
                .args(["build", "--out", "both"])
                .args(*s)
                .stderr(Stdio::null())
                .spawn()
                .unwrap()
        })
        .collect();
    for mut c in children {
        assert!(c.wait().unwrap().success());
    }
    assert_consistent(&p.join("both"));
    let designs: std::collections::BTreeSet<String> = snapshot(&p.join("both"))
        .keys()
        .filter_map(|k| {
            k.split('/')
                .next()
                .filter(|_| k.contains('/'))
                .map(str::to_string)
        })
        .collect();
    assert_eq!(designs.len(), 1, "{designs:?}");
    assert_eq!(leftovers(p), Vec::<PathBuf>::new());
}

#[test]
fn files_hotline_kit_did_not_write_are_never_deleted() {
    let t = common::temp_project();
    let p = t.path();
    // A folder of someone's documents is refused, untouched.
    std::fs::create_dir(p.join("docs")).unwrap();
    std::fs::write(p.join("docs/letter.txt"), b"dear").unwrap();
    let o = build(p, "docs", &["--design", "wallet-card"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("did not write") && stderr(&o).contains("letter.txt"),
        "{}",
        stderr(&o)
    );
    assert_eq!(snapshot(&p.join("docs")).len(), 1);
    // A file the user adds beside a build is kept by the next build; files of the
    // earlier build that the new one does not make are removed, with a note.
    let o = build(
        p,
        "out",
        &["--design", "wallet-card", "--design", "stall-sticker"],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    std::fs::write(p.join("out/notes.txt"), b"posted 3 in the ER").unwrap();
    std::fs::write(p.join("out/wallet-card/mine.txt"), b"mine").unwrap();
    let o = build(p, "out", &["--design", "wallet-card"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("were removed") && stderr(&o).contains("kept 2 files"),
        "{}",
        stderr(&o)
    );
    let s = snapshot(&p.join("out"));
    assert_eq!(s["notes.txt"], b"posted 3 in the ER");
    assert_eq!(s["wallet-card/mine.txt"], b"mine");
    assert!(!s.keys().any(|k| k.starts_with("stall-sticker")));
    assert!(
        !p.join("out/stall-sticker").exists(),
        "empty folders of the earlier build"
    );
    // --out at a file says it is a file.
    std::fs::write(p.join("afile"), b"x").unwrap();
    let o = build(p, "afile", &["--design", "wallet-card"]);
    assert!(
        stderr(&o).contains("afile is a file, not a folder"),
        "{}",
        stderr(&o)
    );
    assert!(
        !stderr(&o).contains("made wallet-card"),
        "built before checking --out"
    );
}

#[test]
fn proof_is_written_whole_with_a_manifest() {
    let t = common::temp_project();
    let p = t.path();
    let args = [
        "proof",
        "--out",
        "proof",
        "--design",
        "wallet-card",
        "--locale",
        "en",
    ];
    let o = bin()
        .arg("--project")
        .arg(p)
        .current_dir(p)
        .args(args)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    assert_consistent(&p.join("proof"));
    let first = snapshot(&p.join("proof"));
    let o = bin()
        .arg("--project")
        .arg(p)
        .current_dir(p)
        .args(args)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(snapshot(&p.join("proof")), first);
    assert_eq!(leftovers(p), Vec::<PathBuf>::new());
}

#[test]
fn a_single_file_temporary_of_a_killed_run_is_removed() {
    let t = common::temp_project();
    let p = t.path();
    // A temporary named for a process that is gone (pid 0x7ffffffe is never used).
    let stale = p.join(".hotline-kit-tmp-2147483646-abc123");
    std::fs::write(&stale, b"half a file").unwrap();
    let o = bin()
        .arg("--project")
        .arg(p)
        .current_dir(p)
        .args(["render", "wallet-card", "-o", "card.pdf"])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(!stale.exists());
    assert_eq!(leftovers(p), Vec::<PathBuf>::new());
}
