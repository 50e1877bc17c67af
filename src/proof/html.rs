//! The offline HTML gallery of a proof packet.
//!
//! [`files`] turns a [`Proof`] into a folder of plain HTML pages, one stylesheet and the
//! images they show, for the survivor advisory board to review from a USB stick in any
//! browser, with no network and no JavaScript:
//!
//! - `index.html`: what to look for, what the status badges mean, every piece at a
//!   glance, and a thumbnail of each piece by design and language;
//! - `pieces/DESIGN-LOCALE.html`: one piece in full, the words on it beside their English
//!   meaning, its pictures and a printable comment form;
//! - `compare/DESIGN.html`: one design's languages side by side;
//! - `img/`: page previews (`img/DESIGN-LOCALE-N.png`), thumbnails (`img/thumb/`) and
//!   illustrations (`img/illustrations/ID.EXT`);
//! - `style.css`: one stylesheet for screen and print.
//!
//! Every text that comes from catalogs, specs or the kit file is escaped, in text and in
//! attributes alike, so a translation containing `<script>` shows as text; each page's
//! Content-Security-Policy forbids scripts as a second guard. File names made from ids
//! keep only `[a-z0-9-]` (a USB stick's file system ignores case) and never collide. All
//! links are relative, so the folder works from `file://`. The output depends on nothing
//! but the proof: the same proof gives byte-identical files.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::{self, Write as _};

use rayon::prelude::*;

use super::{Piece, Proof, ProofImage};

/// Thumbnails fit in a square of this many pixels (sharp on a 2x screen in a card).
const THUMB_BOX: u32 = 560;

/// The gallery's files: (path relative to the output folder, bytes). `index.html` first.
pub fn files(proof: &Proof) -> Vec<(String, Vec<u8>)> {
    let thumbs: Vec<Vec<Option<Image>>> = proof
        .pieces
        .par_iter()
        .map(|p| (0..p.pages.len()).map(|i| thumbnail(p, i)).collect())
        .collect();
    let layout = Layout::new(proof, &thumbs);
    let mut out = vec![
        ("index.html".to_string(), index(proof, &layout).into_bytes()),
        (
            "style.css".to_string(),
            format!("{STYLE}{}", super::bilingual::STYLE).into_bytes(),
        ),
    ];
    for (t, path) in proof.bilingual.iter().zip(&layout.bilingual) {
        out.push((
            path.clone(),
            super::bilingual::html_page(proof, t).into_bytes(),
        ));
    }
    for (design, pieces) in by_design(proof) {
        out.push((
            layout.compare[design].clone(),
            compare(proof, &layout, design, &pieces).into_bytes(),
        ));
    }
    for (i, p) in proof.pieces.iter().enumerate() {
        out.push((
            layout.pieces[i].page.clone(),
            detail(proof, &layout, i, p).into_bytes(),
        ));
    }
    for (i, p) in proof.pieces.iter().enumerate() {
        let f = &layout.pieces[i];
        for (n, preview) in p.pages.iter().enumerate() {
            out.push((f.previews[n].path.clone(), preview.png.clone()));
            if let Some(t) = &thumbs[i][n] {
                out.push((f.thumbs[n].path.clone(), t.png.clone()));
            }
        }
    }
    for (id, path) in &layout.illustrations {
        if let Some(img) = find_image(proof, id) {
            out.push((path.clone(), img.bytes.clone()));
        }
    }
    out
}

/// A PNG with its pixel size.
struct Image {
    png: Vec<u8>,
    width: u32,
    height: u32,
}

/// A file in the gallery with the pixel size it shows at.
#[derive(Clone)]
struct Pic {
    path: String,
    width: u32,
    height: u32,
}

/// Where one piece's files go.
struct PieceFiles {
    /// The detail page.
    page: String,
    /// Full-size previews, one per page.
    previews: Vec<Pic>,
    /// Thumbnails, one per page (the preview itself when it is small already).
    thumbs: Vec<Pic>,
}

/// Every file name of the gallery, decided once so links and files agree.
struct Layout {
    /// Per piece, in proof order.
    pieces: Vec<PieceFiles>,
    /// Design name to its comparison page.
    compare: BTreeMap<String, String>,
    /// Design name to the id of its section on the index.
    anchors: BTreeMap<String, String>,
    /// Illustration id to its file.
    illustrations: BTreeMap<String, String>,
    /// Per bilingual table (in proof order), its page.
    bilingual: Vec<String>,
}

impl Layout {
    fn new(proof: &Proof, thumbs: &[Vec<Option<Image>>]) -> Layout {
        let mut names = Names::default();
        names.taken.insert("index.html".into());
        names.taken.insert("style.css".into());
        let mut compare = BTreeMap::new();
        let mut anchors = BTreeMap::new();
        let mut anchor_names = Names::default();
        for (design, _) in by_design(proof) {
            compare.insert(design.to_string(), names.claim("compare/", design, "html"));
            anchors.insert(design.to_string(), anchor_names.claim_id("design-", design));
        }
        let mut pieces = Vec::new();
        for p in &proof.pieces {
            let stem = format!("{}-{}", p.design, p.locale);
            pieces.push(PieceFiles {
                page: names.claim("pieces/", &stem, "html"),
                previews: Vec::new(),
                thumbs: Vec::new(),
            });
        }
        for ((p, f), t) in proof.pieces.iter().zip(&mut pieces).zip(thumbs) {
            let stem = format!("{}-{}", p.design, p.locale);
            for (n, preview) in p.pages.iter().enumerate() {
                let full = Pic {
                    path: names.claim("img/", &format!("{stem}-{}", n + 1), "png"),
                    width: preview.width,
                    height: preview.height,
                };
                let thumb = match &t[n] {
                    Some(img) => Pic {
                        path: names.claim("img/thumb/", &format!("{stem}-{}", n + 1), "png"),
                        width: img.width,
                        height: img.height,
                    },
                    None => full.clone(),
                };
                f.previews.push(full);
                f.thumbs.push(thumb);
            }
        }
        let mut ids: BTreeMap<String, &ProofImage> = BTreeMap::new();
        for p in &proof.pieces {
            for img in &p.images {
                ids.entry(img.id.clone()).or_insert(img);
            }
        }
        let illustrations = ids
            .iter()
            .map(|(id, img)| (id.clone(), names.claim("img/illustrations/", id, &img.ext)))
            .collect();
        let bilingual = proof
            .bilingual
            .iter()
            .map(|t| names.claim("bilingual/", &t.code, "html"))
            .collect();
        Layout {
            pieces,
            compare,
            anchors,
            illustrations,
            bilingual,
        }
    }
}

/// Unique, safe file names.
#[derive(Default)]
struct Names {
    taken: BTreeSet<String>,
}

impl Names {
    /// `dir` + a file name made of `stem` and `ext` (both made safe) that no earlier call
    /// returned; a clash gets `-2`, `-3`...
    fn claim(&mut self, dir: &str, stem: &str, ext: &str) -> String {
        self.unique(dir, &safe_name(stem), &format!(".{}", safe_name(ext)))
    }

    /// `prefix` + `stem` made safe, for an element id, unique like [`Names::claim`].
    fn claim_id(&mut self, prefix: &str, stem: &str) -> String {
        self.unique(prefix, &safe_name(stem), "")
    }

    fn unique(&mut self, prefix: &str, stem: &str, suffix: &str) -> String {
        let mut n = 1;
        loop {
            let name = if n == 1 {
                format!("{prefix}{stem}{suffix}")
            } else {
                format!("{prefix}{stem}-{n}{suffix}")
            };
            if self.taken.insert(name.clone()) {
                return name;
            }
            n += 1;
        }
    }
}

/// A file name part from an id: lowercase ASCII letters and digits and `-`; anything else
/// becomes `-`. At most 80 characters; never empty.
fn safe_name(s: &str) -> String {
    let mut out: String = s
        .chars()
        .map(|c| match c.to_ascii_lowercase() {
            c @ ('a'..='z' | '0'..='9' | '-') => c,
            _ => '-',
        })
        .take(80)
        .collect();
    if out.is_empty() && !s.is_empty() {
        out.push('-');
    }
    if out.is_empty() {
        out.push('x');
    }
    out
}

/// The pieces grouped by design, in proof order.
fn by_design(proof: &Proof) -> Vec<(&str, Vec<(usize, &Piece)>)> {
    let mut out: Vec<(&str, Vec<(usize, &Piece)>)> = Vec::new();
    for (i, p) in proof.pieces.iter().enumerate() {
        match out.last_mut() {
            Some((d, v)) if *d == p.design => v.push((i, p)),
            _ => {
                // Pieces come sorted by design; should they not, keep one group a design.
                if let Some((_, v)) = out.iter_mut().find(|(d, _)| *d == p.design) {
                    v.push((i, p));
                } else {
                    out.push((&p.design, vec![(i, p)]));
                }
            }
        }
    }
    out
}

/// The first illustration with this id.
fn find_image<'a>(proof: &'a Proof, id: &str) -> Option<&'a ProofImage> {
    proof
        .pieces
        .iter()
        .flat_map(|p| &p.images)
        .find(|i| i.id == id)
}

/// A smaller rendering of page `i` for the index, drawn afresh from the scene so text
/// stays sharp; `None` when the preview is small already (or cannot be redrawn).
fn thumbnail(p: &Piece, i: usize) -> Option<Image> {
    let preview = &p.pages[i];
    if preview.width <= THUMB_BOX && preview.height <= THUMB_BOX {
        return None;
    }
    let page = p.scene.pages.get(i)?;
    if page.width <= 0.0 {
        return None;
    }
    let px_per_pt = preview.width as f32 / page.width;
    let fit =
        (THUMB_BOX as f32 / preview.width as f32).min(THUMB_BOX as f32 / preview.height as f32);
    let s = px_per_pt * fit;
    let pm = crate::export::png::render_at(&p.scene, page, s).ok()?;
    let png = crate::export::png::encode(&pm, s * 72.0, &p.scene.meta()).ok()?;
    Some(Image {
        png,
        width: pm.width(),
        height: pm.height(),
    })
}

/// Text escaped for HTML, in element content and in quoted attribute values alike.
pub(super) struct Esc<'a>(&'a str);

impl fmt::Display for Esc<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let s = self.0;
        let mut last = 0;
        for (i, c) in s.char_indices() {
            let rep = match c {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                // NUL is a parse error in HTML; show it as the replacement character.
                '\0' => "\u{fffd}",
                _ => continue,
            };
            f.write_str(&s[last..i])?;
            f.write_str(rep)?;
            last = i + c.len_utf8();
        }
        f.write_str(&s[last..])
    }
}

/// Shorthand for [`Esc`].
pub(super) fn e(s: &str) -> Esc<'_> {
    Esc(s)
}

/// The hex digits of a `sha256:` hash, or the hash as it is.
fn hash_hex(hash: &str) -> &str {
    hash.strip_prefix("sha256:").unwrap_or(hash)
}

/// The first 12 hex digits of a hash, for labels ("not recorded" when there is none).
fn short_hash(hash: &str) -> String {
    let hex: String = hash_hex(hash).chars().take(12).collect();
    if hex.is_empty() {
        "not recorded".into()
    } else {
        hex
    }
}

/// A status badge: its word and colour, and a border style that differs too, so the
/// colour is never the only sign.
fn badge(status: &str) -> String {
    let (class, word, meaning) = status_words(status);
    format!(
        "<span class=\"badge badge-{class}\">{}<span class=\"vh\">: {}</span></span>",
        e(&word),
        e(meaning)
    )
}

/// (CSS class, word shown, what it means) of a piece status.
fn status_words(status: &str) -> (&'static str, String, &'static str) {
    match status {
        "draft" => ("draft", "Draft".into(), "not approved for print"),
        "approved" => ("approved", "Approved".into(), "approved for print"),
        "changed" => (
            "changed",
            "Changed".into(),
            "changed since approval, needs review again",
        ),
        other => ("other", other.to_string(), "status as recorded"),
    }
}

/// A string's review status as a small label.
pub(super) fn review_label(review: &str) -> String {
    let class = match review {
        "untranslated" | "draft" | "translated" | "translator-reviewed" | "survivor-reviewed" => {
            review
        }
        _ => "other",
    };
    let word = match review {
        "untranslated" => "not translated yet",
        "draft" => "draft, unchecked",
        "translated" => "translated, not reviewed",
        "translator-reviewed" => "checked by a translator",
        "survivor-reviewed" => "reviewed by survivors",
        other => other,
    };
    format!("<span class=\"review review-{class}\">{}</span>", e(word))
}

/// `lang` and `dir` attributes for text in a piece's language.
fn lang_attrs(p: &Piece) -> String {
    format!(
        " lang=\"{}\" dir=\"{}\"",
        e(&p.locale),
        if p.rtl { "rtl" } else { "ltr" }
    )
}

/// "Spanish (Español)", with the native name marked up in its language.
fn language_name(p: &Piece) -> String {
    if p.native.is_empty() || p.native == p.locale_name {
        format!("{}", e(&p.locale_name))
    } else {
        format!(
            "{} <span class=\"native\"{}>({})</span>",
            e(&p.locale_name),
            lang_attrs(p),
            e(&p.native)
        )
    }
}

/// The top of a page: `root` is the way back to the gallery folder (`""` or `"../"`).
pub(super) fn head(out: &mut String, title: &str, root: &str, crumbs: &[(&str, String)]) {
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"script-src 'none'; \
         object-src 'none'; connect-src 'none'; frame-src 'none'; base-uri 'none'; \
         form-action 'none'\">\n\
         <meta name=\"generator\" content=\"hotline-kit\">\n\
         <title>{}</title>\n<link rel=\"stylesheet\" href=\"{root}style.css\">\n</head>\n\
         <body>\n<a class=\"skip\" href=\"#main\">Skip to main content</a>\n\
         <header class=\"site\">\n<div class=\"wrap\">\n\
         <p class=\"site-name\">Proof for the survivor advisory board</p>\n",
        e(title)
    );
    if !crumbs.is_empty() {
        out.push_str("<nav class=\"crumbs\" aria-label=\"You are here\">\n<ol>\n");
        for (i, (label, href)) in crumbs.iter().enumerate() {
            if i + 1 == crumbs.len() {
                let _ = writeln!(
                    out,
                    "<li><span aria-current=\"page\">{}</span></li>",
                    e(label)
                );
            } else {
                let _ = writeln!(out, "<li><a href=\"{}\">{}</a></li>", e(href), e(label));
            }
        }
        out.push_str("</ol>\n</nav>\n");
    }
    out.push_str("</div>\n</header>\n<main id=\"main\" tabindex=\"-1\">\n<div class=\"wrap\">\n");
}

/// The bottom of a page.
pub(super) fn foot(out: &mut String, proof: &Proof) {
    let _ = write!(
        out,
        "</div>\n</main>\n<footer class=\"site\">\n<div class=\"wrap\">\n\
         <p>Proof of the {} made by hotline-kit on {}. Pieces marked Draft are not \
         approved for print.</p>\n</div>\n</footer>\n</body>\n</html>\n",
        e(&proof.kit),
        e(&proof.date)
    );
}

/// `index.html`.
fn index(proof: &Proof, layout: &Layout) -> String {
    let groups = by_design(proof);
    let mut locales: BTreeSet<&str> = BTreeSet::new();
    for p in &proof.pieces {
        locales.insert(&p.locale);
    }
    let mut o = String::new();
    head(&mut o, &format!("Proof gallery: {}", proof.kit), "", &[]);
    let _ = write!(
        o,
        "<h1>Proof gallery <span class=\"sub\">{}</span></h1>\n\
         <p class=\"lead\">Made on <strong>{}</strong>: {} {} in {} {} ({} {}).</p>\n",
        e(&proof.kit),
        e(&proof.date),
        proof.pieces.len(),
        plural(proof.pieces.len(), "piece", "pieces"),
        groups.len(),
        plural(groups.len(), "design", "designs"),
        locales.len(),
        plural(locales.len(), "language", "languages"),
    );
    if proof.pieces.is_empty() {
        o.push_str("<p>This proof has no pieces.</p>\n");
    }

    let _ = write!(
        o,
        "<div class=\"intro\">\n<section class=\"panel\" aria-labelledby=\"look\">\n\
         <h2 id=\"look\">What to look for</h2>\n<ul class=\"checks\">\n\
         <li>The hotline number is exactly <strong class=\"nowrap\">{phone}</strong> and the text \
         number is exactly <strong>{sms}</strong>, on every piece and in every language.</li>\n\
         <li>The QR code scans with a phone and opens the hotline (each piece's page says \
         what it should open).</li>\n\
         <li>The words describe experiences (&ldquo;Can you leave your job if you \
         want to?&rdquo;), not labels for people.</li>\n\
         <li>Pictures show people with dignity, and a range of people: skin tones, ages, \
         genders, abilities, kinds of work.</li>\n\
         <li>Nothing is sensational or frightening: no chains, no bruises, no hands over \
         mouths.</li>\n\
         <li>Translations read naturally and kindly. The English meaning of each sentence \
         is shown beside it for readers of other languages.</li>\n\
         </ul>\n</section>\n",
        phone = Esc(&proof.phone),
        sms = Esc(&proof.sms),
    );
    o.push_str(
        "<section class=\"panel\" aria-labelledby=\"legend\">\n\
         <h2 id=\"legend\">What the badges mean</h2>\n<dl class=\"legend\">\n",
    );
    for (status, text) in [
        (
            "draft",
            "Not approved for print yet. Every page carries a DRAFT mark.",
        ),
        ("approved", "Approved for print by the board."),
        (
            "changed",
            "Changed after it was approved: it needs to be reviewed again.",
        ),
    ] {
        let _ = writeln!(o, "<dt>{}</dt><dd>{}</dd>", badge(status), e(text));
    }
    o.push_str(
        "</dl>\n<h3>How to use this gallery</h3>\n<ul>\n\
         <li>Select a picture to see it full size.</li>\n\
         <li>&ldquo;Details and comment form&rdquo; shows every page of a piece, its words \
         with their English meaning, its pictures, and a form to print or fill in.</li>\n\
         <li>&ldquo;Compare languages&rdquo; shows one design in every language side by \
         side.</li>\n</ul>\n</section>\n</div>\n",
    );

    if !proof.pieces.is_empty() {
        glance(&mut o, proof, layout, &groups, &locales);
    }
    if !proof.bilingual.is_empty() {
        o.push_str(
            "<section aria-labelledby=\"bilingual\">\n<h2 id=\"bilingual\">Translations side by side</h2>\n\
             <p>Every message in English and in the language, with its English gloss, its review \
             status and an empty column for an independent back-translator. Printable.</p>\n<ul>\n",
        );
        for (t, path) in proof.bilingual.iter().zip(&layout.bilingual) {
            let _ = writeln!(
                o,
                "<li><a href=\"{}\">{} ({})</a>: {} messages</li>",
                e(path),
                e(&t.name),
                e(&t.code),
                t.rows.len()
            );
        }
        o.push_str("</ul>\n</section>\n");
    }

    for (design, pieces) in &groups {
        let first = pieces[0].1;
        let anchor = &layout.anchors[*design];
        let _ = write!(
            o,
            "<section class=\"design\" aria-labelledby=\"{a}\">\n\
             <h2 id=\"{a}\">{}</h2>\n<p class=\"design-meta\"><span>Design \
             <code>{}</code></span> <span>{}</span> <span>{} {}</span></p>\n\
             <p><a class=\"button\" href=\"{}\">Compare languages<span class=\"vh\"> for {}</span> \
             side by side</a></p>\n<ul class=\"cards\">\n",
            e(&first.title),
            e(design),
            e(&first.size),
            pieces.len(),
            plural(pieces.len(), "language", "languages"),
            e(&layout.compare[*design]),
            e(&first.title),
            a = e(anchor),
        );
        for (i, p) in pieces {
            card(&mut o, layout, *i, p);
        }
        o.push_str("</ul>\n</section>\n");
    }
    foot(&mut o, proof);
    o
}

/// The table of every piece's status: languages down, designs across.
fn glance(
    o: &mut String,
    proof: &Proof,
    layout: &Layout,
    groups: &[(&str, Vec<(usize, &Piece)>)],
    locales: &BTreeSet<&str>,
) {
    o.push_str(
        "<section aria-labelledby=\"glance\">\n<h2 id=\"glance\">Every piece at a glance</h2>\n\
         <p>Select a badge to open that piece: its pages, its words and the comment form.</p>\n\
         <div class=\"scroll\" role=\"region\" aria-labelledby=\"glance\" tabindex=\"0\">\n\
         <table class=\"glance\">\n<thead>\n<tr><th scope=\"col\">Language</th>",
    );
    for (design, pieces) in groups {
        let _ = write!(
            o,
            "<th scope=\"col\"><a href=\"#{}\">{}</a></th>",
            e(&layout.anchors[*design]),
            e(&pieces[0].1.title)
        );
    }
    o.push_str("</tr>\n</thead>\n<tbody>\n");
    for locale in locales {
        let Some(any) = proof.pieces.iter().find(|p| p.locale == *locale) else {
            continue;
        };
        let _ = write!(o, "<tr><th scope=\"row\">{}</th>", language_name(any));
        for (_, pieces) in groups {
            match pieces.iter().find(|(_, p)| p.locale == *locale) {
                Some((i, p)) => {
                    let _ = write!(
                        o,
                        "<td><a href=\"{}\">{}<span class=\"vh\"> {}, {}</span></a></td>",
                        e(&layout.pieces[*i].page),
                        badge(&p.status),
                        e(&p.title),
                        e(&p.locale_name)
                    );
                }
                None => o.push_str("<td><span class=\"none\">not in this proof</span></td>"),
            }
        }
        o.push_str("</tr>\n");
    }
    o.push_str("</tbody>\n</table>\n</div>\n</section>\n");
}

/// One piece on the index.
fn card(o: &mut String, layout: &Layout, i: usize, p: &Piece) {
    let f = &layout.pieces[i];
    let _ = write!(o, "<li class=\"card\">\n<h3>{}</h3>\n", language_name(p));
    if let (Some(full), Some(thumb)) = (f.previews.first(), f.thumbs.first()) {
        let _ = writeln!(
            o,
            "<a class=\"thumb\" href=\"{}\"><img src=\"{}\" width=\"{}\" height=\"{}\" \
             alt=\"{}, {}, page 1 of {}\"><span class=\"vh\"> (full size)</span></a>",
            e(&full.path),
            e(&thumb.path),
            thumb.width,
            thumb.height,
            e(&p.title),
            e(&p.locale_name),
            p.pages.len()
        );
    } else {
        o.push_str("<p class=\"none\">No preview.</p>\n");
    }
    let _ = write!(
        o,
        "<p class=\"status\">{}</p>\n<p class=\"status-note\">{}</p>\n\
         <dl class=\"facts\">\n<dt>Size</dt><dd>{}</dd>\n",
        badge(&p.status),
        e(&p.status_text),
        e(&p.size)
    );
    if f.previews.len() > 1 {
        let _ = write!(
            o,
            "<dt>Pages</dt><dd class=\"page-links\">{}:",
            f.previews.len()
        );
        for (n, pic) in f.previews.iter().enumerate() {
            let _ = write!(
                o,
                " <a href=\"{}\"><span class=\"vh\">full size page </span>{}</a>",
                e(&pic.path),
                n + 1
            );
        }
        o.push_str("</dd>\n");
    }
    let _ = write!(
        o,
        "<dt>Hash</dt><dd><code>{}</code></dd>\n</dl>\n\
         <p class=\"more\"><a href=\"{}\">Details and comment form<span class=\"vh\">: {}, \
         {}</span></a></p>\n</li>\n",
        e(&short_hash(&p.hash)),
        e(&f.page),
        e(&p.title),
        e(&p.locale_name)
    );
}

/// "piece" or "pieces".
fn plural(n: usize, one: &'static str, many: &'static str) -> &'static str {
    if n == 1 { one } else { many }
}

/// `pieces/DESIGN-LOCALE.html`.
fn detail(proof: &Proof, layout: &Layout, i: usize, p: &Piece) -> String {
    let f = &layout.pieces[i];
    let up = "../";
    let mut o = String::new();
    head(
        &mut o,
        &format!("{}, {}: proof", p.title, p.locale_name),
        up,
        &[
            ("Gallery", format!("{up}index.html")),
            (
                &p.title,
                format!("{up}index.html#{}", layout.anchors[&p.design]),
            ),
            (&p.locale_name, String::new()),
        ],
    );
    let _ = write!(
        o,
        "<h1>{} <span class=\"sub\">{}</span></h1>\n\
         <div class=\"status-line\"><p>{} <span class=\"status-text\">{}</span></p></div>\n\
         <p class=\"actions\"><a class=\"button\" href=\"#comment\">Comment form</a> \
         <a class=\"button\" href=\"{up}{}\">Compare languages<span class=\"vh\"> for {}</span></a></p>\n\
         <dl class=\"facts wide\">\n<dt>Design</dt><dd>{} (<code>{}</code>)</dd>\n\
         <dt>Language</dt><dd>{} &middot; <code>{}</code> &middot; {}</dd>\n\
         <dt>Written for</dt><dd>{}</dd>\n\
         <dt>Size</dt><dd>{}</dd>\n<dt>Pages</dt><dd>{}</dd>\n",
        e(&p.title),
        language_name(p),
        badge(&p.status),
        e(&p.status_text),
        e(&layout.compare[&p.design]),
        e(&p.title),
        e(&p.title),
        e(&p.design),
        language_name(p),
        e(&p.locale),
        if p.rtl {
            "right to left"
        } else {
            "left to right"
        },
        e(&p.audience),
        e(&p.size),
        p.pages.len()
    );
    if !p.scene.qr.is_empty() {
        let _ = writeln!(
            o,
            "<dt>QR code opens</dt><dd><code>{}</code></dd>",
            e(&p.scene.qr)
        );
    }
    let _ = write!(
        o,
        "<dt>Content hash</dt><dd><code class=\"hash\">{}</code></dd>\n</dl>\n",
        if p.hash.is_empty() {
            "not recorded".to_string()
        } else {
            e(&p.hash).to_string()
        }
    );

    let _ = write!(
        o,
        "<section aria-labelledby=\"pages\">\n<h2 id=\"pages\">{}</h2>\n",
        if p.pages.len() == 1 {
            "The piece"
        } else {
            "Pages"
        }
    );
    for (n, pic) in f.previews.iter().enumerate() {
        let _ = write!(
            o,
            "<figure class=\"page\">\n<a href=\"{up}{}\"><img src=\"{up}{}\" width=\"{}\" height=\"{}\" \
             alt=\"{}, {}, page {} of {}\"></a>\n<figcaption>Page {} of {} &middot; {} &times; {} \
             pixels &middot; <a href=\"{up}{}\">open full size<span class=\"vh\">, page {}</span></a>\
             </figcaption>\n</figure>\n",
            e(&pic.path),
            e(&pic.path),
            pic.width,
            pic.height,
            e(&p.title),
            e(&p.locale_name),
            n + 1,
            f.previews.len(),
            n + 1,
            f.previews.len(),
            pic.width,
            pic.height,
            e(&pic.path),
            n + 1
        );
    }
    o.push_str("</section>\n");

    strings_table(&mut o, p);
    pictures(&mut o, layout, p, up);
    comment_form(&mut o, proof, p);
    foot(&mut o, proof);
    o
}

/// The words on a piece: id, text in its language, English meaning, review status.
fn strings_table(o: &mut String, p: &Piece) {
    let glossed = p.strings.iter().any(|s| s.gloss.is_some());
    let _ = write!(
        o,
        "<section aria-labelledby=\"words\">\n<h2 id=\"words\">Words on this piece</h2>\n"
    );
    if p.strings.is_empty() {
        o.push_str("<p>No words are listed for this piece.</p>\n</section>\n");
        return;
    }
    let _ = write!(
        o,
        "<p>{} {}, in the order they appear.{}</p>\n<table class=\"words\">\n\
         <thead>\n<tr><th scope=\"col\">Message</th><th scope=\"col\">Text as printed ({})</th>",
        p.strings.len(),
        plural(p.strings.len(), "string", "strings"),
        if glossed {
            " The English meaning is a back-translation, for reviewers who do not read the language."
        } else {
            ""
        },
        e(&p.locale_name)
    );
    if glossed {
        o.push_str("<th scope=\"col\">English meaning</th>");
    }
    o.push_str("<th scope=\"col\">Review</th></tr>\n</thead>\n<tbody>\n");
    for s in &p.strings {
        let attrs = if s.review == "untranslated" {
            // Shown in the fallback language, not this one.
            " dir=\"auto\"".to_string()
        } else {
            lang_attrs(p)
        };
        let _ = write!(
            o,
            "<tr><th scope=\"row\" data-label=\"Message\"><code>{}</code></th>\
             <td class=\"text\" data-label=\"Text\"{}>{}</td>",
            e(&s.id),
            attrs,
            e(&s.text)
        );
        if glossed {
            match &s.gloss {
                Some(g) => {
                    let _ = write!(
                        o,
                        "<td class=\"gloss\" data-label=\"English meaning\">{}</td>",
                        e(g)
                    );
                }
                None => o.push_str(
                    "<td class=\"gloss none\" data-label=\"English meaning\">no English meaning given</td>",
                ),
            }
        }
        let _ = writeln!(
            o,
            "<td data-label=\"Review\">{}</td></tr>",
            review_label(&s.review)
        );
    }
    o.push_str("</tbody>\n</table>\n</section>\n");
}

/// The illustrations on a piece with their catalog tags and credit.
fn pictures(o: &mut String, layout: &Layout, p: &Piece, up: &str) {
    o.push_str(
        "<section aria-labelledby=\"pictures\">\n<h2 id=\"pictures\">Pictures on this piece</h2>\n",
    );
    if p.images.is_empty() {
        o.push_str("<p>This piece has no pictures.</p>\n</section>\n");
        return;
    }
    o.push_str("<ul class=\"pictures\">\n");
    for img in &p.images {
        let Some(path) = layout.illustrations.get(&img.id) else {
            continue;
        };
        let _ = write!(
            o,
            "<li class=\"picture\">\n<a class=\"pic\" href=\"{up}{}\"><img src=\"{up}{}\" alt=\"{}\">\
             <span class=\"vh\"> (full size)</span></a>\n<div>\n<h3>{}</h3>\n<dl class=\"tags\">\n\
             <dt>Catalog id</dt><dd><code>{}</code></dd>\n",
            e(path),
            e(path),
            e(&img.title),
            e(&img.title),
            e(&img.id)
        );
        for (name, value) in &img.tags {
            let _ = writeln!(o, "<dt>{}</dt><dd>{}</dd>", e(&capitalise(name)), e(value));
        }
        let _ = write!(
            o,
            "<dt>Credit</dt><dd>{}</dd>\n</dl>\n</div>\n</li>\n",
            e(&img.credit)
        );
    }
    o.push_str("</ul>\n</section>\n");
}

/// "skin tone" -> "Skin tone".
fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// A comment form to fill in on screen and print, or print blank and write on. It is not
/// an HTML form: nothing is sent anywhere, and Enter in a field does not reload the page.
fn comment_form(o: &mut String, proof: &Proof, p: &Piece) {
    let _ = write!(
        o,
        "<section class=\"comment\" id=\"comment\" aria-labelledby=\"comment-h\">\n\
         <h2 id=\"comment-h\">Comment form</h2>\n\
         <p class=\"screen-only\">Type here and print, or print the form blank and write on it \
         (File &rsaquo; Print, or Ctrl+P; on a Mac, Cmd+P). Nothing typed here is saved or sent: \
         print before you close the page.</p>\n\
         <dl class=\"facts wide about\">\n<dt>Piece</dt><dd>{}</dd>\n<dt>Language</dt><dd>{}</dd>\n\
         <dt>Kit</dt><dd>{} &middot; proof of {}</dd>\n<dt>Content hash</dt><dd><code class=\"hash\">{}</code></dd>\n</dl>\n\
         <div class=\"fields\">\n\
         <p class=\"field\"><label for=\"c-name\">Reviewer name</label>\
         <input id=\"c-name\" type=\"text\" autocomplete=\"off\"></p>\n\
         <p class=\"field\"><label for=\"c-date\">Date</label>\
         <input id=\"c-date\" type=\"text\" autocomplete=\"off\"></p>\n</div>\n\
         <fieldset class=\"decision\">\n<legend>Decision (tick one)</legend>\n\
         <p><input id=\"c-approve\" type=\"checkbox\"> <label for=\"c-approve\">Approve for \
         print as shown</label></p>\n\
         <p><input id=\"c-changes\" type=\"checkbox\"> <label for=\"c-changes\">Changes \
         needed (describe below)</label></p>\n</fieldset>\n\
         <table class=\"changes\">\n<caption>Changes needed, one a line</caption>\n<thead>\n\
         <tr><th scope=\"col\">Where (page, or message)</th><th scope=\"col\">What should change</th></tr>\n\
         </thead>\n<tbody>\n",
        e(&p.title),
        language_name(p),
        e(&proof.kit),
        e(&proof.date),
        if p.hash.is_empty() {
            "not recorded".to_string()
        } else {
            e(&p.hash).to_string()
        }
    );
    for n in 1..=5 {
        let _ = writeln!(
            o,
            "<tr><td><input type=\"text\" aria-label=\"Where, line {n}\" autocomplete=\"off\"></td>\
             <td><input type=\"text\" aria-label=\"What should change, line {n}\" autocomplete=\"off\"></td></tr>"
        );
    }
    o.push_str(
        "</tbody>\n</table>\n<p class=\"field\"><label for=\"c-comments\">Comments</label>\
         <textarea id=\"c-comments\" rows=\"8\"></textarea></p>\n\
         <p class=\"field signature\"><label for=\"c-sign\">Signature</label>\
         <input id=\"c-sign\" type=\"text\" autocomplete=\"off\"></p>\n</section>\n",
    );
}

/// `compare/DESIGN.html`: one design's languages side by side.
fn compare(proof: &Proof, layout: &Layout, design: &str, pieces: &[(usize, &Piece)]) -> String {
    let up = "../";
    let title = &pieces[0].1.title;
    let mut o = String::new();
    head(
        &mut o,
        &format!("{title}: languages side by side"),
        up,
        &[
            ("Gallery", format!("{up}index.html")),
            (title, format!("{up}index.html#{}", layout.anchors[design])),
            ("Compare languages", String::new()),
        ],
    );
    let _ = write!(
        o,
        "<h1>{} <span class=\"sub\">{} {} side by side</span></h1>\n\
         <p class=\"lead\">First the pieces, one language each; then every message, with \
         its text in each language and the English meaning beside it. Select a preview to \
         see it full size.</p>\n\
         <nav class=\"jump\" aria-label=\"Languages\">\n<ul>\n",
        e(title),
        pieces.len(),
        plural(pieces.len(), "language", "languages"),
    );
    let mut ids = Names::default();
    ids.taken.insert("main".into());
    let col_ids: Vec<String> = pieces
        .iter()
        .map(|(_, p)| ids.claim_id("lang-", &p.locale))
        .collect();
    for ((_, p), id) in pieces.iter().zip(&col_ids) {
        let _ = writeln!(
            o,
            "<li><a href=\"#{}\">{}</a></li>",
            e(id),
            language_name(p)
        );
    }
    o.push_str(
        "<li><a href=\"#words\">Words, message by message</a></li>\n</ul>\n</nav>\n\
         <section aria-labelledby=\"previews\">\n<h2 id=\"previews\">The pieces</h2>\n\
         <ul class=\"compare\">\n",
    );
    for ((i, p), id) in pieces.iter().zip(&col_ids) {
        let f = &layout.pieces[*i];
        let _ = write!(
            o,
            "<li class=\"column\">\n<h3 id=\"{id}\">{}</h3>\n\
             <p class=\"status\">{} <span>hash <code>{}</code></span></p>\n\
             <p class=\"status-note\">{}</p>\n<div class=\"thumbs\">\n",
            language_name(p),
            badge(&p.status),
            e(&short_hash(&p.hash)),
            e(&p.status_text),
            id = e(id),
        );
        for (n, (full, thumb)) in f.previews.iter().zip(&f.thumbs).enumerate() {
            let _ = writeln!(
                o,
                "<a class=\"thumb\" href=\"{up}{}\"><img src=\"{up}{}\" width=\"{}\" height=\"{}\" \
                 alt=\"{}, {}, page {} of {}\"><span class=\"vh\"> (full size)</span></a>",
                e(&full.path),
                e(&thumb.path),
                thumb.width,
                thumb.height,
                e(&p.title),
                e(&p.locale_name),
                n + 1,
                f.previews.len()
            );
        }
        let _ = write!(
            o,
            "</div>\n<p class=\"more\"><a href=\"{up}{}\">Details and comment form<span class=\"vh\">: \
             {}</span></a></p>\n</li>\n",
            e(&f.page),
            e(&p.locale_name)
        );
    }
    o.push_str("</ul>\n</section>\n");

    // Every message in order of first use across the languages.
    let mut order: Vec<&str> = Vec::new();
    for (_, p) in pieces {
        for s in &p.strings {
            if !order.contains(&s.id.as_str()) {
                order.push(&s.id);
            }
        }
    }
    let _ = write!(
        o,
        "<section aria-labelledby=\"words\">\n<h2 id=\"words\">Words, message by message</h2>\n\
         <p>{} {}. Each box is one language: the text as printed, then what it says in \
         English.</p>\n",
        order.len(),
        plural(order.len(), "message", "messages")
    );
    for id in order {
        let _ = write!(
            o,
            "<section class=\"message\" aria-label=\"Message {}\">\n<h3><code>{}</code></h3>\n\
             <ul class=\"cells\">\n",
            e(id),
            e(id)
        );
        for (_, p) in pieces {
            let _ = write!(
                o,
                "<li class=\"cell\">\n<p class=\"cell-lang\">{}",
                language_name(p)
            );
            match p.strings.iter().find(|s| s.id == id) {
                Some(s) => {
                    let attrs = if s.review == "untranslated" {
                        " dir=\"auto\"".to_string()
                    } else {
                        lang_attrs(p)
                    };
                    let _ = write!(
                        o,
                        " {}</p>\n<p class=\"text\"{}>{}</p>\n",
                        review_label(&s.review),
                        attrs,
                        e(&s.text)
                    );
                    if let Some(g) = &s.gloss {
                        let _ = writeln!(
                            o,
                            "<p class=\"gloss\"><span class=\"gloss-label\">In English:</span> {}</p>",
                            e(g)
                        );
                    }
                }
                None => o.push_str("</p>\n<p class=\"none\">Not on this piece.</p>\n"),
            }
            o.push_str("</li>\n");
        }
        o.push_str("</ul>\n</section>\n");
    }
    o.push_str("</section>\n");
    foot(&mut o, proof);
    o
}

/// The stylesheet, for screen and print.
const STYLE: &str = r##"/* hotline-kit proof gallery: one stylesheet for screen and print. */
:root {
  --ink: #1b2330;
  --muted: #4a5464;
  --paper: #ffffff;
  --bg: #f2f4f7;
  --line: #d3d9e2;
  --soft: #e8ecf2;
  --accent: #1b4f8f;
  --accent-dark: #12355f;
  --focus: #ffbf47;
  --draft-bg: #fff3d1;
  --draft-ink: #5f3d00;
  --draft-line: #a86b00;
  --ok-bg: #e1f3e6;
  --ok-ink: #14532d;
  --ok-line: #2c7a4b;
  --changed-bg: #fde6e6;
  --changed-ink: #861b1b;
  --changed-line: #c02f2f;
}
*, *::before, *::after { box-sizing: border-box; }
html {
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif;
  line-height: 1.5;
  color: var(--ink);
  background: var(--bg);
  -webkit-text-size-adjust: 100%;
  text-size-adjust: 100%;
}
body { margin: 0; }
.wrap { max-width: 80rem; margin: 0 auto; padding: 0 1.25rem; }
a { color: var(--accent); text-underline-offset: 0.15em; }
a:hover { color: var(--accent-dark); text-decoration-thickness: 2px; }
a:focus-visible, summary:focus-visible {
  outline: 3px solid var(--ink);
  outline-offset: 1px;
  background-color: var(--focus);
  color: var(--ink);
  text-decoration: none;
}
input:focus-visible, textarea:focus-visible, [tabindex]:focus-visible {
  outline: 3px solid var(--ink);
  outline-offset: 1px;
  box-shadow: 0 0 0 6px var(--focus);
}
main:focus { outline: none; }
.skip {
  position: absolute;
  left: 0.75rem;
  top: -20rem;
  z-index: 10;
  padding: 0.6rem 1rem;
  background: var(--focus);
  color: var(--ink);
  font-weight: 700;
}
.skip:focus, .skip:focus-visible { top: 0.75rem; }
.vh {
  position: absolute;
  width: 1px;
  height: 1px;
  overflow: hidden;
  clip-path: inset(50%);
  white-space: nowrap;
}
.nowrap { white-space: nowrap; }
.none { color: var(--muted); font-style: italic; }
code {
  font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, "DejaVu Sans Mono", monospace;
  font-size: 0.9em;
}
.hash { overflow-wrap: anywhere; }

header.site { background: var(--accent-dark); color: #fff; padding: 0.8rem 0; }
.site-name { margin: 0; font-size: 0.875rem; font-weight: 600; letter-spacing: 0.05em; text-transform: uppercase; }
.crumbs ol { list-style: none; margin: 0.35rem 0 0; padding: 0; display: flex; flex-wrap: wrap; gap: 0.25rem 0.5rem; }
.crumbs li + li::before { content: "\203A"; margin-right: 0.5rem; opacity: 0.8; }
.crumbs a { color: #fff; }
.crumbs a:focus-visible { color: var(--ink); }
main { padding: 1.75rem 0 3rem; }
footer.site { border-top: 1px solid var(--line); color: var(--muted); font-size: 0.9rem; padding: 1rem 0 2rem; }

h1 { font-size: 2.1rem; line-height: 1.2; margin: 0 0 0.5rem; }
h1 .sub { display: block; margin-top: 0.3rem; font-size: 1.15rem; font-weight: 400; color: var(--muted); }
h2 { font-size: 1.5rem; line-height: 1.25; margin: 2.25rem 0 0.75rem; }
h3 { font-size: 1.1rem; line-height: 1.3; margin: 1rem 0 0.5rem; }
.lead { font-size: 1.1rem; color: var(--muted); max-width: 62rem; margin: 0 0 1rem; }

.intro {
  display: grid;
  grid-template-columns: repeat(auto-fit, minmax(min(100%, 24rem), 1fr));
  gap: 1.25rem;
  margin-top: 1.5rem;
}
.panel { background: var(--paper); border: 1px solid var(--line); border-radius: 0.5rem; padding: 1.1rem 1.4rem; }
.panel h2 { margin-top: 0; font-size: 1.25rem; }
.panel ul { padding-left: 1.25rem; margin: 0.5rem 0 0; }
.panel li { margin-bottom: 0.4rem; }
.checks li::marker { color: var(--accent); }

.badge {
  display: inline-block;
  padding: 0.05rem 0.6rem;
  border: 2px solid;
  border-radius: 999px;
  font-size: 0.8rem;
  font-weight: 700;
  letter-spacing: 0.06em;
  line-height: 1.5;
  text-transform: uppercase;
  white-space: nowrap;
}
.badge-draft { background: var(--draft-bg); color: var(--draft-ink); border-color: var(--draft-line); border-style: dashed; }
.badge-approved { background: var(--ok-bg); color: var(--ok-ink); border-color: var(--ok-line); }
.badge-changed { background: var(--changed-bg); color: var(--changed-ink); border-color: var(--changed-line); border-style: double; border-width: 4px; }
.badge-other { background: var(--soft); color: var(--ink); border-color: var(--muted); }
.legend { display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: 0.6rem 1rem; align-items: baseline; margin: 0; }
.legend dd { margin: 0; }

.scroll { position: relative; overflow-x: auto; background: var(--paper); border: 1px solid var(--line); border-radius: 0.5rem; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: start; vertical-align: top; padding: 0.5rem 0.75rem; border-bottom: 1px solid var(--line); }
thead th { background: var(--soft); font-size: 0.9rem; }
tbody tr:last-child > * { border-bottom: 0; }
.glance th, .glance td { white-space: nowrap; }
.glance thead th { white-space: normal; min-width: 9rem; vertical-align: bottom; }
.glance tbody th { font-weight: 600; }
.glance th:first-child { position: sticky; left: 0; z-index: 1; background: var(--paper); box-shadow: inset -1px 0 0 var(--line); }
.glance thead th:first-child { background: var(--soft); }
.glance td a { text-decoration: none; }
.glance td a:hover .badge { text-decoration: underline; }

.design { margin-top: 2.75rem; padding-top: 0.25rem; border-top: 3px solid var(--line); }
.design-meta { display: flex; flex-wrap: wrap; gap: 0.25rem 1.5rem; color: var(--muted); margin: 0 0 0.75rem; }
.button {
  display: inline-block;
  padding: 0.4rem 0.9rem;
  border: 2px solid var(--accent);
  border-radius: 0.4rem;
  background: var(--paper);
  font-weight: 600;
  text-decoration: none;
}
.button:hover { background: var(--soft); }
.actions { display: flex; flex-wrap: wrap; gap: 0.5rem; margin: 1rem 0; }

.cards {
  list-style: none;
  margin: 1rem 0 0;
  padding: 0;
  display: grid;
  grid-template-columns: repeat(auto-fill, minmax(min(100%, 15.5rem), 1fr));
  gap: 1.25rem;
}
.card {
  display: flex;
  flex-direction: column;
  gap: 0.6rem;
  padding: 1rem;
  background: var(--paper);
  border: 1px solid var(--line);
  border-radius: 0.5rem;
  box-shadow: 0 1px 2px rgba(20, 30, 50, 0.06);
}
.card h3 { margin: 0; }
.native { font-weight: 400; color: var(--muted); }
.thumb { display: block; padding: 0.6rem; background: var(--soft); border-radius: 0.3rem; }
.thumb img {
  display: block;
  width: auto;
  height: auto;
  max-width: 100%;
  max-height: 20rem;
  margin: 0 auto;
  background: #fff;
  box-shadow: 0 1px 4px rgba(20, 30, 50, 0.25);
}
.status { margin: 0; display: flex; flex-wrap: wrap; gap: 0.4rem 0.75rem; align-items: center; }
.status-note { margin: 0; color: var(--muted); font-size: 0.85rem; line-height: 1.4; }
.facts { display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: 0.15rem 0.9rem; margin: 0; font-size: 0.925rem; }
.facts dt { color: var(--muted); font-weight: 600; }
.facts dd { margin: 0; overflow-wrap: anywhere; }
.page-links a { display: inline-block; min-width: 1.75rem; padding: 0 0.2rem; text-align: center; }
.more { margin: auto 0 0; padding-top: 0.25rem; font-weight: 600; }

.status-line { margin: 1rem 0; padding: 0.75rem 1rem; background: var(--paper); border: 1px solid var(--line); border-radius: 0.5rem; }
.status-line p { margin: 0; display: flex; flex-wrap: wrap; gap: 0.4rem 0.75rem; align-items: center; }
.facts.wide { max-width: 62rem; padding: 1rem 1.25rem; font-size: 1rem; background: var(--paper); border: 1px solid var(--line); border-radius: 0.5rem; }
figure.page { margin: 0 0 1.5rem; padding: 1rem; background: var(--paper); border: 1px solid var(--line); border-radius: 0.5rem; }
figure.page img {
  display: block;
  width: auto;
  height: auto;
  max-width: 100%;
  max-height: 90vh;
  margin: 0 auto;
  box-shadow: 0 1px 6px rgba(20, 30, 50, 0.3);
}
figcaption { margin-top: 0.75rem; color: var(--muted); font-size: 0.925rem; text-align: center; }

.words { background: var(--paper); border: 1px solid var(--line); }
.words th[scope="row"] { font-weight: 400; width: 1%; white-space: nowrap; }
.words td.text { font-size: 1.1rem; white-space: pre-line; }
.words td.gloss { color: var(--muted); white-space: pre-line; }
.review {
  display: inline-block;
  padding: 0 0.45rem;
  border: 1px solid var(--line);
  border-radius: 0.25rem;
  font-size: 0.8rem;
  line-height: 1.6;
  white-space: nowrap;
  background: var(--soft);
}
.review-untranslated { background: var(--changed-bg); color: var(--changed-ink); border-color: var(--changed-line); }
.review-draft { background: var(--draft-bg); color: var(--draft-ink); border-color: var(--draft-line); border-style: dashed; }
.review-translated { background: #eef2fb; color: #233a6b; border-color: #8aa0cf; }
.review-translator-reviewed { background: #e6f0fb; color: #12355f; border-color: #4f79b5; }
.review-survivor-reviewed { background: var(--ok-bg); color: var(--ok-ink); border-color: var(--ok-line); }

.pictures {
  list-style: none;
  margin: 0;
  padding: 0;
  display: grid;
  grid-template-columns: repeat(auto-fill, minmax(min(100%, 24rem), 1fr));
  gap: 1rem;
}
.picture { display: flex; flex-wrap: wrap; gap: 1rem; padding: 1rem; background: var(--paper); border: 1px solid var(--line); border-radius: 0.5rem; }
.picture > div { flex: 1 1 12rem; min-width: 0; }
.picture h3 { margin-top: 0; }
.pic { display: block; flex: 0 0 auto; align-self: flex-start; padding: 0.4rem; background: var(--soft); border-radius: 0.3rem; }
.pic img { display: block; width: 8rem; max-width: 100%; height: auto; background: #fff; }
.tags { display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: 0.1rem 0.75rem; margin: 0; font-size: 0.9rem; }
.tags dt { color: var(--muted); font-weight: 600; }
.tags dd { margin: 0; overflow-wrap: anywhere; }

.comment { margin-top: 2.75rem; padding: 1.25rem 1.5rem; background: var(--paper); border: 2px solid var(--ink); border-radius: 0.5rem; }
.comment h2 { margin-top: 0; }
.comment .facts.wide { padding: 0; border: 0; margin-bottom: 1rem; }
.fields { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 16rem), 1fr)); gap: 0 1.25rem; }
.field { margin: 0 0 1rem; }
.field label { display: block; margin-bottom: 0.25rem; font-weight: 600; }
input[type="text"], textarea {
  width: 100%;
  padding: 0.45rem 0.55rem;
  font: inherit;
  color: var(--ink);
  background: #fff;
  border: 2px solid var(--muted);
  border-radius: 0.25rem;
}
textarea {
  min-height: 14rem;
  resize: vertical;
  line-height: 2rem;
  background-image: repeating-linear-gradient(to bottom, transparent 0, transparent calc(2rem - 1px), #c5ccd7 calc(2rem - 1px), #c5ccd7 2rem);
  background-attachment: local;
  background-position: 0 0.45rem;
}
fieldset.decision { margin: 0 0 1rem; padding: 0.5rem 1rem 0.75rem; border: 2px solid var(--line); border-radius: 0.4rem; }
legend { padding: 0 0.3rem; font-weight: 700; }
.decision p { display: flex; align-items: center; gap: 0.6rem; margin: 0.45rem 0 0; }
input[type="checkbox"] { width: 1.35rem; height: 1.35rem; margin: 0; flex: none; accent-color: var(--accent); }
table.changes { margin-bottom: 1rem; }
table.changes caption { padding: 0 0 0.4rem; text-align: start; font-weight: 600; }
table.changes th, table.changes td { padding: 0.3rem 0.5rem 0.3rem 0; border-bottom: 0; }
table.changes thead th { background: none; font-weight: 400; color: var(--muted); }
table.changes td:first-child { width: 32%; }
table.changes input { border-width: 0 0 2px; border-radius: 0; }

.jump ul { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 0.5rem; }
.jump a { display: inline-block; padding: 0.2rem 0.75rem; background: var(--paper); border: 1px solid var(--line); border-radius: 999px; text-decoration: none; }
.jump a:hover { border-color: var(--accent); }
.compare {
  list-style: none;
  margin: 0;
  padding: 0;
  display: grid;
  grid-template-columns: repeat(auto-fill, minmax(min(100%, 17rem), 1fr));
  gap: 1.25rem;
  align-items: start;
}
.column { display: flex; flex-direction: column; gap: 0.6rem; padding: 1rem; background: var(--paper); border: 1px solid var(--line); border-radius: 0.5rem; min-width: 0; }
.column h3 { margin: 0; font-size: 1.15rem; }
.thumbs { display: grid; gap: 0.5rem; }
.message { margin: 0 0 1rem; padding: 0.75rem 1rem 1rem; background: var(--paper); border: 1px solid var(--line); border-radius: 0.5rem; }
.message h3 { margin: 0 0 0.6rem; font-size: 1rem; }
.message h3 code { font-size: 0.95rem; }
.cells {
  list-style: none;
  margin: 0;
  padding: 0;
  display: grid;
  grid-template-columns: repeat(auto-fill, minmax(min(100%, 17rem), 1fr));
  gap: 0.75rem;
}
.cell { padding: 0.6rem 0.75rem; background: var(--bg); border-left: 4px solid var(--line); border-radius: 0.25rem; min-width: 0; }
.cell p { margin: 0; }
.cell-lang { display: flex; flex-wrap: wrap; gap: 0.2rem 0.5rem; align-items: center; font-size: 0.85rem; font-weight: 600; color: var(--muted); }
.cell .text { margin-top: 0.3rem; font-size: 1.05rem; white-space: pre-line; overflow-wrap: anywhere; }
.cell .gloss { margin-top: 0.3rem; color: var(--muted); font-size: 0.925rem; white-space: pre-line; overflow-wrap: anywhere; }
.gloss-label { font-size: 0.75rem; font-weight: 700; letter-spacing: 0.04em; text-transform: uppercase; }

@media (max-width: 40em) {
  h1 { font-size: 1.7rem; }
  .wrap { padding: 0 0.9rem; }
  .words thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); }
  .words, .words tbody, .words tr, .words th, .words td { display: block; width: auto; }
  .words tr { padding: 0.5rem 0; border-bottom: 1px solid var(--line); }
  .words th, .words td { padding: 0.2rem 0.75rem; border: 0; white-space: normal; }
  .words td::before { content: attr(data-label); display: block; color: var(--muted); font-size: 0.8rem; font-weight: 600; }
  .legend { grid-template-columns: minmax(0, 1fr); }
}

@media print {
  html { background: #fff; font-size: 10.5pt; }
  .wrap { max-width: none; padding: 0; }
  .skip, .crumbs, .actions, .screen-only, .button, .jump, .more { display: none !important; }
  header.site { background: none; color: #000; padding: 0 0 0.3rem; border-bottom: 1px solid #000; }
  main { padding: 0.75rem 0 0; }
  a { color: inherit; text-decoration: none; }
  .panel, .card, .column, figure.page, .facts.wide, .picture, .status-line, .words, .message { box-shadow: none; border-color: #999; }
  .thumb img, figure.page img { box-shadow: none; border: 1px solid #999; }
  .card, figure.page, .picture, tr, .cell, .column { break-inside: avoid; }
  h2, h3 { break-after: avoid; }
  figure.page { padding: 0.5rem; }
  figure.page img { max-height: 5.75in; }
  h1 { font-size: 1.6rem; }
  .glance th:first-child { position: static; }
  .scroll { overflow: visible; border: 0; }
  .comment { break-before: page; margin: 0; padding: 0; border: 0; }
  input[type="text"] { border: 0; border-bottom: 1px solid #000; border-radius: 0; }
  textarea { height: 3.5in; resize: none; border: 1px solid #000; }
  .badge, .review, textarea { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  footer.site { border-top: 1px solid #999; padding-top: 0.4rem; }
}
"##;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_quotes() {
        assert_eq!(
            e("<script>alert('x') & \"y\"</script>").to_string(),
            "&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;"
        );
        assert_eq!(e("Español ñ — ok").to_string(), "Español ñ — ok");
        assert_eq!(e("a\0b").to_string(), "a\u{fffd}b");
    }

    #[test]
    fn safe_names() {
        assert_eq!(safe_name("poster-zh-Hans"), "poster-zh-hans");
        assert_eq!(safe_name("../../etc/passwd"), "------etc-passwd");
        assert_eq!(safe_name(""), "x");
        assert_eq!(safe_name("é"), "-");
        let mut n = Names::default();
        assert_eq!(n.claim("img/", "A_b", "PNG"), "img/a-b.png");
        assert_eq!(n.claim("img/", "a-b", "png"), "img/a-b-2.png");
        assert_eq!(n.claim("img/", "a.b", "png"), "img/a-b-3.png");
    }

    #[test]
    fn short_hashes() {
        assert_eq!(short_hash("sha256:0123456789abcdef"), "0123456789ab");
        assert_eq!(short_hash(""), "not recorded");
    }
}
