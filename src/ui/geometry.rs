//! Geometry: amounts as `f64` lengths for charts and sliders (never for a
//! figure shown as text), and `f64` back to text for SVG coordinates and
//! slider attributes, written without core's float formatting (`{:.2}`,
//! `f64::to_string`): those pull Grisu/Dragon into the wasm (about 12 KB)
//! for figures nobody reads as text.

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

/// An amount as a length on a chart or a slider position.
pub fn length(value: Decimal) -> f64 {
    value.to_f64().unwrap_or(0.0)
}

/// `x` rounded to at most `decimals` (0 to 6) decimals, trailing zeros
/// dropped: `svg_num(12.5, 2)` is "12.5", `svg_num(3.0, 2)` is "3", `svg_num(-0.004, 2)`
/// is "0". Not finite is "0"; beyond ±9e15 after scaling, whole units.
pub fn svg_num(x: f64, decimals: u32) -> String {
    if !x.is_finite() {
        return "0".to_string();
    }
    let decimals = decimals.min(6);
    let scale = 10_i64.pow(decimals);
    let scaled = (x * scale as f64).round();
    if scaled.abs() >= 9.0e15 {
        return format!("{}", x.round() as i64);
    }
    let v = scaled as i64;
    let sign = if v < 0 { "-" } else { "" };
    let v = v.unsigned_abs();
    let scale = scale.unsigned_abs();
    let whole = v / scale;
    let mut frac = v % scale;
    let mut digits = decimals as usize;
    while digits > 0 && frac % 10 == 0 {
        frac /= 10;
        digits -= 1;
    }
    if digits == 0 {
        format!("{sign}{whole}")
    } else {
        format!("{sign}{whole}.{frac:0digits$}")
    }
}

/// The `points` of an SVG `<polygon>` drawing the box at (`x`, `y`),
/// `w` × `h`, each number to 2 decimals. Chart bars are polygons, not
/// `<rect>`s: a rect's x, y, width and height are CSS properties in
/// Chromium (SVG 2 geometry properties), so changing them on every edit
/// recalculated the widget's style (0.3-0.9 ms an edit in `make bench`);
/// `points` is a plain attribute.
pub fn box_points(x: f64, y: f64, w: f64, h: f64) -> String {
    let (x0, y0, x1, y1) = (
        svg_num(x, 2),
        svg_num(y, 2),
        svg_num(x + w, 2),
        svg_num(y + h, 2),
    );
    format!("{x0},{y0} {x1},{y0} {x1},{y1} {x0},{y1}")
}

/// The value axis of a chart of money: the smallest step of 1, 2, 2.5 or
/// 5 × 10^n (at least 1) that covers `max` in at most six intervals, and the
/// number of intervals (`max` rounded up to a whole step). Nothing for a max
/// of 0 or less.
pub fn value_axis(max: Decimal) -> Option<(Decimal, u32)> {
    const MAX_INTERVALS: u32 = 6;
    const MANTISSAS: [Decimal; 4] = [
        Decimal::ONE,
        Decimal::TWO,
        Decimal::from_parts(25, 0, 0, false, 1),
        Decimal::from_parts(5, 0, 0, false, 0),
    ];
    if max <= Decimal::ZERO {
        return None;
    }
    let mut power = Decimal::ONE;
    loop {
        for m in MANTISSAS {
            let step = m.checked_mul(power)?;
            let intervals = (max / step).ceil();
            if intervals <= Decimal::from(MAX_INTERVALS) {
                return Some((step, intervals.to_string().parse().ok()?));
            }
        }
        power = power.checked_mul(Decimal::TEN)?;
    }
}

#[cfg(test)]
mod tests {
    use super::{box_points, svg_num, value_axis};
    use rust_decimal::Decimal;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn a_box_is_its_four_corners_clockwise_from_top_left() {
        assert_eq!(
            box_points(10.0, 20.0, 5.5, 100.0),
            "10,20 15.5,20 15.5,120 10,120"
        );
        assert_eq!(
            box_points(0.0, 200.0, 1.0 / 3.0, 0.0),
            "0,200 0.33,200 0.33,200 0,200"
        );
    }

    #[test]
    fn writes_like_fixed_decimals_without_trailing_zeros() {
        assert_eq!(svg_num(12.5, 2), "12.5");
        assert_eq!(svg_num(3.0, 2), "3");
        assert_eq!(svg_num(600.0, 0), "600");
        assert_eq!(svg_num(0.125, 2), "0.13");
        assert_eq!(svg_num(1.005, 1), "1");
        assert_eq!(svg_num(99.996, 2), "100");
        assert_eq!(svg_num(0.05, 2), "0.05");
        assert_eq!(svg_num(-7.25, 2), "-7.25");
        assert_eq!(svg_num(-0.004, 2), "0");
        assert_eq!(svg_num(-10.0, 4), "-10");
        assert_eq!(svg_num(4.1234, 4), "4.1234");
        assert_eq!(svg_num(f64::NAN, 2), "0");
        assert_eq!(svg_num(f64::INFINITY, 2), "0");
        assert_eq!(svg_num(1e20, 2), "9223372036854775807");
    }

    /// Steps worked out by hand: the first of 1, 2, 2.5, 5 × 10^n with at
    /// most six intervals up to the maximum.
    #[test]
    fn value_axis_takes_round_steps() {
        for (max, step, intervals) in [
            // base 375,000 at 3 %, tokens 100,000: year 4 headline
            // 375,000 × 1.03³ + 100,000 = 509,772.625 -> 6 × 100,000.
            ("509772.625", "100000", 6),
            ("750000", "200000", 4),
            ("600000", "100000", 6),
            ("600001", "200000", 4),
            ("1250000", "250000", 5),
            ("3100000", "1000000", 4),
            ("7", "2", 4),
            ("0.4", "1", 1),
            ("13", "2.5", 6),
            ("12", "2", 6),
        ] {
            assert_eq!(value_axis(d(max)), Some((d(step), intervals)), "{max}");
        }
        assert_eq!(value_axis(Decimal::ZERO), None);
        assert_eq!(value_axis(d("-5")), None);
    }
}
