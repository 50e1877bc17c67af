//! Images of every approved version of a piece, kept in the project so that when the
//! piece changes the board can see it side by side with what it approved:
//! `.hotline-kit/approved/<hash hex>-<page>.png`, each page drawn [`WIDTH`] pixels wide.
//! Written when an approval is recorded (by `approve` and by the web application).

use std::path::{Path, PathBuf};

use crate::base::diag::{Diagnostic, Diagnostics};
use crate::load::project::Project;
use crate::products::approvals::Decided;
use crate::products::kit::Selection;
use crate::scene::Scene;

/// Width in pixels of the kept images (and of the preview they are compared with).
pub const WIDTH: u32 = 800;

/// The folder, relative to the project.
pub const DIR: &str = ".hotline-kit/approved";

/// The hex digits of a content hash (`sha256:` and 64 lowercase hex digits), or `None`
/// for anything else: only such a hash ever becomes part of a file name.
pub fn hash_hex(hash: &str) -> Option<&str> {
    let hex = hash.strip_prefix("sha256:")?;
    (hex.len() == 64 && hex.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))).then_some(hex)
}

/// Where page `page` (from 0) of the version with content `hash` is kept.
pub fn path(project_dir: &Path, hash: &str, page: usize) -> Option<PathBuf> {
    let hex = hash_hex(hash)?;
    Some(
        project_dir
            .join(DIR)
            .join(format!("{hex}-{}.png", page + 1)),
    )
}

/// The kept image of page `page` (from 0) of the version with content `hash`, if any.
/// A folder on the way that is a symbolic link is not followed.
pub fn load(project_dir: &Path, hash: &str, page: usize) -> Option<Vec<u8>> {
    let p = path(project_dir, hash, page)?;
    let rel = p.strip_prefix(project_dir).ok()?.to_str()?.to_string();
    let real = crate::base::assets::confined(project_dir, &rel).ok()?;
    std::fs::read(real).ok()
}

/// Draw page `page` of a scene [`WIDTH`] pixels wide, as PNG.
pub fn draw(scene: &Scene, page: usize, width: u32) -> Result<Vec<u8>, String> {
    let p = scene
        .pages
        .get(page)
        .ok_or_else(|| format!("there is no page {}", page + 1))?;
    let s = width as f32 / p.width.max(1.0);
    let pm = crate::export::png::render_at(scene, p, s)?;
    crate::export::png::encode(&pm, s * 72.0, &scene.meta())
}

/// Keep the images of every page of `scene` (already kept pages are left alone).
/// Refuses to write through a symbolic link out of the project.
pub fn save(project_dir: &Path, scene: &Scene) -> Result<usize, Diagnostic> {
    let fail = |m: String| {
        Diagnostic::error(format!(
            "cannot keep the image of approved {} ({}): {m}",
            scene.design, scene.locale
        ))
    };
    let dir = project_dir.join(DIR);
    if let Some(d) = crate::base::output::not_a_folder(project_dir, DIR) {
        return Err(fail(format!(
            "{} is not a folder (a file or a symbolic link)",
            d.display()
        )));
    }
    std::fs::create_dir_all(&dir).map_err(|e| fail(e.to_string()))?;
    let mut written = 0;
    for page in 0..scene.pages.len() {
        let p = path(project_dir, &scene.hash, page)
            .ok_or_else(|| fail(format!("`{}` is not a content hash", scene.hash)))?;
        if std::fs::symlink_metadata(&p).is_ok() {
            continue;
        }
        let png = draw(scene, page, WIDTH).map_err(fail)?;
        crate::products::kit::write_atomic(&p, &png)?;
        written += 1;
    }
    Ok(written)
}

/// Keep the images of the pieces whose approval was just recorded (`decided`, from
/// [`crate::products::approvals`]); returns a warning line for each that could not be
/// kept (the approval stands either way).
pub fn save_decided(
    project: &Project,
    sel: &Selection,
    project_dir: &Path,
    decided: &[Decided],
) -> Vec<String> {
    let opts = sel.options_for(project);
    let mut warnings = Vec::new();
    for d in decided.iter().filter(|d| d.recorded) {
        let kept = crate::products::kit::compile_with(project, &d.design, &d.locale, &opts)
            .map_err(|e: Diagnostics| {
                e.0.first()
                    .map_or_else(|| Diagnostic::error("cannot be made"), Clone::clone)
            })
            .and_then(|s| {
                if s.hash == d.hash {
                    save(project_dir, &s)
                } else {
                    Err(Diagnostic::error(format!(
                        "{} ({}) changed while it was approved",
                        d.design, d.locale
                    )))
                }
            });
        if let Err(e) = kept {
            warnings.push(format!("warning: {}", e.message));
        }
    }
    warnings
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_content_hash_names_a_file() {
        let h = format!("sha256:{}", "a".repeat(64));
        assert_eq!(
            path(Path::new("/p"), &h, 0).unwrap(),
            Path::new("/p/.hotline-kit/approved").join(format!("{}-1.png", "a".repeat(64)))
        );
        for bad in [
            "sha256:../../etc/passwd",
            &format!("sha256:{}", "A".repeat(64)),
            &format!("sha256:{}/", "a".repeat(63)),
            &"a".repeat(64),
            "",
        ] {
            assert!(path(Path::new("/p"), bad, 0).is_none(), "{bad}");
        }
    }
}
