//! The offline HTML gallery of a proof packet: every piece is linked, every link and image
//! points at a file of the gallery, nothing reaches the network, every image has alt
//! text, the output is deterministic, and text from catalogs, specs and the kit file is
//! escaped.

use crate::common;

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use hotline_kit::base::assets::FsAssets;
use hotline_kit::load::project::Project;
use hotline_kit::products::kit::Selection;
use hotline_kit::products::proof::{self, Proof, html};

const DATE: &str = "2026-11-28";

fn proof_of(p: &Project, sel: &Selection) -> Proof {
    proof::collect(p, sel, DATE).unwrap_or_else(|d| panic!("proof fails: {d:?}"))
}

/// HTML escaping as the gallery does it (independently written, for comparisons).
fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

/// The gallery as a map from path to bytes, checking that no path comes twice.
fn as_map(files: &[(String, Vec<u8>)]) -> BTreeMap<String, Vec<u8>> {
    let mut map = BTreeMap::new();
    for (path, bytes) in files {
        assert!(
            map.insert(path.clone(), bytes.clone()).is_none(),
            "{path} is written twice"
        );
    }
    map
}

/// The HTML files of a gallery as text.
fn pages(map: &BTreeMap<String, Vec<u8>>) -> BTreeMap<&str, &str> {
    map.iter()
        .filter(|(p, _)| p.ends_with(".html"))
        .map(|(p, b)| {
            (
                p.as_str(),
                std::str::from_utf8(b).unwrap_or_else(|e| panic!("{p} is not UTF-8: {e}")),
            )
        })
        .collect()
}

/// The values of every `name="..."` attribute in `html`. Quotes inside text are escaped
/// by the gallery, so a raw ` name="` only occurs inside a tag.
fn attrs<'a>(html: &'a str, name: &str) -> Vec<&'a str> {
    let key = format!(" {name}=\"");
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(i) = rest.find(&key) {
        rest = &rest[i + key.len()..];
        let end = rest.find('"').expect("attribute value is closed");
        out.push(&rest[..end]);
        rest = &rest[end..];
    }
    out
}

/// Every `<img ...>` tag in `html`.
fn img_tags(html: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(i) = rest.find("<img ") {
        rest = &rest[i..];
        let end = rest.find('>').expect("img tag is closed");
        out.push(&rest[..=end]);
        rest = &rest[end..];
    }
    out
}

/// The tags the gallery writes.
const KNOWN_TAGS: &[&str] = &[
    "!doctype",
    "html",
    "head",
    "meta",
    "title",
    "link",
    "body",
    "a",
    "header",
    "footer",
    "main",
    "nav",
    "section",
    "div",
    "p",
    "span",
    "strong",
    "code",
    "ol",
    "ul",
    "li",
    "dl",
    "dt",
    "dd",
    "h1",
    "h2",
    "h3",
    "table",
    "caption",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "img",
    "figure",
    "figcaption",
    "fieldset",
    "legend",
    "label",
    "input",
    "textarea",
];

/// Every tag of `html` as (name, attribute names), parsing the way a browser does for
/// the simple markup the gallery writes: a tag is `<name` then `attr="value"` or bare
/// `attr`, and a value ends at the next `"`. Closing tags are left out.
fn tags(html: &str) -> Vec<(String, Vec<String>)> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(i) = rest.find('<') {
        rest = &rest[i + 1..];
        if rest.starts_with('/') {
            continue;
        }
        let name_end = rest
            .find(|c: char| c.is_whitespace() || c == '>')
            .expect("tag is closed");
        let name = rest[..name_end].to_ascii_lowercase();
        rest = &rest[name_end..];
        let mut attributes = Vec::new();
        loop {
            rest = rest.trim_start();
            if let Some(r) = rest.strip_prefix('>') {
                rest = r;
                break;
            }
            let end = rest
                .find(|c: char| c == '=' || c == '>' || c.is_whitespace())
                .expect("attribute is closed");
            attributes.push(rest[..end].to_ascii_lowercase());
            rest = &rest[end..];
            if let Some(r) = rest.strip_prefix("=\"") {
                let close = r.find('"').expect("attribute value is closed");
                rest = &r[close + 1..];
            } else {
                assert!(
                    !rest.starts_with('='),
                    "unquoted attribute value in <{name}>"
                );
            }
        }
        out.push((name, attributes));
    }
    out
}

/// The gallery path a relative link from `from` points at.
fn resolve(from: &str, link: &str) -> String {
    let mut parts: Vec<&str> = from.split('/').collect();
    parts.pop();
    for seg in link.split('/') {
        match seg {
            ".." => assert!(
                parts.pop().is_some(),
                "{from}: link {link} leaves the gallery folder"
            ),
            "." | "" => {}
            s => parts.push(s),
        }
    }
    parts.join("/")
}

/// Check every `src` and `href` of every page: relative, pointing at a file of the
/// gallery, and (for `#id` fragments) at an element that exists. Returns the links
/// found, as (from page, resolved path).
fn check_links(map: &BTreeMap<String, Vec<u8>>) -> Vec<(String, String)> {
    let pages = pages(map);
    let mut found = Vec::new();
    for (path, html) in &pages {
        for name in ["src", "href"] {
            for link in attrs(html, name) {
                assert!(!link.is_empty(), "{path}: empty {name}");
                let lower = link.to_ascii_lowercase();
                assert!(
                    !lower.contains("://") && !lower.starts_with("//"),
                    "{path}: {name}={link} is not a relative link"
                );
                assert!(
                    !lower.contains(':'),
                    "{path}: {name}={link} has a scheme (javascript:, data:, mailto:...)"
                );
                let (file, fragment) = match link.split_once('#') {
                    Some((f, frag)) => (f, Some(frag)),
                    None => (link, None),
                };
                let target = if file.is_empty() {
                    path.to_string()
                } else {
                    resolve(path, file)
                };
                assert!(
                    map.contains_key(&target),
                    "{path}: {name}={link} points at {target}, which is not in the gallery"
                );
                if let Some(frag) = fragment {
                    let t = pages
                        .get(target.as_str())
                        .unwrap_or_else(|| panic!("{path}: fragment link {link} into a non-page"));
                    assert!(
                        t.contains(&format!(" id=\"{frag}\"")),
                        "{path}: {link}: {target} has no element with id {frag}"
                    );
                }
                found.push((path.to_string(), target));
            }
        }
    }
    found
}

#[test]
fn the_default_gallery_links_every_piece_and_every_link_resolves() {
    let p = common::project();
    let proof = proof_of(&p, &Selection::default());
    assert!(proof.pieces.len() >= 10, "{} pieces", proof.pieces.len());
    let files = html::files(&proof);
    assert_eq!(files[0].0, "index.html", "index.html comes first");
    let map = as_map(&files);
    let links = check_links(&map);
    let index = std::str::from_utf8(&map["index.html"]).unwrap();
    let from_index: BTreeSet<&str> = links
        .iter()
        .filter(|(from, _)| from == "index.html")
        .map(|(_, to)| to.as_str())
        .collect();

    // Every piece: a detail page linked from the index, each page preview as a file (the
    // same bytes as in the proof) linked full size, and the piece's words on its page.
    let mut designs = BTreeSet::new();
    for piece in &proof.pieces {
        designs.insert(piece.design.clone());
        let stem = format!("{}-{}", piece.design, piece.locale.to_ascii_lowercase());
        let page = format!("pieces/{stem}.html");
        assert!(
            from_index.contains(page.as_str()),
            "index does not link {page}"
        );
        for (n, preview) in piece.pages.iter().enumerate() {
            let img = format!("img/{stem}-{}.png", n + 1);
            assert_eq!(map.get(&img), Some(&preview.png), "{img}");
            assert!(
                from_index.contains(img.as_str()),
                "index does not link {img}"
            );
            assert!(
                links.iter().any(|(f, t)| *f == page && *t == img),
                "{page} does not show {img}"
            );
        }
        let detail = std::str::from_utf8(&map[&page]).unwrap();
        assert!(detail.contains(&piece.hash), "{page}: full hash");
        assert!(detail.contains("id=\"comment\""), "{page}: comment form");
        for s in &piece.strings {
            assert!(
                detail.contains(&format!("<code>{}</code>", s.id)),
                "{page}: {}",
                s.id
            );
            if let Some(g) = &s.gloss {
                assert!(detail.contains(&escape(g)), "{page}: gloss of {}", s.id);
            }
        }
        for img in &piece.images {
            let file = format!("img/illustrations/{}.{}", img.id, img.ext);
            assert_eq!(map.get(&file), Some(&img.bytes), "{file}");
            assert!(
                links.iter().any(|(f, t)| *f == page && *t == file),
                "{page} does not show {file}"
            );
        }
        assert!(index.contains(&piece.locale_name), "{}", piece.locale_name);
    }
    for d in &designs {
        let page = format!("compare/{d}.html");
        assert!(
            from_index.contains(page.as_str()),
            "index does not link {page}"
        );
        let cmp = std::str::from_utf8(&map[&page]).unwrap();
        for piece in proof.pieces.iter().filter(|p| &p.design == d) {
            assert!(cmp.contains(&piece.locale_name), "{page}: {}", piece.locale);
        }
    }
    // The Spanish pieces carry English glosses.
    assert!(
        proof
            .pieces
            .iter()
            .any(|p| p.locale == "es" && p.strings.iter().any(|s| s.gloss.is_some())),
        "the default proof has Spanish glosses to show"
    );
    // Nothing is left unlinked: every image file is shown by some page.
    let targets: BTreeSet<&str> = links.iter().map(|(_, t)| t.as_str()).collect();
    for path in map.keys() {
        if path != "index.html" {
            assert!(
                targets.contains(path.as_str()),
                "{path} is linked from nowhere"
            );
        }
    }
    assert!(index.contains("1-888-373-7888") && index.contains("233733"));
}

#[test]
fn the_gallery_has_alt_text_no_network_and_no_script() {
    let p = common::project();
    let proof = proof_of(&p, &Selection::default());
    let map = as_map(&html::files(&proof));
    let mut imgs = 0;
    for (path, html) in pages(&map) {
        assert!(html.starts_with("<!DOCTYPE html>"), "{path}");
        assert!(html.contains("<html lang=\"en\">"), "{path}");
        assert!(html.contains("<h1>"), "{path}: no heading");
        assert!(
            html.contains("class=\"skip\" href=\"#main\""),
            "{path}: skip link"
        );
        assert!(html.contains("id=\"main\""), "{path}: skip target");
        assert!(!html.contains("<script"), "{path}: has a script");
        for (name, _) in tags(html) {
            assert!(KNOWN_TAGS.contains(&name.as_str()), "{path}: <{name}>");
        }
        for tag in img_tags(html) {
            imgs += 1;
            let alt = attrs(tag, "alt");
            assert!(
                alt.len() == 1 && !alt[0].trim().is_empty(),
                "{path}: {tag} has no alt text"
            );
            assert_eq!(attrs(tag, "src").len(), 1, "{path}: {tag}");
        }
        for name in ["src", "href", "action", "srcset", "poster", "data"] {
            for v in attrs(html, name) {
                assert!(!v.contains("://"), "{path}: {name}={v}");
            }
        }
    }
    assert!(imgs > proof.pieces.len() * 3, "only {imgs} images");
    // The stylesheet loads nothing: no fonts, no imports, no remote images.
    let css = std::str::from_utf8(&map["style.css"]).unwrap();
    for bad in ["url(", "@import", "http:", "https:", "@font-face"] {
        assert!(!css.contains(bad), "style.css has {bad}");
    }
    // Illustrations keep their catalog title as alt text.
    for piece in &proof.pieces {
        let stem = format!("{}-{}", piece.design, piece.locale.to_ascii_lowercase());
        let detail = std::str::from_utf8(&map[&format!("pieces/{stem}.html")]).unwrap();
        for img in &piece.images {
            assert!(
                detail.contains(&format!("alt=\"{}\"", escape(&img.title))),
                "{stem}: alt of {}",
                img.id
            );
        }
    }
    // Every file name is safe on any file system and from file://.
    for path in map.keys() {
        assert!(
            path.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || "-./".contains(c)),
            "{path}"
        );
        assert!(
            !path.split('/').any(|s| s == ".." || s.is_empty()),
            "{path}"
        );
    }
}

#[test]
fn the_gallery_is_deterministic() {
    let p = common::project();
    let sel = Selection {
        designs: vec!["stall-sticker".into(), "wallet-card".into()],
        partial: true,
        ..Default::default()
    };
    let proof = proof_of(&p, &sel);
    let a = html::files(&proof);
    let b = html::files(&proof);
    assert_eq!(a.len(), b.len());
    for (x, y) in a.iter().zip(&b) {
        assert_eq!(x.0, y.0);
        assert!(x.1 == y.1, "{} differs between two runs", x.0);
    }
    // A second proof of the same selection gives the same gallery too.
    let c = html::files(&proof_of(&p, &sel));
    assert!(
        a == c,
        "a second proof of the same kit gives a different gallery"
    );
}

#[test]
fn right_to_left_strings_are_marked_up_as_such() {
    let p = common::project();
    let sel = Selection {
        designs: vec!["wallet-card".into()],
        partial: true,
        locales: vec!["ar".into(), "fa".into(), "en".into()],
        ..Default::default()
    };
    let proof = proof_of(&p, &sel);
    let map = as_map(&html::files(&proof));
    check_links(&map);
    for code in ["ar", "fa"] {
        let page = std::str::from_utf8(&map[&format!("pieces/wallet-card-{code}.html")]).unwrap();
        let piece = proof.pieces.iter().find(|p| p.locale == code).unwrap();
        assert!(piece.rtl);
        let rtl_cells = page
            .matches(&format!(
                "<td class=\"text\" data-label=\"Text\" lang=\"{code}\" dir=\"rtl\">"
            ))
            .count();
        assert!(
            rtl_cells > 0
                && rtl_cells + page.matches("dir=\"auto\"").count() >= piece.strings.len(),
            "{code}: {rtl_cells} right-to-left cells for {} strings",
            piece.strings.len()
        );
        assert!(page.contains("English meaning"), "{code}: gloss column");
    }
    let en = std::str::from_utf8(&map["pieces/wallet-card-en.html"]).unwrap();
    assert!(!en.contains("dir=\"rtl\""));
    let cmp = std::str::from_utf8(&map["compare/wallet-card.html"]).unwrap();
    assert!(cmp.contains("lang=\"ar\" dir=\"rtl\""));
    assert!(cmp.contains("lang=\"en\" dir=\"ltr\""));
}

/// The bundled project with several files edited, as an overlay in a temporary folder.
fn project_with_edits(edits: &[(&str, &str, &str)]) -> (Project, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    for (rel, from, to) in edits {
        let path = dir.path().join(rel);
        let text = std::fs::read_to_string(if path.exists() {
            path.clone()
        } else {
            common::root().join(rel)
        })
        .unwrap();
        assert!(text.contains(from), "{rel} has no {from:?}");
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, text.replacen(from, to, 1)).unwrap();
    }
    let assets = FsAssets::layered(vec![dir.path().to_path_buf(), common::root()]);
    let p = Project::load(Arc::new(assets))
        .unwrap_or_else(|d| panic!("edited project does not load: {d:?}"));
    (p, dir)
}

#[test]
fn text_from_catalogs_specs_and_the_kit_is_escaped() {
    let (p, _dir) = project_with_edits(&[
        (
            "locales/es.ftl",
            "call-label = Llame gratis, a cualquier hora",
            "call-label = <script>alert(1)</script> Llame \"ya\" & 'gratis'",
        ),
        (
            "locales/review/es.toml",
            "gloss = \"Call for free, at any time\"",
            "gloss = \"<img src=x onerror=alert(2)> Call\"",
        ),
        (
            "designs/poster.toml",
            "title = \"Poster, US Letter 8.5 x 11 in\"",
            "title = \"Poster <b onmouseover=\\\"alert(3)\\\">x</b>\"",
        ),
    ]);
    let sel = Selection {
        designs: vec!["poster".into()],
        partial: true,
        seed: "<i>Clinic</i> & \"Sons\"".into(),
        ..Default::default()
    };
    let proof = proof_of(&p, &sel);
    let es = proof
        .pieces
        .iter()
        .find(|p| p.locale == "es")
        .expect("a Spanish poster");
    assert!(
        es.strings
            .iter()
            .any(|s| s.text.contains("<script>alert(1)")),
        "the edited translation is on the poster"
    );
    assert!(
        es.strings
            .iter()
            .any(|s| s.gloss.as_deref().is_some_and(|g| g.contains("<img src=x"))),
        "the edited gloss is on the poster"
    );
    assert!(es.title.contains("<b onmouseover"));
    let map = as_map(&html::files(&proof));
    check_links(&map);
    let all: String = pages(&map).values().copied().collect();
    assert!(all.contains(
        "&lt;script&gt;alert(1)&lt;/script&gt; Llame &quot;ya&quot; &amp; &#39;gratis&#39;"
    ));
    assert!(all.contains("&lt;img src=x onerror=alert(2)&gt; Call"));
    assert!(all.contains("Poster &lt;b onmouseover=&quot;alert(3)&quot;&gt;x&lt;/b&gt;"));
    assert!(all.contains("&lt;i&gt;Clinic&lt;/i&gt; &amp; &quot;Sons&quot;"));
    for raw in ["<script", "<img src=x", "<b onmouseover", "<i>Clinic"] {
        assert!(!all.contains(raw), "raw {raw} in the gallery");
    }
    // Every tag in the gallery is one the gallery writes, with no event handler.
    for (path, html) in pages(&map) {
        for (name, attributes) in tags(html) {
            assert!(KNOWN_TAGS.contains(&name.as_str()), "{path}: <{name}>");
            for a in attributes {
                assert!(!a.starts_with("on"), "{path}: <{name} {a}=...>");
            }
        }
    }
}

#[test]
fn file_names_from_odd_ids_are_made_safe_and_never_collide() {
    let p = common::project();
    let sel = Selection {
        designs: vec!["window-cling".into()],
        partial: true,
        locales: vec!["en".into()],
        ..Default::default()
    };
    let mut proof = proof_of(&p, &sel);
    let base = proof.pieces[0].clone();
    assert!(!base.images.is_empty(), "the window cling has a picture");
    let mut odd = base.clone();
    odd.design = "../../Etc/<x>".into();
    odd.locale = "ZH_Hans".into();
    odd.images[0].id = "../../evil id".into();
    odd.images[0].ext = "svg\" onload=\"x".into();
    let mut twin = base.clone();
    // Upper case and punctuation map onto the same safe name: the second one is renamed.
    twin.design = "../../etc/-x-".into();
    twin.locale = "zh-hans".into();
    proof.pieces.push(odd);
    proof.pieces.push(twin);
    let files = html::files(&proof);
    let map = as_map(&files);
    assert_eq!(map.len(), files.len());
    check_links(&map);
    for path in map.keys() {
        assert!(
            path.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || "-./".contains(c)),
            "{path}"
        );
        assert!(!path.split('/').any(|s| s == ".." || s == "."), "{path}");
    }
    let details: Vec<&String> = map.keys().filter(|k| k.starts_with("pieces/")).collect();
    assert_eq!(details.len(), 3, "{details:?}");
    assert!(map.contains_key("img/illustrations/------evil-id.svg--onload--x"));
}

/// A value that tries every way out of text and attributes: closing the element it is
/// in, a script, quotes of both kinds, an entity, an event handler and direction
/// controls that would turn the hotline number around.
const HOSTILE: &str = "</td></p></script><script>alert(1)</script> \"x\" 'y' &amp; \
                       <img src=x onerror=alert(2)> \u{202E}8887-373-888-1\u{202C} \u{2067}z\u{2069}";

/// `HOSTILE` as every template must write it.
const HOSTILE_ESCAPED: &str = "&lt;/td&gt;&lt;/p&gt;&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; \
                               &quot;x&quot; &#39;y&#39; &amp;amp; &lt;img src=x onerror=alert(2)&gt; \
                               &#x202E;8887-373-888-1&#x202C; &#x2067;z&#x2069;";

#[test]
fn every_template_of_the_gallery_escapes_every_value_it_shows() {
    let p = common::project();
    let sel = Selection {
        designs: vec!["stall-sticker".into()],
        partial: true,
        locales: vec!["en".into(), "es".into()],
        ..Default::default()
    };
    let mut proof = proof_of(&p, &sel);
    assert!(
        !proof.bilingual.is_empty(),
        "the Spanish table is in the proof"
    );
    // Every text the pages show, whatever template shows it, becomes hostile.
    let h = || HOSTILE.to_string();
    (proof.kit, proof.date, proof.phone, proof.sms) = (h(), h(), h(), h());
    for piece in &mut proof.pieces {
        piece.title = h();
        piece.locale_name = h();
        piece.native = format!("{HOSTILE} (native)");
        piece.audience = h();
        piece.size = h();
        piece.status = h();
        piece.status_text = h();
        piece.hash = h();
        for s in &mut piece.strings {
            (s.id, s.text, s.gloss, s.review) = (h(), h(), Some(h()), h());
        }
        for img in &mut piece.images {
            (img.title, img.credit) = (h(), h());
            img.tags = vec![(h(), h())];
        }
    }
    for t in &mut proof.bilingual {
        (t.name, t.native) = (h(), h());
        for r in &mut t.rows {
            (r.id, r.source, r.text, r.gloss, r.status) = (h(), h(), Some(h()), Some(h()), h());
        }
    }
    let map = as_map(&html::files(&proof));
    check_links(&map);
    let pages = pages(&map);
    for kind in ["index.html", "pieces/", "compare/", "bilingual/"] {
        assert!(
            pages.keys().any(|p| p.starts_with(kind)),
            "no {kind} page in the gallery"
        );
    }
    for (path, html) in &pages {
        assert!(html.contains(HOSTILE_ESCAPED), "{path}: the escaped value");
        for raw in [
            "<script",
            "</script",
            "<img src=x",
            "'y'",
            "\"x\"",
            "\u{202E}",
            "\u{2067}",
        ] {
            assert!(!html.contains(raw), "{path}: raw {raw:?}");
        }
        // The closing tags in the value stayed text: every tag is one the gallery
        // writes, with no event handler.
        for (name, attributes) in tags(html) {
            assert!(KNOWN_TAGS.contains(&name.as_str()), "{path}: <{name}>");
            for a in attributes {
                assert!(!a.starts_with("on"), "{path}: <{name} {a}=...>");
            }
        }
        // Each attribute value holds the whole escaped value or none of it.
        for name in ["alt", "aria-label", "href", "src", "lang", "class"] {
            for v in attrs(html, name) {
                assert!(!v.contains('<') && !v.contains('>'), "{path}: {name}={v:?}");
            }
        }
    }
}
