//! Print production decided at layout time: the rich black of large black fills and
//! the white-ink plate of a piece on clear film. Both go into the display list, so the
//! exporters only draw what they are given.

use crate::load::spec::{Design, Medium, Substrate};
use crate::scene::{Item, Rect, WhitePlate};

/// Give black fills (rectangles in `#000000` without print values of their own) the
/// design's rich black. Text never takes it: small type in four inks blurs when the
/// plates are slightly out of register.
pub fn rich_black_fills(items: &mut [Item], rich: [u8; 4]) {
    for item in items {
        if let Item::Rect { color, .. } = item
            && color.cmyk.is_none()
            && (color.r, color.g, color.b) == (0, 0, 0)
        {
            *color = color.with_cmyk(rich);
        }
    }
}

/// The white-ink plate of a print piece on clear film that asks for one
/// (`white_plate = true`): over the whole bleed box, under the artwork, or behind it
/// when the piece is mirrored for second-surface printing. `ink` is the spot colour's
/// name (empty: [`crate::load::kitfile::WHITE_INK`]).
pub fn white_plate(design: &Design, bleed: Rect, ink: &str) -> Option<WhitePlate> {
    let clear = design.medium == Medium::Print && design.substrate == Substrate::Clear;
    (clear && design.white_plate).then(|| WhitePlate {
        ink: if ink.trim().is_empty() {
            crate::load::kitfile::WHITE_INK.to_string()
        } else {
            ink.trim().to_string()
        },
        rect: bleed,
        behind: design.mirror,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::base::units::Color;

    #[test]
    fn only_black_fills_without_print_values_take_the_rich_black() {
        let r = Rect::new(0.0, 0.0, 10.0, 10.0);
        let mut items = vec![
            Item::Rect {
                rect: r,
                color: Color::BLACK,
            },
            Item::Rect {
                rect: r,
                color: Color::BLACK.with_cmyk([0, 0, 0, 100]),
            },
            Item::Rect {
                rect: r,
                color: Color::rgb(0x13, 0x29, 0x4b),
            },
        ];
        rich_black_fills(&mut items, [60, 40, 40, 100]);
        let inks: Vec<[u8; 4]> = items
            .iter()
            .map(|i| match i {
                Item::Rect { color, .. } => color.ink(),
                _ => unreachable!(),
            })
            .collect();
        assert_eq!(inks[0], [60, 40, 40, 100]);
        assert_eq!(inks[1], [0, 0, 0, 100]);
        assert_eq!(inks[2], Color::rgb(0x13, 0x29, 0x4b).ink());
    }
}
