//! What an SVG file may contain before usvg sees it, checked on the parsed XML tree.
//!
//! Illustrations may come from outside the project (a facility's own `images/`), so an
//! SVG is parsed once with roxmltree (the parser usvg itself uses) and every element,
//! attribute and style sheet is checked: only elements that draw, same-file `#id` links,
//! and PNG/JPEG pictures inside the file as `data:` URIs. The same parsed document is
//! then handed to usvg with an image resolver that refuses every outside reference, so
//! what was checked is exactly what is drawn. The gallery and SVG export publish the
//! tree re-written by usvg, never the file as it came.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::{Arc, Mutex};

use resvg::usvg;
use roxmltree::{Node, NodeId};

/// Most elements in one SVG.
pub const MAX_NODES: usize = 20_000;
/// Most elements after every `<use>` and marker is expanded (what usvg builds).
pub const MAX_EXPANDED: u64 = 200_000;
/// Deepest nesting of elements, counting the elements a `<use>` brings in.
pub const MAX_DEPTH: u32 = 200;
/// Largest width or height of the picture, in SVG user units.
pub const MAX_SIZE: f32 = 100_000.0;
/// Most extreme width-to-height (or height-to-width) ratio.
pub const MAX_ASPECT: f32 = 1_000.0;

const SVG_NS: &str = "http://www.w3.org/2000/svg";
const XLINK_NS: &str = "http://www.w3.org/1999/xlink";

/// Elements that draw or describe, in the SVG namespace. Everything else there
/// (script, foreignObject, animation, handler, cursor, font...) is refused.
const ELEMENTS: &[&str] = &[
    "svg",
    "g",
    "defs",
    "desc",
    "title",
    "metadata",
    "symbol",
    "use",
    "switch",
    "a",
    "path",
    "rect",
    "circle",
    "ellipse",
    "line",
    "polyline",
    "polygon",
    "text",
    "tspan",
    "textPath",
    "linearGradient",
    "radialGradient",
    "stop",
    "pattern",
    "clipPath",
    "mask",
    "marker",
    "filter",
    "image",
    "style",
    "feBlend",
    "feColorMatrix",
    "feComponentTransfer",
    "feComposite",
    "feConvolveMatrix",
    "feDiffuseLighting",
    "feDisplacementMap",
    "feDistantLight",
    "feDropShadow",
    "feFlood",
    "feFuncA",
    "feFuncB",
    "feFuncG",
    "feFuncR",
    "feGaussianBlur",
    "feImage",
    "feMerge",
    "feMergeNode",
    "feMorphology",
    "feOffset",
    "fePointLight",
    "feSpecularLighting",
    "feSpotLight",
    "feTile",
    "feTurbulence",
];

/// Namespaces of drawing programs' bookkeeping elements, which nothing renders.
const EDITOR_NS: &[&str] = &[
    "http://www.inkscape.org/namespaces/inkscape",
    "http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd",
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "http://creativecommons.org/ns#",
    "http://web.resource.org/cc/",
    "http://purl.org/dc/elements/1.1/",
];

/// CSS functions that fetch something (besides `url(`, checked separately).
const FETCHING_FUNCTIONS: &[&str] = &[
    "src",
    "image",
    "image-set",
    "-webkit-image-set",
    "cross-fade",
    "element",
    "-moz-element",
    "expression",
];

/// Why an SVG is refused, and where (byte span in the file) when known.
#[derive(Debug, Clone, PartialEq)]
pub struct Refusal {
    /// What is wrong, in plain words.
    pub message: String,
    /// Where in the file.
    pub span: Option<Range<usize>>,
}

impl Refusal {
    fn new(message: impl Into<String>, span: Option<Range<usize>>) -> Self {
        Self {
            message: message.into(),
            span,
        }
    }
}

/// Check a raster picture's bytes: PNG or JPEG, at most `max_pixels` by its header.
/// Returns its MIME type.
pub type RasterCheck = fn(&[u8]) -> Result<&'static str, String>;

/// The texts inside a parsed SVG that describe it: ids, labels, titles, descriptions
/// (however quoted or escaped), joined by spaces, `-` and `_` read as spaces.
pub fn describing_words(doc: &roxmltree::Document) -> String {
    let mut out = String::new();
    for n in doc.descendants().filter(Node::is_element) {
        for a in n.attributes() {
            if matches!(a.name(), "id" | "aria-label" | "label" | "title") {
                out.push_str(a.value());
                out.push(' ');
            }
        }
        if matches!(n.tag_name().name(), "title" | "desc") {
            for t in n.descendants().filter(Node::is_text) {
                out.push_str(t.text().unwrap_or(""));
                out.push(' ');
            }
        }
    }
    out.replace(['-', '_'], " ")
}

/// Parse `text`, check it, and build the usvg tree from the checked document; with it,
/// the [`describing_words`]. `raster` checks a picture found inside the file as a
/// `data:` URI.
pub fn parse(text: &str, raster: RasterCheck) -> Result<(usvg::Tree, String), Refusal> {
    let opts = roxmltree::ParsingOptions {
        allow_dtd: false,
        nodes_limit: (MAX_NODES * 4) as u32,
        ..roxmltree::ParsingOptions::default()
    };
    let doc = roxmltree::Document::parse_with_options(text, opts).map_err(xml_error)?;
    check(&doc, raster)?;
    let refused: Arc<Mutex<Vec<String>>> = Arc::default();
    let tree = usvg::Tree::from_xmltree(&doc, &options(raster, refused.clone()))
        .map_err(|e| Refusal::new(format!("cannot be read as SVG: {e}"), None))?;
    if let Some(why) = refused.lock().map_or(None, |r| r.first().cloned()) {
        return Err(Refusal::new(why, None));
    }
    let size = tree.size();
    let (w, h) = (size.width(), size.height());
    if !(w <= MAX_SIZE && h <= MAX_SIZE && w / h <= MAX_ASPECT && h / w <= MAX_ASPECT) {
        return Err(Refusal::new(
            format!(
                "is {w} x {h} units; the limit is {MAX_SIZE} units a side and a ratio of {MAX_ASPECT} to 1"
            ),
            doc.root_element()
                .attribute_node("width")
                .map(|a| a.range()),
        ));
    }
    Ok((tree, describing_words(&doc)))
}

/// usvg options that never read a file: no resource folder, an image resolver that
/// refuses every outside reference and takes `data:` pictures only after `raster`
/// passes them (refusals are pushed to `refused`), and an empty font database (the
/// default: system fonts are never loaded; text inside an illustration is not drawn).
pub fn options(raster: RasterCheck, refused: Arc<Mutex<Vec<String>>>) -> usvg::Options<'static> {
    let refused2 = refused.clone();
    let push = move |r: &Arc<Mutex<Vec<String>>>, why: String| {
        if let Ok(mut v) = r.lock() {
            v.push(why);
        }
    };
    usvg::Options {
        resources_dir: None,
        image_href_resolver: usvg::ImageHrefResolver {
            resolve_data: Box::new(move |mime, data, _| match raster(data.as_slice()) {
                Ok("image/png") if mime == "image/png" => Some(usvg::ImageKind::PNG(data)),
                Ok("image/jpeg") if matches!(mime, "image/jpeg" | "image/jpg") => {
                    Some(usvg::ImageKind::JPEG(data))
                }
                Ok(_) => {
                    push(
                        &refused,
                        format!("a picture inside the file is not the {mime} it says it is"),
                    );
                    None
                }
                Err(e) => {
                    push(&refused, format!("a picture inside the file {e}"));
                    None
                }
            }),
            resolve_string: Box::new(move |href, _| {
                push(
                    &refused2,
                    format!("links to something outside the file (`{}`)", clip(href)),
                );
                None
            }),
        },
        ..usvg::Options::default()
    }
}

/// The tree written back as SVG by usvg: only what draws, with no scripts, events,
/// links or styles, so a browser may open it as a document.
pub fn sanitized(tree: &usvg::Tree) -> Vec<u8> {
    tree.to_string(&usvg::WriteOptions::default()).into_bytes()
}

fn xml_error(e: roxmltree::Error) -> Refusal {
    let msg = match &e {
        roxmltree::Error::DtdDetected => {
            "contains a DOCTYPE or an entity declaration (not allowed)".to_string()
        }
        roxmltree::Error::NodesLimitReached => {
            format!("has too many nodes (elements; the limit is {MAX_NODES})")
        }
        _ => format!("cannot be read as SVG: {e}"),
    };
    Refusal::new(msg, None)
}

/// A value cut to a readable length, with control characters shown escaped.
fn clip(s: &str) -> String {
    let mut out: String = s.chars().take(60).flat_map(char::escape_default).collect();
    if s.chars().count() > 60 {
        out.push('…');
    }
    out
}

/// Walk the parsed document and refuse anything that is not plain drawing.
pub fn check(doc: &roxmltree::Document, raster: RasterCheck) -> Result<(), Refusal> {
    let root = doc.root_element();
    if root.tag_name().name() != "svg"
        || !matches!(root.tag_name().namespace(), None | Some(SVG_NS))
    {
        return Err(Refusal::new(
            "the outermost element is not <svg>",
            Some(root.range()),
        ));
    }
    let elements = doc.descendants().filter(Node::is_element).count();
    if elements > MAX_NODES {
        return Err(Refusal::new(
            format!("has {elements} elements; the limit is {MAX_NODES}"),
            None,
        ));
    }
    // Depth first, with an explicit stack: the file may be nested very deeply.
    let mut stack = vec![(doc.root(), 0u32)];
    while let Some((node, depth)) = stack.pop() {
        if depth > MAX_DEPTH {
            return Err(Refusal::new(
                format!("is nested more than {MAX_DEPTH} elements deep"),
                Some(node.range()),
            ));
        }
        check_node(node, raster)?;
        // Children in reverse, so that the first problem in the file is the one reported.
        stack.extend(node.children().rev().map(|c| (c, depth + 1)));
    }
    expansion(doc)
}

fn check_node(node: Node, raster: RasterCheck) -> Result<(), Refusal> {
    let at = Some(node.range());
    if node.is_pi() {
        return Err(Refusal::new(
            "contains a processing instruction such as <?xml-stylesheet?> (not allowed)",
            at,
        ));
    }
    if node.is_text() {
        let t = node.text().unwrap_or("");
        scripting_url(t, at.clone())?;
        if node
            .parent()
            .is_some_and(|p| p.tag_name().name().eq_ignore_ascii_case("style"))
        {
            css(t, true, at)?;
        }
        return Ok(());
    }
    if !node.is_element() {
        return Ok(());
    }
    let name = node.tag_name().name();
    let lower = name.to_ascii_lowercase();
    match node.tag_name().namespace() {
        None | Some(SVG_NS) if ELEMENTS.contains(&name) => {}
        None | Some(SVG_NS) => {
            let what = if lower == "script" || lower == "handler" || lower == "listener" {
                "a script"
            } else if lower == "foreignobject" {
                "foreign content"
            } else if [
                "set",
                "animate",
                "animatetransform",
                "animatemotion",
                "animatecolor",
                "discard",
                "mpath",
            ]
            .contains(&lower.as_str())
            {
                "animation (an illustration in print does not move)"
            } else {
                "an element that is not plain drawing"
            };
            return Err(Refusal::new(format!("contains <{name}>: {what}"), at));
        }
        Some(ns) => {
            let harmless = EDITOR_NS.contains(&ns)
                && !["script", "style", "foreignobject", "handler"].contains(&lower.as_str());
            if !harmless {
                return Err(Refusal::new(
                    format!(
                        "contains <{name}> in namespace `{}` (only SVG and drawing programs' notes are allowed)",
                        clip(ns)
                    ),
                    at,
                ));
            }
        }
    }
    for a in node.attributes() {
        let local = a.name().to_ascii_lowercase();
        let value = a.value();
        let at = Some(a.range());
        let shown = match a.namespace() {
            Some(XLINK_NS) => format!("xlink:{}", a.name()),
            Some(_) => format!("{{{}}}{}", clip(a.namespace().unwrap_or("")), a.name()),
            None => a.name().to_string(),
        };
        if local.starts_with("on") {
            return Err(Refusal::new(
                format!("<{name}> has the event attribute `{shown}` (a script)"),
                at,
            ));
        }
        scripting_url(value, at.clone())?;
        if local == "href" || local == "src" {
            href(name, &shown, value, raster, at.clone())?;
        }
        // Browsers read SVG attributes (not drawing programs' notes) as CSS.
        if matches!(a.namespace(), None | Some(SVG_NS)) {
            css(value, local == "style", at)?;
        } else {
            urls(value, at)?;
        }
    }
    Ok(())
}

/// `javascript:` (or another scripting scheme) anywhere, in any case, with any
/// whitespace or control characters inside (browsers skip those in URLs).
fn scripting_url(text: &str, at: Option<Range<usize>>) -> Result<(), Refusal> {
    let squeezed: String = text
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .flat_map(char::to_lowercase)
        .collect();
    for scheme in ["javascript:", "vbscript:", "livescript:"] {
        if squeezed.contains(scheme) {
            return Err(Refusal::new(
                format!("contains a `{scheme}` link (a script)"),
                at,
            ));
        }
    }
    Ok(())
}

/// An `href` (in any namespace): a `#id` in this file, or a PNG/JPEG `data:` picture on
/// `<image>` and `<feImage>`.
fn href(
    element: &str,
    shown: &str,
    value: &str,
    raster: RasterCheck,
    at: Option<Range<usize>>,
) -> Result<(), Refusal> {
    let v = value.trim();
    let picture = matches!(element, "image" | "feImage");
    if let Some(id) = v.strip_prefix('#') {
        if !element.eq_ignore_ascii_case("image") && is_id(id) {
            return Ok(());
        }
    } else if picture && v.get(..5).is_some_and(|p| p.eq_ignore_ascii_case("data:")) {
        return data_picture(v, raster).map_err(|e| {
            Refusal::new(
                format!("<{element}> {shown}: a picture inside the file {e}"),
                at,
            )
        });
    }
    Err(Refusal::new(
        format!(
            "<{element}> {shown}=\"{}\" links to something outside the file (only `#id` links, and PNG or JPEG `data:` pictures in <image>, are allowed)",
            clip(value)
        ),
        at,
    ))
}

fn is_id(id: &str) -> bool {
    !id.is_empty() && id.chars().all(|c| c.is_alphanumeric() || "-_.".contains(c))
}

/// A `data:` URI decoded the way usvg decodes it, then checked as a raster file.
fn data_picture(uri: &str, raster: RasterCheck) -> Result<(), String> {
    let url =
        data_url::DataUrl::process(uri).map_err(|_| "is not a valid data: URI".to_string())?;
    let mime = format!("{}/{}", url.mime_type().type_, url.mime_type().subtype);
    if !matches!(mime.as_str(), "image/png" | "image/jpeg" | "image/jpg") {
        return Err(format!(
            "is `{}` (only PNG and JPEG pictures are allowed; no SVG inside SVG)",
            clip(&mime)
        ));
    }
    let (bytes, _) = url
        .decode_to_vec()
        .map_err(|_| "is not valid base64".to_string())?;
    match raster(&bytes)? {
        "image/png" if mime == "image/png" => Ok(()),
        "image/jpeg" if mime != "image/png" => Ok(()),
        other => Err(format!("says it is {mime} but is {other}")),
    }
}

/// CSS (an attribute a browser reads as CSS; `sheet`: a `style` attribute or a
/// `<style>` sheet): no escapes, no `url()` but `url(#id)`, no other function that
/// fetches, and in style sheets no at-rules such as `@import`.
fn css(text: &str, sheet: bool, at: Option<Range<usize>>) -> Result<(), Refusal> {
    let plain = if sheet {
        strip_comments(text)
    } else {
        text.to_string()
    };
    if plain.contains('\\') {
        return Err(Refusal::new(
            "a style uses a CSS escape (`\\`), which could hide a link",
            at,
        ));
    }
    if let Some(i) = plain.find('@').filter(|_| sheet) {
        let rule: String = plain[i..]
            .chars()
            .take_while(|c| !c.is_whitespace() && *c != '{' && *c != ';' && *c != '(')
            .collect();
        return Err(Refusal::new(
            format!(
                "a style has the at-rule `{}` (such as @import; not allowed)",
                clip(&rule)
            ),
            at,
        ));
    }
    urls(&plain, at)
}

fn strip_comments(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find("/*") {
        out.push_str(&rest[..i]);
        rest = rest[i + 2..].split_once("*/").map_or("", |(_, r)| r);
    }
    out.push_str(rest);
    out
}

/// Every `url(...)` (any case, spaces anywhere, quoted or not) points at `#id`; no other
/// fetching function is used.
fn urls(text: &str, at: Option<Range<usize>>) -> Result<(), Refusal> {
    let lower = text.to_ascii_lowercase();
    let bytes = lower.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if !(bytes[i].is_ascii_alphabetic() || bytes[i] == b'-') {
            i += 1;
            continue;
        }
        let start = i;
        while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'-') {
            i += 1;
        }
        let word = &lower[start..i];
        let mut j = i;
        while j < bytes.len() && bytes[j].is_ascii_whitespace() {
            j += 1;
        }
        if j >= bytes.len() || bytes[j] != b'(' {
            continue;
        }
        if word == "url" {
            let inner = lower[j + 1..].split(')').next().unwrap_or("");
            let target = inner.trim().trim_matches(['"', '\'']).trim();
            let ok = target.strip_prefix('#').is_some_and(is_id) && !inner.contains(['(', '\n']);
            if !ok {
                return Err(Refusal::new(
                    format!(
                        "`url({})` links to something outside the file (only `url(#id)` is allowed)",
                        clip(inner.trim())
                    ),
                    at,
                ));
            }
        } else if FETCHING_FUNCTIONS.contains(&word) {
            return Err(Refusal::new(
                format!("a style uses `{word}(`, which can load a file (not allowed)"),
                at,
            ));
        }
    }
    Ok(())
}

/// Elements usvg will build once every `<use>` (and every marker, once per vertex it
/// marks) is expanded: a few lines of XML can otherwise grow into billions of nodes.
fn expansion(doc: &roxmltree::Document) -> Result<(), Refusal> {
    let mut ids: HashMap<&str, Node> = HashMap::new();
    for n in doc.descendants() {
        if let Some(id) = n.attribute("id") {
            ids.entry(id).or_insert(n);
        }
    }
    // Targets named in style sheets may apply to any element: count them on every one.
    let sheet_targets: Vec<&str> = doc
        .descendants()
        .filter(|n| n.is_text() && n.parent().is_some_and(|p| p.tag_name().name() == "style"))
        .flat_map(|n| url_ids(n.text().unwrap_or("")))
        .collect();
    let mut e = Expand {
        ids,
        memo: HashMap::new(),
        marker_cost: 0,
        sheet_targets,
        sheet_cost: 0,
    };
    let targets = e.sheet_targets.clone();
    for id in targets {
        let c = e.target_cost(id, 0)?;
        e.sheet_cost = e.sheet_cost.saturating_add(c);
    }
    // A marker is drawn at vertices; its own content is counted without markers.
    let mut marker_cost = 0;
    for m in doc
        .descendants()
        .filter(|n| n.tag_name().name() == "marker")
    {
        marker_cost = marker_cost.max(e.cost(m, 0)?);
    }
    e.memo.clear();
    e.marker_cost = marker_cost;
    let total = e.cost(doc.root_element(), 0)?;
    if total > MAX_EXPANDED {
        return Err(too_big(total));
    }
    Ok(())
}

fn too_big(n: u64) -> Refusal {
    Refusal::new(
        format!(
            "grows to more than {n} elements once every <use> and marker is expanded; the limit is {MAX_EXPANDED}"
        ),
        None,
    )
}

/// The ids in every `url(#id)` of a text (already checked by [`urls`]).
fn url_ids(text: &str) -> Vec<&str> {
    let lower = text.to_ascii_lowercase();
    let mut out = Vec::new();
    for (i, _) in lower.match_indices("url") {
        let rest = &text[i + 3..];
        let Some(inner) = rest.trim_start().strip_prefix('(') else {
            continue;
        };
        let inner = inner.split(')').next().unwrap_or("");
        if let Some(id) = inner
            .trim()
            .trim_matches(['"', '\''])
            .trim()
            .strip_prefix('#')
        {
            out.push(id);
        }
    }
    out
}

/// Elements usvg may build again for every element that refers to them.
const REBUILT: &[&str] = &["clipPath", "mask", "pattern", "filter"];

struct Expand<'a, 'i> {
    ids: HashMap<&'a str, Node<'a, 'i>>,
    /// Expanded size by node; `None` while the node is being expanded (a cycle).
    memo: HashMap<NodeId, Option<u64>>,
    marker_cost: u64,
    /// `url(#id)` targets named in `<style>` sheets, and what they cost together.
    sheet_targets: Vec<&'a str>,
    sheet_cost: u64,
}

impl<'a, 'i> Expand<'a, 'i> {
    /// What a `url(#id)` reference adds: the target again if usvg rebuilds it.
    fn target_cost(&mut self, id: &str, depth: u32) -> Result<u64, Refusal> {
        match self.ids.get(id).copied() {
            Some(t) if REBUILT.contains(&t.tag_name().name()) => self.cost(t, depth + 1),
            _ => Ok(0),
        }
    }

    fn cost(&mut self, node: Node<'a, 'i>, depth: u32) -> Result<u64, Refusal> {
        if depth > MAX_DEPTH {
            return Err(Refusal::new(
                format!(
                    "is nested more than {MAX_DEPTH} elements deep, counting what <use> brings in"
                ),
                Some(node.range()),
            ));
        }
        match self.memo.get(&node.id()) {
            Some(Some(c)) => return Ok(*c),
            Some(None) => {
                return Err(Refusal::new(
                    "refers to itself through <use> or <feImage> (a loop)",
                    Some(node.range()),
                ));
            }
            None => {}
        }
        self.memo.insert(node.id(), None);
        let name = node.tag_name().name();
        let mut total: u64 = 1;
        if matches!(name, "path" | "polyline" | "polygon" | "line") && self.marker_cost > 0 {
            let numbers = ["d", "points"]
                .iter()
                .filter_map(|k| node.attribute(*k))
                .map(|v| {
                    v.split(|c: char| !c.is_ascii_digit())
                        .filter(|s| !s.is_empty())
                        .count() as u64
                })
                .sum::<u64>()
                .max(2);
            total = total.saturating_add(numbers.saturating_mul(self.marker_cost));
        }
        if node.is_element() && !REBUILT.contains(&name) {
            total = total.saturating_add(self.sheet_cost);
        }
        let refs: Vec<&'a str> = node
            .attributes()
            .filter(|a| matches!(a.namespace(), None | Some(SVG_NS)))
            .flat_map(|a| url_ids(a.value()))
            .collect();
        for id in refs {
            total = total.saturating_add(self.target_cost(id, depth)?);
        }
        for c in node.children().filter(Node::is_element) {
            total = total.saturating_add(self.cost(c, depth + 1)?);
            if total > MAX_EXPANDED {
                return Err(too_big(total));
            }
        }
        if matches!(name, "use" | "feImage") {
            let target = node
                .attributes()
                .find(|a| a.name() == "href")
                .and_then(|a| a.value().trim().strip_prefix('#'))
                .and_then(|id| self.ids.get(id).copied());
            if let Some(t) = target {
                total = total.saturating_add(self.cost(t, depth + 1)?);
            }
        }
        if total > MAX_EXPANDED {
            return Err(too_big(total));
        }
        self.memo.insert(node.id(), Some(total));
        Ok(total)
    }
}
