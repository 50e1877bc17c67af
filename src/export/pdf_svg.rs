//! SVG illustrations in press colour: a CMYK PDF draws an SVG's paths itself, each
//! solid fill and stroke in DeviceCMYK, so a print file has no RGB object in it. The
//! illustrations are flat artwork (solid colours, groups, transforms); a picture that
//! uses anything else (gradients, patterns, clipping, masks, filters, blend modes,
//! embedded images or text) is drawn by krilla-svg as it is, in RGB, and the caller is
//! told so.

use krilla::geom::{PathBuilder, Transform};
use krilla::num::NormalizedF32;
use krilla::paint::{Fill, FillRule, LineCap, LineJoin, Stroke, StrokeDash};
use krilla::surface::Surface;
use resvg::usvg;

use crate::base::units::Color;

/// Whether every node of `tree` is one [`draw`] can paint in CMYK.
pub fn drawable(tree: &usvg::Tree) -> bool {
    group_ok(tree.root())
}

fn group_ok(g: &usvg::Group) -> bool {
    g.clip_path().is_none()
        && g.mask().is_none()
        && g.filters().is_empty()
        && g.blend_mode() == usvg::BlendMode::Normal
        && g.children().iter().all(|n| match n {
            usvg::Node::Group(g) => group_ok(g),
            usvg::Node::Path(p) => {
                p.fill()
                    .is_none_or(|f| matches!(f.paint(), usvg::Paint::Color(_)))
                    && p.stroke()
                        .is_none_or(|s| matches!(s.paint(), usvg::Paint::Color(_)))
            }
            usvg::Node::Image(_) | usvg::Node::Text(_) => false,
        })
}

/// Draw `tree` scaled to `w` x `h` at the current origin, every colour in DeviceCMYK:
/// `tint` (an icon's one colour, with its print values) for every paint when given,
/// else each SVG colour's own print values (a grey in black ink alone). Call only when
/// [`drawable`] says so.
pub fn draw(surface: &mut Surface, tree: &usvg::Tree, w: f32, h: f32, tint: Option<Color>) {
    let size = tree.size();
    surface.push_transform(&Transform::from_scale(w / size.width(), h / size.height()));
    group(surface, tree.root(), tint);
    surface.pop();
}

fn group(surface: &mut Surface, g: &usvg::Group, tint: Option<Color>) {
    let t = g.transform();
    surface.push_transform(&Transform::from_row(t.sx, t.ky, t.kx, t.sy, t.tx, t.ty));
    let opacity = g.opacity().get();
    if opacity < 1.0 {
        surface.push_opacity(NormalizedF32::new(opacity).unwrap_or(NormalizedF32::ONE));
    }
    for node in g.children() {
        match node {
            usvg::Node::Group(child) => group(surface, child, tint),
            usvg::Node::Path(p) if p.is_visible() => path(surface, p, tint),
            _ => {}
        }
    }
    if opacity < 1.0 {
        surface.pop();
    }
    surface.pop();
}

fn ink(paint: &usvg::Paint, tint: Option<Color>) -> krilla::paint::Paint {
    let c = match (tint, paint) {
        (Some(t), _) => t,
        (None, usvg::Paint::Color(c)) => Color::rgb(c.red, c.green, c.blue),
        // Ruled out by `drawable`.
        (None, _) => Color::BLACK,
    };
    let pct = |v: u8| ((v.min(100) as u32 * 255 + 50) / 100) as u8;
    let [cy, m, y, k] = c.ink();
    krilla::color::cmyk::Color::new(pct(cy), pct(m), pct(y), pct(k)).into()
}

fn path(surface: &mut Surface, p: &usvg::Path, tint: Option<Color>) {
    let mut pb = PathBuilder::new();
    for seg in p.data().segments() {
        use usvg::tiny_skia_path::PathSegment as S;
        match seg {
            S::MoveTo(a) => pb.move_to(a.x, a.y),
            S::LineTo(a) => pb.line_to(a.x, a.y),
            S::QuadTo(a, b) => pb.quad_to(a.x, a.y, b.x, b.y),
            S::CubicTo(a, b, c) => pb.cubic_to(a.x, a.y, b.x, b.y, c.x, c.y),
            S::Close => pb.close(),
        }
    }
    let Some(shape) = pb.finish() else { return };
    let fill = p.fill().map(|f| Fill {
        paint: ink(f.paint(), tint),
        opacity: NormalizedF32::new(f.opacity().get()).unwrap_or(NormalizedF32::ONE),
        rule: match f.rule() {
            usvg::FillRule::NonZero => FillRule::NonZero,
            usvg::FillRule::EvenOdd => FillRule::EvenOdd,
        },
    });
    let stroke = p.stroke().map(|s| Stroke {
        paint: ink(s.paint(), tint),
        width: s.width().get(),
        miter_limit: s.miterlimit().get(),
        line_cap: match s.linecap() {
            usvg::LineCap::Butt => LineCap::Butt,
            usvg::LineCap::Round => LineCap::Round,
            usvg::LineCap::Square => LineCap::Square,
        },
        line_join: match s.linejoin() {
            usvg::LineJoin::Round => LineJoin::Round,
            usvg::LineJoin::Bevel => LineJoin::Bevel,
            usvg::LineJoin::Miter | usvg::LineJoin::MiterClip => LineJoin::Miter,
        },
        opacity: NormalizedF32::new(s.opacity().get()).unwrap_or(NormalizedF32::ONE),
        dash: s.dasharray().map(|a| StrokeDash {
            array: a.to_vec(),
            offset: s.dashoffset(),
        }),
    });
    let order = p.paint_order();
    let paints = if order == usvg::PaintOrder::StrokeAndFill {
        [(None, stroke), (fill, None)]
    } else {
        [(fill, None), (None, stroke)]
    };
    for (f, s) in paints {
        if f.is_none() && s.is_none() {
            continue;
        }
        surface.set_fill(f);
        surface.set_stroke(s);
        surface.draw_path(&shape);
    }
    surface.set_fill(None);
    surface.set_stroke(None);
}
