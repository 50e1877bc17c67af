//! Every PDF and PNG the tool writes states in its metadata exactly the status its pages
//! show, and writes no empty field: pieces (approved and draft, from `render` and
//! `build`), a state notice, the placement plan, the review book, label sheets, the
//! imagery contact sheet, and the PNG slides of a loop (files and inside the HTML loop).
//! The metadata is read back here in Rust: the PDF Info dictionary and XMP packet, and
//! PNG text chunks.

use crate::common;

use std::path::Path;

use common::hk;

fn ok(dir: &Path, args: &[&str]) -> std::process::Output {
    let o = hk(dir, args);
    assert!(
        o.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    o
}

fn flat(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// What a file says about itself.
#[derive(Debug, Clone, PartialEq)]
struct Meta {
    title: String,
    subject: String,
    keywords: Vec<String>,
}

impl Meta {
    /// Whether the metadata calls the file (or pieces on it) a draft.
    fn draft(&self) -> bool {
        self.keywords.iter().any(|k| k == "DRAFT")
    }

    /// Every field present and without an empty part: no "QR code: ." or "hash: ",
    /// no empty keyword, no sentence that is only a label.
    fn assert_complete(&self, what: &str) {
        assert!(!self.title.trim().is_empty(), "{what}: no title: {self:?}");
        assert!(
            !self.subject.trim().is_empty(),
            "{what}: no subject: {self:?}"
        );
        assert!(!self.keywords.is_empty(), "{what}: no keywords: {self:?}");
        for k in &self.keywords {
            assert!(!k.trim().is_empty(), "{what}: empty keyword: {self:?}");
        }
        for field in [&self.title, &self.subject] {
            for part in field.split(". ") {
                let part = part.trim_end_matches('.').trim();
                assert!(!part.is_empty(), "{what}: empty sentence in {field:?}");
                assert!(!part.ends_with(':'), "{what}: empty field in {field:?}");
            }
            assert!(!field.contains(": ."), "{what}: empty field in {field:?}");
        }
    }

    /// The status agrees with the pages: `page_draft` says whether the pages show a
    /// DRAFT mark; a document that is not a piece never calls itself approved for print.
    fn assert_status(&self, what: &str, page_draft: bool, piece: bool) {
        assert_eq!(
            self.draft(),
            page_draft,
            "{what}: the pages {} DRAFT, the metadata says {self:?}",
            if page_draft { "show" } else { "do not show" }
        );
        assert_eq!(
            self.title.contains("DRAFT"),
            page_draft,
            "{what}: title {:?}",
            self.title
        );
        assert_eq!(
            self.subject.contains("DRAFT"),
            page_draft,
            "{what}: subject {:?}",
            self.subject
        );
        if piece {
            assert_eq!(
                self.subject.starts_with("Approved for print"),
                !page_draft,
                "{what}: subject {:?}",
                self.subject
            );
            assert_eq!(
                self.keywords.iter().any(|k| k == "approved"),
                !page_draft,
                "{what}: {self:?}"
            );
        } else {
            assert!(
                self.subject.starts_with("Not a piece for posting"),
                "{what}: a document that is not a piece says so: {:?}",
                self.subject
            );
            assert!(
                !self.subject.starts_with("Approved")
                    && !self.keywords.iter().any(|k| k == "approved"),
                "{what}: {self:?}"
            );
        }
    }
}

/// A PDF text string: UTF-16BE with a byte-order mark, else PDFDocEncoding (read as
/// Latin-1, which agrees for the characters written here).
fn pdf_text(bytes: &[u8]) -> String {
    match bytes {
        [0xfe, 0xff, rest @ ..] => {
            let units: Vec<u16> = rest
                .chunks_exact(2)
                .map(|c| u16::from_be_bytes([c[0], c[1]]))
                .collect();
            String::from_utf16(&units).expect("UTF-16 text string")
        }
        _ => bytes.iter().map(|&b| b as char).collect(),
    }
}

fn xml_unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

/// The text of the first `<tag ...>...</tag>` in `xml` (inside an `rdf:li` if it has
/// one).
fn xmp_field(xml: &str, tag: &str) -> Option<String> {
    let start = xml.find(&format!("<{tag}"))?;
    let body_start = start + xml[start..].find('>')? + 1;
    let end = body_start + xml[body_start..].find(&format!("</{tag}>"))?;
    let body = &xml[body_start..end];
    let inner = match body.find("<rdf:li") {
        Some(i) => {
            let s = i + body[i..].find('>')? + 1;
            let e = s + body[s..].find("</rdf:li>")?;
            &body[s..e]
        }
        None => body,
    };
    Some(xml_unescape(inner.trim()))
}

/// The Info dictionary of a PDF, checked against its XMP packet (both must say the same).
fn pdf_meta(bytes: &[u8], what: &str) -> Meta {
    let pdf = hayro::hayro_interpret::hayro_syntax::Pdf::new(bytes.to_vec()).expect("valid PDF");
    let m = pdf.metadata();
    let get = |f: &Option<Box<[u8]>>| f.as_deref().map(pdf_text).unwrap_or_default();
    let keywords = get(&m.keywords);
    let meta = Meta {
        title: get(&m.title),
        subject: get(&m.subject),
        // An absent field reads as no keywords; a present one is split as written, so
        // an empty part shows.
        keywords: match keywords.as_str() {
            "" => Vec::new(),
            k => k.split(", ").map(str::to_string).collect(),
        },
    };
    // The XMP packet is written uncompressed.
    let raw = String::from_utf8_lossy(bytes);
    let xmp_start = raw
        .find("<x:xmpmeta")
        .unwrap_or_else(|| panic!("{what}: no XMP packet"));
    let xmp_end = xmp_start + raw[xmp_start..].find("</x:xmpmeta>").expect("XMP end");
    let xmp = &raw[xmp_start..xmp_end];
    assert_eq!(
        xmp_field(xmp, "dc:title").as_deref(),
        Some(meta.title.as_str()),
        "{what}: XMP title"
    );
    assert_eq!(
        xmp_field(xmp, "dc:description").as_deref(),
        Some(meta.subject.as_str()),
        "{what}: XMP description"
    );
    assert_eq!(
        xmp_field(xmp, "pdf:Keywords").as_deref(),
        Some(meta.keywords.join(", ").as_str()),
        "{what}: XMP keywords"
    );
    meta
}

/// The text chunks (tEXt and iTXt) of a PNG.
fn png_meta(bytes: &[u8], what: &str) -> Meta {
    let dec = png::Decoder::new(std::io::Cursor::new(bytes));
    let reader = dec.read_info().expect("valid PNG");
    let info = reader.info();
    let mut fields: Vec<(String, String)> = info
        .uncompressed_latin1_text
        .iter()
        .map(|c| (c.keyword.clone(), c.text.clone()))
        .collect();
    for c in &info.utf8_text {
        fields.push((c.keyword.clone(), c.get_text().expect("iTXt text")));
    }
    assert!(info.compressed_latin1_text.is_empty(), "{what}: zTXt");
    for (k, v) in &fields {
        assert!(!v.trim().is_empty(), "{what}: empty PNG text chunk {k}");
    }
    let get = |k: &str| {
        let found: Vec<&String> = fields.iter().filter(|f| f.0 == k).map(|f| &f.1).collect();
        assert_eq!(found.len(), 1, "{what}: {k} chunks in {fields:?}");
        found[0].clone()
    };
    Meta {
        title: get("Title"),
        subject: get("Description"),
        keywords: get("Keywords").split(", ").map(str::to_string).collect(),
    }
}

/// The pages of a PDF show a draft mark: a piece's "DRAFT – ...", or a document's rows
/// and placed pieces that carry one.
fn pages_show_draft(text: &str) -> bool {
    flat(text).contains("DRAFT \u{2013}") || flat(text).contains("DRAFT in ")
}

/// A PDF and its PNG twin, made by the same command: the PDF's metadata agrees with
/// its pages, and the PNG says exactly what the PDF says.
fn check_pair(dir: &Path, stem: &str, piece: bool) -> (Meta, String) {
    let pdf = std::fs::read(dir.join(format!("{stem}.pdf"))).unwrap();
    let text = common::pdftext::extract(&pdf);
    let meta = pdf_meta(&pdf, stem);
    meta.assert_complete(stem);
    meta.assert_status(stem, pages_show_draft(&text), piece);
    let pngs: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            name.ends_with(".png")
                && (name == format!("{stem}.png") || name.starts_with(&format!("{stem}-")))
        })
        .collect();
    assert!(!pngs.is_empty(), "{stem}: no PNG");
    for p in pngs {
        let m = png_meta(&std::fs::read(&p).unwrap(), stem);
        assert_eq!(m, meta, "{}: PNG and PDF metadata differ", p.display());
    }
    (meta, flat(&text))
}

/// Approve the English wallet card and poster, and in a second project copy everything
/// in English and Spanish, so both states of every kind of file are made.
fn approve(dir: &Path, locales: &[&str]) {
    for d in ["wallet-card", "poster"] {
        let mut args = vec!["approve", d];
        for l in locales {
            args.extend(["--locale", l]);
        }
        args.extend(["--by", "Board"]);
        ok(dir, &args);
    }
}

fn kit(dir: &Path) {
    std::fs::write(
        dir.join("kit.toml"),
        "[build]\ndesigns = [\"wallet-card\", \"poster\"]\nlocales = [\"en\", \"es\"]\n\n[imagery]\ndiversity = \"advisory\"\n",
    )
    .unwrap();
}

#[test]
fn pieces_say_in_their_metadata_what_their_pages_show() {
    let t = common::temp_project();
    let d = t.path();
    approve(d, &["en"]);
    for (design, locale, draft) in [
        ("wallet-card", "en", false),
        ("wallet-card", "es", true),
        ("poster", "en", false),
        ("stall-sticker", "en", true),
        ("state-notice-us-fl", "en", true),
    ] {
        let stem = format!("{design}-{locale}");
        for ext in ["pdf", "png"] {
            ok(
                d,
                &[
                    "render",
                    design,
                    "--locale",
                    locale,
                    "-o",
                    &format!("{stem}.{ext}"),
                ],
            );
        }
        let (meta, text) = check_pair(d, &stem, true);
        assert_eq!(meta.draft(), draft, "{stem}: {meta:?}");
        // Exactly the status the pages show: the draft mark's reason, word for word.
        if draft {
            let reason = meta.subject.split(". ").next().unwrap();
            assert!(
                text.contains(&flat(reason)),
                "{stem}: {reason:?} not in {text}"
            );
            assert!(meta.title.ends_with(reason), "{stem}: {meta:?}");
        }
        assert!(
            meta.subject.contains("Content hash: sha256:"),
            "{stem}: {meta:?}"
        );
    }
}

#[test]
fn built_pieces_carry_the_status_of_their_manifest_entry() {
    let t = common::temp_project();
    let d = t.path();
    kit(d);
    approve(d, &["en"]);
    ok(d, &["build", "--out", "out"]);
    let manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(d.join("out/manifest.json")).unwrap()).unwrap();
    let files = manifest.as_array().or_else(|| manifest["files"].as_array());
    let files = files.expect("manifest lists files");
    let mut seen = (0, 0);
    for f in files {
        let path = f["path"].as_str().unwrap();
        let bytes = std::fs::read(d.join("out").join(path)).unwrap();
        let meta = match f["format"].as_str().unwrap() {
            "pdf" => {
                let m = pdf_meta(&bytes, path);
                let text = common::pdftext::extract(&bytes);
                m.assert_status(path, pages_show_draft(&text), true);
                m
            }
            "png" => png_meta(&bytes, path),
            _ => continue,
        };
        meta.assert_complete(path);
        let draft = !f["draft"].is_null();
        assert_eq!(meta.draft(), draft, "{path}: {meta:?} vs {f}");
        assert!(
            meta.keywords
                .contains(&f["content_hash"].as_str().unwrap().to_string()),
            "{path}: {meta:?}"
        );
        if draft {
            seen.0 += 1;
        } else {
            seen.1 += 1;
        }
    }
    assert!(
        seen.0 > 0 && seen.1 > 0,
        "drafts and approved pieces: {seen:?}"
    );
}

#[test]
fn documents_that_are_not_pieces_say_so_and_count_their_drafts() {
    let drafts = common::temp_project();
    let done = common::temp_project();
    kit(drafts.path());
    kit(done.path());
    approve(drafts.path(), &["en"]);
    approve(done.path(), &["en", "es"]);
    ok(
        done.path(),
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
    for (t, any_draft) in [(&drafts, true), (&done, false)] {
        let d = t.path();
        // The placement plan (the case the issue names).
        ok(d, &["plan", "-o", "plan.pdf"]);
        let pdf = std::fs::read(d.join("plan.pdf")).unwrap();
        let text = flat(&common::pdftext::extract(&pdf));
        let meta = pdf_meta(&pdf, "plan");
        meta.assert_complete("plan");
        meta.assert_status("plan", pages_show_draft(&text), false);
        assert_eq!(meta.draft(), any_draft, "plan: {meta:?}");
        assert_eq!(text.contains("Some pieces are drafts"), any_draft);
        let plan: serde_json::Value =
            serde_json::from_slice(&ok(d, &["plan", "--format", "json"]).stdout).unwrap();
        let (n, total) = (
            plan["drafts"].as_u64().unwrap(),
            plan["total_pieces"].as_u64().unwrap(),
        );
        if any_draft {
            // The numbers the banner gives.
            assert!(
                text.contains(&format!(
                    "{n} of {total} pieces (design and language) are drafts"
                )),
                "{text}"
            );
            assert!(
                meta.subject.contains(&format!("{n} of {total} pieces")),
                "{meta:?}"
            );
        } else {
            assert!(
                meta.subject.contains(&format!("All {total} pieces")),
                "{meta:?}"
            );
        }

        // The review book.
        ok(d, &["proof", "--out", "proof"]);
        let pdf = std::fs::read(d.join("proof/review-book.pdf")).unwrap();
        let text = common::pdftext::extract(&pdf);
        let meta = pdf_meta(&pdf, "review book");
        meta.assert_complete("review book");
        meta.assert_status("review book", pages_show_draft(&text), false);
        assert_eq!(meta.draft(), any_draft, "review book: {meta:?}");

        // Label sheets of the wallet card, PDF and PNG.
        for locales in [&["en"][..], &["en", "es"][..]] {
            let mut args = vec!["sheet", "wallet-card", "--template", "avery-5163"];
            for l in locales {
                args.extend(["--locale", l]);
            }
            for ext in ["pdf", "png"] {
                let out = format!("cards-{}.{ext}", locales.len());
                let mut a = args.clone();
                a.extend(["-o", &out]);
                ok(d, &a);
            }
            let stem = format!("cards-{}", locales.len());
            let (meta, _) = check_pair(d, &stem, false);
            assert_eq!(
                meta.draft(),
                any_draft && locales.len() > 1,
                "{stem}: {meta:?}"
            );
        }
    }
    // Documents with no pieces on them: the contact sheet and a calibration page.
    let d = drafts.path();
    for ext in ["pdf", "png"] {
        ok(d, &["imagery", "sheet", "-o", &format!("contact.{ext}")]);
        ok(
            d,
            &[
                "sheet",
                "wallet-card",
                "--template",
                "avery-5163",
                "--calibrate",
                "-o",
                &format!("calibrate.{ext}"),
            ],
        );
    }
    for stem in ["contact", "calibrate"] {
        let (meta, _) = check_pair(d, stem, false);
        assert!(!meta.draft(), "{stem}: {meta:?}");
        assert!(!meta.subject.contains("approved"), "{stem}: {meta:?}");
    }
}

/// The PNG slides of the HTML loop (its `src="data:image/png;base64,..."` images).
fn html_slides(html: &str) -> Vec<Vec<u8>> {
    use base64::Engine as _;
    html.split("src=\"data:image/png;base64,")
        .skip(1)
        .map(|s| {
            let b64 = &s[..s.find('"').unwrap()];
            base64::engine::general_purpose::STANDARD
                .decode(b64)
                .unwrap()
        })
        .collect()
}

#[test]
fn slide_pngs_say_what_the_slides_show() {
    let t = common::temp_project();
    let d = t.path();
    ok(
        d,
        &["render", "tv-slides", "--locale", "en", "-o", "piece.pdf"],
    );
    let piece = pdf_meta(&std::fs::read(d.join("piece.pdf")).unwrap(), "tv-slides");
    assert!(
        piece.draft(),
        "the bundled slides are not approved: {piece:?}"
    );
    ok(
        d,
        &[
            "video",
            "--locale",
            "en",
            "--format",
            "png",
            "-o",
            "slide.png",
        ],
    );
    ok(
        d,
        &[
            "video",
            "--locale",
            "en",
            "--format",
            "html",
            "-o",
            "loop.html",
        ],
    );
    let html = std::fs::read_to_string(d.join("loop.html")).unwrap();
    let embedded = html_slides(&html);
    assert!(!embedded.is_empty());
    let files: Vec<Vec<u8>> = (1..=embedded.len())
        .map(|i| std::fs::read(d.join(format!("slide-{i}.png"))).unwrap())
        .collect();
    for (i, png) in files.iter().chain(&embedded).enumerate() {
        let m = png_meta(png, "slide");
        m.assert_complete("slide");
        // The slides are the piece's pages: the same status, word for word.
        assert_eq!(m, piece, "slide {}", i + 1);
    }
    let title = &html[html.find("<title>").unwrap() + 7..html.find("</title>").unwrap()];
    assert!(title.contains("DRAFT"), "{title}");
}
