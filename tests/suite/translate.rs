//! The translator round trip: `locale export` to XLIFF 1.2 and CSV, `locale import`
//! back, every check made before anything is written, and hostile files refused.

use crate::common;

use std::collections::BTreeMap;
use std::path::Path;

use common::hk;

/// Every file under `locales/`, by relative path.
fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut out = BTreeMap::new();
    for sub in ["locales", "locales/review"] {
        for e in std::fs::read_dir(dir.join(sub)).unwrap() {
            let e = e.unwrap();
            if e.path().is_file() {
                out.insert(
                    format!("{sub}/{}", e.file_name().to_string_lossy()),
                    std::fs::read(e.path()).unwrap(),
                );
            }
        }
    }
    out
}

/// A copy of the repository with the Spanish `text-short` pinned to a known fixture text
/// (the shipped wording may change; these tests edit and check this one line).
fn project() -> tempfile::TempDir {
    let dir = common::temp_project();
    let ftl = dir.path().join("locales/es.ftl");
    let s = std::fs::read_to_string(&ftl).unwrap();
    let line = s
        .lines()
        .find(|l| l.starts_with("text-short ="))
        .expect("es has text-short")
        .to_string();
    common::edit(&ftl, &line, "text-short = Texto al { $sms }");
    let review = dir.path().join("locales/review/es.toml");
    let s = std::fs::read_to_string(&review).unwrap();
    let table = s.find("[text-short]").expect("es review has text-short");
    let gloss = s[table..]
        .lines()
        .find(|l| l.starts_with("gloss ="))
        .unwrap()
        .to_string();
    let at = table + s[table..].find(&gloss).unwrap();
    let fixed = format!(
        "{}gloss = \"Text to {{ $sms }}\"{}",
        &s[..at],
        &s[at + gloss.len()..]
    );
    std::fs::write(&review, fixed).unwrap();
    dir
}

/// The project in `dir` as it is now on disk.
fn load(dir: &Path) -> hotline_kit::load::project::Project {
    hotline_kit::load::project::Project::load(std::sync::Arc::new(
        hotline_kit::base::assets::FsAssets::new(dir),
    ))
    .unwrap()
}

fn export(dir: &Path, code: &str, format: &str) -> String {
    let file = dir.join(format!("{code}.{format}"));
    let out = hk(
        dir,
        &[
            "locale",
            "export",
            code,
            "--format",
            format,
            "-o",
            file.to_str().unwrap(),
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    std::fs::read_to_string(&file).unwrap()
}

fn import(dir: &Path, file: &Path, extra: &[&str]) -> std::process::Output {
    let mut args = vec!["locale", "import", file.to_str().unwrap()];
    args.extend_from_slice(extra);
    hk(dir, &args)
}

/// The import must be refused, name the file, and leave every catalog and review file
/// byte for byte as it was.
fn refused(dir: &Path, name: &str, text: &str, expect: &[&str]) -> String {
    let before = snapshot(dir);
    let f = dir.join(name);
    std::fs::write(&f, text).unwrap();
    let out = import(dir, &f, &["--by", "Vendor"]);
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(1), "{name} was accepted: {err}");
    assert!(
        err.contains(name),
        "{name}: the error does not name the file: {err}"
    );
    for e in expect {
        assert!(err.contains(e), "{name}: no `{e}` in: {err}");
    }
    assert!(
        before == snapshot(dir),
        "{name}: a refused import changed files"
    );
    err
}

#[test]
fn export_then_import_unchanged_is_byte_identical_in_xliff_and_csv_ltr_and_rtl() {
    let dir = common::temp_project_all_fonts();
    let before = snapshot(dir.path());
    for code in ["es", "ar", "fa"] {
        for format in ["xliff", "csv"] {
            let text = export(dir.path(), code, format);
            // Deterministic: a second export is the same, byte for byte.
            assert_eq!(text, export(dir.path(), code, format), "{code} {format}");
            let out = import(
                dir.path(),
                &dir.path().join(format!("{code}.{format}")),
                &[],
            );
            assert!(
                out.status.success(),
                "{}",
                String::from_utf8_lossy(&out.stderr)
            );
            assert!(
                String::from_utf8_lossy(&out.stderr).contains("nothing to change"),
                "{}",
                String::from_utf8_lossy(&out.stderr)
            );
            assert!(
                before == snapshot(dir.path()),
                "{code} {format} changed files"
            );
        }
    }
}

#[test]
fn export_carries_source_translation_gloss_status_where_and_room_with_locked_placeables() {
    let dir = project();
    let x = export(dir.path(), "es", "xliff");
    let doc = roxmltree::Document::parse(&x).unwrap();
    let unit = doc
        .descendants()
        .find(|n| n.attribute("id") == Some("free-private"))
        .unwrap();
    let child = |name: &str| {
        unit.children()
            .find(|c| c.tag_name().name() == name)
            .unwrap()
    };
    let p = load(dir.path());
    let es = p.catalog("es").unwrap();
    // The placeable is an <x/> tag in source and target; the text around it is the
    // catalog's.
    for part in ["source", "target"] {
        let x = child(part)
            .children()
            .find(|c| c.tag_name().name() == "x")
            .unwrap_or_else(|| panic!("{part} has no <x/>"));
        assert_eq!(x.attribute("equiv-text"), Some("{ $hours }"));
    }
    let target_text: String = child("target")
        .children()
        .filter_map(|c| c.text())
        .collect();
    let shown = es.messages["free-private"]
        .replace(p.hotline.phone.hours.as_deref().unwrap_or_default(), "");
    assert_eq!(target_text.trim(), shown.trim());
    let note = |from: &str| {
        unit.children()
            .find(|c| c.attribute("from") == Some(from))
            .and_then(|c| c.text())
            .unwrap_or_default()
            .to_string()
    };
    assert_eq!(
        note("gloss"),
        es.review["free-private"].gloss.clone().unwrap()
    );
    assert!(note("status").starts_with(es.status("free-private").as_str()));
    // Every design and variant that shows it, with the slot's box and smallest size.
    let where_ = note("appears-in");
    assert!(where_.contains("wallet-card,"), "{where_}");
    let min = p.designs["wallet-card"]
        .slots
        .iter()
        .find(|s| s.name == "free")
        .unwrap()
        .size
        .unwrap()
        .min
        .to_pt(0.75, 0.0);
    assert!(
        where_.contains(&format!("smallest allowed {min} pt")),
        "{where_}"
    );
    // Items of a list and the label of the local resources are named too.
    assert!(
        x.contains("poster, slot flags (list item)"),
        "no list items"
    );
    assert!(
        x.contains("label before each local resource"),
        "no resource label"
    );
}

#[test]
fn cat_style_xliff_with_reordered_units_whitespace_and_attribute_order_imports() {
    let dir = project();
    let x = export(dir.path(), "es", "xliff");
    let es_ftl = std::fs::read_to_string(dir.path().join("locales/es.ftl")).unwrap();
    // What a CAT tool does to the file: units in another order, re-indented with tabs,
    // attributes reordered, the target wrapped in a segment marker.
    let head_end = x.find("      <trans-unit").unwrap();
    let tail_start = x.rfind("    </body>").unwrap();
    let mut units: Vec<&str> = x[head_end..tail_start]
        .split_inclusive("</trans-unit>\n")
        .collect();
    units.reverse();
    let body: String = units
        .iter()
        .map(|u| {
            let u = u.replace("      ", "\t").replace("  ", "\t");
            let (id_start, id_end) = (u.find("id=\"").unwrap(), u.find("\" resname").unwrap());
            let id = u[id_start + 4..id_end].to_string();
            u.replace(
                &format!("<trans-unit id=\"{id}\" resname=\"{id}\">"),
                &format!("<trans-unit\n\t\tresname=\"{id}\"   id='{id}' >"),
            )
        })
        .collect();
    let mut cat = format!("{}{}{}", &x[..head_end], body, &x[tail_start..]);
    let old = "Texto al <x id=\"sms\" ctype=\"x-fluent-placeable\" equiv-text=\"{ $sms }\"/>";
    assert!(cat.contains(old));
    cat = cat.replace(
        old,
        "<mrk mtype=\"seg\" mid=\"1\">Mensaje de texto\n\t\t\tal <x equiv-text=\"{ $sms }\" id=\"sms\"/></mrk>",
    );
    let f = dir.path().join("es-cat.xlf");
    std::fs::write(&f, cat).unwrap();
    let out = import(dir.path(), &f, &["--by", "Acme Translations"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{err}");
    assert!(
        err.contains("text-short: \"Texto al { $sms }\" -> \"Mensaje de texto al { $sms }\""),
        "{err}"
    );
    // Exactly one line of the catalog changed; comments and order kept.
    let now = std::fs::read_to_string(dir.path().join("locales/es.ftl")).unwrap();
    assert_eq!(
        now,
        es_ftl.replace(
            "text-short = Texto al { $sms }",
            "text-short = Mensaje de texto al { $sms }"
        )
    );
    // The review record: status, who, when (the project clock), the text's hash.
    let p = load(dir.path());
    let es = p.catalog("es").unwrap();
    let r = &es.review["text-short"];
    assert_eq!(r.status, hotline_kit::load::locale::Review::Translated);
    assert_eq!(r.by, "Acme Translations");
    assert_eq!(r.date, common::TODAY);
    assert_eq!(
        r.hash.as_deref(),
        Some(hotline_kit::load::locale::text_hash(&es.messages["text-short"]).as_str())
    );
    assert!(es.messages["text-short"].starts_with("Mensaje de texto al "));
    // Importing the same file again changes nothing.
    let before = snapshot(dir.path());
    let again = import(dir.path(), &f, &["--by", "Acme Translations"]);
    assert!(again.status.success());
    assert!(before == snapshot(dir.path()));
}

#[test]
fn broken_or_moved_placeables_are_refused_and_nothing_is_written() {
    let dir = project();
    let x = export(dir.path(), "es", "xliff");
    let tag = "<x id=\"sms\" ctype=\"x-fluent-placeable\" equiv-text=\"{ $sms }\"/>";
    let target = format!("Texto al {tag}</target>");
    assert!(x.contains(&target));
    let cases = [
        (
            "deleted.xlf",
            "Texto al</target>".to_string(),
            "lacks { $sms }",
        ),
        (
            "typed.xlf",
            "Texto al 233733</target>".to_string(),
            "lacks { $sms }",
        ),
        (
            "twice.xlf",
            format!("Texto al {tag} {tag}</target>"),
            "{ $sms } 2 times",
        ),
        (
            "altered.xlf",
            "Texto al <x id=\"sms\" equiv-text=\"{ $phone }\"/></target>".to_string(),
            "was changed",
        ),
        (
            "unknown.xlf",
            "Texto al <x id=\"phone\" equiv-text=\"{ $phone }\"/></target>".to_string(),
            "not one of the English source's placeables",
        ),
        (
            "ph.xlf",
            "Texto al <ph id=\"1\">{ $sms }</ph></target>".to_string(),
            "<ph> is not allowed",
        ),
    ];
    for (name, new, expect) in cases {
        refused(
            dir.path(),
            name,
            &x.replacen(&target, &new, 1),
            &["text-short", expect],
        );
    }
    // The same in CSV: a token changed or dropped.
    let c = export(dir.path(), "es", "csv");
    for (name, from, to, expect) in [
        (
            "dropped.csv",
            "\"Texto al { $sms }\"",
            "\"Texto al\"",
            "lacks { $sms }",
        ),
        (
            "changed.csv",
            "\"Texto al { $sms }\"",
            "\"Texto al { $phone }\"",
            "not a placeable",
        ),
        (
            "open.csv",
            "\"Texto al { $sms }\"",
            "\"Texto al { $sms \"",
            "never closed",
        ),
    ] {
        assert!(c.contains(from));
        refused(
            dir.path(),
            name,
            &c.replacen(from, to, 1),
            &["text-short", expect],
        );
    }
}

#[test]
fn typed_numbers_overflow_old_source_empty_and_unknown_units_are_refused() {
    let dir = project();
    let x = export(dir.path(), "es", "xliff");
    let head = "¿Se siente a salvo en el trabajo y en casa?";
    assert!(x.contains(head));
    // The same catalog lint the catalogs get: a typed hotline number.
    refused(
        dir.path(),
        "number.xlf",
        &x.replacen(head, "Llame al 1-888-373-7888", 1),
        &["poster-headline", "types the hotline number"],
    );
    // Too long for the poster's headline at its smallest size (the real layout).
    refused(
        dir.path(),
        "long.xlf",
        &x.replacen(head, &format!("{head} ").repeat(12), 1),
        &[
            "poster-headline",
            "does not fit in slot `headline` of design `poster`",
        ],
    );
    // A character no font of the locale has.
    refused(
        dir.path(),
        "glyph.xlf",
        &x.replacen(head, "¿Se siente a salvo? \u{0E01}", 1),
        &["poster-headline", "U+0E01"],
    );
    // Translated from an older English text.
    refused(
        dir.path(),
        "old.xlf",
        &x.replacen(
            "Are you safe at work and at home?</source>",
            "Are you safe at home?</source>",
            1,
        ),
        &["poster-headline", "older English text"],
    );
    refused(
        dir.path(),
        "empty.xlf",
        &x.replacen(&format!(">{head}</target>"), "> </target>", 1),
        &["poster-headline", "empty"],
    );
    // XML 1.0 cannot hold a bell character at all; a spreadsheet can.
    refused(
        dir.path(),
        "control.xlf",
        &x.replacen(head, "¿Se siente&#x7; a salvo?", 1),
        &["not a readable XLIFF file"],
    );
    let c = export(dir.path(), "es", "csv");
    refused(
        dir.path(),
        "control.csv",
        &c.replacen(head, "¿Se siente\u{7} a salvo?", 1),
        &["poster-headline", "U+0007"],
    );
    refused(
        dir.path(),
        "unknown-unit.xlf",
        &x.replacen("id=\"poster-headline\"", "id=\"poster-headline-2\"", 1),
        &["poster-headline-2", "not a message of the English source"],
    );
    refused(
        dir.path(),
        "unknown-locale.xlf",
        &x.replacen("target-language=\"es\"", "target-language=\"xx\"", 1),
        &["locale `xx`"],
    );
    // A good change beside a bad one: nothing of it is written.
    let mixed = x
        .replacen("Texto al <x", "Mensaje de texto al <x", 1)
        .replacen(head, "Llame al 1-888-373-7888", 1);
    refused(dir.path(), "mixed.xlf", &mixed, &["poster-headline"]);
}

#[test]
fn hostile_xliff_is_refused_before_it_is_read() {
    let dir = project();
    let x = export(dir.path(), "es", "xliff");
    let laughs = "<?xml version=\"1.0\"?>\n<!DOCTYPE xliff [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]>\n";
    let body = x.split_once("?>\n").unwrap().1;
    refused(
        dir.path(),
        "laughs.xlf",
        &format!("{laughs}{}", body.replacen("Texto al", "&c;", 1)),
        &["DOCTYPE"],
    );
    refused(
        dir.path(),
        "external.xlf",
        &format!("<?xml version=\"1.0\"?>\n<!DOCTYPE xliff SYSTEM \"file:///etc/passwd\">\n{body}"),
        &["DOCTYPE"],
    );
    refused(
        dir.path(),
        "v2.xlf",
        &x.replacen(
            "version=\"1.2\" xmlns=\"urn:oasis:names:tc:xliff:document:1.2\"",
            "version=\"2.0\" xmlns=\"urn:oasis:names:tc:xliff:document:2.0\"",
            1,
        ),
        &["XLIFF version `2.0` is not supported"],
    );
    refused(
        dir.path(),
        "broken.xlf",
        &x[..x.len() / 2],
        &["not a readable XLIFF file"],
    );
    let huge = format!(
        "{}{}",
        x,
        "<!-- padding -->"
            .repeat((hotline_kit::products::translate::MAX_FILE_BYTES as usize) / 16 + 1)
    );
    refused(dir.path(), "huge.xlf", &huge, &["at most"]);
}

#[test]
fn csv_with_quotes_newlines_and_formula_cells_round_trips_and_is_defused() {
    let dir = project();
    // A gloss a spreadsheet would run as a formula.
    common::edit(
        dir.path().join("locales/review/es.toml"),
        "gloss = \"Text to { $sms }\"",
        "gloss = \"=HYPERLINK(\\\"http://example.invalid\\\",\\\"click\\\")\"",
    );
    let c = export(dir.path(), "es", "csv");
    assert!(c.starts_with('\u{feff}'), "no byte-order mark");
    let mut r = csv::Reader::from_reader(c.trim_start_matches('\u{feff}').as_bytes());
    let cells: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
    for rec in &cells {
        for cell in rec.iter() {
            assert!(
                !cell.starts_with(['=', '+', '-', '@']),
                "a cell a spreadsheet would run: {cell}"
            );
        }
    }
    assert!(c.contains("\"'=HYPERLINK(\"\"http://example.invalid\"\""));
    // A translation with quotes, a comma and a line break, written by a spreadsheet.
    let from = "\"Puede recibir ayuda hoy. Es gratis y privado.\"";
    let to = "\"Puede \"\"recibir\"\" ayuda, hoy.\nEs gratis y privado.\"";
    let f = dir.path().join("es-edit.csv");
    std::fs::write(&f, c.replacen(from, to, 1)).unwrap();
    let out = import(dir.path(), &f, &["--by", "Vendor"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let p = load(dir.path());
    let msg = &p.catalog("es").unwrap().messages["cling-body"];
    assert_eq!(msg, "Puede \"recibir\" ayuda, hoy.\nEs gratis y privado.");
    // The formula gloss came back as it was (the `'` removed), and the new text
    // exports and re-imports as it is.
    assert_eq!(
        p.catalog("es").unwrap().review["text-short"]
            .gloss
            .as_deref(),
        Some("=HYPERLINK(\"http://example.invalid\",\"click\")")
    );
    let before = snapshot(dir.path());
    export(dir.path(), "es", "csv");
    let out = import(dir.path(), &dir.path().join("es.csv"), &[]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(before == snapshot(dir.path()));
}

#[test]
fn translator_review_raises_unchanged_messages_and_needs_a_name() {
    let dir = project();
    export(dir.path(), "es", "xliff");
    let f = dir.path().join("es.xliff");
    let out = import(dir.path(), &f, &["--status", "translator-reviewed"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("needs --by"));
    let out = import(
        dir.path(),
        &f,
        &["--status", "translator-reviewed", "--by", "J. Ortiz"],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let p = load(dir.path());
    let es = p.catalog("es").unwrap();
    assert_eq!(
        es.status("rf-pay"),
        hotline_kit::load::locale::Review::TranslatorReviewed
    );
    assert_eq!(es.review["rf-pay"].by, "J. Ortiz");
}

#[test]
fn proof_has_a_printable_bilingual_table_per_translated_locale() {
    let p = common::project();
    let sel = hotline_kit::products::kit::Selection {
        designs: vec!["stall-sticker".into()],
        locales: vec!["en".into(), "es".into(), "ar".into()],
        partial: true,
        ..Default::default()
    };
    let proof = hotline_kit::products::proof::collect(&p, &sel, common::TODAY).unwrap();
    let codes: Vec<&str> = proof.bilingual.iter().map(|t| t.code.as_str()).collect();
    assert_eq!(
        codes,
        ["ar", "es"],
        "one table per translated locale, none for English"
    );
    let en = p.catalog("en").unwrap();
    let es = p.catalog("es").unwrap();
    let t = &proof.bilingual[1];
    assert_eq!(t.rows.len(), en.messages.len());
    let row = t.rows.iter().find(|r| r.id == "text-short").unwrap();
    assert_eq!(row.source, en.messages["text-short"]);
    assert_eq!(
        row.text.as_deref(),
        Some(es.messages["text-short"].as_str())
    );
    assert_eq!(row.status, es.status("text-short").as_str());
    assert!(
        row.gloss
            .as_deref()
            .unwrap()
            .contains(&p.hotline.sms.display)
    );
    // The gallery page: every row, the translation marked up in its language and
    // direction, and an empty notes cell per row.
    let files: BTreeMap<String, Vec<u8>> = hotline_kit::products::proof::html::files(&proof)
        .into_iter()
        .collect();
    let page = String::from_utf8(files["bilingual/ar.html"].clone()).unwrap();
    assert_eq!(
        page.matches("<td class=\"notes\"></td>").count(),
        proof.bilingual[0].rows.len()
    );
    assert!(page.contains("lang=\"ar\" dir=\"rtl\""));
    assert!(page.contains("Back-translator"));
    let index = String::from_utf8(files["index.html"].clone()).unwrap();
    assert!(index.contains("href=\"bilingual/es.html\""));
    // The review book has the tables as pages of their own.
    let with = hotline_kit::products::proof::book::scene(&p, &proof)
        .unwrap()
        .pages
        .len();
    let mut without = proof.clone();
    without.bilingual.clear();
    let pages = hotline_kit::products::proof::book::scene(&p, &without)
        .unwrap()
        .pages
        .len();
    assert!(
        with >= pages + 2,
        "{with} pages with the tables, {pages} without"
    );
}

#[test]
fn a_message_the_locale_lacks_is_added_with_its_review_record() {
    let dir = project();
    common::remove_message(dir.path(), "es", "text-chat-languages");
    let c = export(dir.path(), "es", "csv");
    let en = "\"Texts and chat are answered in English or Spanish.\",\"\"";
    assert!(
        c.contains(en),
        "the missing message exports with an empty translation"
    );
    let f = dir.path().join("es-new.csv");
    std::fs::write(
        &f,
        c.replacen(
            en,
            "\"Texts and chat are answered in English or Spanish.\",\"Los mensajes de texto y el chat se atienden en inglés o español.\"",
            1,
        ),
    )
    .unwrap();
    let before = std::fs::read_to_string(dir.path().join("locales/es.ftl")).unwrap();
    let out = import(dir.path(), &f, &["--by", "Vendor"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let after = std::fs::read_to_string(dir.path().join("locales/es.ftl")).unwrap();
    // Added at the end, on a line of its own even where the file had no final newline.
    let sep = if before.ends_with('\n') { "" } else { "\n" };
    assert_eq!(
        after,
        format!(
            "{before}{sep}text-chat-languages = Los mensajes de texto y el chat se atienden en inglés o español.\n"
        )
    );
    let p = load(dir.path());
    let es = p.catalog("es").unwrap();
    assert_eq!(
        es.status("text-chat-languages"),
        hotline_kit::load::locale::Review::Translated
    );
}
