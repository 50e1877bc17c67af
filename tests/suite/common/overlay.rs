//! The bundled project with some files replaced or added, in a temporary folder layered
//! over it.

use std::sync::Arc;

use hotline_kit::base::assets::FsAssets;
use hotline_kit::base::diag::Diagnostics;
use hotline_kit::load::project::Project;

/// A file of the bundled project, as shipped (empty if it does not exist).
pub fn original(rel: &str) -> String {
    std::fs::read_to_string(super::root().join(rel)).unwrap_or_default()
}

/// Load the bundled project with `files` (project-relative path, new text) replaced or
/// added; the overlay lives in the returned folder.
pub fn load(files: &[(&str, String)]) -> (Result<Project, Diagnostics>, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    for (rel, text) in files {
        let path = dir.path().join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, text).unwrap();
    }
    let assets = FsAssets::layered(vec![dir.path().to_path_buf(), super::root()]);
    (Project::load(Arc::new(assets)), dir)
}

/// A catalog with message `id`'s line replaced by `id = text`.
pub fn set_message(ftl: &str, id: &str, text: &str) -> String {
    let prefix = format!("{id} =");
    assert!(ftl.lines().any(|l| l.starts_with(&prefix)), "no {id}");
    ftl.lines()
        .map(|l| {
            if l.starts_with(&prefix) {
                format!("{id} = {text}")
            } else {
                l.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The diagnostics as text, one per line.
pub fn text(d: &Diagnostics) -> String {
    d.0.iter().map(|x| format!("{x}\n")).collect()
}
