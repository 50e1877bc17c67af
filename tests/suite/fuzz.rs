//! Property-based tests of every loader a user's files reach: design specs, locale index
//! and catalogs, the kit file, hotline.toml, the image catalog and sidecars, and SVG
//! illustrations. They get arbitrary bytes and, more usefully, the bundled files mutated
//! along their own grammar (lines deleted, doubled and moved; random Unicode, huge
//! numbers and deep nesting put in). Whatever comes in, a loader returns a value or a
//! diagnostic: never a panic, and each case within a time limit on capped input.
//!
//! Case counts keep the file under about a minute in release on two cores;
//! `PROPTEST_CASES` raises them for a longer run.

use crate::common;

use std::sync::OnceLock;
use std::time::{Duration, Instant};

use hotline_kit::base::diag::Source;
use hotline_kit::{
    load::hotline::Hotline, load::imagery, load::kitfile::KitFile, load::locale, load::spec,
};
use proptest::prelude::*;

/// The most any one case may take (generous: a debug build on a busy machine).
const LIMIT: Duration = Duration::from_secs(5);
/// Largest generated input; bigger files are refused by size before parsing.
const MAX_INPUT: usize = 64 * 1024;

fn read(rel: &str) -> String {
    std::fs::read_to_string(common::root().join(rel)).unwrap()
}

/// One edit to a text file, chosen by the fuzzer.
#[derive(Debug, Clone)]
enum Edit {
    DeleteLine(usize),
    DuplicateLine(usize),
    MoveLine(usize, usize),
    Insert(usize, String),
    Truncate(usize),
}

/// Pieces worth putting into a document: the grammar's own punctuation, numbers no
/// field expects, Unicode that breaks naive code, deep nesting.
fn payload() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        prop::sample::select(vec![
            "99999999999999999999999999",
            "-9223372036854775809",
            "1e308",
            "-1e-308",
            "nan",
            "inf",
            "0x7fffffff",
            "-0",
            "=",
            "\"",
            "'''",
            "\"\"\"",
            "[",
            "]",
            "[[",
            "{",
            "}",
            "{ $",
            "->",
            "*[",
            "\\u{10FFFF}",
            "\u{feff}",
            "\u{202e}",
            "\u{200b}",
            "\u{0}",
            "\r",
            "\n\n",
            "#",
            "<",
            "&amp;",
            "&#0;",
            "]]>",
            "<!--",
            "mm",
            "pt",
            "in",
        ])
        .prop_map(String::from),
        (1usize..400).prop_map(|n| format!("{}{}", "[".repeat(n), "]".repeat(n))),
        (1usize..400).prop_map(|n| format!("a = {}1{}", "{ b = ".repeat(n), " }".repeat(n))),
        (1usize..400).prop_map(|n| format!("{}{}", "<g>".repeat(n), "</g>".repeat(n))),
        (1usize..50).prop_map(|n| format!("{{ {}$x{} }}", "{ ".repeat(n), " }".repeat(n))),
    ]
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        2 => any::<usize>().prop_map(Edit::DeleteLine),
        2 => any::<usize>().prop_map(Edit::DuplicateLine),
        2 => (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Edit::MoveLine(a, b)),
        5 => (any::<usize>(), payload()).prop_map(|(a, p)| Edit::Insert(a, p)),
        1 => any::<usize>().prop_map(Edit::Truncate),
    ]
}

/// Apply edits to `text` (positions taken modulo the current length, on char
/// boundaries), capped at [`MAX_INPUT`] bytes.
fn apply(text: &str, edits: &[Edit]) -> String {
    let mut lines: Vec<String> = text.split_inclusive('\n').map(String::from).collect();
    for e in edits {
        let n = lines.len().max(1);
        match e {
            Edit::DeleteLine(i) if !lines.is_empty() => {
                lines.remove(i % n);
            }
            Edit::DuplicateLine(i) if !lines.is_empty() => {
                let l = lines[i % n].clone();
                lines.insert(i % n, l);
            }
            Edit::MoveLine(a, b) if !lines.is_empty() => {
                let l = lines.remove(a % n);
                lines.insert(b % lines.len().max(1), l);
            }
            Edit::Insert(at, p) => {
                let mut s: String = lines.concat();
                let mut pos = at % (s.len() + 1);
                while !s.is_char_boundary(pos) {
                    pos -= 1;
                }
                s.insert_str(pos, p);
                lines = s.split_inclusive('\n').map(String::from).collect();
            }
            Edit::Truncate(at) => {
                let mut s: String = lines.concat();
                let mut pos = at % (s.len() + 1);
                while !s.is_char_boundary(pos) {
                    pos -= 1;
                }
                s.truncate(pos);
                lines = s.split_inclusive('\n').map(String::from).collect();
            }
            _ => {}
        }
    }
    let mut s = lines.concat();
    if s.len() > MAX_INPUT {
        let mut cut = MAX_INPUT;
        while !s.is_char_boundary(cut) {
            cut -= 1;
        }
        s.truncate(cut);
    }
    s
}

/// Run `f`, failing the case if it takes longer than [`LIMIT`] (a panic inside fails
/// the case by itself).
fn timed<T>(what: &str, f: impl FnOnce() -> T) -> T {
    let t = Instant::now();
    let out = f();
    let took = t.elapsed();
    assert!(took < LIMIT, "{what} took {took:?}");
    out
}

/// What the loaders need from the bundled project, loaded once.
struct Fixture {
    hotline: Hotline,
    info: locale::LocaleInfo,
    entry: imagery::ImageEntry,
}

fn fixture() -> &'static Fixture {
    static F: OnceLock<Fixture> = OnceLock::new();
    F.get_or_init(|| {
        let p = common::project();
        Fixture {
            info: locale::parse_index(&Source::new(
                "locales/locales.toml",
                read("locales/locales.toml"),
            ))
            .unwrap()
            .remove("en")
            .unwrap(),
            entry: p.images.values().next().unwrap().clone(),
            hotline: p.hotline,
        }
    })
}

/// Every text loader on one input.
fn all_text_loaders(path: &str, text: &str) {
    let src = Source::new(path, text);
    let Fixture { hotline, info, .. } = fixture();
    timed("design", || drop(spec::parse_design("poster", &src)));
    timed("locale index", || drop(locale::parse_index(&src)));
    timed("catalog", || {
        if let Ok(mut c) = locale::parse_catalog("en", info, &src, hotline) {
            drop(locale::parse_review(&mut c, &src));
        }
    });
    timed("kit file", || drop(KitFile::parse(&src)));
    timed("hotline", || drop(Hotline::parse(&src)));
    timed("image catalog", || drop(imagery::parse_catalog(&src)));
    timed("sidecar", || drop(imagery::parse_sidecar("own.svg", &src)));
}

fn svg_loader(bytes: Vec<u8>) {
    let entry = &fixture().entry;
    timed("svg", || {
        if let Ok(ill) = imagery::load_svg(entry, bytes, "images/fuzz.svg") {
            // What loads can be published and drawn: the size is sane.
            let a = ill.aspect();
            assert!(a.is_finite() && a > 0.0, "aspect {a}");
            drop(ill.publish_bytes());
            // And drawn, small, as the PNG export would.
            if let imagery::Picture::Svg(tree) = &ill.picture {
                let mut pm = tiny_skia::Pixmap::new(48, 48).unwrap();
                let s = 48.0 / tree.size().width().max(tree.size().height());
                resvg::render(
                    tree,
                    tiny_skia::Transform::from_scale(s, s),
                    &mut pm.as_mut(),
                );
            }
        }
    });
}

/// The bundled files each loader reads, by loader.
const FILES: &[(&str, &str)] = &[
    ("design", "designs/poster.toml"),
    ("design", "designs/stall-sticker.toml"),
    ("design", "designs/wallet-card.toml"),
    ("catalog", "locales/en.ftl"),
    ("catalog", "locales/ar.ftl"),
    ("catalog", "locales/es.ftl"),
    ("index", "locales/locales.toml"),
    ("hotline", "hotline.toml"),
    ("images", "designs/imagery/catalog.toml"),
];

fn cases(default: u32) -> ProptestConfig {
    let n = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default);
    ProptestConfig {
        cases: n,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

proptest! {
    #![proptest_config(cases(256))]

    #[test]
    fn arbitrary_bytes_never_panic_a_text_loader(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        all_text_loaders("fuzz.toml", &String::from_utf8_lossy(&bytes));
    }

    #[test]
    fn mutated_bundled_files_never_panic_a_loader(
        which in 0..FILES.len(),
        edits in prop::collection::vec(edit(), 1..8),
    ) {
        let (_, rel) = FILES[which];
        let text = apply(&read(rel), &edits);
        all_text_loaders(rel, &text);
    }

    #[test]
    fn mutated_kit_files_never_panic(edits in prop::collection::vec(edit(), 1..8)) {
        let text = apply(hotline_kit::load::kitfile::STARTER, &edits);
        let src = Source::new("kit.toml", text);
        timed("kit file", || drop(KitFile::parse(&src)));
    }

    #[test]
    fn arbitrary_bytes_never_panic_the_svg_loader(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        svg_loader(bytes);
    }

    #[test]
    fn mutated_svgs_never_panic_and_stay_bounded(
        which in 0..8usize,
        edits in prop::collection::vec(edit(), 1..8),
    ) {
        let names: Vec<String> = std::fs::read_dir(common::root().join("designs/imagery"))
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".svg"))
            .collect();
        let mut names = names;
        names.sort();
        let text = read(&format!("designs/imagery/{}", names[which % names.len()]));
        svg_loader(apply(&text, &edits).into_bytes());
    }

    #[test]
    fn generated_svg_structures_never_panic_and_stay_bounded(
        width in prop_oneof![Just("1e38".to_string()), Just("0".to_string()), Just("-5".to_string()), (0u32..1_000_000).prop_map(|n| n.to_string())],
        height in prop_oneof![Just("1e-38".to_string()), Just("nan".to_string()), (1u32..1_000).prop_map(|n| format!("{n}mm"))],
        fan in 1usize..20,
        levels in 1usize..12,
        coord in prop_oneof![Just("1e38".to_string()), Just("-3.4e38".to_string()), any::<f32>().prop_map(|f| f.to_string())],
    ) {
        // A <use> tree that would grow to fan^levels elements, markers on a long path,
        // and extreme numbers: refused or drawn, never exhausting memory.
        let mut body = format!(r#"<marker id="m"><path d="M0 0L{coord} 1"/></marker><rect id="l0" width="{coord}" height="1"/>"#);
        for i in 1..=levels {
            body.push_str(&format!(r#"<g id="l{i}">"#));
            for _ in 0..fan {
                body.push_str(&format!(r##"<use href="#l{}"/>"##, i - 1));
            }
            body.push_str("</g>");
        }
        body.push_str(&format!(r#"<path marker-mid="url(#m)" d="M0 0{}"/>"#, " L1 1".repeat(fan * 50)));
        let text = format!(r#"<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {coord} 10">{body}</svg>"#);
        svg_loader(text.into_bytes());
    }
}
