//! Hostile text through the outputs built outside the gallery: the HTML slide loop and
//! the SVG export. Whatever a translation, a title or a kit file holds, it comes out as
//! text (the gallery's own test is in `gallery.rs`).

use crate::common;

use hotline_kit::products::video::Timing;
use hotline_kit::scene::Item;

/// Closes the element it is in, opens a script, quotes both ways, holds an entity, an
/// event handler and direction controls that would turn the hotline number around.
const HOSTILE: &str = "</title></script><script>alert(1)</script> \"x\" 'y' &amp; \
                       <img src=x onerror=alert(2)> \u{202E}8887-373-888-1\u{202C} \u{2067}z\u{2069}";

/// `HOSTILE` escaped.
const HOSTILE_ESCAPED: &str = "&lt;/title&gt;&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; \
                               &quot;x&quot; &#39;y&#39; &amp;amp; &lt;img src=x onerror=alert(2)&gt; \
                               &#x202E;8887-373-888-1&#x202C; &#x2067;z&#x2069;";

/// The raw pieces of `HOSTILE` that must never reach an output.
const RAW: [&str; 7] = [
    "<script",
    "</title></script",
    "<img src=x",
    "'y'",
    "\"x\"",
    "\u{202E}",
    "\u{2067}",
];

#[test]
fn the_html_loop_writes_its_title_as_text() {
    let pngs = vec![vec![0u8; 8], vec![1u8; 8]];
    let html = hotline_kit::products::video::html(HOSTILE, &pngs, &Timing::default());
    assert!(html.contains(&format!("<title>{HOSTILE_ESCAPED}</title>")));
    assert!(html.contains(&format!("aria-label=\"{HOSTILE_ESCAPED}\"")));
    for raw in RAW {
        assert!(!html.contains(raw), "raw {raw:?} in the loop");
    }
    assert_eq!(html.matches("<img ").count(), 2);
}

#[test]
fn svg_text_titles_and_labels_are_escaped_and_read_back_as_given() {
    let p = common::project();
    let opts = hotline_kit::layout::Options::default();
    let mut scene = hotline_kit::products::kit::compile_with(&p, "stall-sticker", "en", &opts)
        .unwrap_or_else(|d| panic!("the stall sticker lays out: {d:?}"));
    scene.title = HOSTILE.to_string();
    scene.locale = HOSTILE.to_string();
    let mut runs = 0;
    for item in &mut scene.pages[0].items {
        if let Item::Text(run) = item {
            // NUL and the controls XML rejects must not break the document either.
            run.text = format!("{HOSTILE}\0\u{1}");
            runs += 1;
        }
    }
    assert!(runs > 0, "the sticker has text");
    let svg = hotline_kit::export::svg::page(&scene, &scene.pages[0]).unwrap();
    for raw in RAW {
        assert!(!svg.contains(raw), "raw {raw:?} in the SVG");
    }
    assert!(svg.contains(&format!("aria-label=\"{HOSTILE_ESCAPED}\u{fffd}\u{fffd}\"")));
    // A conforming XML parser reads back exactly what was given (controls replaced).
    let doc = roxmltree::Document::parse(&svg).unwrap_or_else(|e| panic!("not XML: {e}"));
    let root = doc.root_element();
    assert_eq!(root.attribute("lang"), Some(HOSTILE));
    let title = root
        .children()
        .find(|n| n.has_tag_name("title"))
        .and_then(|n| n.text())
        .expect("a title");
    assert!(title.contains(HOSTILE), "{title}");
    let labels: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name("g"))
        .filter_map(|n| n.attribute("aria-label"))
        .filter(|l| l.starts_with("</title>"))
        .collect();
    assert_eq!(labels.len(), runs);
    for l in labels {
        assert_eq!(l, format!("{HOSTILE}\u{fffd}\u{fffd}"));
    }
    // No element but the ones the exporter writes.
    for n in doc.descendants().filter(|n| n.is_element()) {
        let name = n.tag_name().name();
        assert!(
            [
                "svg", "title", "desc", "defs", "path", "g", "use", "rect", "image"
            ]
            .contains(&name),
            "<{name}> in the SVG"
        );
    }
}
