//! The library that ships with hotline-kit, inside the binary, and a facility folder
//! stacked on top of it.
//!
//! [`ShippedAssets`] reads the hotline facts, designs (with imagery, notices and label
//! sheets), locales (with review records), content, fonts, jurisdiction profiles and
//! licence texts that were in the source repository when the binary was built; they
//! are embedded with `rust-embed` (see the README, "Install"). [`FacilityAssets`] puts a
//! facility's own folder on top: a file there with the same relative path as a shipped
//! one is read instead of it. The facility folder is read through [`FsAssets`], so every
//! protection of the disk layer holds (no `..`, no absolute paths, no symbolic link
//! leading outside the folder).

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use rust_embed::RustEmbed;

use crate::base::assets::{Assets, Escape, FsAssets, check_relative};

#[derive(RustEmbed)]
#[folder = "designs/"]
#[prefix = "designs/"]
struct Designs;

#[derive(RustEmbed)]
#[folder = "locales/"]
#[prefix = "locales/"]
struct Locales;

#[derive(RustEmbed)]
#[folder = "content/"]
#[prefix = "content/"]
struct Content;

#[derive(RustEmbed)]
#[folder = "fonts/"]
#[prefix = "fonts/"]
struct Fonts;

#[derive(RustEmbed)]
#[folder = "jurisdictions/"]
#[prefix = "jurisdictions/"]
struct Jurisdictions;

#[derive(RustEmbed)]
#[folder = "LICENSES/"]
#[prefix = "LICENSES/"]
struct Licenses;

/// The hotline facts: one file, so it is included directly.
const HOTLINE: &[u8] = include_bytes!("../../hotline.toml");

/// The top-level folders and files that ship in the binary (`build.rs` rebuilds when
/// any of them changes).
pub const SHIPPED_PATHS: &[&str] = include!("shipped_paths.in");

/// Every shipped file by its relative path (`/`-separated).
fn files() -> &'static BTreeMap<String, Cow<'static, [u8]>> {
    static FILES: OnceLock<BTreeMap<String, Cow<'static, [u8]>>> = OnceLock::new();
    FILES.get_or_init(|| {
        let mut m = BTreeMap::new();
        m.insert("hotline.toml".to_string(), Cow::Borrowed(HOTLINE));
        fn add<E: RustEmbed>(m: &mut BTreeMap<String, Cow<'static, [u8]>>) {
            for name in E::iter() {
                if let Some(f) = E::get(&name) {
                    m.insert(name.into_owned(), f.data);
                }
            }
        }
        add::<Designs>(&mut m);
        add::<Locales>(&mut m);
        add::<Content>(&mut m);
        add::<Fonts>(&mut m);
        add::<Jurisdictions>(&mut m);
        add::<Licenses>(&mut m);
        m
    })
}

/// The relative paths of every shipped file, sorted.
pub fn shipped_files() -> impl Iterator<Item = &'static str> {
    files().keys().map(String::as_str)
}

/// Whether a file of this relative path ships in the binary.
pub fn is_shipped(rel: &str) -> bool {
    files().contains_key(rel)
}

/// The library that ships inside the binary: read-only, the same on every machine.
#[derive(Debug, Clone, Copy, Default)]
pub struct ShippedAssets;

impl Assets for ShippedAssets {
    fn read(&self, rel: &str) -> io::Result<Vec<u8>> {
        check_relative(rel)?;
        match files().get(rel) {
            Some(b) => Ok(b.to_vec()),
            None if is_folder(rel) => Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                format!("`{rel}` is a folder, not a file"),
            )),
            None => Err(io::Error::new(io::ErrorKind::NotFound, "file not found")),
        }
    }

    fn list(&self, rel_dir: &str) -> io::Result<Vec<String>> {
        check_relative(rel_dir)?;
        if !is_folder(rel_dir) {
            return Err(io::Error::new(io::ErrorKind::NotFound, "folder not found"));
        }
        let prefix = format!("{}/", rel_dir.trim_end_matches('/'));
        Ok(files()
            .range(prefix.clone()..)
            .map(|(k, _)| k)
            .take_while(|k| k.starts_with(&prefix))
            .map(|k| &k[prefix.len()..])
            .filter(|name| !name.contains('/'))
            .map(str::to_string)
            .collect())
    }

    fn display_path(&self, rel: &str) -> PathBuf {
        PathBuf::from(rel)
    }
}

/// Whether some shipped file lies under `rel` (a folder).
fn is_folder(rel: &str) -> bool {
    let prefix = format!("{}/", rel.trim_end_matches('/'));
    files()
        .range(prefix.clone()..)
        .next()
        .is_some_and(|(k, _)| k.starts_with(&prefix))
}

/// A facility folder on top of the shipped library: the folder's files win.
#[derive(Debug, Clone)]
pub struct FacilityAssets {
    folder: FsAssets,
}

impl FacilityAssets {
    /// The facility folder `root` over the shipped library.
    pub fn new(root: impl Into<PathBuf>) -> Self {
        Self {
            folder: FsAssets::new(root),
        }
    }

    /// The facility folder.
    pub fn root(&self) -> &Path {
        self.folder.root()
    }

    /// Whether the facility folder has something at `rel` (a file, a folder, or a link,
    /// even a broken one): then the shipped file is not used.
    fn in_folder(&self, rel: &str) -> bool {
        check_relative(rel).is_ok() && std::fs::symlink_metadata(self.root().join(rel)).is_ok()
    }
}

impl Assets for FacilityAssets {
    fn read(&self, rel: &str) -> io::Result<Vec<u8>> {
        check_relative(rel)?;
        if self.in_folder(rel) {
            self.folder.read(rel)
        } else {
            ShippedAssets.read(rel)
        }
    }

    fn list(&self, rel_dir: &str) -> io::Result<Vec<String>> {
        check_relative(rel_dir)?;
        let own = match self.folder.list(rel_dir) {
            Ok(v) => v,
            Err(e) if e.kind() == io::ErrorKind::NotFound => Vec::new(),
            Err(e) => return Err(e),
        };
        let shipped = ShippedAssets.list(rel_dir);
        if own.is_empty() && !self.in_folder(rel_dir) {
            return shipped;
        }
        let mut all: std::collections::BTreeSet<String> = own.into_iter().collect();
        all.extend(shipped.unwrap_or_default());
        Ok(all.into_iter().collect())
    }

    fn display_path(&self, rel: &str) -> PathBuf {
        self.folder.display_path(rel)
    }

    fn canonical_path(&self, rel: &str) -> Option<PathBuf> {
        if self.in_folder(rel) {
            self.folder.canonical_path(rel)
        } else {
            None
        }
    }

    fn escapes(&self) -> Vec<Escape> {
        self.folder.escapes()
    }

    fn overrides(&self) -> Vec<String> {
        shipped_files()
            .filter(|rel| self.in_folder(rel))
            .map(str::to_string)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_library_has_what_a_project_needs() {
        for rel in [
            "hotline.toml",
            "designs/poster.toml",
            "designs/imagery/catalog.toml",
            "designs/notices/state-notice.toml",
            "designs/sheets/templates.toml",
            "locales/locales.toml",
            "locales/review/es.toml",
            "content/claims.toml",
            "fonts/fonts.toml",
            "jurisdictions/us-ca.toml",
        ] {
            assert!(is_shipped(rel), "{rel} does not ship");
        }
    }

    #[test]
    fn listing_gives_the_files_directly_inside_a_folder() {
        let names = ShippedAssets.list("designs").unwrap();
        assert!(names.contains(&"poster.toml".to_string()), "{names:?}");
        assert!(names.iter().all(|n| !n.contains('/')), "{names:?}");
        assert!(ShippedAssets.list("nothing-here").is_err());
        assert_eq!(
            ShippedAssets.read("designs").unwrap_err().kind(),
            io::ErrorKind::InvalidInput
        );
    }

    #[test]
    fn paths_that_climb_out_are_refused() {
        for rel in [
            "../hotline.toml",
            "/etc/passwd",
            "designs/../hotline.toml",
            "",
        ] {
            assert_eq!(
                ShippedAssets.read(rel).unwrap_err().kind(),
                io::ErrorKind::PermissionDenied,
                "{rel}"
            );
        }
    }
}
