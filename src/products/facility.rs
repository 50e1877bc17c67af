//! Which files a command reads: a complete project folder (the source repository) from
//! disk, or a facility folder on top of the library that ships inside the binary; and
//! `hotline-kit init`, which makes a facility folder.
//!
//! A folder is a *complete project* when it has `hotline.toml`, `designs/`,
//! `locales/locales.toml` and `fonts/fonts.toml` ([`PROJECT_MARKERS`]): everything is read from it,
//! nothing from the binary, exactly as before the library shipped inside it. Any other
//! folder is a *facility folder*: its files are read first, and every other file comes
//! from the shipped library ([`crate::base::shipped`]). A facility file with the same relative
//! path as a shipped one overrides it, except the files in [`PROTECTED`].

use std::path::Path;
use std::sync::Arc;

use crate::base::assets::{Assets, FsAssets};
use crate::base::diag::{Diagnostic, Diagnostics};
use crate::base::shipped::FacilityAssets;

/// What makes a folder a complete project (the source repository or a copy of it).
pub const PROJECT_MARKERS: &[&str] = &[
    "hotline.toml",
    "designs",
    "locales/locales.toml",
    "fonts/fonts.toml",
];

/// Shipped files that a facility folder may not replace, and why.
///
/// `hotline.toml` holds the hotline's numbers and channels: every piece prints them and
/// every check compares the pieces against them, so a replaced copy would change the
/// numbers on every piece with no check left to notice; even an unchanged copy would
/// hide the facts of a newer hotline-kit. Designs, catalogs, review
/// records, fonts, content and jurisdiction profiles may be replaced: their numbers
/// and claims are still checked against the shipped `hotline.toml`.
pub const PROTECTED: &[(&str, &str)] = &[(
    "hotline.toml",
    "the hotline's phone number, text number and web address come only from the copy built into hotline-kit, which every piece prints and every check compares against",
)];

/// The README.txt that `init DIR` writes into a new facility folder.
pub const FACILITY_README: &str = "\
This is a hotline-kit facility folder.

hotline-kit carries its library inside the program: the hotline's numbers, the designs,
the translations and their review records, the fonts and the pictures. This folder holds
only what is your facility's own:

  kit.toml     what to print: your facility's name, designs, languages, formats,
               local help programs, how many places of each kind you have
  images/      your own pictures (NAME.png, NAME.jpg or NAME.svg, each with NAME.toml
               saying its licence and what it shows)
  reviews/     approvals by your survivor advisory board (`hotline-kit approve`)
  out/         what `hotline-kit build` makes

Run these in this folder:
  hotline-kit check     checks everything; writes nothing
  hotline-kit build     makes the kit into out/
  hotline-kit plan      how many of each piece to print, and where each goes
  hotline-kit status    which pieces the advisory board has approved for print

Your own version of a built-in file: put a file with the same path here, for example
designs/poster.toml, or locales/es.ftl together with locales/review/es.toml. It is used
instead of the built-in one, and `hotline-kit check` lists every such file. A newer
hotline-kit does not change it: delete it to go back to the built-in one.

hotline.toml cannot be replaced here: the hotline's numbers come only from hotline-kit.
";

/// Whether `dir` is a complete project (see [`PROJECT_MARKERS`]). A marker that is a
/// symbolic link counts as present (it is then checked like every file of the project).
pub fn is_project(dir: &Path) -> bool {
    PROJECT_MARKERS
        .iter()
        .all(|m| std::fs::symlink_metadata(dir.join(m)).is_ok())
}

/// The files a command reads in `dir`: the folder itself if it is a complete project,
/// else the folder over the shipped library. A facility folder that holds a file in
/// [`PROTECTED`] is refused before anything is read.
pub fn open(dir: &Path) -> Result<Arc<dyn Assets>, Diagnostics> {
    if is_project(dir) {
        return Ok(Arc::new(FsAssets::new(dir)));
    }
    if !dir.is_dir() {
        return Err(Diagnostic::error(format!(
            "the folder {} does not exist",
            dir.display()
        ))
        .hint("`hotline-kit init DIR` makes a facility folder; pass it with --project DIR or run hotline-kit inside it")
        .into());
    }
    let mut d = Diagnostics::default();
    for (rel, why) in PROTECTED {
        if std::fs::symlink_metadata(dir.join(rel)).is_err() {
            continue;
        }
        let path = if shown(dir) == "this folder" {
            Path::new(rel).to_path_buf()
        } else {
            dir.join(rel)
        };
        let mut e = Diagnostic::error(format!(
            "{} would replace the {rel} built into hotline-kit, and a facility folder may not replace it",
            path.display()
        ))
        .in_file(&path)
        .hint(format!(
            "remove {rel} from {} (even an unchanged copy: it would hide the facts of a newer hotline-kit): {why}",
            shown(dir)
        ))
        .hint("to change the hotline facts, install a newer hotline-kit, or edit hotline.toml in the hotline-kit source repository");
        let missing: Vec<String> = PROJECT_MARKERS
            .iter()
            .filter(|m| std::fs::symlink_metadata(dir.join(m)).is_err())
            .map(|m| m.to_string())
            .collect();
        e = e.hint(format!(
            "for developers: a folder with hotline.toml, designs/, locales/locales.toml and fonts/fonts.toml is read as a complete project instead; this one has no {}",
            missing.join(" and ")
        ));
        d.push(e);
    }
    if d.has_errors() {
        return Err(d);
    }
    Ok(Arc::new(FacilityAssets::new(dir)))
}

/// The folder as the user knows it (`.` as "this folder").
fn shown(dir: &Path) -> String {
    if dir == Path::new(".") || dir.as_os_str().is_empty() {
        "this folder".to_string()
    } else {
        dir.display().to_string()
    }
}

/// One note line per shipped file that the project replaces with its own copy, for
/// `check`; none for a complete project.
pub fn override_notes(assets: &dyn Assets) -> Vec<String> {
    assets
        .overrides()
        .iter()
        .map(|rel| {
            format!(
                "note: {} is this folder's own copy, used instead of the one built into hotline-kit (a newer hotline-kit will not change it; delete it to use the built-in one)",
                assets.display_path(rel).display()
            )
        })
        .collect()
}

/// Print [`override_notes`] to standard error (for `check`).
pub fn print_overrides(p: &crate::load::project::Project) {
    for note in override_notes(&*p.assets) {
        eprintln!("{note}");
    }
}

/// `hotline-kit init [DIR]`. Without DIR: a starter kit file (`--kit FILE`, else
/// kit.toml in the project folder). With DIR: a facility folder, made if needed, with
/// a starter kit.toml and a README.txt (not in a complete project, whose README is its
/// own). Nothing is overwritten.
pub fn init(project: &Path, kit: Option<&Path>, dir: Option<&Path>) -> Result<(), Diagnostics> {
    let Some(dir) = dir else {
        let path = kit.map_or_else(|| project.join("kit.toml"), Path::to_path_buf);
        refuse_existing(&[&path])?;
        crate::products::kit::write_atomic(&path, crate::load::kitfile::STARTER.as_bytes())?;
        eprintln!(
            "wrote {}: edit it, then run `hotline-kit check` and `hotline-kit build`",
            path.display()
        );
        return Ok(());
    };
    if kit.is_some() {
        return Err(
            Diagnostic::error("`init DIR` writes DIR/kit.toml; --kit names another file")
                .hint("give either a folder (hotline-kit init clinic) or --kit FILE, not both")
                .into(),
        );
    }
    if std::fs::symlink_metadata(dir).is_ok() && !dir.is_dir() {
        return Err(
            Diagnostic::error(format!("{} exists and is not a folder", dir.display()))
                .hint("name a new folder, e.g. hotline-kit init clinic")
                .into(),
        );
    }
    let kit_path = dir.join("kit.toml");
    let readme = (!is_project(dir)).then(|| dir.join("README.txt"));
    let mut paths: Vec<&Path> = vec![&kit_path];
    paths.extend(readme.as_deref());
    refuse_existing(&paths)?;
    std::fs::create_dir_all(dir)
        .map_err(|e| Diagnostic::error(format!("cannot make the folder {}: {e}", dir.display())))?;
    crate::products::kit::write_atomic(&kit_path, crate::load::kitfile::STARTER.as_bytes())?;
    let mut wrote = vec![kit_path.display().to_string()];
    if let Some(r) = &readme {
        crate::products::kit::write_atomic(r, FACILITY_README.as_bytes())?;
        wrote.push(r.display().to_string());
    }
    eprintln!(
        "wrote {}: edit kit.toml (your facility's name, languages, counts), then in {} run `hotline-kit check` and `hotline-kit build`",
        wrote.join(" and "),
        dir.display()
    );
    Ok(())
}

/// Refuse to overwrite any of these files (a link or folder of that name counts).
fn refuse_existing(paths: &[&Path]) -> Result<(), Diagnostics> {
    let d: Vec<Diagnostic> = paths
        .iter()
        .filter(|p| std::fs::symlink_metadata(p).is_ok())
        .map(|p| {
            Diagnostic::error(format!("{} already exists", p.display()))
                .hint("edit it, or remove it first to start again")
        })
        .collect();
    if d.is_empty() {
        Ok(())
    } else {
        Err(Diagnostics(d))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_repository_is_a_complete_project_and_an_empty_folder_is_not() {
        assert!(is_project(Path::new(env!("CARGO_MANIFEST_DIR"))));
        let t = tempfile::tempdir().unwrap();
        assert!(!is_project(t.path()));
        std::fs::write(t.path().join("hotline.toml"), "").unwrap();
        for m in ["designs", "locales", "fonts"] {
            std::fs::create_dir(t.path().join(m)).unwrap();
        }
        std::fs::write(t.path().join("locales/locales.toml"), "").unwrap();
        assert!(!is_project(t.path()), "fonts/fonts.toml is missing");
        let e = match open(t.path()) {
            Err(e) => e,
            Ok(_) => panic!("a facility hotline.toml was accepted"),
        };
        let text = format!("{e:?}");
        assert!(
            text.contains("may not replace") && text.contains("no fonts/fonts.toml"),
            "{text}"
        );
        std::fs::write(t.path().join("fonts/fonts.toml"), "").unwrap();
        assert!(is_project(t.path()));
    }
}
