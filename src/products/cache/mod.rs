//! The render cache: files exporters made, kept by what they were made from
//! ([`key::key`]), in the project's `.hotline-kit/cache/`. A piece that is the same in
//! two facilities, or in two builds, is drawn once.
//!
//! An entry is one file, `cache/AB/KEY` (AB: the key's first two characters):
//!
//! ```text
//! hotline-kit cache 1 <SHA-256 of everything after this line>\n
//! {"files":[{"bytes":N,"px":[W,H]},…]}\n
//! <the files' bytes, one after another>
//! ```
//!
//! Every entry is checked when it is read: its SHA-256 and its length. One that
//! does not match (a truncated write, a disk error, someone editing it) is reported,
//! removed and made again, never copied into an output. Entries are written to a
//! temporary file and renamed into place, so a reader sees a whole entry or none, and
//! two builds writing the same key at once write the same bytes.

pub mod key;

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use serde::{Deserialize, Serialize};

use crate::base::diag::Diagnostic;
use crate::model::config::Format;
use crate::products::piece::Rendered;
use crate::scene::Scene;

/// The cache folder inside a project.
pub const DIR: &str = ".hotline-kit/cache";

const MAGIC: &[u8] = b"hotline-kit cache 1 ";

/// Temporary files of entries being written start with this.
const TEMP: &str = ".tmp-";

#[derive(Serialize, Deserialize)]
struct Header {
    files: Vec<FileHeader>,
}

#[derive(Serialize, Deserialize)]
struct FileHeader {
    bytes: usize,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    px: Option<(u32, u32)>,
}

/// What a cache did during one command.
#[derive(Debug, Default, Clone, PartialEq, Eq, Serialize)]
pub struct Stats {
    /// Exports taken from the cache.
    pub hits: usize,
    /// Exports drawn (not in the cache, or no cache).
    pub drawn: usize,
    /// Entries found damaged, removed and made again.
    pub damaged: Vec<String>,
}

/// An open cache (or none: `--no-cache`), counting what it does.
#[derive(Debug, Default)]
pub struct Cache {
    dir: Option<PathBuf>,
    hits: AtomicUsize,
    drawn: AtomicUsize,
    damaged: Mutex<Vec<String>>,
}

impl Cache {
    /// No cache: everything is drawn.
    pub fn off() -> Self {
        Self::default()
    }

    /// The cache of the project in `project` (created when first written). The folders
    /// on the way must be real folders inside the project, not links leading elsewhere.
    pub fn open(project: &Path) -> Result<Self, Diagnostic> {
        let dir = project.join(DIR);
        if let Some(p) = crate::base::output::not_a_folder(project, DIR) {
            return Err(Diagnostic::error(format!(
                "the render cache {} is not a folder (a file or a link)",
                p.display()
            ))
            .hint(format!(
                "remove {} (hotline-kit makes it again), or build with --no-cache",
                p.display()
            )));
        }
        Ok(Cache {
            dir: Some(dir),
            ..Self::default()
        })
    }

    /// The files of `scene` as `format`: from the cache if a sound entry is there, else
    /// drawn with `draw` and kept.
    pub fn get_or_draw(
        &self,
        scene: &Scene,
        format: Format,
        draw: impl FnOnce() -> Result<Vec<Rendered>, Diagnostic>,
    ) -> Result<Vec<Rendered>, Diagnostic> {
        let Some(dir) = &self.dir else {
            self.drawn.fetch_add(1, Ordering::Relaxed);
            return draw();
        };
        let k = key::key(scene, format);
        let path = dir.join(&k[..2]).join(&k);
        match std::fs::read(&path) {
            Ok(bytes) => match decode(&bytes) {
                Ok(files) => {
                    self.hits.fetch_add(1, Ordering::Relaxed);
                    // Recently used entries are the last that `cache prune` removes.
                    if let Ok(f) = std::fs::File::options().append(true).open(&path) {
                        let _ = f.set_modified(std::time::SystemTime::now());
                    }
                    return Ok(files);
                }
                Err(why) => {
                    self.damaged.lock().expect("lock").push(format!(
                        "{} ({} {}): {why}",
                        path.display(),
                        scene.design,
                        scene.locale
                    ));
                    let _ = std::fs::remove_file(&path);
                }
            },
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => {
                self.damaged.lock().expect("lock").push(format!(
                    "{} ({} {}): cannot be read: {e}",
                    path.display(),
                    scene.design,
                    scene.locale
                ));
            }
        }
        self.drawn.fetch_add(1, Ordering::Relaxed);
        let files = draw()?;
        // A cache that cannot be written (a full disk, a read-only project) costs only
        // speed: the build goes on.
        let _ = store(&path, &files);
        Ok(files)
    }

    /// What the cache did so far.
    pub fn stats(&self) -> Stats {
        Stats {
            hits: self.hits.load(Ordering::Relaxed),
            drawn: self.drawn.load(Ordering::Relaxed),
            damaged: self.damaged.lock().expect("lock").clone(),
        }
    }
}

/// An entry's bytes.
fn encode(files: &[Rendered]) -> Vec<u8> {
    let header = Header {
        files: files
            .iter()
            .map(|f| FileHeader {
                bytes: f.bytes.len(),
                px: f.px,
            })
            .collect(),
    };
    let mut rest = serde_json::to_vec(&header).expect("header serialises");
    rest.push(b'\n');
    for f in files {
        rest.extend_from_slice(&f.bytes);
    }
    let mut out = MAGIC.to_vec();
    out.extend(crate::base::hash::digest(&rest).into_bytes());
    out.push(b'\n');
    out.extend(rest);
    out
}

/// An entry read back, every part checked.
fn decode(bytes: &[u8]) -> Result<Vec<Rendered>, String> {
    let rest = bytes
        .strip_prefix(MAGIC)
        .ok_or("it does not start as a cache entry")?;
    let (sum, rest) = rest.split_at_checked(65).ok_or("it is cut off")?;
    if sum[64] != b'\n' || crate::base::hash::digest(rest).as_bytes() != &sum[..64] {
        return Err("it does not match its SHA-256".into());
    }
    let nl = rest
        .iter()
        .position(|b| *b == b'\n')
        .ok_or("its header is cut off")?;
    let header: Header =
        serde_json::from_slice(&rest[..nl]).map_err(|e| format!("its header is damaged: {e}"))?;
    let mut body = &rest[nl + 1..];
    let want: usize = header.files.iter().map(|f| f.bytes).sum();
    if body.len() != want {
        return Err(format!(
            "it holds {} bytes of files where its header lists {want}",
            body.len()
        ));
    }
    let mut files = Vec::with_capacity(header.files.len());
    for f in &header.files {
        let (this, next) = body.split_at(f.bytes);
        files.push(Rendered {
            bytes: this.to_vec(),
            px: f.px,
        });
        body = next;
    }
    if files.is_empty() {
        return Err("it lists no files".into());
    }
    Ok(files)
}

/// Write an entry: a temporary file in the same folder, synced, renamed into place.
fn store(path: &Path, files: &[Rendered]) -> std::io::Result<()> {
    let dir = path.parent().expect("entry has a folder");
    std::fs::create_dir_all(dir)?;
    let mut tmp = tempfile::Builder::new().prefix(TEMP).tempfile_in(dir)?;
    // Not synced: an entry cut short by a power cut fails its check and is made again.
    tmp.write_all(&encode(files))?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// What `cache prune` did.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Pruned {
    /// Entries and bytes before.
    pub before: (usize, u64),
    /// Entries and bytes removed (least recently used first), temporary files included.
    pub removed: (usize, u64),
}

/// Remove the least recently used entries until the cache holds at most `max_bytes`,
/// and temporary files older than an hour (left by killed runs).
pub fn prune(project: &Path, max_bytes: u64) -> std::io::Result<Pruned> {
    let dir = project.join(DIR);
    let mut entries = Vec::new();
    let mut done = Pruned::default();
    let hour_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
    let Ok(shards) = std::fs::read_dir(&dir) else {
        return Ok(done);
    };
    for shard in shards.flatten() {
        if !shard.file_type().is_ok_and(|t| t.is_dir()) {
            continue;
        }
        for e in std::fs::read_dir(shard.path())?.flatten() {
            let Ok(m) = e.metadata() else { continue };
            if !m.is_file() {
                continue;
            }
            let name = e.file_name().to_string_lossy().into_owned();
            let when = m.modified().unwrap_or(std::time::UNIX_EPOCH);
            if name.starts_with(TEMP) {
                if when < hour_ago && std::fs::remove_file(e.path()).is_ok() {
                    done.removed.0 += 1;
                    done.removed.1 += m.len();
                }
                continue;
            }
            done.before.0 += 1;
            done.before.1 += m.len();
            entries.push((when, e.path(), m.len()));
        }
    }
    entries.sort();
    let mut size = done.before.1;
    for (_, path, len) in entries {
        if size <= max_bytes {
            break;
        }
        if std::fs::remove_file(&path).is_ok() {
            size -= len;
            done.removed.0 += 1;
            done.removed.1 += len;
        }
    }
    Ok(done)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn two() -> Vec<Rendered> {
        vec![
            Rendered {
                bytes: b"first page".to_vec(),
                px: Some((3, 4)),
            },
            Rendered {
                bytes: b"second".to_vec(),
                px: None,
            },
        ]
    }

    #[test]
    fn an_entry_reads_back_as_written() {
        assert_eq!(decode(&encode(&two())).unwrap(), two());
    }

    #[test]
    fn every_damaged_entry_is_refused() {
        let good = encode(&two());
        // Cut off at every length, and one byte changed at every place.
        for n in 0..good.len() {
            assert!(decode(&good[..n]).is_err(), "cut at {n}");
            let mut bad = good.clone();
            bad[n] ^= 0x20;
            assert!(decode(&bad).is_err(), "byte {n} changed");
        }
        let mut longer = good.clone();
        longer.push(b'x');
        assert!(decode(&longer).is_err());
    }
}
