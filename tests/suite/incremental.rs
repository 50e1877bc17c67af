//! Incremental builds and the render cache: the output is byte for byte what a build
//! without the cache makes; a second build with nothing changed writes nothing; a
//! changed message redraws only the pieces that show it; a damaged cache entry is found,
//! reported and made again; two builds at once share the cache safely.

use crate::common;

use std::collections::BTreeMap;
use std::path::Path;

use common::hk;

fn walkdir(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            out.extend(walkdir(&p));
        } else {
            out.push(p);
        }
    }
    out
}

/// (modification time, inode) of every file under `dir`.
fn times(dir: &Path) -> BTreeMap<String, (std::time::SystemTime, u64)> {
    use std::os::unix::fs::MetadataExt as _;
    walkdir(dir)
        .into_iter()
        .map(|p| {
            let m = std::fs::metadata(&p).unwrap();
            (
                p.strip_prefix(dir).unwrap().display().to_string(),
                (m.modified().unwrap(), m.ino()),
            )
        })
        .collect()
}

fn build(project: &Path, out: &str, more: &[&str]) -> String {
    let mut args = vec!["build", "--out", out];
    args.extend(more);
    let o = hk(project, &args);
    let err = String::from_utf8_lossy(&o.stderr).into_owned();
    assert!(o.status.success(), "build failed: {err}");
    err
}

/// (drawn, from the cache), from build's "N of M renders drawn".
fn drawn(said: &str) -> (usize, usize) {
    let at = said.find(" renders drawn").expect(said);
    let words: Vec<usize> = said[..at]
        .rsplit(' ')
        .take(3)
        .filter_map(|w| w.parse().ok())
        .collect();
    (words[1], words[0] - words[1])
}

/// Make the project's files older than the time stamps can tell apart, as if edited
/// a while ago (incremental builds trust only settled inputs).
fn settle(dir: &Path) {
    let past = std::time::SystemTime::now() - std::time::Duration::from_secs(60);
    for p in walkdir(dir) {
        let f = std::fs::File::options().append(true).open(&p).unwrap();
        f.set_modified(past).unwrap();
    }
}

#[test]
fn the_cache_changes_no_byte_and_a_second_build_writes_nothing() {
    let t = common::temp_project();
    let p = t.path();
    build(p, "plain", &["--no-cache"]);
    assert!(
        !p.join(".hotline-kit/cache").exists(),
        "--no-cache wrote a cache"
    );
    let cold = build(p, "cold", &[]);
    assert_eq!(drawn(&cold).1, 0, "{cold}");
    assert_eq!(
        common::files_under(&p.join("plain")),
        common::files_under(&p.join("cold"))
    );
    // Another folder: every render from the cache, the same bytes.
    let warm = build(p, "warm", &[]);
    let (n, hits) = drawn(&warm);
    assert_eq!(n, 0, "{warm}");
    assert!(hits >= 8, "{warm}");
    assert_eq!(
        common::files_under(&p.join("plain")),
        common::files_under(&p.join("warm"))
    );

    // Nothing changed: nothing written, every file keeps its time and inode.
    settle(p);
    let before = times(&p.join("warm"));
    let again = build(p, "warm", &[]);
    assert!(again.contains("nothing changed"), "{again}");
    assert_eq!(before, times(&p.join("warm")));
    // Now the stamp is kept: the third build does not even load the project.
    let third = build(p, "warm", &[]);
    assert!(
        third.contains("nothing changed since the last build"),
        "{third}"
    );
    assert_eq!(before, times(&p.join("warm")));
    // A file of the output removed: the build puts it back, from the cache.
    let gone = p.join("warm/poster/en/poster-en.pdf");
    std::fs::remove_file(&gone).unwrap();
    let fixed = build(p, "warm", &[]);
    assert_eq!(drawn(&fixed).0, 0, "{fixed}");
    assert_eq!(
        common::files_under(&p.join("plain")),
        common::files_under(&p.join("warm"))
    );
}

#[test]
fn a_changed_message_redraws_only_the_pieces_that_show_it() {
    let t = common::temp_project();
    let p = t.path();
    build(p, "out", &[]);
    let first = common::files_under(&p.join("out"));
    // A Spanish message some designs show and others do not.
    let project = hotline_kit::products::workspace::load(p).unwrap();
    let designs: Vec<String> = project
        .designs
        .values()
        .filter(|d| !d.on_request)
        .map(|d| d.name.clone())
        .collect();
    let shown: BTreeMap<String, Vec<String>> = designs
        .iter()
        .map(|d| {
            let s = hotline_kit::products::kit::compile(&project, d, "es").unwrap();
            (d.clone(), s.messages)
        })
        .collect();
    let ftl = std::fs::read_to_string(p.join("locales/es.ftl")).unwrap();
    let id = shown
        .values()
        .flatten()
        .find(|m| {
            let n = shown.values().filter(|ms| ms.contains(m)).count();
            n < designs.len() && ftl.lines().any(|l| l.starts_with(&format!("{m} = ")))
        })
        .expect("a message shown by some designs only")
        .clone();
    let users: Vec<&String> = shown
        .iter()
        .filter(|(_, ms)| ms.contains(&id))
        .map(|(d, _)| d)
        .collect();
    let line = ftl
        .lines()
        .find(|l| l.starts_with(&format!("{id} = ")))
        .unwrap()
        .to_string();
    common::edit(p.join("locales/es.ftl"), &line, &format!("{line} (2)"));

    let said = build(p, "out", &[]);
    let second = common::files_under(&p.join("out"));
    let changed: Vec<&String> = second
        .keys()
        .filter(|k| k.as_str() != "manifest.json" && first.get(*k) != second.get(*k))
        .collect();
    assert!(!changed.is_empty());
    for c in &changed {
        assert!(
            c.contains("/es/") && users.iter().any(|d| c.starts_with(&format!("{d}/"))),
            "{c} changed, but only the Spanish pieces of {users:?} show {id}"
        );
    }
    // Each of those pieces drawn again as PDF and PNG, nothing else.
    assert_eq!(drawn(&said).0, users.len() * 2, "{said}");
}

#[test]
fn a_damaged_cache_entry_is_reported_and_made_again() {
    let t = common::temp_project();
    let p = t.path();
    build(p, "a", &["--design", "stall-sticker", "--locale", "en"]);
    let cache = p.join(".hotline-kit/cache");
    let entries: Vec<_> = walkdir(&cache);
    assert_eq!(entries.len(), 2, "PDF and PNG: {entries:?}");
    // One cut short, one with a byte changed in the middle.
    let cut = std::fs::read(&entries[0]).unwrap();
    std::fs::write(&entries[0], &cut[..cut.len() / 2]).unwrap();
    let mut flipped = std::fs::read(&entries[1]).unwrap();
    let mid = flipped.len() / 2;
    flipped[mid] ^= 1;
    std::fs::write(&entries[1], &flipped).unwrap();

    let said = build(p, "b", &["--design", "stall-sticker", "--locale", "en"]);
    assert_eq!(
        said.matches("damaged entry of the render cache").count(),
        2,
        "{said}"
    );
    assert_eq!(drawn(&said), (2, 0), "{said}");
    assert_eq!(
        common::files_under(&p.join("a")),
        common::files_under(&p.join("b"))
    );
    // Made again, sound: the next build takes both from the cache.
    let again = build(p, "c", &["--design", "stall-sticker", "--locale", "en"]);
    assert_eq!(drawn(&again), (0, 2), "{again}");
    assert_eq!(
        common::files_under(&p.join("a")),
        common::files_under(&p.join("c"))
    );
}

#[test]
fn two_builds_at_once_share_the_cache_safely() {
    let t = common::temp_project();
    let p = t.path();
    build(p, "plain", &["--no-cache"]);
    let runs: Vec<_> = ["x", "y", "z"]
        .iter()
        .map(|out| common::spawn_hk(p, &["build", "--out", out]))
        .collect();
    for r in runs {
        let o = r.wait_with_output().unwrap();
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        assert!(!String::from_utf8_lossy(&o.stderr).contains("damaged"));
    }
    let plain = common::files_under(&p.join("plain"));
    for out in ["x", "y", "z"] {
        assert_eq!(plain, common::files_under(&p.join(out)), "{out}");
    }
    // No temporary file left, every entry sound.
    let again = build(p, "w", &[]);
    assert_eq!(drawn(&again).0, 0, "{again}");
    assert!(
        walkdir(&p.join(".hotline-kit/cache")).iter().all(|e| !e
            .file_name()
            .unwrap()
            .to_string_lossy()
            .starts_with(".tmp"))
    );
}
