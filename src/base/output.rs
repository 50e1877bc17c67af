//! Output folders written as a whole (`build`, `proof`).
//!
//! A folder is never written in place. Every file goes into a staging folder beside it
//! (`.NAME.hotline-kit-staging-PID`), the manifest last; then the staging folder and the
//! output folder swap names in one step (Linux `renameat2(RENAME_EXCHANGE)`; elsewhere,
//! or on file systems without it, the old folder is renamed aside first and restored on
//! the next run if the process died in between). Whatever happens (an error, a full
//! disk, SIGKILL, a power cut after the swap), the output folder is the earlier build
//! exactly or the new build complete.
//!
//! Writers into one parent folder take turns: each holds an exclusive lock on the
//! parent folder while it writes, so a second build waits. Left-overs of runs that were
//! killed (staging and aside folders) are removed by the next run, under the lock.
//!
//! A folder that holds files hotline-kit did not write (no manifest) is refused. Files a
//! user added to an output folder beside a manifest (notes, `.DS_Store`) are carried over
//! into the new folder; files of the earlier build that this build does not make are
//! removed, so the folder always matches its manifest.

use std::collections::BTreeSet;
use std::fs::File;
use std::io::{self, Write as _};
use std::path::{Component, Path, PathBuf};

use rayon::prelude::*;

use crate::base::diag::{Diagnostic, Diagnostics};

/// The manifest file of an output folder; its presence says hotline-kit wrote the folder.
pub const MANIFEST: &str = "manifest.json";

/// Marks hotline-kit's temporary names (staging, aside, temporary files).
pub const TEMP_MARK: &str = ".hotline-kit-";

/// An output folder, resolved: its real parent folder and its name.
#[derive(Debug, Clone)]
pub struct OutDir {
    /// The path as the user gave it (for messages).
    pub shown: PathBuf,
    parent: PathBuf,
    name: String,
    /// Swap with an atomic exchange where the system has one (else rename aside).
    exchange: bool,
}

/// What [`publish`] did besides writing the new files.
#[derive(Debug, Default, Clone)]
pub struct Published {
    /// Files of the earlier build that this one does not make (removed).
    pub dropped: Vec<String>,
    /// Files the user had added, carried over into the new folder.
    pub kept: Vec<String>,
    /// Files that were already there with the same bytes: kept as they were (the same
    /// file, so its modification time too), not written again.
    pub unchanged: usize,
    /// Nothing at all differed: the folder was left untouched.
    pub untouched: bool,
}

impl OutDir {
    /// Resolve `out`: symbolic links and `..` in the existing part are resolved, so
    /// every spelling of a folder locks and swaps the same folder. Says so if `out` is a
    /// file or cannot be a folder.
    pub fn new(out: &Path) -> Result<Self, Diagnostic> {
        let fail = |why: String| {
            Diagnostic::error(format!("cannot write to {}: {why}", out.display()))
                .hint("choose an output folder you can write to with --out")
        };
        let abs = real_path(out).map_err(|e| fail(e.to_string()))?;
        if abs.is_file() {
            return Err(Diagnostic::error(format!(
                "--out {} is a file, not a folder",
                out.display()
            ))
            .hint("--out names the folder to write into; choose a folder (it is made if it does not exist)"));
        }
        // A parent that exists but is not a folder (`afile/sub`).
        let mut a = abs.parent();
        while let Some(p) = a {
            if p.exists() {
                if !p.is_dir() {
                    return Err(fail(format!("{} is a file, not a folder", p.display())));
                }
                break;
            }
            a = p.parent();
        }
        let (Some(parent), Some(name)) = (abs.parent(), abs.file_name()) else {
            return Err(fail("it is not a folder that can be replaced".into()));
        };
        Ok(Self {
            shown: out.to_path_buf(),
            parent: parent.to_path_buf(),
            name: name.to_string_lossy().into_owned(),
            exchange: std::env::var_os(NO_EXCHANGE).is_none(),
        })
    }

    /// The real path of the output folder.
    pub fn path(&self) -> PathBuf {
        self.parent.join(&self.name)
    }

    fn temp(&self, kind: &str) -> PathBuf {
        self.parent.join(format!(
            ".{}{}{kind}-{}",
            self.name,
            TEMP_MARK,
            std::process::id()
        ))
    }

    /// Whether a name in the parent folder is one of our left-overs for this folder:
    /// `staging` or `aside`.
    fn leftover(&self, file_name: &str) -> Option<&'static str> {
        let rest = file_name.strip_prefix(&format!(".{}{}", self.name, TEMP_MARK))?;
        ["staging", "aside"]
            .into_iter()
            .find(|k| rest.strip_prefix(k).is_some_and(|r| r.starts_with('-')))
    }

    /// Refuse a folder hotline-kit did not write; cheap, so commands call it before
    /// making anything (and [`publish`] again under the lock).
    pub fn preflight(&self) -> Result<(), Diagnostic> {
        self.existing().map(|_| ())
    }

    /// The files of the existing folder: `None` when there is none (or it is empty),
    /// else the manifest's paths.
    fn existing(&self) -> Result<Option<BTreeSet<String>>, Diagnostic> {
        let out = self.path();
        let Ok(entries) = std::fs::read_dir(&out) else {
            return Ok(None);
        };
        let mut names: Vec<String> = entries
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| !n.starts_with(TEMP_MARK))
            .collect();
        if names.is_empty() {
            return Ok(None);
        }
        names.sort();
        match read_manifest(&out.join(MANIFEST)) {
            Some(paths) => Ok(Some(paths)),
            None => {
                let shown: Vec<&str> = names.iter().take(5).map(String::as_str).collect();
                let more = if names.len() > 5 { ", ..." } else { "" };
                Err(Diagnostic::error(format!(
                    "{} already holds files that hotline-kit did not write ({}{more}), and no {MANIFEST} of an earlier build",
                    self.shown.display(),
                    shown.join(", ")
                ))
                .hint("hotline-kit replaces its output folder as a whole; choose an empty or new folder with --out (e.g. --out hotline-kit-out)"))
            }
        }
    }

    /// Remove left-overs of killed runs, restoring an earlier build that was moved aside
    /// and not replaced. Call under the lock.
    fn recover(&self) -> io::Result<()> {
        let out = self.path();
        let mut asides = Vec::new();
        let mut staging = Vec::new();
        for e in std::fs::read_dir(&self.parent)?.flatten() {
            let n = e.file_name().to_string_lossy().into_owned();
            if let Some(kind) = self.leftover(&n) {
                if kind == "aside" {
                    asides.push(e.path());
                } else {
                    staging.push(e.path());
                }
            }
        }
        if std::fs::symlink_metadata(&out).is_err()
            && let Some(a) = asides.pop()
        {
            std::fs::rename(&a, &out)?;
        }
        for p in asides.into_iter().chain(staging) {
            remove_any(&p)?;
        }
        Ok(())
    }
}

/// The first of the folders `rel` names under `root` (`/`-separated, e.g.
/// `.hotline-kit/cache`) that exists and is not a real folder (a file, or a symbolic
/// link that could lead writes out of `root`); `None` when each is a folder or missing.
pub fn not_a_folder(root: &Path, rel: &str) -> Option<PathBuf> {
    let mut p = root.to_path_buf();
    rel.split('/').find_map(|part| {
        p.push(part);
        match std::fs::symlink_metadata(&p) {
            Ok(m) if !m.is_dir() => Some(p.clone()),
            _ => None,
        }
    })
}

/// `path` made absolute and real: component by component, each existing one resolved
/// (symbolic links followed), `.` dropped and `..` taking off the real folder above, so
/// `out/../../x` and `link/x` mean where they lead.
pub fn real_path(path: &Path) -> io::Result<PathBuf> {
    let abs = std::path::absolute(path)?;
    let mut real = PathBuf::new();
    for c in abs.components() {
        match c {
            Component::Prefix(_) | Component::RootDir => real.push(c),
            Component::CurDir => {}
            Component::ParentDir => {
                real.pop();
            }
            Component::Normal(n) => {
                real.push(n);
                if std::fs::symlink_metadata(&real).is_ok() {
                    real = std::fs::canonicalize(&real)?;
                }
            }
        }
    }
    Ok(real)
}

/// The paths listed in a hotline-kit manifest, or `None` if the file is missing or is
/// not one.
fn read_manifest(path: &Path) -> Option<BTreeSet<String>> {
    let bytes = std::fs::read(path).ok()?;
    let v: serde_json::Value = serde_json::from_slice(&bytes).ok()?;
    v.as_array()?
        .iter()
        .map(|e| e.get("path")?.as_str().map(str::to_string))
        .collect()
}

fn remove_any(p: &Path) -> io::Result<()> {
    match std::fs::symlink_metadata(p) {
        Ok(m) if m.is_dir() => std::fs::remove_dir_all(p),
        Ok(_) => std::fs::remove_file(p),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(e),
    }
}

/// An exclusive lock on a folder, held until dropped; waits (saying so) while another
/// hotline-kit holds it.
pub struct Lock(#[allow(dead_code)] File);

impl Lock {
    /// Lock `dir` (which must exist).
    pub fn folder(dir: &Path, what: &Path) -> io::Result<Self> {
        let f = File::open(dir)?;
        match f.try_lock() {
            Ok(()) => {}
            Err(std::fs::TryLockError::WouldBlock) => {
                eprintln!(
                    "waiting: another hotline-kit is writing {} (or a folder beside it)",
                    what.display()
                );
                f.lock()?;
            }
            Err(std::fs::TryLockError::Error(e)) => return Err(e),
        }
        Ok(Self(f))
    }
}

/// Write a whole output folder: `files` (relative paths) then `manifest` as
/// [`MANIFEST`], into a staging folder, swapped in at the end. Returns what happened to
/// files that were there before.
pub fn publish(
    out: &OutDir,
    files: &[(&str, &[u8])],
    manifest: &[u8],
) -> Result<Published, Diagnostics> {
    let shown = out.shown.display().to_string();
    let fail = |e: io::Error| {
        Diagnostic::error(format!("cannot write to {shown}: {e}"))
            .hint("choose an output folder you can write to with --out")
    };
    std::fs::create_dir_all(&out.parent).map_err(fail)?;
    let _lock = Lock::folder(&out.parent, &out.shown).map_err(fail)?;
    out.recover().map_err(fail)?;
    let before = out.existing()?;
    if before.is_some() && same_as_before(out, files, manifest) {
        return Ok(Published {
            unchanged: files.len(),
            untouched: true,
            ..Published::default()
        });
    }
    let staging = out.temp("staging");
    let result = stage(out, &staging, files, manifest, before.as_ref())
        .and_then(|p| swap(out, &staging).map(|()| p).map_err(|e| fail(e).into()));
    if result.is_err() {
        let _ = remove_any(&staging);
    }
    result
}

/// Write everything into `staging`; carry over files the user added.
fn stage(
    out: &OutDir,
    staging: &Path,
    files: &[(&str, &[u8])],
    manifest: &[u8],
    before: Option<&BTreeSet<String>>,
) -> Result<Published, Diagnostics> {
    let shown = out.shown.display().to_string();
    let fail = |rel: &str, e: io::Error| {
        Diagnostic::error(format!("cannot write {shown}/{rel}: {e}"))
            .hint(format!("nothing in {shown} was changed; free some disk space or choose another folder with --out"))
    };
    for (rel, _) in files {
        crate::base::assets::check_relative(rel).map_err(|e| fail(rel, e))?;
    }
    remove_any(staging).map_err(|e| fail("", e))?;
    std::fs::create_dir(staging).map_err(|e| fail("", e))?;
    let new: BTreeSet<&str> = files.iter().map(|f| f.0).collect();
    let dirs: BTreeSet<&Path> = files
        .iter()
        .filter_map(|f| Path::new(f.0).parent())
        .collect();
    for d in dirs {
        std::fs::create_dir_all(staging.join(d)).map_err(|e| fail(&d.to_string_lossy(), e))?;
    }
    let old_dir = out.path();
    let results: Vec<Result<bool, Diagnostic>> = files
        .par_iter()
        .map(|(rel, bytes)| {
            let old = old_dir.join(rel);
            let same = before.is_some_and(|b| b.contains(*rel)) && same_file(&old, bytes);
            if same && std::fs::hard_link(&old, staging.join(rel)).is_ok() {
                return Ok(true);
            }
            write_new(&staging.join(rel), bytes)
                .map(|()| false)
                .map_err(|e| fail(rel, e))
        })
        .collect();
    let mut done = Published::default();
    let mut errors = Vec::new();
    for r in results {
        match r {
            Ok(kept) => done.unchanged += usize::from(kept),
            Err(e) => errors.push(e),
        }
    }
    if !errors.is_empty() {
        return Err(Diagnostics(errors));
    }
    if let Some(old) = before {
        let dir = out.path();
        done.dropped = old
            .iter()
            .filter(|p| !new.contains(p.as_str()) && dir.join(p).is_file())
            .cloned()
            .collect();
        carry_over(&dir, staging, Path::new(""), old, &new, &mut done.kept)?;
    }
    write_new(&staging.join(MANIFEST), manifest).map_err(|e| fail(MANIFEST, e))?;
    Ok(done)
}

/// Whether `path` is a regular file (not a link) holding exactly `bytes`.
fn same_file(path: &Path, bytes: &[u8]) -> bool {
    std::fs::symlink_metadata(path).is_ok_and(|m| m.is_file() && m.len() == bytes.len() as u64)
        && std::fs::read(path).is_ok_and(|b| b == bytes)
}

/// Whether the existing folder already is this build: the same manifest, and every
/// file the same bytes.
fn same_as_before(out: &OutDir, files: &[(&str, &[u8])], manifest: &[u8]) -> bool {
    let dir = out.path();
    same_file(&dir.join(MANIFEST), manifest)
        && files
            .par_iter()
            .all(|(rel, bytes)| same_file(&dir.join(rel), bytes))
}

/// Copy (hard-link where possible) what the user added to the earlier folder.
fn carry_over(
    from: &Path,
    to: &Path,
    rel: &Path,
    old: &BTreeSet<String>,
    new: &BTreeSet<&str>,
    kept: &mut Vec<String>,
) -> Result<(), Diagnostics> {
    let here = from.join(rel);
    let Ok(entries) = std::fs::read_dir(&here) else {
        return Ok(());
    };
    for e in entries.flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        let r = rel.join(&name);
        let key = r.to_string_lossy().replace('\\', "/");
        if name.starts_with(TEMP_MARK) || key == MANIFEST || old.contains(&key) {
            continue;
        }
        let Ok(t) = e.file_type() else { continue };
        let clash = || {
            Diagnostic::error(format!(
                "{} holds {key}, which hotline-kit did not write, where this build writes a file",
                from.display()
            ))
            .hint("move that file out of the output folder, or choose another folder with --out")
        };
        let dest = to.join(&r);
        if t.is_dir() {
            if new.contains(key.as_str()) {
                return Err(clash().into());
            }
            carry_over(from, to, &r, old, new, kept)?;
            continue;
        }
        if std::fs::symlink_metadata(&dest).is_ok()
            || new.iter().any(|n| Path::new(n).starts_with(&r))
        {
            return Err(clash().into());
        }
        let src = e.path();
        if let Some(d) = dest.parent() {
            std::fs::create_dir_all(d).map_err(|e| io_diag(d, e))?;
        }
        if t.is_symlink() {
            let target = std::fs::read_link(&src).map_err(|e| io_diag(&src, e))?;
            symlink(&target, &dest).map_err(|e| io_diag(&dest, e))?;
        } else if std::fs::hard_link(&src, &dest).is_err() {
            std::fs::copy(&src, &dest).map_err(|e| io_diag(&dest, e))?;
        }
        kept.push(key);
    }
    Ok(())
}

#[cfg(unix)]
fn symlink(target: &Path, link: &Path) -> io::Result<()> {
    std::os::unix::fs::symlink(target, link)
}

#[cfg(not(unix))]
fn symlink(target: &Path, link: &Path) -> io::Result<()> {
    std::fs::copy(target, link).map(|_| ())
}

fn io_diag(p: &Path, e: io::Error) -> Diagnostic {
    Diagnostic::error(format!("cannot write {}: {e}", p.display()))
}

/// Create a new file with `bytes`, readable by everyone (0644), synced to disk.
fn write_new(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut f = File::create_new(path)?;
    f.write_all(bytes)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        f.set_permissions(std::fs::Permissions::from_mode(0o644))?;
    }
    f.sync_all()
}

/// Put the staged folder in place of the output folder, and remove the earlier one.
fn swap(out: &OutDir, staging: &Path) -> io::Result<()> {
    let target = out.path();
    if std::fs::symlink_metadata(&target).is_err() {
        std::fs::rename(staging, &target)?;
    } else if out.exchange && exchange(staging, &target)? {
        // `staging` now holds the earlier build.
        remove_any(staging)?;
    } else {
        swap_aside(out, staging, &target)?;
    }
    if let Ok(d) = File::open(&out.parent) {
        let _ = d.sync_all();
    }
    Ok(())
}

/// Rename the earlier folder aside, the new one in, then remove the earlier one. A
/// kill between the two renames leaves the aside folder, which the next run restores.
fn swap_aside(out: &OutDir, staging: &Path, target: &Path) -> io::Result<()> {
    let aside = out.temp("aside");
    remove_any(&aside)?;
    std::fs::rename(target, &aside)?;
    if let Err(e) = std::fs::rename(staging, target) {
        std::fs::rename(&aside, target)?;
        return Err(e);
    }
    remove_any(&aside)
}

/// Swap two paths atomically; `Ok(false)` where the system or file system cannot.
#[cfg(any(target_os = "linux", target_os = "android"))]
fn exchange(a: &Path, b: &Path) -> io::Result<bool> {
    use rustix::fs::{CWD, RenameFlags, renameat_with};
    use rustix::io::Errno;
    match renameat_with(CWD, a, CWD, b, RenameFlags::EXCHANGE) {
        Ok(()) => Ok(true),
        Err(Errno::INVAL | Errno::NOSYS | Errno::NOTSUP) => Ok(false),
        Err(e) => Err(e.into()),
    }
}

#[cfg(not(any(target_os = "linux", target_os = "android")))]
fn exchange(_a: &Path, _b: &Path) -> io::Result<bool> {
    Ok(false)
}

/// Set (to anything) to swap folders by renaming the old one aside even where an
/// atomic exchange exists: how the tests reach the fallback path.
pub const NO_EXCHANGE: &str = "HOTLINE_KIT_NO_RENAME_EXCHANGE";

/// Remove `.hotline-kit-tmp-PID-*` files in `dir` left by processes that are gone
/// (killed while writing a single file).
pub fn clean_stale_temps(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        let Some(pid) = name
            .strip_prefix(TEMP_FILE)
            .and_then(|r| r.split('-').next())
            .and_then(|p| p.parse::<u32>().ok())
        else {
            continue;
        };
        if !alive(pid) && e.file_type().is_ok_and(|t| t.is_file()) {
            let _ = std::fs::remove_file(e.path());
        }
    }
}

/// Prefix of single-file temporaries: `.hotline-kit-tmp-PID-RANDOM`.
pub const TEMP_FILE: &str = ".hotline-kit-tmp-";

#[cfg(unix)]
fn alive(pid: u32) -> bool {
    if pid == std::process::id() {
        return true;
    }
    let Some(p) = i32::try_from(pid)
        .ok()
        .and_then(rustix::process::Pid::from_raw)
    else {
        return false;
    };
    !matches!(
        rustix::process::test_kill_process(p),
        Err(rustix::io::Errno::SRCH)
    )
}

#[cfg(not(unix))]
fn alive(_pid: u32) -> bool {
    true
}

/// A manifest for a folder of files with no richer one (`proof`): each file's `path`,
/// `sha256` and `bytes`, sorted by path.
pub fn simple_manifest(files: &[(&str, &[u8])]) -> Vec<u8> {
    let mut list: Vec<serde_json::Value> = files
        .iter()
        .map(|(path, bytes)| {
            let sha = crate::base::hash::digest(bytes);
            serde_json::json!({ "path": path, "sha256": sha, "bytes": bytes.len() })
        })
        .collect();
    list.sort_by(|a, b| a["path"].as_str().cmp(&b["path"].as_str()));
    let mut json = serde_json::to_vec_pretty(&list).expect("manifest serialises");
    json.push(b'\n');
    json
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn real_paths_resolve_dots_and_links_in_any_order() {
        let t = tempfile::tempdir().unwrap();
        let base = std::fs::canonicalize(t.path()).unwrap();
        std::fs::create_dir(base.join("a")).unwrap();
        let outside = tempfile::tempdir().unwrap();
        let outside_real = std::fs::canonicalize(outside.path()).unwrap();
        #[cfg(unix)]
        std::os::unix::fs::symlink(&outside_real, base.join("a/link")).unwrap();
        let r = |s: &str| real_path(&base.join(s)).unwrap();
        assert_eq!(r("missing/../../x"), base.parent().unwrap().join("x"));
        assert_eq!(r("a/./b/../c"), base.join("a/c"));
        #[cfg(unix)]
        assert_eq!(r("a/link/new/.."), outside_real);
        #[cfg(unix)]
        assert_eq!(r("a/link/../y"), outside_real.parent().unwrap().join("y"));
    }

    #[test]
    fn a_build_moved_aside_and_not_replaced_is_restored() {
        let t = tempfile::tempdir().unwrap();
        let out = OutDir::new(&t.path().join("out")).unwrap();
        // What a run killed between its two renames leaves: no `out`, the earlier build
        // aside, and a staging folder.
        let aside = t.path().join(".out.hotline-kit-aside-999999");
        std::fs::create_dir(&aside).unwrap();
        std::fs::write(aside.join(MANIFEST), b"[{\"path\": \"a.pdf\"}]").unwrap();
        std::fs::write(aside.join("a.pdf"), b"old").unwrap();
        let staging = t.path().join(".out.hotline-kit-staging-999999");
        std::fs::create_dir(&staging).unwrap();
        std::fs::write(staging.join("half"), b"").unwrap();
        out.recover().unwrap();
        assert_eq!(std::fs::read(out.path().join("a.pdf")).unwrap(), b"old");
        assert!(!aside.exists() && !staging.exists());
        // Both ways of swapping give the new folder and remove the old one.
        for exchange in [true, false] {
            let body = format!("new {exchange}");
            let files = [("b/b.pdf", body.as_bytes())];
            let out = OutDir {
                exchange,
                ..out.clone()
            };
            let done = publish(&out, &files, b"[{\"path\": \"b/b.pdf\"}]").unwrap();
            assert_eq!(
                std::fs::read(out.path().join("b/b.pdf")).unwrap(),
                body.as_bytes()
            );
            assert!(!out.path().join("a.pdf").exists());
            assert!(!exchange || done.dropped == vec!["a.pdf".to_string()]);
            let names: Vec<String> = std::fs::read_dir(t.path())
                .unwrap()
                .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .collect();
            assert_eq!(names, vec!["out".to_string()]);
        }
    }
}
