//! Building a kit: every selected design x locale x format, laid out and exported in
//! parallel, checked, and only then written, as a whole folder swapped in at the end
//! ([`crate::base::output`]), so a failed or killed build never leaves a partial file or
//! replaces a good one.

use std::io::Write as _;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::base::diag::{Diagnostic, Diagnostics};
use crate::load::project::Project;
use crate::products::cache::Cache;
use crate::scene::Scene;

pub use crate::model::config::Format;
pub use crate::products::piece::{
    ManifestEntry, OutFile, Rendered, compile, compile_with, describe, export, piece_files,
    piece_stem, render,
};
pub use crate::products::selection::{DEFAULT_LOCALES, Selection, prepare};

/// Build every selected piece in memory, after [`prepare`]. Nothing is written. `tick`
/// is called once per finished piece x format with a short label. Returns the files and
/// the warnings.
pub fn make(
    project: &Project,
    sel: &Selection,
    tick: &(dyn Fn(&str) + Sync),
) -> Result<(Vec<OutFile>, Diagnostics), Diagnostics> {
    make_cached(project, sel, tick, &Cache::off())
}

/// [`make`], taking files already drawn from `cache` and keeping what it draws there.
/// The files are the same bytes either way.
pub fn make_cached(
    project: &Project,
    sel: &Selection,
    tick: &(dyn Fn(&str) + Sync),
    cache: &Cache,
) -> Result<(Vec<OutFile>, Diagnostics), Diagnostics> {
    make_all(project, sel, tick, cache).map(|(f, d, _)| (f, d))
}

/// [`make_cached`], also returning the pieces' scenes (as laid out and sealed).
pub fn make_all(
    project: &Project,
    sel: &Selection,
    tick: &(dyn Fn(&str) + Sync),
    cache: &Cache,
) -> Result<(Vec<OutFile>, Diagnostics, Vec<Scene>), Diagnostics> {
    let (ok, mut diags) = prepare(project, sel)?;
    if sel.final_only {
        refuse_drafts(&ok)?;
    }
    if sel.cut_line {
        let names: Vec<String> = ok.iter().map(|s| s.design.clone()).collect();
        if !names
            .iter()
            .any(|n| project.designs.get(n).is_some_and(|d| d.kind.is_die_cut()))
        {
            return Err(not_die_cut(project, &names).into());
        }
    }
    let (_, _, formats) = sel.resolve(project);
    let work: Vec<(&Scene, Format)> = ok
        .iter()
        .flat_map(|s| formats.iter().map(move |f| (s, *f)))
        .collect();
    let results: Vec<Result<Vec<OutFile>, Diagnostic>> = work
        .par_iter()
        .map(|(s, f)| {
            let stem = piece_stem(&s.design, &s.locale);
            let design = project.designs.get(&s.design);
            let mut cut = match design {
                Some(d) if sel.cut_line && d.kind.is_die_cut() => {
                    std::borrow::Cow::Owned(crate::products::marks::add_cut_line(s, d))
                }
                _ => std::borrow::Cow::Borrowed(*s),
            };
            // Press colour is for print PDFs only: PNG and SVG stay RGB.
            if *f == Format::Pdf
                && s.medium == crate::load::spec::Medium::Print
                && sel.color != crate::model::config::ColorMode::Rgb
            {
                cut.to_mut().ink = sel.color;
            }
            let draw = |scene: &Scene| {
                cache
                    .get_or_draw(scene, *f, || render(scene, *f))
                    .map(|r| describe(scene, *f, &stem, r))
            };
            let r = if sel.marks && *f == Format::Pdf {
                let size = design.map_or_else(String::new, |d| d.size_text());
                crate::products::marks::add(project, &cut, &size).and_then(|m| draw(&m))
            } else {
                draw(&cut)
            };
            tick(&format!("{stem}.{}", f.ext()));
            r
        })
        .collect();
    let mut files = Vec::new();
    for r in results {
        match r {
            Ok(mut f) => files.append(&mut f),
            Err(e) => diags.push(e),
        }
    }
    if diags.has_errors() {
        return Err(diags);
    }
    if let Some(ls) = &sel.loops {
        match crate::products::loops::kit_loops(project, sel, &ok, ls) {
            Ok(mut l) => files.append(&mut l),
            Err(e) => diags.push(e),
        }
        if diags.has_errors() {
            return Err(diags);
        }
    }
    let phone = project.hotline.phone.display.clone();
    for f in &mut files {
        f.entry.number = phone.clone();
        set_audience(project, &mut f.entry);
    }
    files.sort_by(|a, b| a.entry.path.cmp(&b.entry.path));
    Ok((files, diags, ok))
}

/// Fill a manifest entry's audience, region and base from locales.toml.
fn set_audience(project: &Project, e: &mut ManifestEntry) {
    let info = |code: &str| project.catalogs.get(code).map(|c| &c.info);
    if let Some(i) = info(&e.locale) {
        e.audience = i.audience.clone();
        e.region = i.region.clone();
        e.base = i.base.clone();
    } else if e.locales.len() > 1 {
        let each: Vec<String> = e
            .locales
            .iter()
            .filter_map(|c| Some(format!("{c}: {}", info(c)?.audience.as_deref()?)))
            .collect();
        e.audience = (!each.is_empty()).then(|| each.join(" | "));
    }
}

/// `--cut-line` asked of designs none of which is die-cut: an error naming the designs
/// that are.
pub fn not_die_cut(project: &Project, designs: &[String]) -> Diagnostic {
    let mut asked: Vec<&str> = designs.iter().map(String::as_str).collect();
    asked.sort();
    asked.dedup();
    let die_cut: Vec<&str> = project
        .designs
        .values()
        .filter(|d| d.kind.is_die_cut())
        .map(|d| d.name.as_str())
        .collect();
    let hint = if die_cut.is_empty() {
        "no design of this project is a sticker or cling (`kind` in the design file)".to_string()
    } else {
        format!(
            "the die-cut designs are {}; choose one of them, or leave out --cut-line",
            die_cut.join(", ")
        )
    };
    Diagnostic::error(format!(
        "--cut-line adds the die-cut line of stickers and clings, and none of the designs asked for is one: {}",
        asked.join(", ")
    ))
    .hint(hint)
}

/// One line for `build --cut-line`: which designs got a die-cut line and which did not.
pub fn cut_line_note(files: &[OutFile]) -> String {
    let mut with: Vec<&str> = Vec::new();
    let mut without: Vec<&str> = Vec::new();
    for f in files {
        let list = if f.entry.cut_line {
            &mut with
        } else {
            &mut without
        };
        list.push(&f.entry.design);
    }
    for l in [&mut with, &mut without] {
        l.sort();
        l.dedup();
    }
    without.retain(|d| !with.contains(d));
    let mut note = format!(
        "note: cut line (spot colour CutContour, on the trim) added to {}",
        with.join(", ")
    );
    if !without.is_empty() {
        note.push_str(&format!(
            "; not to {}, which {} not die-cut",
            without.join(", "),
            if without.len() == 1 { "is" } else { "are" }
        ));
    }
    note
}

/// `build --final`: an error listing every piece that is not approved for print.
pub fn refuse_drafts(scenes: &[Scene]) -> Result<(), Diagnostics> {
    let drafts: Vec<&Scene> = scenes.iter().filter(|s| s.draft.is_some()).collect();
    if drafts.is_empty() {
        return Ok(());
    }
    let mut d = Diagnostic::error(format!(
        "--final: {} of {} pieces are not approved for print, so nothing was made",
        drafts.len(),
        scenes.len()
    ));
    for s in &drafts {
        d = d.hint(format!(
            "{} ({}): {}",
            s.design,
            s.locale,
            s.draft.as_deref().unwrap_or_default()
        ));
    }
    Err(d
        .hint("`hotline-kit proof` makes the review packet; `hotline-kit approve DESIGN --locale CODE --by NAME` records an approval; `hotline-kit status` shows what is missing")
        .code("final")
        .into())
}

/// Write `bytes` to `path` through a temporary file in the same folder and a rename:
/// readers see the old file or the new one, never a partial one. Temporary files of
/// earlier runs that were killed are removed first.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), Diagnostic> {
    let fail = |e: std::io::Error| {
        Diagnostic::error(format!("cannot write {}: {e}", path.display()))
            .hint("choose an output folder you can write to with --out / -o")
    };
    if path.is_dir() {
        return Err(Diagnostic::error(format!(
            "cannot write {}: it is a folder, not a file",
            path.display()
        ))
        .hint("name the file to write, e.g. -o poster.pdf"));
    }
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).map_err(fail)?;
    crate::base::output::clean_stale_temps(dir);
    let mut tmp = tempfile::Builder::new()
        .prefix(&format!(
            "{}{}-",
            crate::base::output::TEMP_FILE,
            std::process::id()
        ))
        .tempfile_in(dir)
        .map_err(fail)?;
    tmp.write_all(bytes).map_err(fail)?;
    // Temporary files are private (0600); outputs are shared with print shops and
    // other staff, so they get the usual 0644.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        tmp.as_file()
            .set_permissions(std::fs::Permissions::from_mode(0o644))
            .map_err(fail)?;
    }
    tmp.as_file().sync_all().map_err(fail)?;
    tmp.persist(path).map_err(|e| fail(e.error))?;
    Ok(())
}

/// Write built files and `manifest.json` (last) as the whole of the output folder `out`
/// (see [`crate::base::output`]). Returns the manifest's path and what happened to files
/// that were there before.
pub fn write(
    out: &crate::base::output::OutDir,
    files: &[OutFile],
) -> Result<(PathBuf, crate::base::output::Published), Diagnostics> {
    let json = manifest_json(files);
    let list: Vec<(&str, &[u8])> = files
        .iter()
        .map(|f| (f.entry.path.as_str(), f.bytes.as_slice()))
        .collect();
    let done = crate::base::output::publish(out, &list, &json)?;
    Ok((out.shown.join(crate::base::output::MANIFEST), done))
}

/// The `manifest.json` that [`write`] writes for these files.
pub fn manifest_json(files: &[OutFile]) -> Vec<u8> {
    let manifest: Vec<&ManifestEntry> = files.iter().map(|f| &f.entry).collect();
    let mut json = serde_json::to_vec_pretty(&manifest).expect("manifest serialises");
    json.push(b'\n');
    json
}

/// Pieces (design x locale) among built files.
pub fn piece_count(files: &[OutFile]) -> usize {
    let mut p: Vec<(&str, &str)> = files
        .iter()
        .map(|f| (f.entry.design.as_str(), f.entry.locale.as_str()))
        .collect();
    p.sort();
    p.dedup();
    p.len()
}

/// Number of piece x format jobs a selection makes.
pub fn job_count(project: &Project, sel: &Selection) -> usize {
    let (d, l, f) = sel.resolve(project);
    d.len() * l.len() * f.len()
}
