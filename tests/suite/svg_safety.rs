//! Hostile SVG files are refused from the parsed XML tree, whatever spelling XML, CSS or
//! URLs allow, with an error naming the file; none of them makes usvg read a file; plain
//! SVGs with `#id` links and small PNG pictures inside still load; and what the gallery
//! and SVG export publish is the re-written tree, never the file as it came.

use crate::common;

use std::sync::{Arc, Mutex};

use base64::Engine as _;
use hotline_kit::base::svg_safety;
use hotline_kit::load::imagery::{self, ImageEntry};
use resvg::usvg;

const PATH: &str = "images/evil-drawing.svg";

fn entry() -> ImageEntry {
    let p = common::project();
    let mut e = p.images.values().next().unwrap().clone();
    e.id = "evil-drawing".into();
    e.title = "Person at work".into();
    e
}

fn svg(body: &str) -> String {
    format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 32 32" width="32" height="32">{body}</svg>"#
    )
}

fn png(w: u32, h: u32) -> Vec<u8> {
    let img = image::RgbaImage::from_pixel(w, h, image::Rgba([10, 200, 30, 255]));
    let mut out = std::io::Cursor::new(Vec::new());
    img.write_to(&mut out, image::ImageFormat::Png).unwrap();
    out.into_inner()
}

fn b64(bytes: &[u8]) -> String {
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

/// A PNG whose header claims `w` x `h` pixels over a few bytes of data.
fn png_header_only(w: u32, h: u32) -> Vec<u8> {
    fn crc(bytes: &[u8]) -> u32 {
        let mut c = !0u32;
        for &b in bytes {
            c ^= b as u32;
            for _ in 0..8 {
                c = if c & 1 == 1 {
                    0xedb8_8320 ^ (c >> 1)
                } else {
                    c >> 1
                };
            }
        }
        !c
    }
    let mut v = b"\x89PNG\r\n\x1a\n".to_vec();
    let mut chunks = vec![];
    let mut ihdr = w.to_be_bytes().to_vec();
    ihdr.extend(h.to_be_bytes());
    ihdr.extend([8, 6, 0, 0, 0]);
    chunks.push((*b"IHDR", ihdr));
    chunks.push((*b"IDAT", vec![0; 8]));
    chunks.push((*b"IEND", vec![]));
    for (name, data) in chunks {
        v.extend((data.len() as u32).to_be_bytes());
        let mut c = name.to_vec();
        c.extend(&data);
        v.extend(&c);
        v.extend(crc(&c).to_be_bytes());
    }
    v
}

/// Every `data:` picture usvg put in a tree, as base64 text of the re-written SVG.
fn embedded_pictures(tree: &usvg::Tree) -> usize {
    tree.to_string(&usvg::WriteOptions::default())
        .matches("data:image/")
        .count()
}

/// The marker file: a real PNG on disk that no hostile SVG may get usvg to read.
const MARKER: (u32, u32) = (7, 7);

/// Whether the marker's pixels got into a tree (usvg read the file).
fn has_marker(tree: &usvg::Tree) -> bool {
    let s = tree.to_string(&usvg::WriteOptions::default());
    s.contains(&b64(&png(MARKER.0, MARKER.1)))
}

/// usvg run on `text` with our options, without the tree check in front of it (and a
/// picture check that lets every picture through): the resolver alone must keep the
/// marker file out.
fn resolver_only_reads_marker(text: &str) -> bool {
    let refused: Arc<Mutex<Vec<String>>> = Arc::default();
    let opts = svg_safety::options(|_| Ok("image/png"), refused);
    usvg::Tree::from_str(text, &opts).is_ok_and(|t| has_marker(&t))
}

/// The hostile spellings, each with a word its refusal must contain. `{M}` is the
/// absolute path of a real PNG file on disk (the marker) that must never be read.
fn hostile(mark: &str, dir: &str) -> Vec<(String, &'static str)> {
    let nested = b64(svg(&format!(r#"<image href="{mark}" width="4" height="4"/>"#)).as_bytes());
    let mut uses = String::from(r#"<rect id="l0" width="1" height="1"/>"#);
    for i in 1..=9 {
        uses.push_str(&format!(r#"<g id="l{i}">"#));
        for _ in 0..10 {
            uses.push_str(&format!(r##"<use href="#l{}"/>"##, i - 1));
        }
        uses.push_str("</g>");
    }
    let laughs = r#"<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]><svg xmlns="http://www.w3.org/2000/svg"><title>&c;</title></svg>"#;
    let s = |b: String| svg(&b);
    vec![
        (s(format!(r#"<image href="{mark}" width="4" height="4"/>"#)), "outside the file"),
        (s(format!(r#"<image href='{mark}' width="4" height="4"/>"#)), "outside the file"),
        (s(format!(r#"<image href = "{mark}" width="4" height="4"/>"#)), "outside the file"),
        (s(format!("<image href=\"\n\t{mark}\n\" width=\"4\" height=\"4\"/>")), "outside the file"),
        (s(format!(r#"<image xlink:href="{mark}" width="4" height="4"/>"#)), "outside the file"),
        (s(format!(r#"<image xmlns:q="http://www.w3.org/1999/xlink" q:href="{mark}" width="4" height="4"/>"#)), "outside the file"),
        (s(format!(r#"<image href="file://{mark}" width="4" height="4"/>"#)), "outside the file"),
        (s(format!(r#"<image href="&#102;ile://{mark}" width="4" height="4"/>"#)), "outside the file"),
        (s(format!(r#"<image href="&#x2F;{}" width="4" height="4"/>"#, mark.trim_start_matches('/'))), "outside the file"),
        (s(r#"<image href="marker.png" width="4" height="4"/>"#.into()), "outside the file"),
        (s(format!(r#"<image HREF="{mark}" width="4" height="4"/>"#)), "outside the file"),
        (s(format!(r#"<image href="{dir}/../{}" width="4" height="4"/>"#, mark.rsplit('/').next().unwrap())), "outside the file"),
        (s(r#"<image href="http://127.0.0.1:9/x.png" width="4" height="4"/>"#.into()), "outside the file"),
        (s(r##"<image href="#a" width="4" height="4"/><rect id="a"/>"##.into()), "outside the file"),
        (s(format!(r#"<image href="data:image/svg+xml;base64,{nested}" width="4" height="4"/>"#)), "no SVG inside SVG"),
        (s(r#"<image href="data:text/html,%3Cscript%3Ealert(1)%3C/script%3E" width="4" height="4"/>"#.into()), "only PNG and JPEG"),
        (s(format!(r#"<image href="data:image/png;base64,{}" width="4" height="4"/>"#, b64(&png_header_only(9000, 9000)))), "the limit is"),
        (s(format!(r#"<image href="DATA:IMAGE/PNG;BASE64,{}" width="4" height="4"/>"#, b64(b"GIF89a not a png"))), "neither a PNG nor a JPEG"),
        (s(r#"<use href="other.svg#x"/>"#.into()), "outside the file"),
        (s(format!(r#"<use xlink:href="{mark}#x"/>"#)), "outside the file"),
        (s(format!(r#"<filter id="f"><feImage href="{mark}"/></filter><rect filter="url(#f)" width="4" height="4"/>"#)), "outside the file"),
        (s(format!(r#"<filter id="f"><feImage xlink:href="file://{mark}"/></filter>"#)), "outside the file"),
        (s(r#"<a href="https://example.org/"><rect width="4" height="4"/></a>"#.into()), "outside the file"),
        (s(r#"<a xlink:href="JaVa&#x09;ScRiPt:alert(1)"><rect width="4" height="4"/></a>"#.into()), "script"),
        (s(r#"<rect fill="red" xlink:title="javascript :alert(1)"/>"#.into()), "script"),
        (s("<script>alert(1)</script>".into()), "script"),
        (s("<SCRIPT>alert(1)</SCRIPT>".into()), "script"),
        (s(r#"<h:script xmlns:h="http://www.w3.org/1999/xhtml">alert(1)</h:script>"#.into()), "namespace"),
        (s(r#"<s:script xmlns:s="http://www.w3.org/2000/svg">alert(1)</s:script>"#.into()), "script"),
        (s(r#"<h:iframe xmlns:h="http://www.w3.org/1999/xhtml" src="https://example.org"/>"#.into()), "namespace"),
        (s(r#"<foreignObject><p>hi</p></foreignObject>"#.into()), "foreign"),
        (s(r#"<rect width="4" height="4" onload="alert(1)"/>"#.into()), "event attribute"),
        (s(r#"<rect width="4" height="4" ONCLICK="alert(1)"/>"#.into()), "event attribute"),
        (s(r#"<rect xmlns:ev="http://www.w3.org/2001/xml-events" ev:onclick="alert(1)"/>"#.into()), "event attribute"),
        (s(r#"<rect id="r" width="4" height="4"><set attributeName="onmouseover" to="alert(1)"/></rect>"#.into()), "animation"),
        (s(r##"<a id="x"><animate attributeName="href" values="javascript:alert(1)"/></a>"##.into()), "animation"),
        (s(r#"<rect width="4" height="4"><animateTransform attributeName="transform" type="rotate" from="0" to="9"/></rect>"#.into()), "animation"),
        (s(format!(r#"<style><![CDATA[rect {{ fill: url('file://{mark}') }}]]></style><rect width="4" height="4"/>"#)), "outside the file"),
        (s(r#"<style>@import url(evil.css);</style>"#.into()), "@import"),
        (s(r#"<style>@IMPORT "evil.css";</style>"#.into()), "@IMPORT"),
        (s(r#"<style>/* x */ @font-face { font-family: x; src: local(x) }</style>"#.into()), "at-rule"),
        (s(r#"<rect width="4" height="4" style="fill: URL( 'file:///etc/passwd' )"/>"#.into()), "outside the file"),
        (s(format!(r#"<rect width="4" height="4" style="background:url({mark})"/>"#)), "outside the file"),
        (s(format!(r#"<rect width="4" height="4" fill="url(&quot;{mark}&quot;)"/>"#)), "outside the file"),
        (s(r#"<rect width="4" height="4" fill="url (https://example.org/x#a)"/>"#.into()), "outside the file"),
        (s(r#"<rect width="4" height="4" style="fill:u\72l(https://example.org/x)"/>"#.into()), "escape"),
        (s(r#"<rect width="4" height="4" style="fill:image-set('a.png' 1x)"/>"#.into()), "image-set"),
        (format!(r#"<?xml-stylesheet href="https://example.org/e.css" type="text/css"?>{}"#, svg("")), "processing instruction"),
        (laughs.to_string(), "DOCTYPE"),
        (svg(&uses), "once every <use>"),
        (s(r##"<g id="a"><use href="#b"/></g><g id="b"><use href="#a"/></g>"##.into()), "loop"),
        (svg(&format!("{}{}", "<g>".repeat(5000), "</g>".repeat(5000))), "deep"),
        (r#"<svg xmlns="http://www.w3.org/2000/svg" width="1000000000" height="1000000000"/>"#.into(), "the limit is"),
        (r#"<svg xmlns="http://www.w3.org/2000/svg" width="10000" height="0.001"/>"#.into(), "ratio"),
        (s("<tref xlink:href=\"other.svg#t\"/>".into()), "not plain drawing"),
        (s(r#"<rect width="4" height="4" cursor="url(https://example.org/c.cur), auto"/>"#.into()), "outside the file"),
    ]
}

#[test]
fn hostile_svg_spellings_are_refused_naming_the_file_and_never_read_the_marker() {
    let dir = tempfile::tempdir().unwrap();
    let marker = dir.path().join("marker.png");
    std::fs::write(&marker, png(MARKER.0, MARKER.1)).unwrap();
    let mark = marker.to_str().unwrap();
    let e = entry();
    let cases = hostile(mark, dir.path().to_str().unwrap());
    assert!(cases.len() >= 25);
    let mut default_reads = 0;
    for (text, want) in &cases {
        let err = imagery::load_svg(&e, text.clone().into_bytes(), PATH)
            .err()
            .unwrap_or_else(|| panic!("accepted: {text}"));
        let shown = format!("{} {}", err.message, err.location().unwrap_or_default());
        assert!(shown.contains(PATH), "does not name the file: {shown}");
        assert!(err.message.contains(want), "{want}: {shown}\n{text}");
        assert!(!err.hints.is_empty(), "no hint: {shown}");
        // Without the tree check, the resolver alone still reads nothing outside.
        assert!(
            !resolver_only_reads_marker(text),
            "the marker got into the tree: {text}"
        );
        // ...where usvg's default options would have read the marker file.
        let default = usvg::Tree::from_str(text, &usvg::Options::default());
        if default.is_ok_and(|t| has_marker(&t)) {
            default_reads += 1;
        }
    }
    assert!(
        default_reads >= 5,
        "the marker cases do not reach the file system without the check ({default_reads})"
    );
}

#[test]
fn a_refusal_points_at_the_line_of_the_offending_element() {
    // The first problem in the file is the one reported.
    let text = svg(
        "\n<rect width=\"4\" height=\"4\"/>\n<rect width='4' height='4'\n  onload='x()'/>\n<image href='x.png'/>",
    );
    let err = imagery::load_svg(&entry(), text.into_bytes(), PATH).unwrap_err();
    assert_eq!(
        err.location().as_deref(),
        Some("images/evil-drawing.svg:4:3")
    );
}

#[test]
fn sensational_descriptions_are_found_in_any_spelling() {
    for body in [
        r#"<g id='man-in-chains'><rect width="4" height="4"/></g>"#,
        r#"<g id = "hand_over_mouth"/>"#,
        r#"<title><![CDATA[Bound with ]]>rope</title>"#,
        r#"<desc>A &#104;andcuffed man</desc><desc>in handcuffs</desc>"#,
        r#"<g xmlns:i="http://www.inkscape.org/namespaces/inkscape" i:label="blood"/>"#,
        r#"<g aria-label='Prison bars'/>"#,
    ] {
        let err = imagery::load_svg(&entry(), svg(body).into_bytes(), PATH)
            .err()
            .unwrap_or_else(|| panic!("accepted: {body}"));
        assert!(
            err.message.contains("mentions `"),
            "{body}: {}",
            err.message
        );
    }
}

#[test]
fn the_image_resolver_refuses_outside_files_and_unchecked_pictures() {
    let dir = tempfile::tempdir().unwrap();
    let marker = dir.path().join("marker.png");
    std::fs::write(&marker, png(MARKER.0, MARKER.1)).unwrap();
    let refused: Arc<Mutex<Vec<String>>> = Arc::default();
    let opts = svg_safety::options(|_| Err("is too large".into()), refused.clone());
    assert!(opts.resources_dir.is_none());
    assert_eq!(opts.fontdb.len(), 0, "system fonts are never loaded");
    let text = svg(&format!(
        r#"<image href="{}" width="4" height="4"/><image href="data:image/png;base64,{}" width="4" height="4"/>"#,
        marker.display(),
        b64(&png(3, 3))
    ));
    let tree = usvg::Tree::from_str(&text, &opts).unwrap();
    assert_eq!(embedded_pictures(&tree), 0);
    let r = refused.lock().unwrap();
    assert!(r.iter().any(|m| m.contains("outside the file")), "{r:?}");
    assert!(r.iter().any(|m| m.contains("too large")), "{r:?}");
}

#[test]
fn plain_svgs_with_id_links_and_small_png_pictures_still_load() {
    let e = entry();
    let pic = b64(&png(6, 4));
    let benign = [
        svg(
            r##"<title>A person</title><rect id="a" width="4" height="4"/><use href="#a" x="8"/>"##,
        ),
        svg(
            r##"<defs><linearGradient id="g"><stop offset="0" stop-color="#fff"/></linearGradient></defs><rect fill="url(#g)" style="stroke: url( '#g' )" width="4" height="4"/>"##,
        ),
        svg(
            r##"<rect id="b" width="2" height="2"/><use xlink:href="#b"/><use xmlns:k="http://www.w3.org/1999/xlink" k:href="#b"/>"##,
        ),
        svg(&format!(
            r#"<image href="data:image/png;base64,{pic}" width="6" height="4"/>"#
        )),
        svg(&format!(
            r#"<image xlink:href="data:image/png;base64,{pic}" width="6" height="4"/>"#
        )),
        svg(
            r#"<style><![CDATA[ .a { fill: #c33 } /* a comment @ here */ ]]></style><rect class="a" width="4" height="4"/>"#,
        ),
        svg(
            r##"<clipPath id="c"><rect width="2" height="2"/></clipPath><g clip-path="url(#c)"><rect width="4" height="4"/></g>"##,
        ),
        svg(
            r#"<metadata><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/></metadata><sodipodi:namedview xmlns:sodipodi="http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd"/><rect width="4" height="4"/>"#,
        ),
        svg(r#"<a href="\#x"><rect id="x" width="4" height="4"/></a>"#
            .replace("\\#", "#")
            .as_str()),
        format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n{}",
            svg(r#"<rect width="4" height="4"/>"#)
        ),
    ];
    for text in benign {
        let ill = imagery::load_svg(&e, text.clone().into_bytes(), PATH)
            .unwrap_or_else(|d| panic!("refused: {}\n{text}", d.message));
        // What is published is the re-written tree, and it loads again.
        let published = ill.publish_bytes();
        imagery::load_svg(&e, published, PATH)
            .unwrap_or_else(|d| panic!("re-written SVG refused: {}", d.message));
    }
    // A picture inside keeps its pixels: it is in the tree.
    let ill = imagery::load_svg(
        &e,
        svg(&format!(
            r#"<image href="data:image/png;base64,{pic}" width="6" height="4"/>"#
        ))
        .into_bytes(),
        PATH,
    )
    .unwrap();
    let imagery::Picture::Svg(t) = &ill.picture else {
        panic!("not an SVG")
    };
    assert_eq!(embedded_pictures(t), 1);
}

#[test]
fn every_bundled_illustration_loads_and_publishes_without_comments_or_titles_verbatim() {
    let p = common::project();
    for e in p.images.values().filter(|e| e.file.ends_with(".svg")) {
        let ill = p
            .image(&e.id)
            .unwrap_or_else(|d| panic!("{}: {}", e.id, d.message));
        let out = String::from_utf8(ill.publish_bytes()).unwrap();
        assert!(out.starts_with("<svg"), "{}", e.id);
        assert!(!out.contains("<title"), "{}: published verbatim", e.id);
    }
}

const SIDECAR: &str = r#"title = "Clinic staff member at the front desk"
license = "LicenseRef-facility-owned"
source = "Drawing by the facility, 2026"
credit = "Example Clinic"
skin_tone = "5"
age = "adult"
gender = "woman"
sector = "health"
disability = "none"
headwear = "none"
kind = "person"
"#;

fn project_with_own_svg(body: &str) -> tempfile::TempDir {
    let t = common::temp_project_all_fonts();
    std::fs::create_dir_all(t.path().join("images")).unwrap();
    std::fs::write(t.path().join("images/clinic-staff.svg"), body).unwrap();
    std::fs::write(t.path().join("images/clinic-staff.toml"), SIDECAR).unwrap();
    common::edit(
        t.path().join("designs/window-cling.toml"),
        "image_pick = { count = 2, kind = \"person\" }",
        "images = [\"clinic-staff\", \"woman-headscarf-medium\"]",
    );
    t
}

#[test]
fn the_cli_refuses_a_hostile_svg_in_images_by_file_and_line_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let marker = dir.path().join("marker.png");
    std::fs::write(&marker, png(MARKER.0, MARKER.1)).unwrap();
    let t = project_with_own_svg(&svg(&format!(
        "\n<rect width=\"4\" height=\"4\"/>\n<image x:href='file://{}' xmlns:x=\"http://www.w3.org/1999/xlink\" width=\"4\" height=\"4\"/>\n",
        marker.display()
    )));
    for args in [
        &["check"][..],
        &[
            "build",
            "--design",
            "window-cling",
            "--locale",
            "en",
            "--format",
            "svg",
            "--out",
            "o",
        ],
        &[
            "proof",
            "--design",
            "window-cling",
            "--locale",
            "en",
            "--out",
            "g",
        ],
    ] {
        let o = common::hk(t.path(), args);
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(!o.status.success(), "{args:?} succeeded: {err}");
        assert!(
            err.contains("images/clinic-staff.svg:3:"),
            "{args:?}: {err}"
        );
        assert!(err.contains("outside the file"), "{args:?}: {err}");
    }
    assert!(!t.path().join("o").exists() && !t.path().join("g").exists());
}

#[test]
fn the_gallery_and_svg_export_publish_the_rewritten_svg_not_the_file() {
    let t = project_with_own_svg(&svg(
        "<!-- kept-only-in-the-source --><title>Clinic staff</title><rect width=\"30\" height=\"30\" fill=\"#2a6\"/>",
    ));
    let o = common::hk(
        t.path(),
        &[
            "proof",
            "--design",
            "window-cling",
            "--locale",
            "en",
            "--out",
            "g",
        ],
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let mut found = Vec::new();
    let mut stack = vec![t.path().join("g")];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "svg") {
                found.push(std::fs::read_to_string(&p).unwrap());
            }
        }
    }
    assert!(!found.is_empty(), "the gallery has no SVG illustrations");
    for s in &found {
        assert!(
            !s.contains("kept-only-in-the-source"),
            "copied verbatim: {s}"
        );
        assert!(!s.contains("<title>Clinic staff"), "copied verbatim: {s}");
    }
    let b = common::hk(
        t.path(),
        &[
            "build",
            "--design",
            "window-cling",
            "--locale",
            "en",
            "--format",
            "svg",
            "--out",
            "o",
        ],
    );
    assert!(b.status.success(), "{}", String::from_utf8_lossy(&b.stderr));
    let out =
        std::fs::read_to_string(t.path().join("o/window-cling/en/window-cling-en.svg")).unwrap();
    let raw = b64(std::fs::read(t.path().join("images/clinic-staff.svg"))
        .unwrap()
        .as_slice());
    assert!(out.contains("data:image/svg+xml;base64,"));
    assert!(
        !out.contains(&raw),
        "the SVG export embeds the file as it came"
    );
}
