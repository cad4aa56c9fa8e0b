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

#[cfg(test)]
mod tests {
    use super::svg_num;

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
}
