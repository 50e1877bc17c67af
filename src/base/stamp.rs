//! What a folder of inputs looks like, cheaply: every file's path, size, modification
//! time and inode (no content is read), and where each symbolic link leads. Incremental
//! builds compare this to what it was at the last build: any difference, even a file
//! touched without a change, means the build is done again (its renders then come from
//! the cache).
//!
//! File times are coarse (a few milliseconds on Linux), so a file rewritten with the
//! same size within that time can look unchanged: [`settled`] tells whether every input
//! is old enough, and a stamp is only trusted when that is older than
//! [`SETTLED`].

/// How old the newest input must be for its time to tell a change (as git does for
/// its index).
pub const SETTLED: std::time::Duration = std::time::Duration::from_secs(2);

/// Whether every input file's modification time is at least [`SETTLED`] in the past
/// (folders are identified by their entries, not their times).
pub fn settled(root: &Path, idents: &[Ident]) -> bool {
    let now = std::time::SystemTime::now();
    idents
        .iter()
        .all(|(rel, _)| match std::fs::metadata(root.join(rel)) {
            Ok(m) if m.is_dir() => true,
            Ok(m) => m
                .modified()
                .is_ok_and(|t| now.duration_since(t).is_ok_and(|d| d >= SETTLED)),
            Err(_) => true,
        })
}

use std::path::Path;

/// One file or link as found: `(relative path, identity)`.
pub type Ident = (String, String);

/// The identity of every file and link under `paths` (relative to `root`), sorted.
/// A path that does not exist is listed as missing, so creating it is a change.
pub fn tree(root: &Path, paths: &[&str]) -> Vec<Ident> {
    let mut out = Vec::new();
    for p in paths {
        walk(root, p, &mut out, 0);
    }
    out.sort();
    out
}

/// The identity of one file (a file outside the project given on the command line:
/// `--kit`, a sheet).
pub fn file(path: &Path) -> String {
    match std::fs::symlink_metadata(path) {
        Ok(m) => ident(path, &m),
        Err(_) => "missing".into(),
    }
}

fn walk(root: &Path, rel: &str, out: &mut Vec<Ident>, depth: usize) {
    let path = root.join(rel);
    let Ok(m) = std::fs::symlink_metadata(&path) else {
        out.push((rel.to_string(), "missing".into()));
        return;
    };
    if m.is_dir() && depth < 16 {
        let Ok(entries) = std::fs::read_dir(&path) else {
            out.push((rel.to_string(), "unreadable folder".into()));
            return;
        };
        let mut names: Vec<String> = entries
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        out.push((rel.to_string(), format!("folder {}", names.len())));
        for n in names {
            walk(root, &format!("{rel}/{n}"), out, depth + 1);
        }
    } else {
        out.push((rel.to_string(), ident(&path, &m)));
    }
}

fn ident(path: &Path, m: &std::fs::Metadata) -> String {
    let when = m
        .modified()
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_nanos());
    #[cfg(unix)]
    let ino = {
        use std::os::unix::fs::MetadataExt as _;
        format!(
            "{}:{}:{}",
            m.dev(),
            m.ino(),
            m.ctime_nsec() + m.ctime() * 1_000_000_000
        )
    };
    #[cfg(not(unix))]
    let ino = String::new();
    if m.file_type().is_symlink() {
        let to = std::fs::read_link(path).unwrap_or_default();
        format!("link {} {}", to.display(), file_behind(path))
    } else {
        format!("{} {when} {ino}", m.len())
    }
}

/// A link's target as the build would read it.
fn file_behind(path: &Path) -> String {
    match std::fs::metadata(path) {
        Ok(m) if m.is_file() => ident(path, &m),
        Ok(_) => "folder".into(),
        Err(_) => "broken".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_change_a_new_file_or_a_removed_file_changes_the_tree() {
        let t = tempfile::tempdir().unwrap();
        std::fs::create_dir(t.path().join("designs")).unwrap();
        std::fs::write(t.path().join("designs/a.toml"), "a").unwrap();
        let first = tree(t.path(), &["designs", "kit.toml"]);
        assert_eq!(first, tree(t.path(), &["designs", "kit.toml"]));
        std::fs::write(t.path().join("kit.toml"), "").unwrap();
        let second = tree(t.path(), &["designs", "kit.toml"]);
        assert_ne!(first, second);
        std::fs::write(t.path().join("designs/a.toml"), "bb").unwrap();
        let third = tree(t.path(), &["designs", "kit.toml"]);
        assert_ne!(second, third);
        std::fs::remove_file(t.path().join("designs/a.toml")).unwrap();
        assert_ne!(third, tree(t.path(), &["designs", "kit.toml"]));
    }
}
