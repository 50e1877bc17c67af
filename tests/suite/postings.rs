//! The staff posting report: its PDF (text in any script, same bytes every run), its
//! CSV read back, and `hotline-kit report` on a project with no postings yet.

use crate::common;

use std::path::Path;

use hotline_kit::products::postings::{
    Action, Posting, from_csv, report, standing, to_csv, to_pdf,
};

const ARABIC: &str = "غرفة الانتظار";
const CHINESE: &str = "二楼候诊室";

fn ev(id: i64, date: &str, action: Action, count: u32, place: &str, locale: &str) -> Posting {
    Posting {
        id,
        design: "poster".into(),
        locale: locale.into(),
        place: place.into(),
        count,
        date: date.into(),
        action,
        by: "M. R.".into(),
        hash: format!("sha256:{:x}{}", id, "ab".repeat(31)),
        state: if id == 3 { "draft" } else { "approved" }.into(),
        note: String::new(),
        logged_at: format!("{date}T09:30:00Z"),
    }
}

fn log() -> Vec<Posting> {
    vec![
        ev(
            1,
            "2026-03-02",
            Action::Posted,
            4,
            "Main lobby, by the elevators",
            "en",
        ),
        ev(2, "2026-03-03", Action::Posted, 2, ARABIC, "ar"),
        ev(3, "2026-03-04", Action::Posted, 3, CHINESE, "zh-Hans"),
        ev(
            4,
            "2026-04-10",
            Action::Replaced,
            1,
            "main lobby, by the elevators",
            "en",
        ),
        ev(5, "2026-05-01", Action::Removed, 1, CHINESE, "zh-Hans"),
        ev(
            6,
            "2026-05-02",
            Action::Posted,
            1,
            "Restroom \u{1F6BB} stall 2",
            "es",
        ),
    ]
}

fn flat(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Without any white space: words that a line break split or joined compare equal.
fn squash(s: &str) -> String {
    s.split_whitespace().collect()
}

#[test]
fn the_report_pdf_shows_places_in_any_script_and_is_the_same_every_run() {
    let p = common::project();
    let r = report(
        "Mercy Clinic",
        &log(),
        Some("2026-03-01"),
        Some("2026-06-30"),
        "2026-11-30",
    );
    let pdf = to_pdf(&p, &r).expect("report PDF");
    assert!(pdf.starts_with(b"%PDF-"));
    assert_eq!(to_pdf(&p, &r).unwrap(), pdf, "two runs, same bytes");
    let text = flat(&pdf_extract::extract_text_from_mem(&pdf).expect("pdf-extract reads it"));
    for want in [
        "Posting report",
        "Mercy Clinic",
        "2026-03-01 to 2026-06-30",
        "Made on 2026-11-30",
        "Main lobby",
        "What was up on 2026-06-30",
        "replaced (damaged or worn)",
        "DRAFT",
        "approved",
        CHINESE,
        "[U+1F6BB]",
    ] {
        assert!(
            squash(&text).contains(&squash(want)),
            "{want:?} not in the PDF text: {text}"
        );
    }
    // Arabic in reading order (pdf-extract gives the glyphs in visual order).
    let reading = flat(&common::pdftext::extract(&pdf));
    assert!(reading.contains(ARABIC), "{ARABIC} not in: {reading}");
    // Totals: 4 in the lobby (one replaced), 2 Arabic, 3 - 1 Chinese, 1 Spanish.
    assert!(text.contains("9 copies up at 4 places"), "{text}");
    assert!(
        text.contains("2 copies up are not the approved version"),
        "{text}"
    );
}

#[test]
fn a_report_with_no_postings_says_how_to_record_them() {
    let p = common::project();
    let r = report("", &[], None, None, "2026-11-30");
    let pdf = to_pdf(&p, &r).unwrap();
    let text = flat(&pdf_extract::extract_text_from_mem(&pdf).unwrap());
    assert!(text.contains("No postings recorded yet"), "{text}");
    assert!(text.contains("posting log"), "{text}");
    assert!(text.contains("all records"), "{text}");
}

#[test]
fn the_csv_log_reads_back_with_commas_quotes_line_breaks_and_formulas() {
    let mut events = log();
    events[0].note = "left of the door, \"big\" frame\nsecond line".into();
    events[1].note = "=cmd|' /C calc'!A0".into();
    let csv = to_csv(&events);
    assert!(
        csv.contains("\"left of the door, \"\"big\"\" frame\nsecond line\""),
        "{csv}"
    );
    assert!(csv.contains("'=cmd"), "{csv}");
    let back = from_csv(&csv).expect("reads back");
    assert_eq!(back, events);
    assert_eq!(standing(&back), standing(&events));
}

fn hk(dir: &Path, args: &[&str]) -> std::process::Output {
    let o = common::hk(dir, args);
    assert!(o.status.code().is_some(), "{args:?} crashed");
    o
}

#[test]
fn the_command_writes_empty_csv_json_and_a_pdf_when_nothing_is_recorded() {
    let t = common::temp_project();
    let o = hk(t.path(), &["report"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let out = String::from_utf8(o.stdout).unwrap();
    assert!(
        out.trim_start_matches('\u{feff}')
            .starts_with("place,design,locale,up"),
        "{out}"
    );
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("No postings recorded yet"), "{err}");
    let o = hk(t.path(), &["report", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["events"], serde_json::json!([]));
    assert_eq!(v["standing"], serde_json::json!([]));
    let o = hk(t.path(), &["report", "--format", "csv", "--log"]);
    let out = String::from_utf8(o.stdout).unwrap();
    assert_eq!(
        out.trim_start_matches('\u{feff}').trim_end(),
        "id,date,action,count,design,locale,place,by,state,hash,note,logged_at"
    );
    // A PDF needs --out; with it, the file is written whole.
    let o = hk(t.path(), &["report", "--format", "pdf"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("--out"));
    let o = hk(t.path(), &["report", "--out", "r/postings.pdf"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let pdf = std::fs::read(t.path().join("r/postings.pdf")).unwrap();
    let text = pdf_extract::extract_text_from_mem(&pdf).unwrap();
    assert!(flat(&text).contains("No postings recorded yet"), "{text}");
    let names: Vec<String> = std::fs::read_dir(t.path().join("r"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["postings.pdf"], "no temporary file left behind");
}

#[test]
fn the_command_refuses_dates_that_are_not_days() {
    let t = common::temp_project();
    for args in [
        &["report", "--from", "2026-02-30"][..],
        &["report", "--to", "yesterday"],
        &["report", "--from", "2026-05-01", "--to", "2026-04-01"],
    ] {
        let o = hk(t.path(), args);
        assert_eq!(o.status.code(), Some(1), "{args:?}");
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(
            err.contains("error:") && err.contains("hint:"),
            "{args:?}: {err}"
        );
        assert!(o.stdout.is_empty(), "{args:?}: nothing written");
    }
    let o = hk(
        t.path(),
        &[
            "report",
            "--from",
            "2026-01-01",
            "--to",
            "2026-06-30",
            "--format",
            "json",
        ],
    );
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(
        (v["from"].as_str(), v["to"].as_str()),
        (Some("2026-01-01"), Some("2026-06-30"))
    );
}

#[test]
fn long_words_wrap_inside_their_column_and_long_logs_take_more_pages() {
    let p = common::project();
    let mut events = log();
    events[0].place = "W".repeat(120);
    events[1].note = format!("{} {}", "ملاحظة".repeat(30), "x".repeat(300));
    for i in 0..80 {
        events.push(ev(
            10 + i,
            "2026-06-01",
            Action::Posted,
            1,
            &format!("Room {i}"),
            "en",
        ));
    }
    let r = report("Mercy Clinic", &events, None, None, "2026-11-30");
    let scene = hotline_kit::products::postings::to_scene(&p, &r).unwrap();
    assert!(scene.pages.len() >= 3, "{} pages", scene.pages.len());
    for (n, page) in scene.pages.iter().enumerate() {
        for item in &page.items {
            if let hotline_kit::scene::Item::Text(run) = item {
                let (left, right) = (run.x, run.x + run.width());
                assert!(
                    left >= 39.0 && right <= page.width - 39.0,
                    "page {}: {:?} runs from {left} to {right}",
                    n + 1,
                    run.text
                );
                assert!(
                    run.y <= page.height - 20.0,
                    "page {}: {:?} below the page",
                    n + 1,
                    run.text
                );
            }
        }
    }
    // Every page after the first goes on with a running head and the table's heading.
    for (n, page) in scene.pages.iter().enumerate().skip(1) {
        let texts: Vec<&str> = page
            .items
            .iter()
            .filter_map(|i| match i {
                hotline_kit::scene::Item::Text(run) => Some(run.text.as_str()),
                _ => None,
            })
            .collect();
        assert!(
            texts.iter().any(|t| t.contains("(continued)")),
            "page {}: {texts:?}",
            n + 1
        );
        assert!(
            texts.contains(&"Place"),
            "page {}: no table heading: {texts:?}",
            n + 1
        );
    }
}

#[test]
fn the_command_reads_the_posting_log_of_the_web_application() {
    use hotline_kit::products::postings::NewPosting;
    use hotline_kit::web::store::Store;
    let t = common::temp_project();
    let store = Store::open(t.path()).unwrap();
    store
        .conn()
        .unwrap()
        .execute(
            "INSERT INTO users (name, role, password, created) VALUES ('ana', 'coordinator', 'x', 'now')",
            [],
        )
        .unwrap();
    let new = |place: &str, action, count, date: &str| NewPosting {
        design: "poster".into(),
        locale: "en".into(),
        place: place.into(),
        count,
        date: date.into(),
        action,
        by: "A. B.".into(),
        note: "=1+1".into(),
    };
    for (place, action, count, date) in [
        ("Lobby", Action::Posted, 3, "2026-03-01"),
        ("lobby", Action::Removed, 1, "2026-04-01"),
        (CHINESE, Action::Posted, 2, "2026-05-01"),
    ] {
        let at = format!("{date}T08:00:00Z");
        store
            .add_posting(
                &new(place, action, count, date),
                1,
                "sha256:abc",
                "approved",
                &at,
            )
            .unwrap();
    }
    let o = hk(t.path(), &["report", "--format", "csv"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let csv = String::from_utf8(o.stdout).unwrap();
    let rows: Vec<&str> = csv.lines().collect();
    assert_eq!(rows.len(), 3, "{csv}");
    assert!(
        rows[1].starts_with("lobby,poster,en,2,removed,2026-04-01,A. B.,2026-03-01,approved"),
        "{csv}"
    );
    assert!(
        rows[2].starts_with(&format!("{CHINESE},poster,en,2,posted")),
        "{csv}"
    );
    let o = hk(
        t.path(),
        &["report", "--format", "csv", "--log", "--from", "2026-04-01"],
    );
    let back = from_csv(&String::from_utf8(o.stdout).unwrap()).unwrap();
    assert_eq!(back.iter().map(|p| p.id).collect::<Vec<_>>(), [2, 3]);
    assert_eq!(
        back[0].note, "=1+1",
        "the formula guard comes off when read back"
    );
    let o = hk(
        t.path(),
        &["report", "--to", "2026-03-31", "--format", "json"],
    );
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["totals"]["copies"], 3);
    let o = hk(t.path(), &["report", "--out", "postings.pdf"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let text =
        pdf_extract::extract_text_from_mem(&std::fs::read(t.path().join("postings.pdf")).unwrap())
            .unwrap();
    assert!(squash(&text).contains("4copiesupat2places"), "{text}");
}
