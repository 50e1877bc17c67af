//! All input goes through one trait, [`Assets`].
//!
//! The CLI reads a project folder on disk ([`FsAssets`]); tests stack a fixture folder
//! over the bundled project data, so every run sees the same fonts and files and no
//! output depends on what happens to be installed on the machine.

use std::io;
use std::path::{Component, Path, PathBuf};

/// Read access to a project's files, addressed by paths relative to the project root
/// with `/` separators (e.g. `designs/poster.toml`).
pub trait Assets: Send + Sync {
    /// The whole content of a file.
    fn read(&self, rel: &str) -> io::Result<Vec<u8>>;

    /// File names (not paths) directly inside a folder, sorted.
    fn list(&self, rel_dir: &str) -> io::Result<Vec<String>>;

    /// The path to show the user for a file.
    fn display_path(&self, rel: &str) -> PathBuf;

    /// The file's canonical path on disk, if it is a file on disk: what tells two
    /// projects' files apart when they share a relative path (the font cache is keyed
    /// by it). `None` for files that are not on disk.
    fn canonical_path(&self, rel: &str) -> Option<PathBuf> {
        let _ = rel;
        None
    }

    /// A file as UTF-8 text.
    fn read_text(&self, rel: &str) -> io::Result<String> {
        let bytes = self.read(rel)?;
        String::from_utf8(bytes)
            .map_err(|e| io::Error::new(io::ErrorKind::InvalidData, format!("not UTF-8 text: {e}")))
    }
}

/// Files on disk, looked up in a list of roots; the first root that has a file wins.
#[derive(Debug, Clone)]
pub struct FsAssets {
    roots: Vec<PathBuf>,
}

impl FsAssets {
    /// A project in one folder.
    pub fn new(root: impl Into<PathBuf>) -> Self {
        Self {
            roots: vec![root.into()],
        }
    }

    /// Several folders stacked: files in earlier ones hide files in later ones.
    pub fn layered(roots: Vec<PathBuf>) -> Self {
        Self { roots }
    }

    /// The first root.
    pub fn root(&self) -> &Path {
        &self.roots[0]
    }

    fn resolve(&self, rel: &str) -> io::Result<PathBuf> {
        check_relative(rel)?;
        for root in &self.roots {
            let p = root.join(rel);
            if p.exists() {
                return Ok(p);
            }
        }
        Err(io::Error::new(io::ErrorKind::NotFound, "file not found"))
    }
}

/// Refuse paths that are absolute or climb out of the project (`..`).
pub fn check_relative(rel: &str) -> io::Result<()> {
    let p = Path::new(rel);
    let ok = !rel.is_empty() && p.components().all(|c| matches!(c, Component::Normal(_)));
    if ok {
        Ok(())
    } else {
        Err(io::Error::new(
            io::ErrorKind::PermissionDenied,
            format!("path `{rel}` must stay inside the project folder"),
        ))
    }
}

impl Assets for FsAssets {
    fn read(&self, rel: &str) -> io::Result<Vec<u8>> {
        std::fs::read(self.resolve(rel)?)
    }

    fn list(&self, rel_dir: &str) -> io::Result<Vec<String>> {
        check_relative(rel_dir)?;
        let mut names = std::collections::BTreeSet::new();
        let mut found = false;
        for root in &self.roots {
            let dir = root.join(rel_dir);
            let Ok(entries) = std::fs::read_dir(&dir) else {
                continue;
            };
            found = true;
            for e in entries {
                let e = e?;
                if e.file_type()?.is_file() {
                    names.insert(e.file_name().to_string_lossy().into_owned());
                }
            }
        }
        if !found {
            return Err(io::Error::new(io::ErrorKind::NotFound, "folder not found"));
        }
        Ok(names.into_iter().collect())
    }

    fn canonical_path(&self, rel: &str) -> Option<PathBuf> {
        std::fs::canonicalize(self.resolve(rel).ok()?).ok()
    }

    fn display_path(&self, rel: &str) -> PathBuf {
        match self.resolve(rel) {
            Ok(p) => {
                for root in &self.roots {
                    if let Ok(stripped) = p.strip_prefix(root) {
                        if root == &self.roots[0] {
                            return stripped.to_path_buf();
                        }
                        return p;
                    }
                }
                p
            }
            Err(_) => PathBuf::from(rel),
        }
    }
}
