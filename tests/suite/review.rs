//! Survivor advisory board review: approvals bound to content, status, `--final`, the
//! draft mark, string reviews.

use crate::common;

use std::path::Path;
use std::process::Output;

fn run(dir: &Path, args: &[&str]) -> Output {
    common::hk(dir, args)
}

fn text(o: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

fn ok(dir: &Path, args: &[&str]) -> String {
    let o = run(dir, args);
    assert!(o.status.success(), "{args:?}: {}", text(&o));
    text(&o)
}

fn status_json(dir: &Path, args: &[&str]) -> serde_json::Value {
    let mut a = vec!["status", "--format", "json"];
    a.extend_from_slice(args);
    let o = run(dir, &a);
    assert!(o.status.success(), "{}", text(&o));
    serde_json::from_slice(&o.stdout).unwrap()
}

fn piece<'a>(st: &'a serde_json::Value, design: &str, locale: &str) -> &'a serde_json::Value {
    st["pieces"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["design"] == design && p["locale"] == locale)
        .unwrap_or_else(|| panic!("no {design} ({locale}) in {st}"))
}

/// Red pixels of the draft mark (#c00000) in the bottom tenth of a PNG.
fn red_pixels_at_bottom(png: &[u8]) -> usize {
    let (w, h, rgba) = common::decode_png(png);
    let from = (h - h / 10) as usize * w as usize * 4;
    rgba[from..]
        .chunks(4)
        .filter(|p| p[0] > 150 && p[1] < 60 && p[2] < 60)
        .count()
}

#[test]
fn approve_change_and_approve_again() {
    let t = common::temp_project();
    let d = t.path();
    let st = status_json(d, &["--design", "poster"]);
    assert_eq!(piece(&st, "poster", "en")["status"], "draft");
    assert_eq!(piece(&st, "poster", "en")["printable"], false);

    let out = ok(
        d,
        &[
            "approve",
            "poster",
            "--locale",
            "en",
            "--by",
            "Maria R.",
            "--note",
            "March meeting",
        ],
    );
    assert!(out.contains("poster (en): approved by Maria R."), "{out}");
    let ledger = std::fs::read_to_string(d.join("reviews/approvals.toml")).unwrap();
    assert!(ledger.contains("by = \"Maria R.\""), "{ledger}");
    assert!(ledger.contains("note = \"March meeting\""), "{ledger}");
    assert!(ledger.contains("date = \"2026-11-28\""), "{ledger}");
    assert!(
        ledger.contains("\"message poster-headline\" = "),
        "{ledger}"
    );

    let st = status_json(d, &["--design", "poster"]);
    let p = piece(&st, "poster", "en");
    assert_eq!(p["status"], "approved");
    assert_eq!(p["printable"], true, "{p}");
    assert!(p.get("draft").is_none(), "{p}");
    // Approving again, unchanged, adds nothing.
    let out = ok(
        d,
        &["approve", "poster", "--locale", "en", "--by", "Maria R."],
    );
    assert!(out.contains("already approved"), "{out}");
    assert_eq!(
        std::fs::read_to_string(d.join("reviews/approvals.toml")).unwrap(),
        ledger
    );

    // A string changes: the piece is a draft again, and status says which input.
    common::edit(
        d.join("locales/en.ftl"),
        "poster-headline = ",
        "poster-headline = Please read: ",
    );
    let st = status_json(d, &["--design", "poster"]);
    let p = piece(&st, "poster", "en");
    assert_eq!(p["status"], "changed", "{p}");
    assert_eq!(p["printable"], false);
    assert_eq!(
        p["changes"],
        serde_json::json!(["message poster-headline in en"])
    );
    assert!(
        p["draft"]
            .as_str()
            .unwrap()
            .contains("changed since approval"),
        "{p}"
    );
    let table = ok(d, &["status", "--design", "poster"]);
    assert!(
        table.contains(
            "poster (en), approved by Maria R. on 2026-11-28: message poster-headline in en"
        ),
        "{table}"
    );

    // An image changes (the same file, edited): named too.
    let st0 = status_json(d, &["--design", "poster", "--locale", "en"]);
    let hash0 = piece(&st0, "poster", "en")["hash"].clone();
    ok(
        d,
        &["approve", "poster", "--locale", "en", "--by", "Maria R."],
    );
    let scene = {
        let p = hotline_kit::load::project::Project::load(std::sync::Arc::new(
            hotline_kit::base::assets::FsAssets::new(d),
        ))
        .unwrap();
        let sel = hotline_kit::products::kit::Selection::default();
        hotline_kit::products::kit::compile_with(&p, "poster", "en", &sel.options_for(&p)).unwrap()
    };
    let img = scene
        .inputs
        .0
        .keys()
        .filter_map(|k| k.strip_prefix("image "))
        .find(|id| !id.starts_with("icon-"))
        .unwrap()
        .to_string();
    let svg = d.join(format!("designs/imagery/{img}.svg"));
    let body = std::fs::read_to_string(&svg).unwrap();
    std::fs::write(&svg, body.replacen("<svg", "<svg data-edited=\"1\"", 1)).unwrap();
    let st = status_json(d, &["--design", "poster", "--locale", "en"]);
    let p = piece(&st, "poster", "en");
    assert_ne!(p["hash"], hash0);
    assert_eq!(
        p["changes"],
        serde_json::json!([format!("image {img}")]),
        "{p}"
    );
    // History is kept: three approvals so far would be two; the ledger has both.
    let ledger = std::fs::read_to_string(d.join("reviews/approvals.toml")).unwrap();
    assert_eq!(ledger.matches("[[approval]]").count(), 2, "{ledger}");
}

#[test]
fn final_refuses_drafts_and_writes_nothing() {
    let t = common::temp_project();
    let d = t.path();
    let out = d.join("print");
    let o = run(
        d,
        &[
            "build", "--final", "--design", "poster", "--locale", "en", "--out", "print",
        ],
    );
    let e = text(&o);
    assert_eq!(o.status.code(), Some(1), "{e}");
    assert!(
        e.contains("--final: 1 of 1 pieces are not approved for print, so nothing was made"),
        "{e}"
    );
    assert!(
        e.contains("poster (en): DRAFT \u{2013} not approved for print"),
        "{e}"
    );
    assert!(!out.exists(), "--final wrote files");

    ok(d, &["approve", "poster", "--locale", "en", "--by", "Board"]);
    ok(
        d,
        &[
            "build", "--final", "--design", "poster", "--locale", "en", "--out", "print",
        ],
    );
    let m: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("manifest.json")).unwrap()).unwrap();
    for e in m.as_array().unwrap() {
        assert_eq!(e["approval"], "approved");
        assert!(e.get("draft").is_none(), "{e}");
        assert!(e["content_hash"].as_str().unwrap().starts_with("sha256:"));
    }
    // Approved: no mark in the PNG, not DRAFT in the PDF text; a draft build has both.
    let png = std::fs::read(out.join("poster/en/poster-en.png")).unwrap();
    let pdf = std::fs::read(out.join("poster/en/poster-en.pdf")).unwrap();
    assert_eq!(red_pixels_at_bottom(&png), 0);
    assert!(!common::pdftext::extract(&pdf).contains("DRAFT"));
    ok(
        d,
        &[
            "build", "--design", "poster", "--locale", "es", "--out", "drafts",
        ],
    );
    let png = std::fs::read(d.join("drafts/poster/es/poster-es.png")).unwrap();
    let pdf = std::fs::read(d.join("drafts/poster/es/poster-es.pdf")).unwrap();
    assert!(red_pixels_at_bottom(&png) > 500, "no draft mark");
    assert!(common::pdftext::extract(&pdf).contains("DRAFT"));
}

#[test]
fn an_approved_translation_stays_draft_until_its_strings_are_reviewed() {
    let t = common::temp_project();
    let d = t.path();
    let out = ok(d, &["approve", "poster", "--locale", "es", "--by", "Board"]);
    assert!(
        out.contains("stays marked DRAFT until its text is reviewed"),
        "{out}"
    );
    let st = status_json(d, &["--design", "poster", "--locale", "es"]);
    let p = piece(&st, "poster", "es");
    assert_eq!(
        (p["status"].as_str(), p["printable"].as_bool()),
        (Some("approved"), Some(false))
    );
    assert!(
        p["draft"].as_str().unwrap().contains("draft translation"),
        "{p}"
    );

    let out = ok(
        d,
        &[
            "approve",
            "--strings",
            "--locale",
            "es",
            "--status",
            "translator-reviewed",
            "--by",
            "J. Ortiz",
            "--role",
            "translator",
        ],
    );
    assert!(out.contains("translator-reviewed by J. Ortiz"), "{out}");
    let review = std::fs::read_to_string(d.join("locales/review/es.toml")).unwrap();
    // Comments and glosses are kept.
    assert!(review.starts_with("# Review status"), "{review}");
    assert!(review.contains("gloss = \"Call for free, at any time\""));
    let st = status_json(d, &["--design", "poster", "--locale", "es"]);
    assert_eq!(piece(&st, "poster", "es")["printable"], true);
    let es = st["strings"].as_array().unwrap()[0].clone();
    assert_eq!(es["counts"]["draft"], 0, "{es}");
    assert!(es["counts"]["translator-reviewed"].as_u64().unwrap() > 30);

    // The translation changes after review: it counts as a draft again, and so does the
    // piece (its content changed too).
    common::edit(
        d.join("locales/es.ftl"),
        "rf-leave-job = ",
        "rf-leave-job = Dígame: ",
    );
    let o = run(d, &["check", "--design", "poster", "--locale", "es"]);
    let e = text(&o);
    assert!(
        e.contains("message `rf-leave-job` in `es` changed after it was reviewed"),
        "{e}"
    );
    let st = status_json(d, &["--design", "poster", "--locale", "es"]);
    let p = piece(&st, "poster", "es");
    assert_eq!(p["status"], "changed");
    assert_eq!(
        p["changes"],
        serde_json::json!(["message rf-leave-job in es"])
    );
}

#[test]
fn the_ledger_round_trips_and_bad_ledgers_are_clear_errors() {
    let t = common::temp_project_all_fonts();
    let d = t.path();
    ok(
        d,
        &["approve", "wallet-card", "--locale", "all", "--by", "Board"],
    );
    let path = d.join("reviews/approvals.toml");
    let text0 = std::fs::read_to_string(&path).unwrap();
    let ledger = hotline_kit::review::Ledger::load(&path).unwrap();
    assert_eq!(ledger.approval.len(), 16, "one per locale");
    assert_eq!(ledger.to_toml(), text0);
    assert_eq!(
        hotline_kit::review::Ledger::parse(&hotline_kit::base::diag::Source::new(
            path.clone(),
            ledger.to_toml()
        ))
        .unwrap(),
        ledger
    );
    // A hand-edited ledger with a typo names the file and line.
    std::fs::write(&path, text0.replacen("by = ", "bye = ", 1)).unwrap();
    let o = run(d, &["status"]);
    let e = text(&o);
    assert_eq!(o.status.code(), Some(1), "{e}");
    assert!(e.contains("approvals ledger is not valid"), "{e}");
    assert!(e.contains("reviews/approvals.toml:"), "{e}");
    // Approve needs a name and a known design.
    let o = run(d, &["approve", "poster", "--locale", "en", "--by", " "]);
    assert_eq!(o.status.code(), Some(1));
    std::fs::write(&path, &text0).unwrap();
    let o = run(d, &["approve", "no-such", "--locale", "en", "--by", "X"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(text(&o).contains("no-such"), "{}", text(&o));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text0);
}

#[test]
fn the_content_hash_is_the_same_in_any_folder() {
    let hash = |root: &Path| {
        let p = hotline_kit::load::project::Project::load(std::sync::Arc::new(
            hotline_kit::base::assets::FsAssets::new(root),
        ))
        .unwrap();
        let opts = hotline_kit::products::kit::Selection::default().options_for(&p);
        ["poster", "stall-sticker", "tv-slides"].map(|d| {
            hotline_kit::products::kit::compile_with(&p, d, "es", &opts)
                .unwrap()
                .hash
        })
    };
    let a = common::temp_project_all_fonts();
    let b = common::temp_project_all_fonts();
    let h = hash(a.path());
    assert!(h.iter().all(|x| x.starts_with("sha256:") && x.len() == 71));
    assert_eq!(h, hash(b.path()));
    assert_eq!(h, hash(&common::root()));
    // Windows line endings in a checkout do not change it either.
    let f = b.path().join("designs/poster.toml");
    let crlf = std::fs::read_to_string(&f).unwrap().replace('\n', "\r\n");
    std::fs::write(&f, crlf).unwrap();
    assert_eq!(h, hash(b.path()));
    // But a real change does, for that design only.
    common::edit(b.path().join("designs/poster.toml"), "#13294b", "#13294c");
    let h2 = hash(b.path());
    assert_ne!(h[0], h2[0]);
    assert_eq!(h[1..], h2[1..]);
}
