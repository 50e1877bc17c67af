//! Parsing a design file into its [`Design`]s (the base design and its variants): the
//! header's page and kind rules, the grid areas, each slot's content and text rules, the
//! pages, and the variants' overrides. Every problem is collected as a diagnostic naming
//! the file, line and fix.

use std::collections::BTreeMap;
use std::sync::Arc;

use toml::Spanned;

use super::*;
use crate::base::diag::{Diagnostic, Diagnostics, Source};
use crate::base::units::Length;

/// A page must fit in a PDF (200 in a side, bleed included) and its PNG must stay
/// within [`crate::base::raster::MAX_MEGAPIXELS`]: checked here, when the design is loaded, so
/// `check` says so before anything is drawn.
fn page_limits(name: &str, h: &Header, bleed: Length, src: &Arc<Source>) -> Diagnostics {
    let mut diags = Diagnostics::default();
    let px = match h.medium {
        Medium::Print => 0.75,
        Medium::Screen => 1.0,
    };
    let b = 2.0 * bleed.to_pt(px, 0.0);
    let (w, ht) = (
        h.width.get_ref().to_pt(px, 0.0) + b,
        h.height.get_ref().to_pt(px, 0.0) + b,
    );
    let with_bleed = if b > 0.0 { " with its bleed" } else { "" };
    let scale = h.medium.png_scale();
    if let Err(why) = crate::base::raster::size(w, ht, scale) {
        let res = match h.medium {
            Medium::Print => format!("{} dpi", crate::base::raster::PRINT_DPI),
            Medium::Screen => "one pixel per px".to_string(),
        };
        let plus = if b > 0.0 {
            format!(" plus a {bleed} bleed")
        } else {
            String::new()
        };
        diags.push(
            Diagnostic::error(format!(
                "the page of design `{name}` ({} x {}{plus}) is too large to draw: its PNG at {res} would be {why}",
                h.width.get_ref(),
                h.height.get_ref()
            ))
            .at(src, Some(h.width.span()))
            .hint(format!(
                "make the page smaller (US Letter at 300 dpi is 8.4 megapixels; 24 x 36 in is 78); the limit keeps each page under about {:.0} MB of memory while it is made",
                crate::base::raster::MAX_MEGAPIXELS * 7.0
            )),
        );
        // Its size is the problem; the PDF's limit below would say it again.
        return diags;
    }
    for (what, v, l) in [("wide", w, &h.width), ("high", ht, &h.height)] {
        if v > crate::base::units::MAX_PT {
            diags.push(
                Diagnostic::error(format!(
                    "the page of design `{name}` is {:.1} in {what}{with_bleed}; the largest page a PDF can describe is {} in",
                    v / crate::base::units::PT_PER_IN,
                    crate::base::units::MAX_PT / crate::base::units::PT_PER_IN
                ))
                .at(src, Some(l.span())),
            );
        }
    }
    diags
}

fn toml_error(src: &Arc<Source>, e: &toml::de::Error) -> Diagnostic {
    let msg = e.message().trim().to_string();
    let mut d = Diagnostic::error(format!("design file is not valid: {msg}")).at(src, e.span());
    if msg.contains("unknown field") {
        d = d.hint(
            "remove the field or fix its spelling; the fields this table allows are listed above",
        );
    } else if msg.contains("missing field") {
        d = d.hint("add the field; see the design format in README.md");
    } else {
        d = d.hint("see the design format and the complete example in README.md");
    }
    d
}

/// Parse and check one design file. `name` is the file name without `.toml`.
/// Returns the design and its variants.
pub fn parse_design(name: &str, src: &Arc<Source>) -> Result<Vec<Design>, Diagnostics> {
    let file: DesignFile = toml::from_str(&src.text).map_err(|e| toml_error(src, &e))?;
    let mut diags = Diagnostics::default();
    let h = &file.design;
    let bleed = page_size(name, h, src, &mut diags);
    kind_rules(h, src, &mut diags);
    press_rules(h, src, &mut diags);
    if h.each == Some(0) {
        diags.push(Diagnostic::error("`each` must be 1 or more").at(src, None));
    }
    let line_height = h.line_height.unwrap_or(1.25);
    if !(0.8..=3.0).contains(&line_height) {
        diags.push(Diagnostic::error("line_height must be between 0.8 and 3.0").at(src, None));
    }
    if let Some(per) = &h.per {
        audience_rule(
            name,
            h.audience
                .as_ref()
                .map(|a| *a.get_ref())
                .unwrap_or_default(),
            per,
            src,
            &mut diags,
        );
    }
    let rects = grid_areas(&file.layout, src, &mut diags);
    let slots: Vec<Slot> = file
        .slot
        .iter()
        .filter_map(|(sname, spanned)| parse_slot(sname, spanned, h, &rects, src, &mut diags))
        .collect();
    required_slots(&file, &rects, &slots, src, &mut diags);
    let (pages, hidden, page_rows) = parse_pages(&file, &slots, src, &mut diags);
    let reading = reading_rules(h, &slots, src, &mut diags);
    let pair = file
        .bilingual
        .as_ref()
        .and_then(|b| super::bilingual::parse(b, &slots, pages.len(), src, &mut diags));
    if diags.has_errors() {
        return Err(diags);
    }
    let mut base = base_design(name, &file, bleed, line_height, slots, pages, src);
    base.hidden = hidden;
    base.page_rows = page_rows;
    (base.viewing_distance_mm, base.screen_in, base.question) = reading;
    base.bilingual = pair.map(Arc::new);
    let mut out = vec![base.clone()];
    for v in &file.variant {
        if let Some(d) = variant(name, &base, v, src, &mut diags) {
            out.push(d);
        }
    }
    keep_out_rules(h, src, &mut diags);
    for d in &out {
        audience_content(d, &mut diags);
    }
    if diags.has_errors() {
        return Err(diags);
    }
    Ok(out)
}

/// Page size and bleed: positive lengths, no bleed on screens, within the limits.
/// Returns the bleed.
fn page_size(name: &str, h: &Header, src: &Arc<Source>, diags: &mut Diagnostics) -> Length {
    let err = |msg: String, span: Range<usize>| Diagnostic::error(msg).at(src, Some(span));
    let bleed = h
        .bleed
        .as_ref()
        .map(|b| *b.get_ref())
        .unwrap_or(Length::ZERO);
    if h.medium == Medium::Screen && bleed != Length::ZERO {
        let span = h.bleed.as_ref().map(|b| b.span()).unwrap_or(0..0);
        diags.push(err("screen designs have no bleed".into(), span).hint("remove `bleed`"));
    }
    for (what, l) in [("width", &h.width), ("height", &h.height)] {
        if matches!(l.get_ref(), Length::Percent(_)) || l.get_ref().to_pt(1.0, 0.0) <= 0.0 {
            diags.push(err(
                format!("page {what} must be a positive length"),
                l.span(),
            ));
        }
    }
    if matches!(bleed, Length::Percent(_)) {
        diags.push(err(
            "bleed cannot be a percentage".into(),
            h.bleed.as_ref().unwrap().span(),
        ));
    }
    if !diags.has_errors() {
        diags.extend(page_limits(name, h, bleed, src).0);
    }
    bleed
}

/// What the kind of piece allows: mirroring (clings only), the medium (slides on
/// screens), a corner radius (die-cut pieces only).
fn kind_rules(h: &Header, src: &Arc<Source>, diags: &mut Diagnostics) {
    let err = |msg: String, span: Range<usize>| Diagnostic::error(msg).at(src, Some(span));
    let kind = *h.kind.get_ref();
    if let Some(m) = &h.mirror
        && *m.get_ref()
        && kind != Kind::Cling
    {
        diags.push(
            err(format!("this design is a {} and is mirrored: only window clings are printed mirrored (second surface)", kind.name()), m.span())
                .hint("remove `mirror = true`, or set `kind = \"cling\"` if this piece really is a cling"),
        );
    }
    if (kind == Kind::Slides) != (h.medium == Medium::Screen) {
        diags.push(
            err(
                format!(
                    "a {} design must have medium = \"{}\"",
                    kind.name(),
                    if kind == Kind::Slides {
                        "screen"
                    } else {
                        "print"
                    }
                ),
                h.kind.span(),
            )
            .hint(
                "slides are for screens; stickers, clings, posters, cards and notices are printed",
            ),
        );
    }
    if let Some(n) = &h.qr_pages {
        if h.medium == Medium::Print {
            diags.push(
                err(
                    "`qr_pages` is for slides; every printed page carries the QR code".into(),
                    n.span(),
                )
                .hint("remove `qr_pages`"),
            );
        } else if *n.get_ref() == 0 {
            diags.push(
                err(
                    "`qr_pages` must be 1 or more: every piece carries a QR code somewhere".into(),
                    n.span(),
                )
                .hint("write qr_pages = 1 and hide the QR code on the other slides"),
            );
        }
    }
    if let Some(r) = &h.corner_radius {
        let v = r.get_ref();
        let short = h
            .width
            .get_ref()
            .to_pt(1.0, 0.0)
            .min(h.height.get_ref().to_pt(1.0, 0.0));
        if matches!(v, Length::Percent(_))
            || v.to_pt(1.0, 0.0) < 0.0
            || v.to_pt(1.0, 0.0) * 2.0 > short
        {
            diags.push(err(
                "corner_radius must be a length from 0 to half the shorter side".into(),
                r.span(),
            ));
        } else if !kind.is_die_cut() {
            diags.push(
                err(format!("corner_radius is for the die-cut line of stickers and clings, and this design is a {}", kind.name()), r.span())
                    .hint("remove `corner_radius`"),
            );
        }
    }
}

/// Print production settings: on print designs only; clear stock only with a white
/// plate (white areas would print as nothing), a white plate only on clear stock; a
/// rich black of percentages whose total a press can carry.
fn press_rules(h: &Header, src: &Arc<Source>, diags: &mut Diagnostics) {
    let err = |msg: String, span: Range<usize>| Diagnostic::error(msg).at(src, Some(span));
    if h.medium == Medium::Screen {
        let print_only = [
            h.printing.as_ref().map(|v| ("printing", v.span())),
            h.substrate.as_ref().map(|v| ("substrate", v.span())),
            h.white_plate.as_ref().map(|v| ("white_plate", v.span())),
            h.rich_black.as_ref().map(|v| ("rich_black", v.span())),
        ];
        for (key, span) in print_only.into_iter().flatten() {
            diags.push(
                err(
                    format!("`{key}` is for printed pieces, and this design is for screens"),
                    span,
                )
                .hint(format!("remove `{key}`")),
            );
        }
        return;
    }
    let clear = h
        .substrate
        .as_ref()
        .filter(|s| *s.get_ref() == Substrate::Clear);
    let plate = h.white_plate.as_ref().filter(|w| *w.get_ref());
    match (clear, plate) {
        (Some(c), None) => diags.push(
            err(
                "clear stock with no white-ink plate: the white behind the text and the QR code prints as nothing, and they are read against whatever is behind the glass".into(),
                c.span(),
            )
            .hint("add `white_plate = true` (the print shop lays white ink under the artwork), or print on white vinyl: substrate = \"white\"")
            .code("white-plate"),
        ),
        (None, Some(w)) => diags.push(
            err(
                "`white_plate = true` on white stock: a white-ink plate is for clear film".into(),
                w.span(),
            )
            .hint("remove `white_plate`, or set substrate = \"clear\" if the piece is printed on clear film")
            .code("white-plate"),
        ),
        _ => {}
    }
    if let Some(r) = &h.rich_black {
        let v = r.get_ref();
        let total: u32 = v.iter().map(|x| *x as u32).sum();
        if v.iter().any(|x| *x > 100) {
            diags.push(
                err(
                    format!("rich_black = {v:?}: each of C, M, Y and K is a percentage, 0 to 100"),
                    r.span(),
                )
                .hint("for example rich_black = [60, 40, 40, 100]"),
            );
        } else if total > MAX_INK {
            diags.push(
                err(format!("rich_black = {v:?} puts {total}% ink on the sheet; presses carry at most {MAX_INK}%"), r.span())
                    .hint("for example rich_black = [60, 40, 40, 100] (240%)")
                    .code("ink-coverage"),
            );
        } else if v[3] < 100 {
            diags.push(
                err(format!("rich_black = {v:?} has K {}: a rich black is full black ink with colour under it", v[3]), r.span())
                    .hint("for example rich_black = [60, 40, 40, 100]"),
            );
        }
    }
}

/// `viewing_distance`, `screen` and `question`: a distance above zero; a screen
/// diagonal on screen designs only; a question slot that shows text. Returns them in
/// millimetres, inches and by name.
fn reading_rules(
    h: &Header,
    slots: &[Slot],
    src: &Arc<Source>,
    diags: &mut Diagnostics,
) -> (Option<f32>, Option<f32>, Option<String>) {
    let err = |msg: String, span: Range<usize>| Diagnostic::error(msg).at(src, Some(span));
    let mm = |l: &Length| l.to_pt(1.0, 0.0) / crate::base::units::PT_PER_MM;
    let mut distance = None;
    if let Some(d) = &h.viewing_distance {
        if matches!(d.get_ref(), Length::Percent(_) | Length::Px(_)) || mm(d.get_ref()) <= 0.0 {
            diags.push(
                err(format!("viewing_distance = \"{}\" is not a distance", d.get_ref()), d.span())
                    .hint("write how far away the piece is read, e.g. viewing_distance = \"0.6m\" (seated in a stall) or \"2m\" (a poster across a room)"),
            );
        } else {
            distance = Some(mm(d.get_ref()));
        }
    }
    let mut screen = None;
    if let Some(s) = &h.screen {
        if h.medium != Medium::Screen {
            diags.push(
                err("`screen` is the size of the screen a screen design is shown on, and this design is printed".into(), s.span())
                    .hint("remove `screen`; a printed piece's size is its page size"),
            );
        } else if matches!(s.get_ref(), Length::Percent(_) | Length::Px(_))
            || mm(s.get_ref()) <= 0.0
        {
            diags.push(
                err(format!("screen = \"{}\" is not a screen diagonal", s.get_ref()), s.span())
                    .hint("write the diagonal of the smallest screen it is shown on, e.g. screen = \"32in\""),
            );
        } else {
            screen = Some(mm(s.get_ref()) / 25.4);
        }
    }
    if h.medium == Medium::Screen && distance.is_some() && h.screen.is_none() {
        let span = h
            .viewing_distance
            .as_ref()
            .map(|d| d.span())
            .unwrap_or(0..0);
        diags.push(
            err("a screen design with a viewing_distance must say the smallest screen it is shown on".into(), span)
                .hint("add e.g. screen = \"32in\" (the diagonal): pixels become millimetres only on a known screen"),
        );
    }
    let mut question = None;
    if let Some(q) = &h.question {
        let name = q.get_ref();
        match slots.iter().find(|s| &s.name == name) {
            Some(s)
                if matches!(
                    s.content,
                    Content::Text(_) | Content::List(_) | Content::Flags(_)
                ) =>
            {
                question = Some(name.clone());
            }
            Some(_) => diags.push(
                err(
                    format!("question = \"{name}\" names a slot that does not show a message"),
                    q.span(),
                )
                .hint("name the slot that asks the piece's question (a `text` slot)"),
            ),
            None => diags.push(
                err(
                    format!("question = \"{name}\" names no slot of this design"),
                    q.span(),
                )
                .hint(format!(
                    "slots in this design: {}",
                    slots
                        .iter()
                        .map(|s| s.name.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                )),
            ),
        }
    }
    (distance, screen, question)
}

/// `[layout]` areas as rectangles of grid cells: (columns, rows) per area name.
pub(super) fn grid_areas(
    lay: &LayoutSpec,
    src: &Arc<Source>,
    diags: &mut Diagnostics,
) -> BTreeMap<String, (Range<usize>, Range<usize>)> {
    let err = |msg: String, span: Range<usize>| Diagnostic::error(msg).at(src, Some(span));
    let ncols = lay.columns.get_ref().len();
    let nrows = lay.rows.get_ref().len();
    if ncols == 0 || nrows == 0 {
        diags.push(err(
            "layout needs at least one row and one column".into(),
            lay.columns.span(),
        ));
    }
    if lay.areas.get_ref().len() != nrows {
        diags.push(
            err(
                format!(
                    "layout has {nrows} rows but {} area strings",
                    lay.areas.get_ref().len()
                ),
                lay.areas.span(),
            )
            .hint("write one string in `areas` per entry in `rows`"),
        );
    }
    let mut cells: BTreeMap<String, Vec<(usize, usize)>> = BTreeMap::new();
    for (r, row) in lay.areas.get_ref().iter().enumerate() {
        let names: Vec<&str> = row.get_ref().split_whitespace().collect();
        if names.len() != ncols {
            diags.push(
                err(
                    format!(
                        "area row {} names {} cells but the layout has {ncols} columns",
                        r + 1,
                        names.len()
                    ),
                    row.span(),
                )
                .hint("name one area per column; use `.` for an empty cell"),
            );
            continue;
        }
        for (c, n) in names.iter().enumerate() {
            if *n != "." {
                cells.entry(n.to_string()).or_default().push((r, c));
            }
        }
    }
    let mut rects: BTreeMap<String, (Range<usize>, Range<usize>)> = BTreeMap::new();
    for (n, cs) in &cells {
        let r0 = cs.iter().map(|c| c.0).min().unwrap();
        let r1 = cs.iter().map(|c| c.0).max().unwrap() + 1;
        let c0 = cs.iter().map(|c| c.1).min().unwrap();
        let c1 = cs.iter().map(|c| c.1).max().unwrap() + 1;
        if cs.len() != (r1 - r0) * (c1 - c0) {
            diags.push(
                err(format!("area `{n}` is not a rectangle"), lay.areas.span())
                    .hint("an area must cover a full rectangle of cells"),
            );
        }
        rects.insert(n.clone(), (c0..c1, r0..r1));
    }
    rects
}

/// One `[slot.NAME]` table, checked and placed on the grid (`None` when it cannot be).
fn parse_slot(
    sname: &String,
    spanned: &Spanned<SlotSpec>,
    h: &Header,
    rects: &BTreeMap<String, (Range<usize>, Range<usize>)>,
    src: &Arc<Source>,
    diags: &mut Diagnostics,
) -> Option<Slot> {
    let err = |msg: String, span: Range<usize>| Diagnostic::error(msg).at(src, Some(span));
    let s = spanned.get_ref();
    let span = spanned.span();
    let mut kinds = slot_contents(sname, s, src, diags);
    if kinds.len() != 1 {
        diags.push(
            err(
                format!(
                    "slot `{sname}` must show exactly one thing, it has {}",
                    kinds.len()
                ),
                span.clone(),
            )
            .hint("give it one of: text, list, flags, hotline, resources = true, qr = true, qr_caption = true, images, image_pick"),
        );
        return None;
    }
    let content = kinds.pop().unwrap();
    slot_text_rules(sname, s, &content, &span, h, src, diags);
    let unserved = slot_unserved(sname, s, &content, src, diags);
    if let Some(i) = &s.icon
        && !matches!(content, Content::Text(_) | Content::Hotline(_))
    {
        diags.push(
            err(format!("slot `{sname}` has `icon`, but an icon stands before a line of text"), i.span())
                .hint("put `icon` on a slot with `text` or `hotline` (the call verb, the text verb or the number)"),
        );
    }
    if let Some(g) = &s.gives_way
        && !matches!(content, Content::Images(_) | Content::ImagePick(_))
    {
        diags.push(
            err(
                format!("slot `{sname}` has `gives_way`, but only pictures give way to the text"),
                g.span(),
            )
            .hint("put `gives_way = true` on a slot with `images` or `image_pick`, or remove it"),
        );
    }
    let Some((cols, rows)) = rects.get(sname).cloned() else {
        diags.push(
            err(
                format!("slot `{sname}` is not placed in the layout"),
                span.clone(),
            )
            .hint(format!(
                "add `{sname}` to `areas` in [layout], or remove the slot"
            )),
        );
        return None;
    };
    Some(Slot {
        name: sname.clone(),
        cols,
        rows,
        content,
        font: s.font,
        size: s.size.as_ref().map(|s| *s.get_ref()),
        color: s.color.unwrap_or(Color::BLACK),
        fill: s.fill,
        align: s.align,
        valign: s.valign,
        padding: s.padding.unwrap_or(Length::ZERO),
        bullets: s.bullets.unwrap_or(true),
        unserved,
        icon: s.icon.as_ref().map(|i| i.get_ref().clone()),
        gives_way: s.gives_way.as_ref().is_some_and(|g| *g.get_ref()),
        span,
    })
}

/// Everything a slot table says it shows (exactly one is allowed).
fn slot_contents(
    sname: &str,
    s: &SlotSpec,
    src: &Arc<Source>,
    diags: &mut Diagnostics,
) -> Vec<Content> {
    let err = |msg: String, span: Range<usize>| Diagnostic::error(msg).at(src, Some(span));
    let mut kinds = Vec::new();
    if let Some(t) = &s.text {
        kinds.push(Content::Text(t.get_ref().clone()));
    }
    if let Some(l) = &s.list {
        if l.get_ref().is_empty() {
            diags.push(err(format!("slot `{sname}`: `list` is empty"), l.span()));
        }
        kinds.push(Content::List(l.get_ref().clone()));
    }
    if let Some(h) = &s.hotline {
        kinds.push(Content::Hotline(*h.get_ref()));
    }
    if s.qr == Some(true) {
        kinds.push(Content::Qr);
    }
    if s.qr_caption == Some(true) {
        kinds.push(Content::QrCaption);
    }
    if let Some(q) = &s.image_pick {
        if q.get_ref().count == 0 {
            diags.push(err(
                format!("slot `{sname}`: `image_pick` needs a count of 1 or more"),
                q.span(),
            ));
        }
        kinds.push(Content::ImagePick(q.get_ref().clone()));
    }
    if s.resources == Some(true) {
        kinds.push(Content::Resources);
    }
    if s.contacts == Some(true) {
        kinds.push(Content::Contacts);
    }
    if s.reporting == Some(true) {
        kinds.push(Content::Reporting);
    }
    if let Some(st) = &s.statute {
        kinds.push(Content::Statute(*st.get_ref()));
    }
    if let Some(f) = &s.flags {
        if f.get_ref().count == 0 {
            diags.push(err(
                format!("slot `{sname}`: `flags` needs a count of 1 or more"),
                f.span(),
            ));
        }
        kinds.push(Content::Flags(f.get_ref().clone()));
    }
    if let Some(i) = &s.images {
        if i.get_ref().is_empty() {
            diags.push(err(format!("slot `{sname}`: `images` is empty"), i.span()));
        }
        kinds.push(Content::Images(i.get_ref().clone()));
    }
    kinds
}

/// Statute slots only on notices; text slots need a size range, and a valid one.
fn slot_text_rules(
    sname: &str,
    s: &SlotSpec,
    content: &Content,
    span: &Range<usize>,
    h: &Header,
    src: &Arc<Source>,
    diags: &mut Diagnostics,
) {
    let err = |msg: String, span: Range<usize>| Diagnostic::error(msg).at(src, Some(span));
    let kind = *h.kind.get_ref();
    if matches!(content, Content::Statute(_)) && kind != Kind::Notice {
        diags.push(
            err(format!("slot `{sname}` shows part of a state law's notice, but this design is a {}", kind.name()), span.clone())
                .hint("`statute` slots belong in designs/notices/state-notice.toml, which is made into a notice per jurisdiction profile"),
        );
    }
    let is_text = matches!(
        content,
        Content::Text(_)
            | Content::List(_)
            | Content::Flags(_)
            | Content::Hotline(_)
            | Content::Resources
            | Content::Contacts
            | Content::Reporting
            | Content::Statute(_)
            | Content::QrCaption
    );
    if is_text && s.size.is_none() {
        diags.push(
            err(
                format!("slot `{sname}` shows text but has no `size`"),
                span.clone(),
            )
            .hint("add e.g. size = [\"10pt\", \"16pt\"]: the largest size that fits is used"),
        );
    }
    if let Some(sz) = &s.size {
        let r = sz.get_ref();
        let px = if h.medium == Medium::Print { 0.75 } else { 1.0 };
        if r.min.to_pt(px, 0.0) > r.max.to_pt(px, 0.0) || r.min.to_pt(px, 0.0) <= 0.0 {
            diags.push(err(
                format!("slot `{sname}`: size range must be [smaller, larger] and above 0"),
                sz.span(),
            ));
        }
    }
}

/// A slot's `unserved`: "drop" or a message id, and only on slots that show a message
/// or a hotline fact.
fn slot_unserved(
    sname: &str,
    s: &SlotSpec,
    content: &Content,
    src: &Arc<Source>,
    diags: &mut Diagnostics,
) -> Option<Unserved> {
    let err = |msg: String, span: Range<usize>| Diagnostic::error(msg).at(src, Some(span));
    match &s.unserved {
        None => None,
        Some(u) => {
            let v = u.get_ref().trim();
            let shows = matches!(
                content,
                Content::Text(_) | Content::List(_) | Content::Hotline(_)
            );
            if !shows {
                diags.push(
                    err(format!("slot `{sname}`: `unserved` is for slots that show a message or a hotline fact"), u.span())
                        .hint("remove `unserved`; a QR code's channel is stated by a message beside it"),
                );
                None
            } else if v == "drop" {
                Some(Unserved::Drop)
            } else if v.is_empty() || v.contains(char::is_whitespace) {
                diags.push(
                    err(format!("slot `{sname}`: `unserved = \"{v}\"` is not \"drop\" or a message id"), u.span())
                        .hint("write unserved = \"drop\", or the id of a message that says which languages the channel is answered in (e.g. \"text-short-limited\")"),
                );
                None
            } else {
                Some(Unserved::Message(v.to_string()))
            }
        }
    }
}

/// Every area has a slot; every piece shows the QR code and the hotline number.
fn required_slots(
    file: &DesignFile,
    rects: &BTreeMap<String, (Range<usize>, Range<usize>)>,
    slots: &[Slot],
    src: &Arc<Source>,
    diags: &mut Diagnostics,
) {
    let err = |msg: String, span: Range<usize>| Diagnostic::error(msg).at(src, Some(span));
    let lay = &file.layout;
    for n in rects.keys() {
        if !file.slot.contains_key(n) {
            diags.push(
                err(format!("area `{n}` has no slot"), lay.areas.span()).hint(format!(
                    "add a [slot.{n}] table, or use `.` for an empty cell"
                )),
            );
        }
    }
    if !slots.iter().any(|s| s.content == Content::Qr) {
        diags.push(
            Diagnostic::error("every piece must show the QR code, and this design has no QR slot")
                .at(src, None)
                .hint("add a slot with `qr = true`"),
        );
    }
    if !slots
        .iter()
        .any(|s| s.content == Content::Hotline(HotlineField::Phone))
    {
        diags.push(
            Diagnostic::error(
                "every piece must show the hotline number, and this design has no phone slot",
            )
            .at(src, None)
            .hint("add a slot with `hotline = \"phone\"`"),
        );
    }
}

/// Per page: replacement content, hidden slots, own row heights.
type PagesOf = (
    Vec<BTreeMap<String, Content>>,
    Vec<Vec<String>>,
    Vec<Option<Vec<Track>>>,
);

/// `[[page]]` tables: the messages that change per page, in text and list slots only,
/// and the slots each page leaves out (`hide`).
fn parse_pages(
    file: &DesignFile,
    slots: &[Slot],
    src: &Arc<Source>,
    diags: &mut Diagnostics,
) -> PagesOf {
    let err = |msg: String, span: Range<usize>| Diagnostic::error(msg).at(src, Some(span));
    let mut pages = Vec::new();
    let mut hidden = Vec::new();
    let mut rows = Vec::new();
    for p in if file.page.is_empty() {
        vec![PageSpec::default()]
    } else {
        file.page.clone()
    } {
        hidden.push(page_hides(&p, slots, file.design.medium, src, diags));
        rows.push(p.rows.as_ref().and_then(|r| {
            let n = file.layout.rows.get_ref().len();
            if r.get_ref().len() == n {
                Some(r.get_ref().clone())
            } else {
                diags.push(
                    err(
                        format!("this page has {} rows, the layout {n}", r.get_ref().len()),
                        r.span(),
                    )
                    .hint("give a page's `rows` one height per row of [layout]"),
                );
                None
            }
        }));
        let mut map = BTreeMap::new();
        for (slot, m) in &p.content {
            match slots.iter().find(|s| &s.name == slot) {
                Some(s) if matches!(s.content, Content::Text(_) | Content::List(_) | Content::Flags(_)) => {
                    let c = match m.get_ref() {
                        MessageRef::One(id) => Content::Text(id.clone()),
                        MessageRef::Many(ids) => Content::List(ids.clone()),
                    };
                    map.insert(slot.clone(), c);
                }
                Some(_) => diags.push(err(
                    format!("page content for slot `{slot}`: only text and list slots can change per page"),
                    m.span(),
                )),
                None => diags.push(
                    err(format!("page content names slot `{slot}`, which does not exist"), m.span())
                        .hint(format!("slots in this design: {}", slots.iter().map(|s| s.name.as_str()).collect::<Vec<_>>().join(", "))),
                ),
            }
        }
        pages.push(map);
    }
    (pages, hidden, rows)
}

/// A page's `hide`: slots of this design, never the number, nor the QR code in print
/// (every printed page carries both; slides may show the QR code on a few slides only).
fn page_hides(
    p: &PageSpec,
    slots: &[Slot],
    medium: Medium,
    src: &Arc<Source>,
    diags: &mut Diagnostics,
) -> Vec<String> {
    let Some(hide) = &p.hide else {
        return Vec::new();
    };
    let err = |msg: String| Diagnostic::error(msg).at(src, Some(hide.span()));
    let mut out = Vec::new();
    for name in hide.get_ref() {
        match slots.iter().find(|s| &s.name == name) {
            None => diags.push(
                err(format!("`hide` names slot `{name}`, which does not exist"))
                    .hint(format!("slots in this design: {}", slots.iter().map(|s| s.name.as_str()).collect::<Vec<_>>().join(", "))),
            ),
            Some(s) if matches!(s.content, Content::Hotline(HotlineField::Phone))
                || (s.content == Content::Qr && medium == Medium::Print) => diags.push(
                err(format!("`hide` names slot `{name}`, but the hotline number and the QR code are on every page"))
                    .hint("hide other slots; every page of a piece carries the number and the QR code"),
            ),
            Some(_) => out.push(name.clone()),
        }
    }
    out
}

/// The design itself, from its checked parts.
fn base_design(
    name: &str,
    file: &DesignFile,
    bleed: Length,
    line_height: f32,
    slots: Vec<Slot>,
    pages: Vec<BTreeMap<String, Content>>,
    src: &Arc<Source>,
) -> Design {
    let (h, lay) = (&file.design, &file.layout);
    Design {
        name: name.to_string(),
        variant_of: None,
        picks_as: name.to_string(),
        title: h.title.clone(),
        medium: h.medium,
        width: *h.width.get_ref(),
        height: *h.height.get_ref(),
        bleed,
        safe: *h.safe.get_ref(),
        background: h.background.unwrap_or(Color::WHITE),
        qr: h.qr.as_ref().map(|q| *q.get_ref()).unwrap_or(QrKind::Tel),
        kind: *h.kind.get_ref(),
        mirror: h.mirror.as_ref().is_some_and(|m| *m.get_ref()),
        placement: h.placement.clone(),
        stock: h.stock.clone(),
        per: h.per.as_ref().map(|p| p.get_ref().clone()),
        each: h.each.unwrap_or(1),
        label_template: h.label_template.clone(),
        printing: h
            .printing
            .as_ref()
            .map(|p| *p.get_ref())
            .unwrap_or(Printing::Shop),
        substrate: h
            .substrate
            .as_ref()
            .map(|p| *p.get_ref())
            .unwrap_or_default(),
        white_plate: h.white_plate.as_ref().is_some_and(|w| *w.get_ref()),
        rich_black: h.rich_black.as_ref().map(|r| *r.get_ref()),
        corner_radius: h
            .corner_radius
            .as_ref()
            .map(|r| *r.get_ref())
            .unwrap_or(Length::ZERO),
        line_height,
        min_text: h
            .min_text
            .as_ref()
            .map(|m| *m.get_ref())
            .unwrap_or(match h.medium {
                Medium::Print => Length::Pt(8.0),
                Medium::Screen => Length::Px(48.0),
            }),
        min_figure: h
            .min_figure
            .as_ref()
            .map(|m| *m.get_ref())
            .unwrap_or(match h.medium {
                Medium::Print => Length::In(0.75),
                Medium::Screen => Length::Px(160.0),
            }),
        require_coverage: h.require_coverage,
        restroom: h.restroom,
        audience: h
            .audience
            .as_ref()
            .map(|a| *a.get_ref())
            .unwrap_or_default(),
        columns: lay.columns.get_ref().clone(),
        rows: lay.rows.get_ref().clone(),
        gap: lay.gap.unwrap_or(Length::ZERO),
        ink_gap: lay.ink_gap,
        slots,
        pages,
        hidden: Vec::new(),
        page_rows: Vec::new(),
        source: src.clone(),
        on_request: false,
        notice_of: None,
        viewing_distance_mm: None,
        screen_in: None,
        question: None,
        qr_pages: match h.medium {
            Medium::Print => None,
            Medium::Screen => Some(h.qr_pages.as_ref().map_or(1, |n| *n.get_ref())),
        },
        bilingual: None,
        languages: h.languages.as_ref().map(|l| l.get_ref().clone()),
        keep_out: h
            .keep_out
            .iter()
            .map(|k| {
                let k = k.get_ref();
                let pt = |l: Length| l.to_pt(1.0, 0.0);
                KeepOut {
                    rect: [pt(k.x), pt(k.y), pt(k.w), pt(k.h)],
                    why: k.why.clone(),
                }
            })
            .collect(),
    }
}

/// A `[[variant]]` of design `name`: the base with its changes (`None` when its name
/// is not a valid design name).
fn variant(
    name: &str,
    base: &Design,
    v: &Variant,
    src: &Arc<Source>,
    diags: &mut Diagnostics,
) -> Option<Design> {
    let err = |msg: String, span: Range<usize>| Diagnostic::error(msg).at(src, Some(span));
    let vname = v.name.get_ref();
    if !is_valid_name(vname) {
        diags.push(
            err(
                format!("variant name `{vname}` is not a valid design name"),
                v.name.span(),
            )
            .hint("use lowercase letters, digits and hyphens"),
        );
        return None;
    }
    let mut d = base.clone();
    d.name = vname.clone();
    d.variant_of = Some(name.to_string());
    if let Some(t) = &v.title {
        d.title = t.clone();
    }
    if let Some(m) = &v.mirror {
        d.mirror = *m.get_ref();
        if d.mirror && d.kind != Kind::Cling {
            diags.push(
                err(format!("variant `{vname}` is mirrored, but this design is a {}: only window clings are printed mirrored (second surface)", d.kind.name()), m.span())
                    .hint("remove `mirror = true`, or set `kind = \"cling\"` in [design] if this piece really is a cling"),
            );
        }
    }
    if let Some(st) = &v.stock {
        d.stock = st.clone();
    }
    if let Some(p) = &v.per {
        d.per = Some(p.get_ref().clone());
        audience_rule(vname, d.audience, p, src, diags);
    }
    if let Some(q) = &v.qr {
        d.qr = *q.get_ref();
    }
    d.on_request = v.on_request;
    if let Some(r) = v.restroom {
        d.restroom = r;
    }
    variant_images(&mut d, v, src, diags);
    variant_content(&mut d, v, src, diags);
    Some(d)
}

/// A staff piece goes only by a count of staff or staff areas (`per = "staff"`,
/// `"staff_rooms"`), never by a place patients see; a patient piece never by a staff
/// count. Staff pieces name what to notice (indicators), which patients must not read.
fn audience_rule(
    name: &str,
    audience: Audience,
    per: &Spanned<String>,
    src: &Arc<Source>,
    diags: &mut Diagnostics,
) {
    let staff_count = Audience::is_staff_count(per.get_ref());
    let msg = match (audience, staff_count) {
        (Audience::Staff, false) => format!(
            "design `{name}` is for staff (`audience = \"staff\"`) but is posted per `{}`, a place patients see",
            per.get_ref()
        ),
        (Audience::Patient, true) => format!(
            "design `{name}` is for patients but is posted per `{}`, a count of staff",
            per.get_ref()
        ),
        _ => return,
    };
    diags.push(
        Diagnostic::error(msg)
            .at(src, Some(per.span()))
            .hint("staff pieces go by `per = \"staff\"` (one each) or `per = \"staff_rooms\"` (break rooms); patient pieces by the places patients see (`stalls`, `restrooms`, `exam_rooms`...)")
            .hint("never post a staff piece where patients can see it: it names what staff look for"),
    );
}

/// What only staff may read stays off patient pieces: messages written for staff
/// (`staff-...`, some of which name what staff look for), the facility's internal
/// contacts and its reporting instruction.
fn audience_content(d: &Design, diags: &mut Diagnostics) {
    if d.audience == Audience::Staff {
        return;
    }
    let page_contents = d.pages.iter().flat_map(|p| p.iter());
    let shown = d
        .slots
        .iter()
        .map(|s| (&s.name, &s.content))
        .chain(page_contents);
    for (slot, content) in shown {
        let staff_ids: Vec<&String> = match content {
            Content::Text(id) => vec![id],
            Content::List(ids) => ids.iter().collect(),
            _ => Vec::new(),
        }
        .into_iter()
        .filter(|id| Audience::is_staff_message(id))
        .collect();
        let what = if let Some(id) = staff_ids.first() {
            format!("the staff message `{id}`")
        } else if *content == Content::Contacts {
            "the facility's staff contacts (`contacts = true`)".to_string()
        } else if *content == Content::Reporting {
            "the staff reporting instruction (`reporting = true`)".to_string()
        } else {
            continue;
        };
        diags.push(
            d.error(
                format!(
                    "design `{}` is for patients but slot `{slot}` shows {what}",
                    d.name
                ),
                d.slot_span(slot),
            )
            .hint("staff text (what to notice, how to respond, internal numbers) never goes on a piece patients see")
            .hint("set `audience = \"staff\"` in [design] if this piece is for staff areas only, or show a patient message"),
        );
    }
}

/// `keep_out` areas: positive sizes in absolute lengths, inside the trim.
fn keep_out_rules(h: &Header, src: &Arc<Source>, diags: &mut Diagnostics) {
    let (w, ht) = (
        h.width.get_ref().to_pt(1.0, 0.0),
        h.height.get_ref().to_pt(1.0, 0.0),
    );
    for k in &h.keep_out {
        let r = k.get_ref();
        let absolute = [r.x, r.y, r.w, r.h]
            .iter()
            .all(|l| !matches!(l, Length::Percent(_)));
        let [x, y, kw, kh] = [r.x, r.y, r.w, r.h].map(|l| l.to_pt(1.0, 0.0));
        let inside = x >= 0.0 && y >= 0.0 && x + kw <= w + 0.01 && y + kh <= ht + 0.01;
        if !absolute || kw <= 0.0 || kh <= 0.0 || !inside || r.why.trim().is_empty() {
            diags.push(
                Diagnostic::error(format!(
                    "keep_out `{}` must be a positive area inside the trim, in in, mm or pt",
                    r.why
                ))
                .at(src, Some(k.span()))
                .hint("x and y from the trim's top-left corner, w and h its size, why what it keeps clear: { x = \"1.4in\", y = \"0in\", w = \"0.6in\", h = \"0.3in\", why = \"hole punch\" }"),
            );
        }
    }
}

/// A variant's image queries, in the base's image slots.
fn variant_images(d: &mut Design, v: &Variant, src: &Arc<Source>, diags: &mut Diagnostics) {
    let err = |msg: String, span: Range<usize>| Diagnostic::error(msg).at(src, Some(span));
    let vname = v.name.get_ref();
    for (slot, q) in &v.images {
        match d.slots.iter_mut().find(|s| &s.name == slot) {
            Some(s) if matches!(s.content, Content::ImagePick(_) | Content::Images(_)) => {
                if q.get_ref().count == 0 {
                    diags.push(err(
                        format!("variant `{vname}`: the query for `{slot}` needs a count of 1 or more"),
                        q.span(),
                    ));
                }
                s.content = Content::ImagePick(q.get_ref().clone());
                d.picks_as = vname.clone();
            }
            _ => diags.push(
                err(format!("variant `{vname}` asks for images in `{slot}`, which is not an image slot of this design"), q.span())
                    .hint("name a slot with `images` or `image_pick`"),
            ),
        }
    }
}

/// A variant's messages, in the base's text slots (pages that set their own keep them).
fn variant_content(d: &mut Design, v: &Variant, src: &Arc<Source>, diags: &mut Diagnostics) {
    let err = |msg: String, span: Range<usize>| Diagnostic::error(msg).at(src, Some(span));
    let vname = v.name.get_ref();
    for (slot, m) in &v.content {
        match d.slots.iter().find(|s| &s.name == slot) {
            Some(s) if matches!(s.content, Content::Text(_) | Content::List(_) | Content::Flags(_)) => {
                let c = match m.get_ref() {
                    MessageRef::One(id) => Content::Text(id.clone()),
                    MessageRef::Many(ids) => Content::List(ids.clone()),
                };
                for page in &mut d.pages {
                    page.entry(slot.clone()).or_insert_with(|| c.clone());
                }
            }
            _ => diags.push(
                err(format!("variant `{vname}` sets content for `{slot}`, which is not a text slot of this design"), m.span())
                    .hint("name a slot that shows text, list or flags"),
            ),
        }
    }
}
