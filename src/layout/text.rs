//! Text: number isolation, font fallback, shaping, bidi reordering and line breaking.
//!
//! A paragraph is shaped once (sizes are em units, so fitting at any size is plain
//! arithmetic), broken into lines with UAX #14, then each line is reordered with the
//! Unicode bidi algorithm (UAX #9) into glyph runs in visual order.

use std::ops::Range;

use unicode_bidi::{BidiClass, Level, ParagraphBidiInfo};

use crate::layout::breaking::{Lines, Opportunity, Wrap, total_fit};
use crate::load::fonts::{Face, FontBook, FontChain, FontId};
use crate::load::locale::Direction;
use crate::scene::Glyph;

/// U+2066 LEFT-TO-RIGHT ISOLATE.
pub const LRI: char = '\u{2066}';
/// U+2069 POP DIRECTIONAL ISOLATE.
pub const PDI: char = '\u{2069}';

/// Bidi formatting characters: they steer reordering and are never drawn.
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{200E}' | '\u{200F}' | '\u{061C}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

fn is_invisible(c: char) -> bool {
    is_bidi_control(c) || matches!(c, '\n' | '\r' | '\u{FEFF}')
}

fn token_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || "+-./:@_%=&~#".contains(c)
}

fn needs_isolation(tok: &str) -> bool {
    if tok.chars().any(|c| c.is_ascii_digit()) || tok.contains("://") {
        return true;
    }
    // A domain name: letters, a dot, at least two letters after it.
    let host = tok.split('/').next().unwrap_or("");
    match host.rsplit_once('.') {
        Some((name, tld)) => {
            !name.is_empty() && tld.len() >= 2 && tld.chars().all(|c| c.is_ascii_alphabetic())
        }
        None => false,
    }
}

/// Wrap every phone number, short code and web address in a left-to-right isolate
/// (U+2066 ... U+2069), so that it reads in dialling order in any language and is never
/// split across lines. A number whose digit groups are separated by spaces or brackets
/// (`1 (888) 373 7888`) is one isolate, so its groups cannot be reordered in a
/// right-to-left line. Returns the new text and the byte ranges of the isolated tokens.
pub fn isolate_numbers(text: &str) -> (String, Vec<Range<usize>>) {
    let mut out = String::with_capacity(text.len() + 16);
    let mut ranges = Vec::new();
    let mut at = 0;
    for span in isolation_spans(text) {
        out.push_str(&text[at..span.start]);
        let r0 = out.len();
        out.push(LRI);
        out.push_str(&text[span.clone()]);
        out.push(PDI);
        ranges.push(r0..out.len());
        at = span.end;
    }
    out.push_str(&text[at..]);
    (out, ranges)
}

/// What may stand between the digit groups of one number inside its isolate.
fn is_group_gap(c: char) -> bool {
    matches!(c, ' ' | '\u{00A0}' | '\u{2009}' | '\u{202F}' | '(' | ')')
}

/// Byte ranges of the tokens to isolate, in order; digit groups joined by spaces or
/// brackets merged into one range, with the brackets around them.
fn isolation_spans(text: &str) -> Vec<Range<usize>> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let at = |i: usize| chars.get(i).map_or(text.len(), |c| c.0);
    let mut spans: Vec<Range<usize>> = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !token_char(chars[i].1) {
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && token_char(chars[i].1) {
            i += 1;
        }
        let mut end = i;
        // Sentence punctuation after a token is not part of it.
        while end > start && ".,:;".contains(chars[end - 1].1) {
            end -= 1;
        }
        let tok = &text[at(start)..at(end)];
        if end > start && needs_isolation(tok) {
            spans.push(at(start)..at(end));
        }
    }
    // A group of at most four digits followed, across spaces or brackets, by more
    // digits is not a number of its own but the start of one (`1 (888) 373 7888`);
    // a whole number followed by another (`1-888-373-7888 24`) stays two.
    let group = |r: &Range<usize>| {
        let t = &text[r.clone()];
        t.len() <= 4 && t.chars().all(|c| c.is_ascii_digit())
    };
    let has_digit = |r: &Range<usize>| text[r.clone()].chars().any(|c| c.is_ascii_digit());
    let mut merged: Vec<Range<usize>> = Vec::new();
    let mut prev: Option<Range<usize>> = None;
    for r in spans {
        let joins = prev.as_ref().is_some_and(|p| {
            group(p) && has_digit(&r) && text[p.end..r.start].chars().all(is_group_gap)
        });
        match merged.last_mut() {
            Some(last) if joins => last.end = r.end,
            _ => merged.push(r.clone()),
        }
        prev = Some(r);
    }
    // Brackets that open or close inside a merged number come into its isolate.
    for r in &mut merged {
        let t = &text[r.clone()];
        let (open, close) = (t.matches('(').count(), t.matches(')').count());
        if open > close && text[r.end..].starts_with(')') {
            r.end += 1;
        }
        if close > open && text[..r.start].ends_with('(') {
            r.start -= 1;
        }
    }
    merged
}

/// The box the outlines of some glyphs cover ("ink"), in em: x from the pen position
/// at the start of the line, y up from the baseline. Combining marks, stacked
/// diacritics and overhanging letters can leave the advance box; this is what the
/// layout keeps inside a slot.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Ink {
    /// Leftmost ink.
    pub left: f32,
    /// Rightmost ink.
    pub right: f32,
    /// Lowest ink (negative below the baseline).
    pub bottom: f32,
    /// Highest ink.
    pub top: f32,
}

impl Ink {
    /// The box around both.
    pub fn union(self, o: Ink) -> Ink {
        Ink {
            left: self.left.min(o.left),
            right: self.right.max(o.right),
            bottom: self.bottom.min(o.bottom),
            top: self.top.max(o.top),
        }
    }

    /// Moved right by `dx` em.
    fn shifted(self, dx: f32) -> Ink {
        Ink {
            left: self.left + dx,
            right: self.right + dx,
            ..self
        }
    }
}

/// Union of two optional boxes.
pub fn union(a: Option<Ink>, b: Option<Ink>) -> Option<Ink> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a.union(b)),
        (a, b) => a.or(b),
    }
}

/// A glyph's ink in em, its offsets (`dx`, `dy`) applied; `None` for a blank glyph.
fn glyph_ink(face: &Face, id: u16, dx: f32, dy: f32) -> Option<Ink> {
    let b = face.rb.glyph_bounding_box(ttf_parser::GlyphId(id))?;
    let k = 1.0 / face.upem;
    Some(Ink {
        left: dx + b.x_min as f32 * k,
        right: dx + b.x_max as f32 * k,
        bottom: dy + b.y_min as f32 * k,
        top: dy + b.y_max as f32 * k,
    })
}

/// A glyph as shaped, before line breaking.
#[derive(Debug, Clone)]
struct SGlyph {
    id: u16,
    advance: f32,
    dx: f32,
    dy: f32,
    /// Its ink relative to its pen position.
    ink: Option<Ink>,
    /// Characters it stands for, byte range in the paragraph.
    range: Range<usize>,
}

/// A run of one font and one bidi level, shaped.
#[derive(Debug, Clone)]
struct Segment {
    range: Range<usize>,
    font: FontId,
    /// Glyphs in visual order (as the shaper returns them).
    glyphs: Vec<SGlyph>,
}

/// Why a text could not be shaped.
#[derive(Debug, Clone, PartialEq)]
pub enum TextError {
    /// No font in the chain has this character.
    MissingGlyph(char),
    /// A font file could not be loaded.
    Font(String),
}

/// A shaped paragraph, ready for line breaking at any size.
#[derive(Debug, Clone)]
pub struct Paragraph {
    /// The text with isolates inserted.
    pub text: String,
    /// Right-to-left paragraph.
    pub rtl: bool,
    levels: Vec<Level>,
    classes: Vec<BidiClass>,
    para_level: Level,
    segments: Vec<Segment>,
    /// Positions where a line may start, whether the break is forced, and its cost.
    breaks: Vec<Opportunity>,
    /// `prefix[i]` = total advance (em) of glyphs whose cluster starts before byte `i`.
    prefix: Vec<f32>,
}

/// Glyphs of one font and direction on a line, in visual order.
#[derive(Debug, Clone)]
pub struct LineRun {
    /// Font face.
    pub font: FontId,
    /// Glyphs, left to right.
    pub glyphs: Vec<Glyph>,
    /// The characters, in logical order; glyph ranges point into it.
    pub text: String,
    /// Offset from the line start, in em.
    pub x: f32,
    /// Right-to-left text.
    pub rtl: bool,
    /// Ink of the run's glyphs, in em from the line start.
    pub ink: Option<Ink>,
}

fn is_latin(c: char) -> bool {
    matches!(c, '\u{0021}'..='\u{024F}' | '\u{1E00}'..='\u{1EFF}' | '\u{2010}'..='\u{2027}')
}

fn pick_font(
    c: char,
    chain: &[(FontId, std::sync::Arc<Face>)],
    latin: Option<FontId>,
    prev: Option<FontId>,
) -> Option<FontId> {
    let inherits = c.is_whitespace()
        || matches!(c, '\u{200C}' | '\u{200D}')
        || unicode_general_category_is_mark(c);
    if let (true, Some(p)) = (inherits, prev) {
        let zw = matches!(c, '\u{200C}' | '\u{200D}');
        if chain.iter().any(|(id, f)| *id == p && (zw || f.has(c))) {
            return Some(p);
        }
    }
    if let Some(l) =
        latin.filter(|l| is_latin(c) && chain.iter().any(|(id, f)| id == l && f.has(c)))
    {
        return Some(l);
    }
    chain.iter().find(|(_, f)| f.has(c)).map(|(id, _)| *id)
}

/// Combining marks (general category M*), approximated by the common blocks; marks
/// stay in the font of the letter they sit on.
fn unicode_general_category_is_mark(c: char) -> bool {
    matches!(c,
        '\u{0300}'..='\u{036F}' | '\u{0483}'..='\u{0489}' | '\u{0591}'..='\u{05BD}'
        | '\u{0610}'..='\u{061A}' | '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{06D6}'..='\u{06ED}'
        | '\u{0900}'..='\u{0903}' | '\u{093A}'..='\u{094F}' | '\u{0951}'..='\u{0957}' | '\u{0962}'..='\u{0963}'
        | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}' | '\u{20D0}'..='\u{20FF}' | '\u{FE00}'..='\u{FE0F}'
        | '\u{FE20}'..='\u{FE2F}' | '\u{3099}'..='\u{309A}')
}

/// Shape one paragraph (no newlines) with a font chain and a base direction.
pub fn shape(
    raw: &str,
    fonts: &FontBook,
    chain: &FontChain,
    dir: Direction,
    lang: &str,
) -> Result<Paragraph, TextError> {
    let (text, protected) = isolate_numbers(raw);
    let faces: Vec<(FontId, std::sync::Arc<Face>)> = chain
        .fonts
        .iter()
        .map(|&id| {
            fonts
                .face(id)
                .map(|f| (id, f))
                .map_err(|d| TextError::Font(d.message))
        })
        .collect::<Result<_, _>>()?;
    let para_level = if dir == Direction::Rtl {
        Level::rtl()
    } else {
        Level::ltr()
    };
    let bidi = ParagraphBidiInfo::new(&text, Some(para_level));
    let levels = bidi.levels.clone();
    let classes = bidi.original_classes.clone();

    // Itemize: same font, same level, no invisible characters inside.
    let mut items: Vec<(Range<usize>, FontId)> = Vec::new();
    let mut prev: Option<FontId> = None;
    for (i, c) in text.char_indices() {
        if is_invisible(c) {
            continue;
        }
        let f = pick_font(c, &faces, chain.latin, prev).ok_or(TextError::MissingGlyph(c))?;
        prev = Some(f);
        let end = i + c.len_utf8();
        match items.last_mut() {
            Some((r, lf)) if *lf == f && r.end == i && levels[r.start] == levels[i] => r.end = end,
            _ => items.push((i..end, f)),
        }
    }

    let language: Option<rustybuzz::Language> = lang.parse().ok();
    let mut segments = Vec::with_capacity(items.len());
    for (range, font) in items {
        let face = &faces.iter().find(|(id, _)| *id == font).unwrap().1;
        let mut buf = rustybuzz::UnicodeBuffer::new();
        for (i, c) in text[range.clone()].char_indices() {
            buf.add(c, (range.start + i) as u32);
        }
        buf.set_direction(if levels[range.start].is_rtl() {
            rustybuzz::Direction::RightToLeft
        } else {
            rustybuzz::Direction::LeftToRight
        });
        if let Some(l) = &language {
            buf.set_language(l.clone());
        }
        buf.guess_segment_properties();
        let out = rustybuzz::shape(&face.rb, &[], buf);
        let mut starts: Vec<usize> = out
            .glyph_infos()
            .iter()
            .map(|g| g.cluster as usize)
            .collect();
        starts.sort_unstable();
        starts.dedup();
        let upem = face.upem;
        let glyphs = out
            .glyph_infos()
            .iter()
            .zip(out.glyph_positions())
            .map(|(info, pos)| {
                let start = info.cluster as usize;
                let next = starts
                    .iter()
                    .copied()
                    .find(|&s| s > start)
                    .unwrap_or(range.end);
                let mut end = next;
                while end > start && text[..end].chars().next_back().is_some_and(is_invisible) {
                    end -= text[..end].chars().next_back().unwrap().len_utf8();
                }
                let (dx, dy) = (pos.x_offset as f32 / upem, pos.y_offset as f32 / upem);
                SGlyph {
                    id: info.glyph_id as u16,
                    advance: pos.x_advance as f32 / upem,
                    dx,
                    dy,
                    ink: glyph_ink(face, info.glyph_id as u16, dx, dy),
                    range: start..end,
                }
            })
            .collect();
        segments.push(Segment {
            range,
            font,
            glyphs,
        });
    }

    let mut adv = vec![0.0f32; text.len() + 1];
    for s in &segments {
        for g in &s.glyphs {
            adv[g.range.start] += g.advance;
        }
    }
    let mut prefix = Vec::with_capacity(text.len() + 1);
    let mut acc = 0.0;
    for a in adv.iter().take(text.len()) {
        prefix.push(acc);
        acc += a;
    }
    prefix.push(acc);

    // Korean breaks lines at spaces, not between syllables (CSS `word-break: keep-all`).
    let keep_all = lang == "ko" || lang.starts_with("ko-");
    let breaks = crate::layout::words::opportunities(&text, &protected, keep_all);

    Ok(Paragraph {
        rtl: dir == Direction::Rtl,
        levels,
        classes,
        para_level,
        segments,
        breaks,
        prefix,
        text,
    })
}

impl Paragraph {
    /// End of `range` without trailing white space.
    fn trim_end(&self, range: Range<usize>) -> Range<usize> {
        let s = &self.text[range.clone()];
        let t = s.trim_end_matches(|c: char| c.is_whitespace() || is_invisible(c));
        range.start..range.start + t.len()
    }

    /// Width in em of a range of the text.
    pub fn width(&self, range: Range<usize>) -> f32 {
        let r = self.trim_end(range);
        self.prefix[r.end] - self.prefix[r.start]
    }

    /// Width in em of the whole paragraph on one line.
    /// The fonts its glyphs are set in.
    pub fn fonts(&self) -> impl Iterator<Item = FontId> + '_ {
        self.segments
            .iter()
            .filter(|s| !s.glyphs.is_empty())
            .map(|s| s.font)
    }

    /// Natural width.
    pub fn natural_width(&self) -> f32 {
        self.width(0..self.text.len())
    }

    /// The widest piece that cannot be broken, with its width in em.
    pub fn widest_unbreakable(&self) -> (String, f32) {
        let mut best = (String::new(), 0.0f32);
        let mut start = 0;
        for &Opportunity { pos, .. } in &self.breaks {
            let w = self.width(start..pos);
            if w > best.1 {
                let t: String = self.text[self.trim_end(start..pos)]
                    .chars()
                    .filter(|c| !is_invisible(*c))
                    .collect();
                best = (t, w);
            }
            start = pos;
        }
        best
    }

    /// The best lines at `max` em ([`total_fit`]: the fewest lines, then no stranded
    /// word, or balanced lines), trailing spaces left out. `None` if a piece that
    /// cannot be broken is wider than `max`.
    pub fn wrap_lines(&self, max: f32, wrap: Wrap) -> Option<Vec<Range<usize>>> {
        let lines = total_fit(self, &self.breaks, self.text.len(), max, wrap)?;
        Some(lines.into_iter().map(|r| self.trim_end(r)).collect())
    }

    /// [`Paragraph::wrap_lines`] for body text ([`Wrap::Pretty`]).
    pub fn break_lines(&self, max: f32) -> Option<Vec<Range<usize>>> {
        self.wrap_lines(max, Wrap::Pretty)
    }

    /// The text of a line as read: bidi controls and isolates left out.
    pub fn visible(&self, line: Range<usize>) -> String {
        self.text[self.trim_end(line)]
            .chars()
            .filter(|c| !is_invisible(*c))
            .collect()
    }

    /// Ink of one line, in em from its start and its baseline; `None` if nothing on it
    /// has ink.
    pub fn line_ink(&self, line: Range<usize>) -> Option<Ink> {
        self.line_runs(line)
            .into_iter()
            .fold(None, |acc, r| union(acc, r.ink))
    }

    /// Glyph runs of one line in visual order: `(font, glyphs, text, x offset in em)`.
    pub fn line_runs(&self, line: Range<usize>) -> Vec<LineRun> {
        if line.is_empty() {
            return Vec::new();
        }
        let info = ParagraphBidiInfo {
            text: &self.text,
            original_classes: self.classes.clone(),
            levels: self.levels.clone(),
            paragraph_level: self.para_level,
            is_pure_ltr: false,
        };
        let (levels, runs) = visual_runs(&info, line.clone());
        let mut chunks: Vec<(FontId, bool, Vec<&SGlyph>)> = Vec::new();
        for run in runs {
            let rtl = levels[run.start].is_rtl();
            let mut segs: Vec<&Segment> = self
                .segments
                .iter()
                .filter(|s| s.range.start < run.end && run.start < s.range.end)
                .collect();
            if rtl {
                segs.reverse();
            }
            for s in segs {
                let gs = s.glyphs.iter().filter(|g| run.contains(&g.range.start));
                match chunks.last_mut() {
                    Some((f, r, v)) if *f == s.font && *r == rtl => v.extend(gs),
                    _ => chunks.push((s.font, rtl, gs.collect())),
                }
            }
        }
        let mut x = 0.0;
        let mut out = Vec::new();
        for (font, rtl, gs) in chunks {
            if gs.is_empty() {
                continue;
            }
            // Text of the chunk in logical order, with invisible characters left out.
            let mut clusters: Vec<Range<usize>> = gs.iter().map(|g| g.range.clone()).collect();
            clusters.sort_by_key(|r| r.start);
            clusters.dedup_by_key(|r| r.start);
            let mut text = String::new();
            let mut map = std::collections::HashMap::new();
            for r in &clusters {
                let o = text.len();
                text.push_str(&self.text[r.clone()]);
                map.insert(r.start, o..text.len());
            }
            let glyphs: Vec<Glyph> = gs
                .iter()
                .map(|g| Glyph {
                    id: g.id,
                    advance: g.advance,
                    dx: g.dx,
                    dy: g.dy,
                    range: map[&g.range.start].clone(),
                })
                .collect();
            let mut ink = None;
            let mut pen = x;
            for g in &gs {
                ink = union(ink, g.ink.map(|i| i.shifted(pen)));
                pen += g.advance;
            }
            let w: f32 = glyphs.iter().map(|g| g.advance).sum();
            out.push(LineRun {
                font,
                glyphs,
                text,
                x,
                rtl,
                ink,
            });
            x += w;
        }
        out
    }
}

impl Lines for Paragraph {
    fn width(&self, range: Range<usize>) -> f32 {
        Paragraph::width(self, range)
    }

    fn stranded(&self, range: Range<usize>, max: f32) -> bool {
        let share = Paragraph::width(self, range.clone()) / max;
        crate::base::stranded::is_stranded(&self.visible(range), share)
    }
}

fn visual_runs(info: &ParagraphBidiInfo, line: Range<usize>) -> (Vec<Level>, Vec<Range<usize>>) {
    info.visual_runs(line)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn isolates_numbers_and_addresses_but_not_words() {
        let (t, r) = isolate_numbers("Call 1-888-373-7888.");
        assert_eq!(t, "Call \u{2066}1-888-373-7888\u{2069}.");
        assert_eq!(r.len(), 1);
        let (t, _) =
            isolate_numbers("اتصل على 1-888-373-7888 أو humantraffickinghotline.org/chat؟");
        assert!(t.contains("\u{2066}1-888-373-7888\u{2069}"));
        assert!(t.contains("\u{2066}humantraffickinghotline.org/chat\u{2069}"));
        let (t, r) = isolate_numbers("Can you leave your job?");
        assert_eq!(t, "Can you leave your job?");
        assert!(r.is_empty());
        let (t, _) = isolate_numbers("请拨打1-888-373-7888。");
        assert_eq!(t, "请拨打\u{2066}1-888-373-7888\u{2069}。");
        // Digit groups apart are one number; words between numbers keep them apart.
        let (t, r) = isolate_numbers("اتصل 1 (888) 373 7888 أو 233733");
        assert_eq!(
            t,
            "اتصل \u{2066}1 (888) 373 7888\u{2069} أو \u{2066}233733\u{2069}"
        );
        assert_eq!(r.len(), 2);
        let (t, _) = isolate_numbers("(888) 373-7888, 24 horas");
        assert_eq!(
            t,
            "\u{2066}(888) 373-7888\u{2069}, \u{2066}24\u{2069} horas"
        );
        let (t, _) = isolate_numbers("1-888-373-7888 24 7");
        assert_eq!(t, "\u{2066}1-888-373-7888\u{2069} \u{2066}24 7\u{2069}");
    }
}
