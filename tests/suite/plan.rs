//! `hotline-kit plan`: the placement checklist for staff, as PDF, text and JSON.

use crate::common;

use std::path::Path;

use common::{edit, hk};

fn ok(dir: &Path, args: &[&str]) -> std::process::Output {
    let o = hk(dir, args);
    assert!(
        o.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    o
}

fn stderr(o: &std::process::Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn json(dir: &Path) -> (serde_json::Value, String) {
    let o = ok(dir, &["plan", "--format", "json"]);
    (serde_json::from_slice(&o.stdout).unwrap(), stderr(&o))
}

fn piece<'a>(plan: &'a serde_json::Value, design: &str) -> &'a serde_json::Value {
    plan["pieces"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["design"] == design)
        .unwrap_or_else(|| panic!("no {design} in {plan}"))
}

/// Text with every run of white space made one space (wrapped lines join up).
fn flat(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A kit file in the project folder.
fn kit(dir: &Path, text: &str) {
    std::fs::write(dir.join("kit.toml"), text).unwrap();
}

/// The plan is for staff: it names no command, no setting file and no setting.
fn assert_staff_words(text: &str) {
    for bad in [
        "hotline-kit",
        "kit.toml",
        "[counts]",
        "[video]",
        "[print]",
        "[facility]",
        "`",
        "--template",
    ] {
        assert!(!text.contains(bad), "the plan says {bad:?}: {text}");
    }
}

/// The plan as text.
fn text_plan(dir: &Path) -> String {
    String::from_utf8(ok(dir, &["plan", "--format", "text"]).stdout).unwrap()
}

/// One design's block of a text plan, from its heading to the next block (or the
/// walk-round).
fn block(text: &str, design: &str) -> String {
    let start = text
        .find(&format!("({design}) \u{2013}"))
        .unwrap_or_else(|| panic!("no {design}: {text}"));
    let rest = &text[start..];
    let end = ["\n[ ] ", "\nMONTHLY WALK-ROUND"]
        .iter()
        .filter_map(|m| rest.find(m))
        .min()
        .unwrap_or(rest.len());
    flat(&rest[..end])
}

/// A kit with the pieces of issue 20, each printed the way `method` says.
fn print_kit(dir: &Path, method: &str, extra: &str) {
    kit(
        dir,
        &format!(
            "[facility]\nname = \"Riverside Clinic\"\n\n[build]\ndesigns = [\"poster\", \"stall-sticker\", \"wallet-card\", \"window-cling\", \"window-cling-reverse\"]\nlocales = [\"en\"]\n\n[counts]\nstalls = 12\nrestrooms = 6\nexam_rooms = 20\nsample_windows = 2\n\n[print]\n{extra}method = {{ poster = \"{method}\", stall-sticker = \"{method}\", wallet-card = \"{method}\", window-cling = \"{method}\", window-cling-reverse = \"{method}\" }}\n"
        ),
    );
}

#[test]
fn the_default_plan_is_a_letter_pdf_with_every_piece_and_draft_marks() {
    let t = common::temp_project();
    let o = ok(t.path(), &["plan"]);
    assert!(stderr(&o).contains("wrote plan.pdf"), "{}", stderr(&o));
    // No kit file: counts cannot be set, and the plan says so (a warning, not an error).
    assert!(
        stderr(&o).contains("warning: no kit file"),
        "{}",
        stderr(&o)
    );
    let pdf = std::fs::read(t.path().join("plan.pdf")).unwrap();
    let doc = hayro::hayro_syntax::Pdf::new(pdf.clone()).unwrap();
    let pages = doc.pages();
    assert!(pages.len() >= 2, "{} pages", pages.len());
    for page in pages.iter() {
        let mb = page.media_box();
        assert_eq!(
            (mb.width().round(), mb.height().round()),
            (612.0, 792.0),
            "US Letter"
        );
    }
    let pix = hayro::render(
        &pages[0],
        &hayro::RenderCache::new(),
        &hayro::hayro_interpret::InterpreterSettings::default(),
        &hayro::RenderSettings::default(),
        &hayro::PixmapSettings {
            x_scale: 1.0,
            y_scale: 1.0,
            bg_color: hayro::vello_cpu::color::palette::css::WHITE,
        },
    );
    assert_eq!((pix.width(), pix.height()), (612, 792));
    // Something is drawn: not a blank page.
    let dark = pix
        .data_as_u8_slice()
        .chunks(4)
        .filter(|p| p[0] < 128)
        .count();
    assert!(dark > 5_000, "{dark} dark pixels");

    let text = flat(&common::pdftext::extract(&pdf));
    let project = common::project();
    let defaults: Vec<_> = project.designs.values().filter(|d| !d.on_request).collect();
    assert_eq!(defaults.len(), 10);
    for d in &defaults {
        assert!(
            text.contains(&flat(&d.title)),
            "no title {:?}: {text}",
            d.title
        );
        assert!(
            text.contains(&flat(&d.placement)),
            "no placement {:?}",
            d.placement
        );
        assert!(text.contains(&format!("design {}", d.name)), "{}", d.name);
    }
    // On-request variants are not part of the default kit.
    assert!(!text.contains("stall-sticker-men"));
    // The number as hotline.toml has it, never typed in.
    let hotline = std::fs::read_to_string(t.path().join("hotline.toml")).unwrap();
    let doc: toml::Table = hotline.parse().unwrap();
    let phone = doc["phone"]["display"].as_str().unwrap();
    let sms = doc["sms"]["display"].as_str().unwrap();
    assert!(
        text.contains(&format!("call {phone} \u{00b7} text {sms}")),
        "{text}"
    );
    assert!(text.contains("Default kit (not set up for a facility yet)"));
    assert!(text.contains("Made 2026-11-28"));
    assert!(text.contains(
        "Some pieces are drafts: do not post them until the survivor advisory board approves them."
    ));
    assert!(text.contains("20 of 20 pieces"), "{text}");
    assert_eq!(text.matches("DRAFT: do not post").count(), 10, "{text}");
    assert!(text.contains("en: DRAFT \u{2013} not approved for print"));
    // Staff words: who to ask, not which setting to edit.
    assert!(
        text.contains(
            "count not set: ask whoever set up the kit to enter how many stalls the facility has"
        ),
        "{text}"
    );
    assert_staff_words(&text);
    assert!(text.contains("printed mirrored (second surface)"));
    // The office-printer route names the label-sheet file, not the command that makes it.
    let sticker = project.design("stall-sticker").unwrap();
    let t = sticker.label_template.as_deref().unwrap();
    assert!(
        text.contains(&format!("label-sheet file stall-sticker-{t}.pdf")),
        "{text}"
    );
    // The monthly walk-round, with a box and sign-off for each month.
    assert!(text.contains("Monthly walk-round"), "{text}");
    assert!(text.contains("Month 12:"), "{text}");
    assert!(text.contains("out/stall-sticker/en/: stall-sticker-en.pdf, stall-sticker-en.png"));
    let n = pages.len();
    assert!(text.contains(&format!("page {n} of {n}")), "{text}");
    assert!(text.contains("date ____"));
}

#[test]
fn the_plan_pdf_is_readable_and_breaks_between_pieces() {
    let p = common::project();
    let sel = hotline_kit::products::kit::Selection {
        designs: p.designs.keys().cloned().collect(),
        locales: vec!["en".into(), "es".into(), "vi".into()],
        ..Default::default()
    };
    let none = hotline_kit::products::plan::KitRef {
        file: None,
        path: None,
        explicit: false,
    };
    let (plan, warnings) = hotline_kit::products::plan::make(&p, &sel, none, "2026-11-28").unwrap();
    assert_eq!(plan.pieces.len(), p.designs.len());
    assert!(!warnings.has_errors());
    let scene = hotline_kit::products::plan::scene(&p, &plan).unwrap();
    assert!(scene.pages.len() >= 4, "{} pages", scene.pages.len());
    let n = scene.pages.len();
    for (i, page) in scene.pages.iter().enumerate() {
        assert_eq!((page.width, page.height), (612.0, 792.0));
        let runs: Vec<&hotline_kit::scene::GlyphRun> = page
            .items
            .iter()
            .filter_map(|it| match it {
                hotline_kit::scene::Item::Text(r) => Some(r),
                _ => None,
            })
            .collect();
        for r in &runs {
            // Readable at arm's length.
            assert!(r.size >= 10.0, "{:?} at {} pt", r.text, r.size);
            // Inside the page margins.
            assert!(
                r.x >= 40.0 - 0.01 && r.x + r.width() <= 572.0 + 0.5,
                "{:?}",
                r.text
            );
        }
        // Nothing but the footer below the body area: blocks move whole to the next page.
        let low: Vec<&str> = runs
            .iter()
            .filter(|r| r.y > 792.0 - 40.0 - 20.0)
            .map(|r| r.text.as_str())
            .collect();
        assert!(
            low.iter()
                .all(|t| t.contains("page") || t.contains("plan of")),
            "{low:?}"
        );
        let last = format!("page {} of {n}", i + 1);
        assert!(runs.iter().any(|r| r.text.contains(&last)), "no `{last}`");
    }
    // Every piece's heading is on some page, once.
    let all: String = scene
        .pages
        .iter()
        .flat_map(|pg| pg.items.iter())
        .filter_map(|it| match it {
            hotline_kit::scene::Item::Text(r) => Some(r.text.clone()),
            _ => None,
        })
        .collect::<Vec<_>>()
        .join(" ");
    for (i, r) in plan.pieces.iter().enumerate() {
        assert_eq!(
            all.matches(&format!("{}. {}", i + 1, r.title)).count(),
            1,
            "{}",
            r.title
        );
    }
    // Deterministic.
    assert_eq!(
        hotline_kit::products::plan::pdf(&p, &plan).unwrap(),
        hotline_kit::products::plan::pdf(&p, &plan).unwrap()
    );
}

#[test]
fn counts_come_from_the_kit_file_and_a_missing_count_is_a_warning() {
    let t = common::temp_project();
    kit(
        t.path(),
        "[facility]\nname = \"Riverside Clinic\"\n\n[build]\ndesigns = [\"stall-sticker\", \"window-cling\", \"tv-slides\", \"poster\"]\nlocales = [\"en\", \"es\"]\nformats = [\"pdf\"]\nout = \"print\"\n\n[video]\nformats = [\"html\"]\n\n[counts]\nstalls = 12\nscreens = 2\nrestrooms = 6\n",
    );
    let (plan, err) = json(t.path());
    assert_eq!(plan["facility"], "Riverside Clinic");
    assert_eq!(plan["date"], "2026-11-28");
    assert_eq!(plan["hotline"]["phone"], "1-888-373-7888");
    let s = piece(&plan, "stall-sticker");
    assert_eq!(s["count_name"], "stalls");
    assert_eq!(s["count"], 12);
    assert_eq!(s["each"], 1);
    assert_eq!(s["total"], 12);
    assert_eq!(s["kind"], "sticker");
    assert_eq!(s["mirrored"], false);
    assert_eq!(s["size"], "3in x 3in");
    let template = common::project()
        .design("stall-sticker")
        .unwrap()
        .label_template
        .clone()
        .unwrap();
    assert_eq!(s["label_template"], template.as_str());
    assert_eq!(s["label_sheet"], format!("stall-sticker-{template}.pdf"));
    assert_eq!(s["locales"], serde_json::json!(["en", "es"]));
    let stock = s["stock"].as_str().unwrap();
    assert!(
        stock.contains("Destructible (eggshell) white vinyl") && stock.contains("laminate"),
        "{stock}"
    );
    assert!(
        ["office", "shop"].contains(&s["printing"].as_str().unwrap()),
        "{s}"
    );
    assert!(!s["how_to_print"].as_array().unwrap().is_empty(), "{s}");
    assert_eq!(
        s["files"],
        serde_json::json!([
            "print/stall-sticker/en/stall-sticker-en.pdf",
            "print/stall-sticker/es/stall-sticker-es.pdf"
        ])
    );
    assert_eq!(s["review"][0]["locale"], "en");
    assert_eq!(s["review"][0]["state"], "draft");
    let w = piece(&plan, "window-cling");
    assert_eq!(w["count_name"], "sample_windows");
    assert!(w["count"].is_null() && w["total"].is_null());
    assert_eq!(
        w["count_note"],
        "count not set: ask whoever set up the kit to enter how many sample windows the facility has"
    );
    assert!(
        err.contains("warning: kit.toml has no count `sample_windows`"),
        "{err}"
    );
    assert!(
        err.contains("add `sample_windows = N` under [counts]"),
        "{err}"
    );
    let tv = piece(&plan, "tv-slides");
    assert_eq!(tv["total"], 2);
    assert_eq!(tv["kind"], "slides");
    assert_eq!(
        tv["loops"],
        serde_json::json!([
            "print/tv-slides/en/tv-slides-en-loop.html",
            "print/tv-slides/es/tv-slides-es-loop.html"
        ])
    );

    // The files the plan names are the files build writes.
    let o = ok(t.path(), &["build"]);
    let manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(t.path().join("print/manifest.json")).unwrap())
            .unwrap();
    let mut built: Vec<String> = manifest
        .as_array()
        .unwrap()
        .iter()
        .map(|e| format!("print/{}", e["path"].as_str().unwrap()))
        .collect();
    built.sort();
    let mut planned: Vec<String> = plan["pieces"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|p| p["files"].as_array().unwrap().clone())
        .map(|f| f.as_str().unwrap().to_string())
        .collect();
    planned.sort();
    assert_eq!(planned, built, "{}", stderr(&o));

    // The PDF says the same.
    ok(t.path(), &["plan", "-o", "plan.pdf"]);
    let text = flat(&common::pdftext::extract(
        &std::fs::read(t.path().join("plan.pdf")).unwrap(),
    ));
    assert!(text.contains("Riverside Clinic"), "{text}");
    assert!(text.contains("12 stalls \u{00d7} 1 = 12 to post"), "{text}");
    assert!(
        text.contains("2 screens \u{00d7} 1 = 2 to set up"),
        "{text}"
    );
    assert!(
        text.contains(
            "count not set: ask whoever set up the kit to enter how many sample windows the facility has"
        ),
        "{text}"
    );
    assert_staff_words(&text);
    assert!(
        text.contains("print/tv-slides/en/: tv-slides-en-loop.html"),
        "{text}"
    );

    // The starter kit sets every count its designs need: no warnings.
    std::fs::remove_file(t.path().join("kit.toml")).unwrap();
    ok(t.path(), &["init"]);
    let (plan, err) = json(t.path());
    assert!(!err.contains("warning"), "{err}");
    for p in plan["pieces"].as_array().unwrap() {
        assert!(p["total"].is_u64(), "{p}");
    }
    assert_eq!(piece(&plan, "window-cling")["total"], 2);
}

#[test]
fn approving_a_piece_turns_its_row_approved() {
    let t = common::temp_project();
    kit(
        t.path(),
        "[build]\ndesigns = [\"wallet-card\", \"poster\"]\nlocales = [\"en\", \"es\"]\n\n[counts]\nexam_rooms = 20\nrestrooms = 6\n",
    );
    let (before, _) = json(t.path());
    assert_eq!(before["drafts"], 4);
    ok(
        t.path(),
        &["approve", "wallet-card", "--locale", "en", "--by", "Board"],
    );
    let (plan, _) = json(t.path());
    assert_eq!(plan["drafts"], 3);
    let w = piece(&plan, "wallet-card");
    let en = &w["review"][0];
    assert_eq!(en["locale"], "en");
    assert_eq!(en["state"], "approved");
    assert_eq!(en["printable"], true);
    assert_eq!(en["approved_by"], "Board");
    assert_eq!(en["approved_on"], "2026-11-28");
    assert!(en.get("why").is_none());
    assert_eq!(w["review"][1]["state"], "draft");
    assert_eq!(piece(&plan, "poster")["review"][0]["state"], "draft");

    let text = String::from_utf8(ok(t.path(), &["plan", "--format", "text"]).stdout).unwrap();
    assert!(
        text.contains("en: approved for print by Board on 2026-11-28"),
        "{text}"
    );
    assert!(text.contains("DRAFT in es: post only en"), "{text}");
    ok(t.path(), &["plan"]);
    let pdf = flat(&common::pdftext::extract(
        &std::fs::read(t.path().join("plan.pdf")).unwrap(),
    ));
    assert!(
        pdf.contains("en: approved for print by Board on 2026-11-28"),
        "{pdf}"
    );
    assert!(pdf.contains("DRAFT in es: post only en"), "{pdf}");

    // Everything approved: no draft banner. (Spanish needs its strings reviewed too.)
    for d in ["wallet-card", "poster"] {
        ok(
            t.path(),
            &[
                "approve", d, "--locale", "en", "--locale", "es", "--by", "Board",
            ],
        );
    }
    ok(
        t.path(),
        &[
            "approve",
            "--strings",
            "--locale",
            "es",
            "--status",
            "translator-reviewed",
            "--by",
            "J. Ortiz",
        ],
    );
    let (plan, _) = json(t.path());
    assert_eq!(plan["drafts"], 0, "{plan}");
    ok(t.path(), &["plan"]);
    let pdf = flat(&common::pdftext::extract(
        &std::fs::read(t.path().join("plan.pdf")).unwrap(),
    ));
    assert!(!pdf.contains("Some pieces are drafts"), "{pdf}");
    assert!(!pdf.contains("DRAFT"), "{pdf}");
    assert_eq!(pdf.matches("Approved: ready to post").count(), 2, "{pdf}");
}

#[test]
fn text_goes_to_standard_output_or_a_file() {
    let t = common::temp_project();
    kit(
        t.path(),
        "[facility]\nname = \"Riverside Clinic\"\n\n[build]\ndesigns = [\"window-cling\", \"window-cling-reverse\"]\nlocales = [\"en\"]\n\n[counts]\nsample_windows = 3\n",
    );
    let o = ok(t.path(), &["plan", "--format", "text"]);
    let text = String::from_utf8(o.stdout).unwrap();
    assert!(
        text.starts_with("PLACEMENT CHECKLIST: Riverside Clinic\n"),
        "{text}"
    );
    assert!(text.contains("call 1-888-373-7888, text 233733"), "{text}");
    assert!(text.contains("!!! Some pieces are drafts"), "{text}");
    assert!(
        text.contains("[ ] 1. Window cling, 5 x 7 in (window-cling)"),
        "{text}"
    );
    assert!(
        text.contains("3 sample windows \u{00d7} 1 = 3 to post"),
        "{text}"
    );
    assert!(text.contains("printed mirrored (second surface)"), "{text}");
    // The plain and the mirrored cling are alternatives for the same windows.
    assert!(
        text.contains("window-cling-reverse goes in the same places"),
        "{text}"
    );
    assert!(text.contains("Posted:     date ____"), "{text}");
    assert!(!t.path().join("plan.pdf").exists());
    // To a file: the extension says the format.
    let o = ok(t.path(), &["plan", "-o", "plan.txt"]);
    assert!(stderr(&o).contains("wrote plan.txt"));
    assert_eq!(
        std::fs::read_to_string(t.path().join("plan.txt")).unwrap(),
        text
    );
    let o = ok(t.path(), &["plan", "-o", "plan.json"]);
    assert!(o.stdout.is_empty());
    let v: serde_json::Value =
        serde_json::from_slice(&std::fs::read(t.path().join("plan.json")).unwrap()).unwrap();
    let keys: Vec<&String> = v["pieces"][0].as_object().unwrap().keys().collect();
    for k in [
        "design",
        "title",
        "locales",
        "placement",
        "count_name",
        "count",
        "each",
        "total",
        "kind",
        "stock",
        "printing",
        "how_to_print",
        "size",
        "mirrored",
        "label_template",
        "files",
        "review",
    ] {
        assert!(keys.iter().any(|x| *x == k), "no key {k}: {keys:?}");
    }
}

#[test]
fn a_bad_output_path_is_an_error_and_writes_nothing() {
    let t = common::temp_project();
    let d = t.path();
    // A good plan first.
    ok(d, &["plan"]);
    let good = std::fs::read(d.join("plan.pdf")).unwrap();
    // A folder that cannot be made (a file stands in its way).
    std::fs::write(d.join("blocker"), "x").unwrap();
    let o = hk(d, &["plan", "-o", "blocker/plan.pdf"]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(stderr(&o).contains("cannot write"), "{}", stderr(&o));
    assert_eq!(std::fs::read(d.join("blocker")).unwrap(), b"x");
    // An extension that names no format.
    let o = hk(d, &["plan", "-o", "plan.docx"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("cannot tell the format"),
        "{}",
        stderr(&o)
    );
    assert!(!d.join("plan.docx").exists());
    // A plan that cannot be made leaves the earlier one as it was.
    kit(d, "[build]\ndesigns = [\"no-such-design\"]\n");
    let o = hk(d, &["plan"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("no-such-design"), "{}", stderr(&o));
    assert_eq!(std::fs::read(d.join("plan.pdf")).unwrap(), good);
    // No temporary files left behind.
    let leftovers: Vec<String> = std::fs::read_dir(d)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".hotline-kit"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
    // A kit file with a typo'd table name is still an error, never ignored.
    edit(
        d.join("kit.toml"),
        "[build]",
        "[count]\nstalls = 3\n\n[build]",
    );
    let o = hk(d, &["plan"]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(std::fs::read(d.join("plan.pdf")).unwrap(), good);
}

#[test]
fn a_state_notice_is_counted_once_per_language_at_each_place() {
    let t = common::temp_project();
    kit(
        t.path(),
        "[build]\ndesigns = [\"stall-sticker\", \"state-notice-us-ca\"]\nlocales = [\"en\", \"es\", \"vi\"]\n\n[counts]\nstalls = 5\nentrances = 2\n",
    );
    let (plan, _) = json(t.path());
    let n = piece(&plan, "state-notice-us-ca");
    // The law asks for every language: 2 entrances x 3 signs.
    assert_eq!(n["count"], 2, "{n:#}");
    assert_eq!(n["each"], 3, "{n:#}");
    assert_eq!(n["total"], 6, "{n:#}");
    assert_eq!(n["kind"], "notice");
    // Other pieces: one per place, in the language chosen for that place.
    assert_eq!(piece(&plan, "stall-sticker")["total"], 5);
    let o = ok(t.path(), &["plan", "--format", "text"]);
    let text = String::from_utf8_lossy(&o.stdout);
    assert!(
        text.contains("2 entrances \u{00d7} 3 = 6 to post"),
        "{text}"
    );
    assert!(
        text.contains("one sign in each language at each place"),
        "{text}"
    );
    assert!(
        text.contains("us-ca not verified against the law"),
        "{text}"
    );
}

#[test]
fn a_staff_piece_is_never_placed_where_patients_see_it_and_the_plan_says_so() {
    let t = common::temp_project();
    let poster = t.path().join("designs/poster.toml");
    // A staff piece counted per restroom: refused, naming the design file's line.
    edit(
        &poster,
        "per = \"restrooms\"",
        "per = \"restrooms\"\naudience = \"staff\"",
    );
    let o = hk(t.path(), &["check", "--locale", "en"]);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(
        err.contains("design `poster` is for staff (`audience = \"staff\"`) but is posted per `restrooms`, a place patients see"),
        "{err}"
    );
    assert!(err.contains("designs/poster.toml:"), "{err}");
    // Counted per staff area: allowed, and the plan says staff only.
    edit(&poster, "per = \"restrooms\"", "per = \"staff_areas\"");
    kit(t.path(), "[counts]\nstaff_areas = 3\n");
    let (plan, _) = json(t.path());
    let p = piece(&plan, "poster");
    assert!(
        p["placement"]
            .as_str()
            .unwrap()
            .starts_with("Staff only: never where patients can see it."),
        "{p}"
    );
    assert_eq!(p["count"], 3);
    // The other way: a patient piece counted per staff member is refused.
    edit(&poster, "audience = \"staff\"", "audience = \"patient\"");
    let o = hk(t.path(), &["check", "--locale", "en"]);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(
        err.contains(
            "design `poster` is for patients but is posted per `staff_areas`, a count of staff"
        ),
        "{err}"
    );
}

#[test]
fn the_plan_says_what_to_order_how_high_and_when_to_walk_round_in_staff_words() {
    let t = common::temp_project();
    print_kit(t.path(), "shop", "");
    let text = text_plan(t.path());
    assert_staff_words(&text);

    // Stall stickers: destructible vinyl that cannot be peeled off whole, under a
    // laminate that survives disinfectant; the centre at a seated person's eye level.
    let sticker = block(&text, "stall-sticker");
    assert!(
        sticker.contains("Order: Destructible (eggshell) white vinyl")
            && sticker.contains("cannot be removed whole")
            && sticker.contains("laminate over it that stands up to disinfectant"),
        "{sticker}"
    );
    assert!(
        sticker.contains(
            "its centre about 40\u{2013}48 in above the floor, where a person sitting down sees it"
        ),
        "{sticker}"
    );
    // Posters: a matte laminate that can be wiped, or a frame.
    let poster = block(&text, "poster");
    assert!(
        poster.contains("with a matte laminate that can be wiped clean, or in a frame"),
        "{poster}"
    );
    // Wallet cards: synthetic stock that survives water and tearing.
    let card = block(&text, "wallet-card");
    assert!(
        card.contains("Order: Water- and tear-resistant synthetic stock"),
        "{card}"
    );
    // Window clings: clear film with white ink under the artwork, or white vinyl.
    let cling = block(&text, "window-cling");
    assert!(
        cling.contains(
            "Clear static-cling film, printed on the front with white ink under the artwork"
        ) && cling.contains("or white static-cling vinyl"),
        "{cling}"
    );

    // The monthly walk-round: what to do, and the posting's tick box and sign-off for
    // each month of a year.
    let walk = &text[text.find("\nMONTHLY WALK-ROUND\n").expect("a walk-round")..];
    assert!(
        walk.contains("Once a month, walk to every place on this list. Replace any piece that is missing, peeled, torn"),
        "{walk}"
    );
    assert!(walk.contains("1-888-373-7888"), "{walk}");
    let sign_off = "date ____________   initials ________   notes ______________________";
    assert!(text.contains(&format!("Posted:     {sign_off}")), "{text}");
    for m in 1..=12 {
        assert!(
            walk.contains(&format!("[ ] {:<11} {sign_off}\n", format!("Month {m}:"))),
            "month {m}: {walk}"
        );
    }
    assert_eq!(walk.matches("[ ] Month ").count(), 12, "{walk}");

    // The PDF says the same, in the same staff words.
    ok(t.path(), &["plan", "-o", "plan.pdf"]);
    let pdf = flat(&common::pdftext::extract(
        &std::fs::read(t.path().join("plan.pdf")).unwrap(),
    ));
    assert_staff_words(&pdf);
    for want in [
        "Destructible (eggshell) white vinyl",
        "about 40\u{2013}48 in above the floor",
        "Water- and tear-resistant synthetic stock",
        "Monthly walk-round",
        "Month 1:",
        "Month 12:",
        "Send the print shop",
    ] {
        assert!(pdf.contains(want), "no {want:?}: {pdf}");
    }

    // Without a kit file, and with counts missing, the plan still says who to ask.
    std::fs::remove_file(t.path().join("kit.toml")).unwrap();
    let bare = text_plan(t.path());
    assert_staff_words(&bare);
    assert!(
        bare.contains(
            "ask whoever set up the kit to enter how many of each kind of place the facility has"
        ),
        "{bare}"
    );
    // The JSON's sentences for people are in staff words too.
    let (plan, _) = json(t.path());
    for p in plan["pieces"].as_array().unwrap() {
        let mut said = vec![
            p["placement"].as_str().unwrap().to_string(),
            p["stock"].as_str().unwrap().to_string(),
            p["count_note"].as_str().unwrap_or("").to_string(),
        ];
        said.extend(
            p["how_to_print"]
                .as_array()
                .unwrap()
                .iter()
                .map(|s| s.as_str().unwrap().to_string()),
        );
        assert_staff_words(&said.join("\n"));
    }
}

#[test]
fn office_and_shop_instructions_follow_the_kits_print_method() {
    let t = common::temp_project();
    let project = common::project();
    let template = |d: &str| project.design(d).unwrap().label_template.clone().unwrap();

    // A print shop: what to send (PDF with bleed, the cut line for die-cut pieces, the
    // white-ink plate for clear film) and what to ask for.
    print_kit(t.path(), "shop", "white_ink = \"RDG_WHITE\"\n");
    let shop = text_plan(t.path());
    assert_staff_words(&shop);
    let poster = block(&shop, "poster");
    assert!(
        poster.contains("Poster, finished size 8.5in x 11in: made by a print shop."),
        "{poster}"
    );
    assert!(
        poster.contains("Send the print shop the PDF file of each language you need"),
        "{poster}"
    );
    assert!(
        poster.contains(
            "Ask for the stock and finish under Order, at the finished size: 6 (see How many)"
        ),
        "{poster}"
    );
    assert!(!poster.contains("Actual size"), "{poster}");
    let sticker = block(&shop, "stall-sticker");
    assert!(
        sticker.contains("runs 0.125 in past the finished edge on every side (the bleed)"),
        "{sticker}"
    );
    assert!(
        sticker.contains("the shop also needs the version of the files with the cut line"),
        "{sticker}"
    );
    assert!(sticker.contains(": 12 (see How many)"), "{sticker}");
    assert!(!sticker.contains("Actual size"), "{sticker}");
    let cling = block(&shop, "window-cling");
    assert!(
        cling.contains("printed on clear film with white ink under the artwork: the files carry the white ink as a separate plate, a spot colour named RDG_WHITE"),
        "{cling}"
    );
    let reverse = block(&shop, "window-cling-reverse");
    assert!(
        reverse.contains("white ink behind the artwork"),
        "{reverse}"
    );
    assert!(
        reverse.contains("goes on the inside of the glass"),
        "{reverse}"
    );
    let card = block(&shop, "wallet-card");
    assert!(card.contains("It is printed on both sides"), "{card}");
    let (plan, _) = json(t.path());
    for d in ["poster", "stall-sticker", "wallet-card", "window-cling"] {
        assert_eq!(piece(&plan, d)["printing"], "shop", "{d}");
    }

    // The office printer: which paper or label sheet, 100% / actual size, the printer's
    // margins kept.
    print_kit(t.path(), "office", "");
    let office = text_plan(t.path());
    assert_staff_words(&office);
    let settings = "In the print window choose 100% (\"Actual size\"), not \"Fit to page\" or \"Shrink to fit\"";
    let margins = "Keep the printer's margins: do not choose borderless printing.";
    let poster = block(&office, "poster");
    assert!(
        poster.contains("Poster, finished size 8.5in x 11in: printed on an office printer."),
        "{poster}"
    );
    assert!(poster.contains("Print the PDF file (see Files) on US Letter (8.5 x 11 in) sheets of the stock under Order."), "{poster}");
    assert!(
        poster.contains(settings) && poster.contains(margins),
        "{poster}"
    );
    assert!(poster.contains("Then laminate it"), "{poster}");
    assert!(!poster.contains("print shop"), "{poster}");
    let sticker = block(&office, "stall-sticker");
    assert!(
        sticker.contains(&format!(
            "Print the label-sheet file stall-sticker-{}.pdf",
            template("stall-sticker")
        )),
        "{sticker}"
    );
    assert!(
        sticker.contains(settings) && sticker.contains(margins),
        "{sticker}"
    );
    assert!(
        !sticker.contains("bleed") && !sticker.contains("cut line"),
        "{sticker}"
    );
    let card = block(&office, "wallet-card");
    assert!(
        card.contains(&format!(
            "Print the label-sheet file wallet-card-{}.pdf",
            template("wallet-card")
        )),
        "{card}"
    );
    assert!(
        card.contains("print on both sides of the sheet, flipping on the long edge"),
        "{card}"
    );
    assert!(card.contains(settings), "{card}");
    let cling = block(&office, "window-cling");
    assert!(
        cling.contains("white static-cling film made for your printer, not clear film"),
        "{cling}"
    );
    let reverse = block(&office, "window-cling-reverse");
    assert!(
        reverse.contains("which an office printer cannot do: have a print shop make it"),
        "{reverse}"
    );
    let (plan, _) = json(t.path());
    for d in ["poster", "stall-sticker", "wallet-card", "window-cling"] {
        assert_eq!(piece(&plan, d)["printing"], "office", "{d}");
    }
    // The PDF switches with it.
    ok(t.path(), &["plan", "-o", "plan.pdf"]);
    let pdf = flat(&common::pdftext::extract(
        &std::fs::read(t.path().join("plan.pdf")).unwrap(),
    ));
    assert!(pdf.contains("Actual size"), "{pdf}");
    assert!(!pdf.contains("Send the print shop"), "{pdf}");
    assert_staff_words(&pdf);
}
