//! Where two previews of a piece differ: the version last approved and the version now,
//! drawn at the same width. Pixels that differ by more than a tolerance are gathered in
//! cells, neighbouring changed cells grouped, and the groups returned as a few boxes
//! (in percent of the image, for an SVG overlay with `viewBox="0 0 100 100"`).

/// A changed area, in percent of the image's width and height.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Area {
    /// Left edge.
    pub x: f32,
    /// Top edge.
    pub y: f32,
    /// Width.
    pub w: f32,
    /// Height.
    pub h: f32,
}

impl Area {
    /// Where it is, in words: "top left", "middle", "bottom right"...
    pub fn place(&self) -> String {
        let third = |c: f32, a: &'static str, b: &'static str, m: &'static str| {
            if c < 100.0 / 3.0 {
                a
            } else if c > 200.0 / 3.0 {
                b
            } else {
                m
            }
        };
        let v = third(self.y + self.h / 2.0, "top", "bottom", "middle");
        let h = third(self.x + self.w / 2.0, "left", "right", "centre");
        if self.w > 66.0 && self.h > 66.0 {
            "most of the page".into()
        } else if self.w > 66.0 {
            format!("across the {v}")
        } else if v == "middle" && h == "centre" {
            "middle".into()
        } else {
            format!("{v} {h}")
        }
    }
}

/// Side of a cell in pixels.
const CELL: u32 = 8;
/// A channel differing by more than this counts as changed (anti-aliasing does not).
const TOLERANCE: u8 = 40;
/// Most areas returned; closer ones are merged until there are this few.
const MOST: usize = 6;

/// The changed areas between two PNG images (empty when they look the same). Images
/// of different sizes differ as a whole.
pub fn changed_areas(before: &[u8], after: &[u8]) -> Result<Vec<Area>, String> {
    let a = image::load_from_memory(before)
        .map_err(|e| format!("the approved image cannot be read: {e}"))?
        .to_rgba8();
    let b = image::load_from_memory(after)
        .map_err(|e| format!("the preview cannot be read: {e}"))?
        .to_rgba8();
    if a.dimensions() != b.dimensions() {
        return Ok(vec![Area {
            x: 0.0,
            y: 0.0,
            w: 100.0,
            h: 100.0,
        }]);
    }
    let (w, h) = a.dimensions();
    let (cw, ch) = (w.div_ceil(CELL), h.div_ceil(CELL));
    let mut changed = vec![false; (cw * ch) as usize];
    for (x, y, p) in a.enumerate_pixels() {
        let q = b.get_pixel(x, y);
        if p.0
            .iter()
            .zip(q.0.iter())
            .any(|(m, n)| m.abs_diff(*n) > TOLERANCE)
        {
            changed[((y / CELL) * cw + x / CELL) as usize] = true;
        }
    }
    // Group changed cells that touch (or nearly: one cell apart) into boxes of cells.
    let mut seen = vec![false; changed.len()];
    let mut boxes: Vec<[u32; 4]> = Vec::new();
    for start in 0..changed.len() {
        if !changed[start] || seen[start] {
            continue;
        }
        seen[start] = true;
        let mut stack = vec![start];
        let (mut x0, mut y0, mut x1, mut y1) = (u32::MAX, u32::MAX, 0, 0);
        while let Some(i) = stack.pop() {
            let (cx, cy) = (i as u32 % cw, i as u32 / cw);
            (x0, y0, x1, y1) = (x0.min(cx), y0.min(cy), x1.max(cx), y1.max(cy));
            for ny in cy.saturating_sub(2)..=(cy + 2).min(ch - 1) {
                for nx in cx.saturating_sub(2)..=(cx + 2).min(cw - 1) {
                    let j = (ny * cw + nx) as usize;
                    if changed[j] && !seen[j] {
                        seen[j] = true;
                        stack.push(j);
                    }
                }
            }
        }
        boxes.push([x0, y0, x1 + 1, y1 + 1]);
    }
    while boxes.len() > MOST {
        merge_closest(&mut boxes);
    }
    let pct = |v: u32, total: u32| ((v * CELL).min(total) as f32 * 100.0 / total as f32);
    Ok(boxes
        .into_iter()
        .map(|[x0, y0, x1, y1]| {
            let (x, y) = (pct(x0, w), pct(y0, h));
            Area {
                x,
                y,
                w: pct(x1, w) - x,
                h: pct(y1, h) - y,
            }
        })
        .collect())
}

/// Merge the two boxes whose union is smallest.
fn merge_closest(boxes: &mut Vec<[u32; 4]>) {
    let union = |a: [u32; 4], b: [u32; 4]| {
        [
            a[0].min(b[0]),
            a[1].min(b[1]),
            a[2].max(b[2]),
            a[3].max(b[3]),
        ]
    };
    let area = |r: [u32; 4]| u64::from(r[2] - r[0]) * u64::from(r[3] - r[1]);
    let mut best = (0, 1, u64::MAX);
    for i in 0..boxes.len() {
        for j in i + 1..boxes.len() {
            let a = area(union(boxes[i], boxes[j]));
            if a < best.2 {
                best = (i, j, a);
            }
        }
    }
    let merged = union(boxes[best.0], boxes[best.1]);
    boxes.remove(best.1);
    boxes[best.0] = merged;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn png(w: u32, h: u32, dot: Option<(u32, u32)>) -> Vec<u8> {
        let mut img = image::RgbaImage::from_pixel(w, h, image::Rgba([255, 255, 255, 255]));
        if let Some((x, y)) = dot {
            for dy in 0..10 {
                for dx in 0..10 {
                    img.put_pixel(x + dx, y + dy, image::Rgba([0, 0, 0, 255]));
                }
            }
        }
        let mut out = std::io::Cursor::new(Vec::new());
        img.write_to(&mut out, image::ImageFormat::Png).unwrap();
        out.into_inner()
    }

    #[test]
    fn same_images_have_no_areas() {
        assert!(
            changed_areas(&png(80, 80, None), &png(80, 80, None))
                .unwrap()
                .is_empty()
        );
    }

    #[test]
    fn a_changed_spot_is_boxed_where_it_is() {
        let areas = changed_areas(&png(200, 200, None), &png(200, 200, Some((150, 10)))).unwrap();
        assert_eq!(areas.len(), 1);
        let a = areas[0];
        assert!(a.x <= 75.0 && a.x + a.w >= 80.0 && a.y <= 5.0, "{a:?}");
        assert!(a.w < 20.0 && a.h < 20.0, "{a:?}");
        assert_eq!(a.place(), "top right");
    }

    #[test]
    fn many_spots_become_a_few_boxes() {
        let mut img = image::RgbaImage::from_pixel(400, 400, image::Rgba([255; 4]));
        for k in 0..10 {
            img.put_pixel(k * 40 + 5, k * 40 + 5, image::Rgba([0, 0, 0, 255]));
        }
        let mut out = std::io::Cursor::new(Vec::new());
        img.write_to(&mut out, image::ImageFormat::Png).unwrap();
        let areas = changed_areas(&png(400, 400, None), &out.into_inner()).unwrap();
        assert_eq!(areas.len(), MOST);
    }
}
