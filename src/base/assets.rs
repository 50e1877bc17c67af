//! All input goes through one trait, [`Assets`].
//!
//! The CLI reads a project folder on disk ([`FsAssets`]); tests stack a fixture folder
//! over the bundled project data, so every run sees the same fonts and files and no
//! output depends on what happens to be installed on the machine.
//!
//! Nothing outside the project is read: a path that is absolute or climbs out (`..`) is
//! refused, and so is a file or folder that leads outside through a symbolic link (a
//! link, a chain of links, or a linked parent folder). Each file is resolved to its real
//! path and must stay under a project root before it is opened.

use std::collections::BTreeSet;
use std::io;
use std::path::{Component, Path, PathBuf};

/// Folders (and top-level files) of a project that hotline-kit reads; [`FsAssets`]
/// looks for links leading outside the project in all of them before anything is read.
pub const READ_PATHS: &[&str] = &[
    "hotline.toml",
    "kit.toml",
    "designs",
    "images",
    "locales",
    "fonts",
    "content",
    "jurisdictions",
    "reviews",
];

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

    /// A file as UTF-8 text; a byte that is not UTF-8 is reported by line and column.
    fn read_text(&self, rel: &str) -> io::Result<String> {
        decode_utf8(self.read(rel)?)
            .map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e.to_string()))
    }

    /// Files and folders in [`READ_PATHS`] that lead outside the project through a
    /// symbolic link. Checked before anything is read.
    fn escapes(&self) -> Vec<Escape> {
        Vec::new()
    }

    /// Files of the library that ships with hotline-kit which this project replaces
    /// with its own copy (relative paths, sorted); empty where nothing ships underneath.
    fn overrides(&self) -> Vec<String> {
        Vec::new()
    }
}

/// A file or folder of the project that is a symbolic link leading outside it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Escape {
    /// The link, relative to the project (`/`-separated).
    pub rel: String,
    /// Where it leads (the real path of its target).
    pub target: PathBuf,
}

/// A file that is not UTF-8: where the first bad byte is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotUtf8 {
    /// Byte offset of the bad byte (the text before it is valid).
    pub offset: usize,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
    /// The bad byte.
    pub byte: u8,
    /// The text with each bad byte shown as U+FFFD, for quoting (the text before
    /// `offset` is unchanged).
    pub lossy: String,
}

impl std::fmt::Display for NotUtf8 {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "not UTF-8 text: line {}, column {} has the byte 0x{:02X}, which is not UTF-8",
            self.line, self.column, self.byte
        )
    }
}

/// Decode UTF-8, or say where the first byte that is not UTF-8 is (line and column,
/// counted in characters, not bytes).
pub fn decode_utf8(bytes: Vec<u8>) -> Result<String, NotUtf8> {
    String::from_utf8(bytes).map_err(|e| {
        let bytes = e.as_bytes();
        let offset = e.utf8_error().valid_up_to();
        let before = std::str::from_utf8(&bytes[..offset]).unwrap_or_default();
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        NotUtf8 {
            offset,
            line,
            column,
            byte: bytes[offset],
            lossy: String::from_utf8_lossy(bytes).into_owned(),
        }
    })
}

/// Files on disk, looked up in a list of roots; the first root that has a file wins.
#[derive(Debug, Clone)]
pub struct FsAssets {
    roots: Vec<PathBuf>,
    /// The roots' real paths (symbolic links resolved), found once.
    real: Vec<PathBuf>,
}

impl FsAssets {
    /// A project in one folder.
    pub fn new(root: impl Into<PathBuf>) -> Self {
        Self::layered(vec![root.into()])
    }

    /// Several folders stacked: files in earlier ones hide files in later ones.
    pub fn layered(roots: Vec<PathBuf>) -> Self {
        let real = roots
            .iter()
            .map(|r| std::fs::canonicalize(r).unwrap_or_else(|_| r.clone()))
            .collect();
        Self { roots, real }
    }

    /// The first root.
    pub fn root(&self) -> &Path {
        &self.roots[0]
    }

    /// Whether a real path lies under one of the roots.
    fn inside(&self, real: &Path) -> bool {
        self.real.iter().any(|r| real.starts_with(r))
    }

    /// The root a file is found in and the file's real path, checked to stay inside
    /// the project.
    fn resolve(&self, rel: &str) -> io::Result<(usize, PathBuf)> {
        check_relative(rel)?;
        for (i, root) in self.roots.iter().enumerate() {
            let p = root.join(rel);
            if std::fs::symlink_metadata(&p).is_err() {
                continue;
            }
            let real = match std::fs::canonicalize(&p) {
                Ok(r) => r,
                Err(e) if e.kind() == io::ErrorKind::NotFound => {
                    return Err(io::Error::new(
                        io::ErrorKind::NotFound,
                        format!("`{rel}` is a symbolic link to a file that does not exist"),
                    ));
                }
                Err(e) => return Err(e),
            };
            if !self.inside(&real) {
                return Err(self.escape_error(root, rel, &real));
            }
            return Ok((i, real));
        }
        Err(io::Error::new(io::ErrorKind::NotFound, "file not found"))
    }

    /// The error for a path that leads outside: names the link that does it.
    fn escape_error(&self, root: &Path, rel: &str, real: &Path) -> io::Error {
        let mut prefix = PathBuf::new();
        let mut link = None;
        for c in Path::new(rel).components() {
            prefix.push(c);
            let p = root.join(&prefix);
            let is_link = std::fs::symlink_metadata(&p).is_ok_and(|m| m.file_type().is_symlink());
            if is_link && std::fs::canonicalize(&p).is_ok_and(|r| !self.inside(&r)) {
                link = Some((
                    prefix.clone(),
                    std::fs::canonicalize(&p).unwrap_or_default(),
                ));
                break;
            }
        }
        let msg = match link {
            Some((l, t)) if l == Path::new(rel) => format!(
                "`{rel}` is a symbolic link to {}, outside the project folder; hotline-kit reads only files inside the project",
                t.display()
            ),
            Some((l, t)) => format!(
                "`{rel}` is inside `{}`, a symbolic link to {}, outside the project folder; hotline-kit reads only files inside the project",
                l.display(),
                t.display()
            ),
            None => format!(
                "`{rel}` leads to {}, outside the project folder; hotline-kit reads only files inside the project",
                real.display()
            ),
        };
        io::Error::new(io::ErrorKind::PermissionDenied, msg)
    }

    /// Walk one folder (or file) for links leading outside, following links that stay
    /// inside (each real folder once).
    fn walk(&self, root: &Path, rel: &str, seen: &mut BTreeSet<PathBuf>, out: &mut Vec<Escape>) {
        const MAX_ENTRIES: usize = 200_000;
        let mut stack = vec![rel.to_string()];
        while let Some(rel) = stack.pop() {
            if seen.len() > MAX_ENTRIES {
                return;
            }
            let p = root.join(&rel);
            let Ok(meta) = std::fs::symlink_metadata(&p) else {
                continue;
            };
            let real = if meta.file_type().is_symlink() {
                match std::fs::canonicalize(&p) {
                    Ok(r) if !self.inside(&r) => {
                        out.push(Escape { rel, target: r });
                        continue;
                    }
                    Ok(r) => r,
                    Err(_) => continue, // dangling: reading it fails anyway
                }
            } else {
                p.clone()
            };
            if !real.is_dir() || !seen.insert(real.clone()) {
                continue;
            }
            let Ok(entries) = std::fs::read_dir(&p) else {
                continue;
            };
            for e in entries.flatten() {
                stack.push(format!("{rel}/{}", e.file_name().to_string_lossy()));
            }
        }
    }
}

/// A file `rel` under `root` (read with `std::fs` by the caller), checked like every
/// project file: relative, and not leading outside `root` through a symbolic link.
/// Returns the path to open; a missing file is `NotFound`.
pub fn confined(root: &Path, rel: &str) -> io::Result<PathBuf> {
    FsAssets::new(root).resolve(rel).map(|(_, real)| real)
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
        let (_, real) = self.resolve(rel)?;
        let meta = std::fs::metadata(&real)?;
        if meta.is_dir() {
            return Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                format!("`{rel}` is a folder, not a file"),
            ));
        }
        if !meta.is_file() {
            return Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                format!("`{rel}` is not a regular file"),
            ));
        }
        std::fs::read(real)
    }

    fn list(&self, rel_dir: &str) -> io::Result<Vec<String>> {
        check_relative(rel_dir)?;
        let mut names = BTreeSet::new();
        let mut found = false;
        for root in &self.roots {
            let dir = root.join(rel_dir);
            if !dir.is_dir() {
                continue;
            }
            let real = std::fs::canonicalize(&dir)?;
            if !self.inside(&real) {
                return Err(self.escape_error(root, rel_dir, &real));
            }
            found = true;
            for e in std::fs::read_dir(&real)? {
                let e = e?;
                let name = e.file_name().to_string_lossy().into_owned();
                let t = e.file_type()?;
                if t.is_file() {
                    names.insert(name);
                } else if t.is_symlink() {
                    let rel = format!("{rel_dir}/{name}");
                    match std::fs::canonicalize(e.path()) {
                        Ok(r) if !self.inside(&r) => return Err(self.escape_error(root, &rel, &r)),
                        Ok(r) if r.is_file() => {
                            names.insert(name);
                        }
                        _ => {}
                    }
                }
            }
        }
        if !found {
            return Err(io::Error::new(io::ErrorKind::NotFound, "folder not found"));
        }
        Ok(names.into_iter().collect())
    }

    fn canonical_path(&self, rel: &str) -> Option<PathBuf> {
        let (_, p) = self.resolve(rel).ok()?;
        std::fs::canonicalize(p).ok()
    }

    fn display_path(&self, rel: &str) -> PathBuf {
        match self.resolve(rel) {
            Ok((0, _)) => PathBuf::from(rel),
            Ok((i, _)) => self.roots[i].join(rel),
            Err(_) => PathBuf::from(rel),
        }
    }

    fn escapes(&self) -> Vec<Escape> {
        let mut out = Vec::new();
        let mut seen = BTreeSet::new();
        for root in &self.roots {
            for rel in READ_PATHS {
                self.walk(root, rel, &mut seen, &mut out);
            }
        }
        out.sort_by(|a, b| a.rel.cmp(&b.rel));
        out.dedup();
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bad_byte_is_named_by_line_and_column_in_characters() {
        let mut bytes = "a = 1\nbé = \"".as_bytes().to_vec();
        bytes.push(0xFF);
        let e = decode_utf8(bytes).unwrap_err();
        assert_eq!((e.line, e.column, e.byte), (2, 7, 0xFF));
        assert!(e.to_string().contains("line 2, column 7"), "{e}");
    }
}
