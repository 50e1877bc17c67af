//! `hotline-kit locale import FILE`: check a translated XLIFF or CSV file as a whole,
//! then write the catalog and its review records, or write nothing.
//!
//! Every unit is checked before anything is written: the file is for a known locale,
//! each id is a message of the English source, the English in the file is the current
//! English, the translation is not empty, holds no control character and the same
//! placeables as the English. The new catalog is then loaded exactly as `check` loads
//! it (the catalog lint: typed numbers, look-alike numbers, direction controls, blank
//! text), its glyphs are checked against the locale's fonts, and every design that
//! shows a changed message is laid out with the real layout: a text that does not fit
//! at the slot's smallest size is refused. Problems are told at the unit's line in the
//! import file.

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::{Pattern, bad_char, ftl_edit, raw_messages};
use crate::base::assets::Assets;
use crate::base::diag::{Diagnostic, Diagnostics, Source};
use crate::load::locale::Review;
use crate::load::project::Project;

/// One unit read from an import file.
#[derive(Debug, Clone)]
pub struct InUnit {
    /// Message id.
    pub id: String,
    /// The English source as the file has it (`None` when missing or unreadable).
    pub source: Option<Pattern>,
    /// The translation.
    pub target: Option<Pattern>,
    /// The gloss, if the file carries one.
    pub gloss: Option<String>,
    /// Where the unit is in the file.
    pub span: Range<usize>,
    /// Its line (1-based).
    pub line: usize,
}

/// An import file, read.
#[derive(Debug, Clone)]
pub struct InFile {
    /// The file.
    pub src: Arc<Source>,
    /// The locale it says it is for.
    pub locale: String,
    /// The source language it says (XLIFF), or empty.
    pub source_lang: String,
    /// Its units, in file order.
    pub units: Vec<InUnit>,
    /// Each unit must carry its English source (to tell an old source).
    pub source_required: bool,
}

/// How the import records what it writes.
#[derive(Debug, Clone)]
pub struct Options {
    /// Who translated or reviewed (`--by`).
    pub by: Option<String>,
    /// Status given to changed messages (`translated` or `translator-reviewed`).
    pub status: Review,
    /// Today (YYYY-MM-DD), from the command line's clock.
    pub date: String,
}

/// What an import did.
#[derive(Debug, Default)]
pub struct Outcome {
    /// Lines to print: one per changed message (old -> new), then a summary.
    pub lines: Vec<String>,
    /// Messages whose text changed.
    pub changed: usize,
    /// Whether anything was written.
    pub written: bool,
}

/// Project files overlaid with new contents (the catalog and review file an import
/// would write), so the new catalog is loaded and laid out exactly as `check` would.
struct Overlay {
    base: Arc<dyn Assets>,
    files: BTreeMap<String, Vec<u8>>,
}

impl Assets for Overlay {
    fn read(&self, rel: &str) -> std::io::Result<Vec<u8>> {
        match self.files.get(rel) {
            Some(b) => Ok(b.clone()),
            None => self.base.read(rel),
        }
    }
    fn list(&self, rel_dir: &str) -> std::io::Result<Vec<String>> {
        self.base.list(rel_dir)
    }
    fn display_path(&self, rel: &str) -> PathBuf {
        self.base.display_path(rel)
    }
    fn canonical_path(&self, rel: &str) -> Option<PathBuf> {
        if self.files.contains_key(rel) {
            None
        } else {
            self.base.canonical_path(rel)
        }
    }
}

fn read_file(path: &Path) -> Result<Arc<Source>, Diagnostic> {
    let fail = |e: std::io::Error| {
        Diagnostic::error(format!("cannot read {}: {e}", path.display())).in_file(path)
    };
    let meta = std::fs::metadata(path).map_err(fail)?;
    if !meta.is_file() {
        return Err(Diagnostic::error(format!("{} is not a file", path.display())).in_file(path));
    }
    if meta.len() > super::MAX_FILE_BYTES {
        return Err(Diagnostic::error(format!(
            "{} is {} bytes; an import file may have at most {} (a whole catalog is well under 1 MB)",
            path.display(),
            meta.len(),
            super::MAX_FILE_BYTES
        ))
        .in_file(path)
        .hint("import the file hotline-kit exported, translated; nothing else"));
    }
    let bytes = std::fs::read(path).map_err(fail)?;
    crate::base::assets::decode_utf8(bytes)
        .map(|t| Source::new(path.to_path_buf(), t))
        .map_err(|e| crate::load::project::not_utf8(path.to_path_buf(), e))
}

/// Whitespace runs as one space, ends trimmed: how two copies of one English text are
/// compared (CAT tools may re-wrap or re-indent).
fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn is_xliff(path: &Path, text: &str) -> bool {
    match path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
    {
        Some(e) if ["xlf", "xliff", "xml"].contains(&e.as_str()) => true,
        Some(e) if e == "csv" => false,
        _ => text
            .trim_start_matches('\u{feff}')
            .trim_start()
            .starts_with('<'),
    }
}

/// The message id a diagnostic names (`message `id``), if any.
fn named_id(msg: &str) -> Option<&str> {
    let rest = &msg[msg.find("message `")? + "message `".len()..];
    Some(&rest[..rest.find('`')?])
}

/// A diagnostic about the new catalog, told at the unit in the import file.
fn at_unit(d: Diagnostic, file: &InFile, unit: Option<&InUnit>, catalog: &str) -> Diagnostic {
    let mut out = match unit {
        Some(u) => Diagnostic::error(format!("unit `{}` (line {}): {}", u.id, u.line, d.message))
            .at(&file.src, Some(u.span.clone())),
        None => Diagnostic::error(d.message.clone()).at(&file.src, None),
    };
    out.severity = d.severity;
    for h in d.hints {
        out = out.hint(h);
    }
    out.hint(format!(
        "nothing was written; fix the translation in {} and import again (it would go to {catalog})",
        file.src.path.display()
    ))
}

/// Import `path` into the project at `root`.
pub fn import(root: &Path, path: &Path, opts: &Options) -> Result<Outcome, Diagnostics> {
    let src = read_file(path)?;
    let xliff = is_xliff(path, &src.text);
    import_source(root, src, xliff, opts)
}

/// Import a file's text (XLIFF when `xliff`, else CSV) into the project at `root`, with
/// every check of [`import`]: the web application's string editor sends its edits
/// through here as a one-unit CSV, so an edit passes exactly the checks an import does.
pub fn import_source(
    root: &Path,
    src: Arc<Source>,
    xliff: bool,
    opts: &Options,
) -> Result<Outcome, Diagnostics> {
    let path = src.path.clone();
    let path = path.as_path();
    let p = Project::load(crate::products::facility::open(root)?)?;
    let en_cat = super::source_catalog(&p)?;
    let en_text =
        crate::load::project::read_source(&*p.assets, &format!("locales/{}.ftl", en_cat.code))?;
    let english: BTreeMap<String, Pattern> = raw_messages(&en_text.text)
        .into_iter()
        .map(|(k, v)| (k, v.pattern))
        .collect();
    let file = if xliff {
        super::xliff::read(&src, &english)?
    } else {
        super::table::read(&src, &english)?
    };
    let whole = |m: String| Diagnostic::error(m).at(&src, Some(0..0));

    // The locale.
    if !file.source_lang.is_empty() && !file.source_lang.eq_ignore_ascii_case(&en_cat.code) {
        return Err(whole(format!(
            "the file translates from `{}`; hotline-kit's source language is `{}`",
            file.source_lang, en_cat.code
        ))
        .into());
    }
    let Some(cat) = p
        .catalogs
        .values()
        .find(|c| c.code.eq_ignore_ascii_case(&file.locale))
    else {
        return Err(whole(format!(
            "the file is for locale `{}`, which is not in locales/locales.toml",
            file.locale
        ))
        .hint(format!(
            "locales: {}",
            p.catalogs.keys().cloned().collect::<Vec<_>>().join(", ")
        ))
        .hint("a new language starts with `hotline-kit locale new CODE`, then export and import")
        .into());
    };
    if cat.info.source {
        return Err(whole(format!(
            "`{}` is the source language; import translations into the other locales",
            cat.code
        ))
        .into());
    }
    let code = cat.code.clone();
    let ftl_rel = format!("locales/{code}.ftl");
    let review_rel = format!("locales/review/{code}.toml");
    let ftl_src = crate::load::project::read_source(&*p.assets, &ftl_rel)?;
    let current = raw_messages(&ftl_src.text);

    // Every unit on its own.
    let mut d = Diagnostics::default();
    let mut seen = BTreeSet::new();
    let mut changes: Vec<(&InUnit, Pattern)> = Vec::new();
    let mut unchanged: Vec<&InUnit> = Vec::new();
    let mut skipped = 0;
    for u in &file.units {
        let err = |m: String| {
            Diagnostic::error(format!("unit `{}` (line {}): {m}", u.id, u.line))
                .at(&src, Some(u.span.clone()))
        };
        let Some(en) = english.get(&u.id) else {
            d.push(
                err(format!("`{}` is not a message of the English source", u.id))
                    .hint("units come from `hotline-kit locale export`; do not add or rename them"),
            );
            continue;
        };
        if !seen.insert(u.id.clone()) {
            d.push(err("the file has this unit twice".into()).hint("keep one"));
            continue;
        }
        match &u.source {
            None if file.source_required => {
                d.push(
                    err("the unit has no English source".into())
                        .hint("keep the source of every unit as exported"),
                );
                continue;
            }
            Some(s) if squash(&s.fluent()) != squash(&en.fluent()) => {
                d.push(
                    err(format!(
                        "it was translated from an older English text: the file has \"{}\", the English is now \"{}\"",
                        s.fluent(),
                        en.fluent()
                    ))
                    .hint(format!("export again (hotline-kit locale export {code} ...) and translate the changed English")),
                );
                continue;
            }
            _ => {}
        }
        let old = current.get(&u.id).map(|r| &r.pattern);
        let target = match &u.target {
            Some(t) if !crate::base::numbers::is_blank(&t.fluent()) => t,
            _ if old.is_none() => {
                skipped += 1; // not translated yet, and not in the catalog either
                continue;
            }
            _ => {
                d.push(err("the translation is empty".into()).hint(
                    "write the translation, or delete the unit from the file to leave the message as it is",
                ));
                continue;
            }
        };
        if let Some(c) = bad_char(&target.fluent()) {
            d.push(
                err(format!(
                    "the translation holds the control character U+{:04X}",
                    c as u32
                ))
                .hint("delete it"),
            );
            continue;
        }
        if let Some(c) = u.gloss.as_deref().and_then(bad_char) {
            d.push(
                err(format!(
                    "the gloss holds the control character U+{:04X}",
                    c as u32
                ))
                .hint("delete it"),
            );
            continue;
        }
        let (want, have) = (en.placeables(), target.placeables());
        if want != have {
            let missing: Vec<&str> = want.iter().filter(|w| !have.contains(w)).copied().collect();
            let extra: Vec<&str> = have.iter().filter(|h| !want.contains(h)).copied().collect();
            let count = |v: &[&str], p: &str| v.iter().filter(|x| **x == p).count();
            let what = if !missing.is_empty() {
                format!("it lacks {}", missing.join(", "))
            } else if !extra.is_empty() {
                format!("it adds {}", extra.join(", "))
            } else {
                let p = have
                    .iter()
                    .find(|p| count(&have, p) != count(&want, p))
                    .copied()
                    .unwrap_or_default();
                format!(
                    "it has {p} {} times, the English {} time(s)",
                    count(&have, p),
                    count(&want, p)
                )
            };
            d.push(
                err(format!("the placeables differ from the English source: {what}"))
                    .hint("each placeable prints a checked hotline fact; keep every one exactly once, as in the English"),
            );
            continue;
        }
        if old == Some(target) {
            unchanged.push(u);
        } else {
            changes.push((u, target.clone()));
        }
    }
    if d.has_errors() {
        return Err(d);
    }
    let by = match (&opts.by, opts.status) {
        (Some(b), _) if !b.trim().is_empty() => b.trim().to_string(),
        (_, Review::TranslatorReviewed) => {
            return Err(Diagnostic::error("--status translator-reviewed needs --by NAME: a review is recorded with the reviewer's name")
                .hint("hotline-kit locale import es.xlf --status translator-reviewed --by \"J. Ortiz\"")
                .into());
        }
        _ => format!(
            "translator (imported from {})",
            path.file_name().map_or_else(
                || path.display().to_string(),
                |n| n.to_string_lossy().into_owned()
            )
        ),
    };
    // A review of the whole file also covers the messages it left as they were.
    let reviewed: Vec<&InUnit> = if opts.status >= Review::TranslatorReviewed {
        unchanged
            .iter()
            .copied()
            .filter(|u| {
                let s = cat.status(&u.id);
                s < opts.status && s > Review::Untranslated
            })
            .collect()
    } else {
        Vec::new()
    };
    let gloss_changed: Vec<&InUnit> = unchanged
        .iter()
        .copied()
        .filter(|u| {
            let now = cat
                .review
                .get(&u.id)
                .and_then(|r| r.gloss.clone())
                .unwrap_or_default();
            u.gloss
                .as_deref()
                .is_some_and(|g| !g.trim().is_empty() && g.trim() != now.trim())
        })
        .collect();
    let mut out = Outcome::default();
    if changes.is_empty() && reviewed.is_empty() && gloss_changed.is_empty() {
        out.lines.push(format!(
            "{}: nothing to change in {ftl_rel} ({} unit(s) as they are{}); nothing written",
            path.display(),
            unchanged.len(),
            if skipped > 0 {
                format!(", {skipped} left untranslated")
            } else {
                String::new()
            }
        ));
        return Ok(out);
    }

    // The new catalog, loaded as `check` loads it.
    let mut ftl = ftl_src.text.clone();
    for (u, t) in &changes {
        ftl = ftl_edit::set(&ftl, &u.id, t);
    }
    let review_path = root.join(&review_rel);
    let review_text = match p.assets.read_text(&review_rel) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(e) => {
            return Err(Diagnostic::error(format!("cannot read {review_rel}: {e}")).into());
        }
    };
    let unit_of = |id: &str| file.units.iter().find(|u| u.id == id);
    let catalog_path = ftl_src.path.display().to_string();
    let reanchor = |ds: Diagnostics| -> Diagnostics {
        Diagnostics(
            ds.0.into_iter()
                .filter(|x| x.is_error())
                .map(|x| {
                    let u = named_id(&x.message).and_then(unit_of);
                    at_unit(x, &file, u, &catalog_path)
                })
                .collect(),
        )
    };
    let overlay = |files: BTreeMap<String, Vec<u8>>| -> Arc<dyn Assets> {
        Arc::new(Overlay {
            base: p.assets.clone(),
            files,
        })
    };
    let p2 = Project::load(overlay(BTreeMap::from([(
        ftl_rel.clone(),
        ftl.clone().into_bytes(),
    )])))
    .map_err(reanchor)?;
    let cat2 = p2.catalog(&code)?;
    // What was written reads back as what was meant.
    let reread = raw_messages(&ftl);
    for (u, t) in &changes {
        if reread.get(&u.id).map(|r| &r.pattern) != Some(t) {
            return Err(at_unit(
                Diagnostic::error(format!(
                    "the translation would not read back from the catalog as written (\"{}\")",
                    t.fluent()
                )),
                &file,
                Some(u),
                &catalog_path,
            )
            .into());
        }
    }
    let changed_ids: BTreeSet<&str> = changes.iter().map(|(u, _)| u.id.as_str()).collect();
    let mut d = Diagnostics::default();
    d.extend(
        reanchor(crate::checks::coverage::check(&p2, cat2))
            .0
            .into_iter()
            .filter(|x| {
                x.message.starts_with("unit `")
                    && changed_ids
                        .iter()
                        .any(|id| x.message.starts_with(&format!("unit `{id}`")))
            }),
    );
    // Fit: every design that shows a changed message, laid out before and after.
    let uses = super::uses::uses(&p);
    let mut designs: BTreeSet<&str> = BTreeSet::new();
    for id in &changed_ids {
        designs.extend(super::uses::designs_using(&uses, id));
    }
    for name in designs {
        let (Some(d1), Some(d2)) = (p.designs.get(name), p2.designs.get(name)) else {
            continue;
        };
        let before: BTreeSet<String> =
            match crate::products::piece::make(&p, d1, &code, &Default::default()) {
                Ok(_) => BTreeSet::new(),
                Err(e) => e.0.into_iter().map(|x| x.message).collect(),
            };
        let Err(after) = crate::products::piece::make(&p2, d2, &code, &Default::default()) else {
            continue;
        };
        for x in after
            .0
            .into_iter()
            .filter(|x| x.is_error() && !before.contains(&x.message))
        {
            // The changed messages this slot shows.
            let here: Vec<&InUnit> = changed_ids
                .iter()
                .filter(|id| {
                    uses.get(**id).is_some_and(|us| {
                        us.iter().any(|u| {
                            u.design == name && x.message.contains(&format!("slot `{}` ", u.slot))
                        })
                    })
                })
                .filter_map(|id| unit_of(id))
                .collect();
            if here.is_empty() {
                d.push(at_unit(x.clone(), &file, None, &catalog_path));
            }
            for u in here {
                d.push(at_unit(x.clone(), &file, Some(u), &catalog_path));
            }
        }
    }
    if d.has_errors() {
        return Err(d);
    }

    // The review records.
    let mut doc: toml_edit::DocumentMut =
        review_text.parse().map_err(|e: toml_edit::TomlError| {
            Diagnostic::error(format!("{review_rel} is not valid TOML: {}", e.message()))
                .in_file(&review_path)
        })?;
    let mut record = |id: &str, status: Review, gloss: Option<&str>| -> Result<(), Diagnostic> {
        let t = doc
            .entry(id)
            .or_insert_with(|| toml_edit::Item::Table(toml_edit::Table::new()));
        let Some(t) = t.as_table_mut() else {
            return Err(
                Diagnostic::error(format!("{review_rel}: `{id}` is not a table"))
                    .in_file(&review_path),
            );
        };
        t["status"] = toml_edit::value(status.as_str());
        t["by"] = toml_edit::value(by.as_str());
        t["date"] = toml_edit::value(opts.date.as_str());
        if let Some(g) = gloss.map(str::trim).filter(|g| !g.is_empty()) {
            t["gloss"] = toml_edit::value(g);
        }
        t["hash"] = toml_edit::value(crate::load::locale::text_hash(&cat2.messages[id]));
        Ok(())
    };
    let mut stale_gloss = Vec::new();
    for (u, t) in &changes {
        let old_gloss = cat
            .review
            .get(&u.id)
            .and_then(|r| r.gloss.clone())
            .unwrap_or_default();
        let new_gloss = u.gloss.as_deref().filter(|g| g.trim() != old_gloss.trim());
        if new_gloss.is_none() {
            stale_gloss.push(u.id.as_str());
        }
        record(&u.id, opts.status, new_gloss)?;
        let old = current.get(&u.id).map_or("(missing)".to_string(), |r| {
            format!("\"{}\"", r.pattern.fluent())
        });
        out.lines
            .push(format!("  {}: {old} -> \"{}\"", u.id, t.fluent()));
    }
    for u in &reviewed {
        record(&u.id, opts.status, u.gloss.as_deref())?;
        out.lines.push(format!(
            "  {}: unchanged, now {}",
            u.id,
            opts.status.as_str()
        ));
    }
    for u in gloss_changed
        .iter()
        .filter(|u| !reviewed.iter().any(|r| r.id == u.id))
    {
        let t = doc.get_mut(&u.id).and_then(|t| t.as_table_mut());
        if let (Some(t), Some(g)) = (t, u.gloss.as_deref()) {
            t["gloss"] = toml_edit::value(g.trim());
            out.lines.push(format!("  {}: gloss updated", u.id));
        }
    }
    let review_new = doc.to_string();
    // The review file must read back (the same parser `check` uses).
    let mut probe = cat2.clone();
    let rd = crate::load::locale::parse_review(
        &mut probe,
        &Source::new(review_path.clone(), review_new.clone()),
    );
    if rd.has_errors() {
        return Err(rd);
    }

    crate::products::kit::write_atomic(&root.join(&ftl_rel), ftl.as_bytes())?;
    crate::products::kit::write_atomic(&review_path, review_new.as_bytes())?;
    out.changed = changes.len();
    out.written = true;
    if !stale_gloss.is_empty() {
        out.lines.push(format!(
            "  note: the gloss of {} still describes the old text; update it in {review_rel} (or in the file's gloss column/note) so reviewers who cannot read {} know what it says",
            stale_gloss.join(", "),
            cat.info.name
        ));
    }
    out.lines.push(format!(
        "{}: {} message(s) changed ({}), {} reviewed as they were, {} unchanged{}; wrote {ftl_rel} and {review_rel}",
        path.display(),
        changes.len(),
        opts.status.as_str(),
        reviewed.len(),
        unchanged.len() - reviewed.len(),
        if skipped > 0 { format!(", {skipped} left untranslated") } else { String::new() }
    ));
    Ok(out)
}
