//! A publisher's accent colour (`data-accent`) read to sRGB, and the colours
//! the widget derives from it so that text keeps WCAG contrast (1.4.3:
//! 4.5:1 for text) in the theme it is shown in: the text written on an
//! accent fill (a primary button) and text written in the accent colour
//! (links, summaries, secondary buttons) on the theme's background and panel.
//!
//! Read exactly: `#rgb`, `#rgba`, `#rrggbb`, `#rrggbbaa`, `rgb()`/`rgba()`,
//! `hsl()`/`hsla()`, `hwb()`, `oklab()`, `oklch()` (outside sRGB, each
//! channel is clipped to 0..=1) and the colour names of [`NAMES`]. Other
//! forms (`lab()`, `lch()`, names outside the table, `currentcolor`) are
//! refused with a message listing these, since their contrast could not be
//! checked. A colour with alpha is composited over the theme's background,
//! as the browser shows it. Every derived colour is written back as opaque
//! `#rrggbb`, so what the browser paints is exactly what was checked.
//! Publishers who set `--tw-bg` or `--tw-panel` themselves are checked
//! against the widget's default backgrounds below, not theirs.

use std::str::FromStr;

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

/// An opaque sRGB colour, 8 bits a channel.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

/// An sRGB colour with its alpha (0 to 1) as written.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rgba {
    pub rgb: Rgb,
    pub alpha: f64,
}

/// WCAG 1.4.3: text against what is behind it.
pub const TEXT_CONTRAST: f64 = 4.5;

const WHITE: Rgb = Rgb(0xff, 0xff, 0xff);
const BLACK: Rgb = Rgb(0, 0, 0);

/// The backgrounds accent-coloured text sits on, per theme (style.css:
/// `--bg` and `--panel` of `.tw` and of the dark palette).
pub const LIGHT_BACKGROUNDS: [Rgb; 2] = [Rgb(0xff, 0xff, 0xff), Rgb(0xf6, 0xf6, 0xf3)];
pub const DARK_BACKGROUNDS: [Rgb; 2] = [Rgb(0x17, 0x18, 0x1c), Rgb(0x1f, 0x21, 0x27)];

/// The colours of one theme derived from the accent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ThemeAccent {
    /// The accent as a fill (primary button, checked boxes).
    pub fill: Rgb,
    /// Text written on [`Self::fill`].
    pub on_fill: Rgb,
    /// Text and focus rings in the accent colour on the theme's backgrounds.
    pub text: Rgb,
}

/// The accent's colours in the light and in the dark theme.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AccentPalette {
    /// The fill is the publisher's colour; text in it is darkened until it
    /// reads on the light background and panel.
    pub light: ThemeAccent,
    /// The fill and text are the colour lightened until it reads on the
    /// dark background and panel (a dark brand colour on near-black would
    /// otherwise vanish), with dark text on the fill.
    pub dark: ThemeAccent,
}

/// The palette of an accent written as CSS (see the module for the forms).
pub fn accent_palette(css: &str) -> Result<AccentPalette, String> {
    let colour = parse(css)?;
    let [light_bg, _] = LIGHT_BACKGROUNDS;
    let [dark_bg, _] = DARK_BACKGROUNDS;
    let light_fill = over(colour, light_bg);
    let light_text = readable_on(light_fill, &LIGHT_BACKGROUNDS, BLACK);
    let dark_fill = readable_on(over(colour, dark_bg), &DARK_BACKGROUNDS, WHITE);
    Ok(AccentPalette {
        light: ThemeAccent {
            fill: light_fill,
            on_fill: text_on(light_fill),
            text: light_text,
        },
        dark: ThemeAccent {
            fill: dark_fill,
            on_fill: text_on(dark_fill),
            text: dark_fill,
        },
    })
}

/// White text on `fill` when it reaches 4.5:1, otherwise black, which then
/// always does: white fails only above a relative luminance of 0.183,
/// where black gives more than 4.67:1.
pub fn text_on(fill: Rgb) -> Rgb {
    if contrast(WHITE, fill) >= TEXT_CONTRAST {
        WHITE
    } else {
        BLACK
    }
}

/// `colour` mixed towards `towards` (black or white) in steps of 1/255
/// until it has 4.5:1 against every one of `backgrounds`; unchanged when it
/// already has. Mixing towards black keeps the hue; towards white it pales.
pub fn readable_on(colour: Rgb, backgrounds: &[Rgb], towards: Rgb) -> Rgb {
    (0..=255_u16)
        .map(|step| mix(colour, towards, f64::from(step) / 255.0))
        .find(|c| {
            backgrounds
                .iter()
                .all(|bg| contrast(*c, *bg) >= TEXT_CONTRAST)
        })
        .unwrap_or(towards)
}

/// WCAG 2 relative luminance of an sRGB colour.
pub fn luminance(c: Rgb) -> f64 {
    let channel = |v: u8| {
        let s = f64::from(v) / 255.0;
        if s <= 0.04045 {
            s / 12.92
        } else {
            ((s + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * channel(c.0) + 0.7152 * channel(c.1) + 0.0722 * channel(c.2)
}

/// WCAG 2 contrast ratio, 1 to 21, either order.
pub fn contrast(a: Rgb, b: Rgb) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

/// `#rrggbb`.
pub fn hex(c: Rgb) -> String {
    format!("#{:02x}{:02x}{:02x}", c.0, c.1, c.2)
}

fn channel_u8(v: f64) -> u8 {
    // Clamped first, so the cast neither wraps nor saturates by surprise.
    (v.clamp(0.0, 1.0) * 255.0).round() as u8
}

fn mix(a: Rgb, b: Rgb, t: f64) -> Rgb {
    let m = |x: u8, y: u8| {
        let (x, y) = (f64::from(x), f64::from(y));
        channel_u8((x + (y - x) * t) / 255.0)
    };
    Rgb(m(a.0, b.0), m(a.1, b.1), m(a.2, b.2))
}

/// `c` painted over `bg` (source-over in sRGB, as browsers composite).
fn over(c: Rgba, bg: Rgb) -> Rgb {
    mix(bg, c.rgb, c.alpha.clamp(0.0, 1.0))
}

/// Colour names read exactly: CSS's sixteen basic names and the common
/// ones publishers write. A name outside it is refused, not guessed.
pub const NAMES: &[(&str, Rgb)] = &[
    ("black", Rgb(0x00, 0x00, 0x00)),
    ("silver", Rgb(0xc0, 0xc0, 0xc0)),
    ("gray", Rgb(0x80, 0x80, 0x80)),
    ("grey", Rgb(0x80, 0x80, 0x80)),
    ("white", Rgb(0xff, 0xff, 0xff)),
    ("maroon", Rgb(0x80, 0x00, 0x00)),
    ("red", Rgb(0xff, 0x00, 0x00)),
    ("purple", Rgb(0x80, 0x00, 0x80)),
    ("fuchsia", Rgb(0xff, 0x00, 0xff)),
    ("magenta", Rgb(0xff, 0x00, 0xff)),
    ("green", Rgb(0x00, 0x80, 0x00)),
    ("lime", Rgb(0x00, 0xff, 0x00)),
    ("olive", Rgb(0x80, 0x80, 0x00)),
    ("yellow", Rgb(0xff, 0xff, 0x00)),
    ("navy", Rgb(0x00, 0x00, 0x80)),
    ("blue", Rgb(0x00, 0x00, 0xff)),
    ("teal", Rgb(0x00, 0x80, 0x80)),
    ("aqua", Rgb(0x00, 0xff, 0xff)),
    ("cyan", Rgb(0x00, 0xff, 0xff)),
    ("orange", Rgb(0xff, 0xa5, 0x00)),
    ("darkorange", Rgb(0xff, 0x8c, 0x00)),
    ("orangered", Rgb(0xff, 0x45, 0x00)),
    ("tomato", Rgb(0xff, 0x63, 0x47)),
    ("coral", Rgb(0xff, 0x7f, 0x50)),
    ("crimson", Rgb(0xdc, 0x14, 0x3c)),
    ("firebrick", Rgb(0xb2, 0x22, 0x22)),
    ("darkred", Rgb(0x8b, 0x00, 0x00)),
    ("brown", Rgb(0xa5, 0x2a, 0x2a)),
    ("chocolate", Rgb(0xd2, 0x69, 0x1e)),
    ("gold", Rgb(0xff, 0xd7, 0x00)),
    ("darkgreen", Rgb(0x00, 0x64, 0x00)),
    ("forestgreen", Rgb(0x22, 0x8b, 0x22)),
    ("seagreen", Rgb(0x2e, 0x8b, 0x57)),
    ("darkblue", Rgb(0x00, 0x00, 0x8b)),
    ("midnightblue", Rgb(0x19, 0x19, 0x70)),
    ("royalblue", Rgb(0x41, 0x69, 0xe1)),
    ("steelblue", Rgb(0x46, 0x82, 0xb4)),
    ("dodgerblue", Rgb(0x1e, 0x90, 0xff)),
    ("indigo", Rgb(0x4b, 0x00, 0x82)),
    ("rebeccapurple", Rgb(0x66, 0x33, 0x99)),
    ("deeppink", Rgb(0xff, 0x14, 0x93)),
    ("hotpink", Rgb(0xff, 0x69, 0xb4)),
    ("slategray", Rgb(0x70, 0x80, 0x90)),
    ("slategrey", Rgb(0x70, 0x80, 0x90)),
];

/// A CSS colour to sRGB with alpha; the error says what is read.
pub fn parse(css: &str) -> Result<Rgba, String> {
    const FORMS: &str = "write it as #rrggbb, rgb(), hsl(), hwb(), oklab(), oklch() or a common colour name such as teal or navy";
    let lower = css.trim().to_ascii_lowercase();
    let opaque = |rgb| Rgba { rgb, alpha: 1.0 };
    if let Some(digits) = lower.strip_prefix('#') {
        return parse_hex(digits).ok_or_else(|| format!("\"{css}\" is not a hex colour; {FORMS}."));
    }
    if let Some((function, rest)) = lower.split_once('(') {
        let args = rest
            .strip_suffix(')')
            .ok_or_else(|| format!("\"{css}\" lacks its closing parenthesis; {FORMS}."))?;
        let parsed = match function.trim() {
            "rgb" | "rgba" => parse_args(args).and_then(rgb_function),
            "hsl" | "hsla" => parse_args(args).and_then(hsl_function),
            "hwb" => parse_args(args).and_then(hwb_function),
            "oklab" => parse_args(args).and_then(oklab_function),
            "oklch" => parse_args(args).and_then(oklch_function),
            other => {
                return Err(format!(
                    "the contrast of {other}() colours is not checked; {FORMS}."
                ))
            }
        };
        return parsed
            .ok_or_else(|| format!("\"{css}\" is not a colour tokenworth reads; {FORMS}."));
    }
    NAMES
        .iter()
        .find(|(name, _)| *name == lower)
        .map(|(_, rgb)| opaque(*rgb))
        .ok_or_else(|| format!("\"{css}\" is not a colour name tokenworth knows; {FORMS}."))
}

fn parse_hex(digits: &str) -> Option<Rgba> {
    if !digits.chars().all(|c| c.is_ascii_hexdigit()) {
        return None;
    }
    let nibble = |i: usize| {
        let v = u8::from_str_radix(digits.get(i..=i)?, 16).ok()?;
        Some(v * 17)
    };
    let byte = |i: usize| u8::from_str_radix(digits.get(i..i + 2)?, 16).ok();
    let (r, g, b, a) = match digits.len() {
        3 => (nibble(0)?, nibble(1)?, nibble(2)?, 255),
        4 => (nibble(0)?, nibble(1)?, nibble(2)?, nibble(3)?),
        6 => (byte(0)?, byte(2)?, byte(4)?, 255),
        8 => (byte(0)?, byte(2)?, byte(4)?, byte(6)?),
        _ => return None,
    };
    Some(Rgba {
        rgb: Rgb(r, g, b),
        alpha: f64::from(a) / 255.0,
    })
}

/// One argument of a colour function.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Arg {
    Number(f64),
    Percent(f64),
    /// An angle in degrees (`deg` or a bare hue number).
    Degrees(f64),
}

/// A finite CSS number (`12`, `-0.5`, `.5`, `1e3`). Not `str::parse::<f64>`:
/// for these colours alone that linked core's float parser and its tables
/// into the app (~9 KB of wasm); the digits go through rust_decimal, which
/// the model links anyway.
fn css_number(text: &str) -> Option<f64> {
    let (mantissa, exponent) = match text.split_once(['e', 'E']) {
        Some((m, e)) => (m, e.parse::<i32>().ok()?),
        None => (text, 0),
    };
    let plain = |b: u8| b.is_ascii_digit() || matches!(b, b'.' | b'+' | b'-');
    if !mantissa.bytes().all(plain) {
        return None;
    }
    let value = Decimal::from_str(mantissa).ok()?.to_f64()? * 10f64.powi(exponent);
    value.is_finite().then_some(value)
}

/// Up to three channels and an optional alpha, comma or space separated
/// (`rgb(1, 2, 3, 0.5)`, `rgb(1 2 3 / 50%)`); `none` reads as 0.
fn parse_args(args: &str) -> Option<(Vec<Arg>, Option<Arg>)> {
    let (channels, alpha) = match args.split_once('/') {
        Some((c, a)) => (c, Some(a)),
        None => (args, None),
    };
    let read = |token: &str| -> Option<Arg> {
        let token = token.trim();
        if token == "none" {
            return Some(Arg::Number(0.0));
        }
        if let Some(n) = token.strip_suffix('%') {
            return css_number(n).map(Arg::Percent);
        }
        if let Some(n) = token.strip_suffix("deg") {
            return css_number(n).map(Arg::Degrees);
        }
        css_number(token).map(Arg::Number)
    };
    let mut list = channels
        .split([',', ' '])
        .filter(|t| !t.trim().is_empty())
        .map(read)
        .collect::<Option<Vec<Arg>>>()?;
    let alpha = match alpha {
        Some(a) => Some(read(a)?),
        None if list.len() == 4 => list.pop(),
        None => None,
    };
    (list.len() == 3).then_some((list, alpha))
}

fn alpha_of(alpha: Option<Arg>) -> Option<f64> {
    match alpha {
        None => Some(1.0),
        Some(Arg::Number(v)) => Some(v.clamp(0.0, 1.0)),
        Some(Arg::Percent(p)) => Some((p / 100.0).clamp(0.0, 1.0)),
        Some(Arg::Degrees(_)) => None,
    }
}

fn three(list: &[Arg]) -> Option<(Arg, Arg, Arg)> {
    match list {
        [a, b, c] => Some((*a, *b, *c)),
        _ => None,
    }
}

fn rgb_function((list, alpha): (Vec<Arg>, Option<Arg>)) -> Option<Rgba> {
    let (r, g, b) = three(&list)?;
    let unit = |a: Arg| match a {
        Arg::Number(v) => Some(v / 255.0),
        Arg::Percent(p) => Some(p / 100.0),
        Arg::Degrees(_) => None,
    };
    Some(Rgba {
        rgb: Rgb(
            channel_u8(unit(r)?),
            channel_u8(unit(g)?),
            channel_u8(unit(b)?),
        ),
        alpha: alpha_of(alpha)?,
    })
}

fn hue(a: Arg) -> Option<f64> {
    match a {
        Arg::Number(v) | Arg::Degrees(v) => Some(v.rem_euclid(360.0)),
        Arg::Percent(_) => None,
    }
}

/// A percentage (or, in the modern syntax, a bare number of percent) as 0..=1.
fn fraction(a: Arg) -> Option<f64> {
    match a {
        Arg::Number(v) | Arg::Percent(v) => Some((v / 100.0).clamp(0.0, 1.0)),
        Arg::Degrees(_) => None,
    }
}

/// HSL to sRGB channels 0..=1 (CSS Color 4, `hslToRgb`).
fn hsl_to_rgb(h: f64, s: f64, l: f64) -> [f64; 3] {
    let f = |n: f64| {
        let k = (n + h / 30.0) % 12.0;
        let a = s * l.min(1.0 - l);
        l - a * (k - 3.0).min(9.0 - k).clamp(-1.0, 1.0)
    };
    [f(0.0), f(8.0), f(4.0)]
}

fn to_rgb([r, g, b]: [f64; 3]) -> Rgb {
    Rgb(channel_u8(r), channel_u8(g), channel_u8(b))
}

fn hsl_function((list, alpha): (Vec<Arg>, Option<Arg>)) -> Option<Rgba> {
    let (h, s, l) = three(&list)?;
    Some(Rgba {
        rgb: to_rgb(hsl_to_rgb(hue(h)?, fraction(s)?, fraction(l)?)),
        alpha: alpha_of(alpha)?,
    })
}

/// HWB to sRGB (CSS Color 4, `hwbToRgb`).
fn hwb_function((list, alpha): (Vec<Arg>, Option<Arg>)) -> Option<Rgba> {
    let (h, w, b) = three(&list)?;
    let (h, w, b) = (hue(h)?, fraction(w)?, fraction(b)?);
    let rgb = if w + b >= 1.0 {
        let grey = w / (w + b);
        [grey; 3]
    } else {
        hsl_to_rgb(h, 1.0, 0.5).map(|c| c * (1.0 - w - b) + w)
    };
    Some(Rgba {
        rgb: to_rgb(rgb),
        alpha: alpha_of(alpha)?,
    })
}

/// OKLab lightness: 0..=1 or a percentage.
fn ok_lightness(a: Arg) -> Option<f64> {
    match a {
        Arg::Number(v) => Some(v.clamp(0.0, 1.0)),
        Arg::Percent(p) => Some((p / 100.0).clamp(0.0, 1.0)),
        Arg::Degrees(_) => None,
    }
}

/// An OKLab axis or chroma: a number, or a percentage of 0.4.
fn ok_axis(a: Arg) -> Option<f64> {
    match a {
        Arg::Number(v) => Some(v),
        Arg::Percent(p) => Some(p / 100.0 * 0.4),
        Arg::Degrees(_) => None,
    }
}

/// OKLab to gamma-encoded sRGB 0..=1 (Björn Ottosson's matrices, as in CSS
/// Color 4), each channel clipped to 0..=1 outside the sRGB gamut.
fn oklab_to_rgb(l: f64, a: f64, b: f64) -> Rgb {
    let l_ = (l + 0.396_337_777_4 * a + 0.215_803_757_3 * b).powi(3);
    let m_ = (l - 0.105_561_345_8 * a - 0.063_854_172_8 * b).powi(3);
    let s_ = (l - 0.089_484_177_5 * a - 1.291_485_548_0 * b).powi(3);
    let linear = [
        4.076_741_662_1 * l_ - 3.307_711_591_3 * m_ + 0.230_969_929_2 * s_,
        -1.268_438_004_6 * l_ + 2.609_757_401_1 * m_ - 0.341_319_396_5 * s_,
        -0.004_196_086_3 * l_ - 0.703_418_614_7 * m_ + 1.707_614_701_0 * s_,
    ];
    let encode = |c: f64| {
        let c = c.clamp(0.0, 1.0);
        if c <= 0.003_130_8 {
            12.92 * c
        } else {
            1.055 * c.powf(1.0 / 2.4) - 0.055
        }
    };
    to_rgb(linear.map(encode))
}

fn oklab_function((list, alpha): (Vec<Arg>, Option<Arg>)) -> Option<Rgba> {
    let (l, a, b) = three(&list)?;
    Some(Rgba {
        rgb: oklab_to_rgb(ok_lightness(l)?, ok_axis(a)?, ok_axis(b)?),
        alpha: alpha_of(alpha)?,
    })
}

fn oklch_function((list, alpha): (Vec<Arg>, Option<Arg>)) -> Option<Rgba> {
    let (l, c, h) = three(&list)?;
    let (c, (cos, sin)) = (ok_axis(c)?.max(0.0), cos_sin_degrees(hue(h)?));
    Some(Rgba {
        rgb: oklab_to_rgb(ok_lightness(l)?, c * cos, c * sin),
        alpha: alpha_of(alpha)?,
    })
}

/// The cosine and sine of a hue in degrees (0 to 360). Not `f64::cos` and
/// `sin`: their reduction of any f64 argument (libm's rem_pio2) was 5 KB of
/// the app's wasm for this one use. The angle is taken to within 45° of a
/// right angle, where the series below (to x¹² for the cosine, x¹¹ for the
/// sine) is off by less than 1e-11, far below a channel's 1/255.
fn cos_sin_degrees(degrees: f64) -> (f64, f64) {
    let quarter = (degrees / 90.0).round();
    let x = (degrees - 90.0 * quarter).to_radians();
    let x2 = x * x;
    let term = |k: f64| x2 / (k * (k + 1.0));
    let sin = x
        * (1.0
            - term(2.0)
                * (1.0 - term(4.0) * (1.0 - term(6.0) * (1.0 - term(8.0) * (1.0 - term(10.0))))));
    let cos = 1.0
        - term(1.0)
            * (1.0
                - term(3.0)
                    * (1.0
                        - term(5.0) * (1.0 - term(7.0) * (1.0 - term(9.0) * (1.0 - term(11.0))))));
    match (quarter as i64).rem_euclid(4) {
        0 => (cos, sin),
        1 => (-sin, cos),
        2 => (-cos, -sin),
        _ => (sin, -cos),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The WCAG 2 contrast written out again from the definition
    /// (https://www.w3.org/TR/WCAG22/#dfn-relative-luminance), independent of
    /// the code under test: 8-bit channel -> sRGB -> linear -> luminance.
    fn wcag_contrast(a: Rgb, b: Rgb) -> f64 {
        fn lin(v: u8) -> f64 {
            let s = v as f64 / 255.0;
            if s <= 0.04045 {
                s / 12.92
            } else {
                ((s + 0.055) / 1.055).powf(2.4)
            }
        }
        fn lum(c: Rgb) -> f64 {
            0.2126 * lin(c.0) + 0.7152 * lin(c.1) + 0.0722 * lin(c.2)
        }
        let (x, y) = (lum(a) + 0.05, lum(b) + 0.05);
        if x > y {
            x / y
        } else {
            y / x
        }
    }

    fn rgb(css: &str) -> Rgb {
        parse(css).map(|c| c.rgb).unwrap()
    }

    #[test]
    fn contrast_of_known_pairs() {
        // Black on white is 21:1 and a colour against itself 1:1 by
        // definition; #767676 on white is the grey WebAIM lists at 4.54:1.
        for (a, b, want) in [
            (BLACK, WHITE, 21.0),
            (Rgb(0x77, 0x77, 0x77), Rgb(0x77, 0x77, 0x77), 1.0),
            (Rgb(0x76, 0x76, 0x76), WHITE, 4.54),
        ] {
            assert!((contrast(a, b) - want).abs() < 0.005, "{a:?} {b:?}");
            assert!((wcag_contrast(a, b) - want).abs() < 0.005, "{a:?} {b:?}");
        }
    }

    #[test]
    fn reads_the_common_forms() {
        for (css, want) in [
            ("#c2410c", Rgb(0xc2, 0x41, 0x0c)),
            ("#C2410C", Rgb(0xc2, 0x41, 0x0c)),
            ("#abc", Rgb(0xaa, 0xbb, 0xcc)),
            ("#abcd", Rgb(0xaa, 0xbb, 0xcc)),
            ("#0b6e4f80", Rgb(0x0b, 0x6e, 0x4f)),
            ("teal", Rgb(0x00, 0x80, 0x80)),
            ("rgb(11 110 79)", Rgb(11, 110, 79)),
            ("rgb(11, 110, 79)", Rgb(11, 110, 79)),
            ("rgba(11,110,79,0.5)", Rgb(11, 110, 79)),
            ("rgb(100% 50% 0% / 40%)", Rgb(255, 128, 0)),
            // hsl(120, 100%, 25%) is CSS's "green", #008000.
            ("hsl(120, 100%, 25%)", Rgb(0, 128, 0)),
            ("hsl(0deg 100% 50%)", Rgb(255, 0, 0)),
            ("hsla(240, 100%, 50%, 0.3)", Rgb(0, 0, 255)),
            // hwb(0 0% 0%) is pure red; equal whiteness and blackness a grey.
            ("hwb(0 0% 0%)", Rgb(255, 0, 0)),
            ("hwb(90 50% 50%)", Rgb(128, 128, 128)),
            // White and black in OKLab; oklch(62.8% 0.2577 29.23) is the
            // OKLCH of sRGB red given in CSS Color 4's examples.
            ("oklab(1 0 0)", WHITE),
            ("oklch(0% 0 0)", BLACK),
            ("oklch(62.8% 0.2577 29.23)", Rgb(255, 0, 0)),
        ] {
            assert_eq!(rgb(css), want, "{css}");
        }
        assert_eq!(parse("#0b6e4f80").map(|c| c.alpha), Ok(128.0 / 255.0));
        assert_eq!(parse("rgb(1 2 3 / 40%)").map(|c| c.alpha), Ok(0.4));
    }

    #[test]
    fn refuses_what_it_cannot_read_and_says_what_it_reads() {
        for css in [
            "lab(50% 40 30)",
            "lch(50% 40 30)",
            "rebeccablue",
            "currentcolor",
            "#ab",
            "#ggg",
            "rgb(1 2)",
            "rgb(1 2 3",
            "hsl(10% 20% 30%)",
        ] {
            let e = parse(css).err().unwrap_or_default();
            assert!(e.contains("#rrggbb, rgb(), hsl()"), "{css}: {e}");
        }
    }

    /// Table: accent -> the theme colours; every text pair is checked with
    /// the independent formula, on every background of its theme.
    #[test]
    fn every_accent_reads_in_both_themes() {
        for css in [
            "#c2410c", // the demo article's dark orange
            "#2b59c3", // the widget's own blue
            "#0b6e4f",
            "navy",
            "#000",
            "#fff",
            "yellow",
            "#ffd400",
            "#777",
            "hsl(160 80% 24%)",
            "oklch(70% 0.15 250)",
            "#c2410c40", // translucent: composited over the background
        ] {
            let p = accent_palette(css).unwrap();
            for (theme, backgrounds) in [(p.light, LIGHT_BACKGROUNDS), (p.dark, DARK_BACKGROUNDS)] {
                let on = wcag_contrast(theme.on_fill, theme.fill);
                assert!(on >= 4.5, "{css}: text on fill {on:.2}");
                for bg in backgrounds {
                    let text = wcag_contrast(theme.text, bg);
                    assert!(
                        text >= 4.5,
                        "{css}: text {} on {bg:?} {text:.2}",
                        hex(theme.text)
                    );
                }
            }
        }
    }

    #[test]
    fn the_demo_accent_is_kept_in_light_and_lightened_in_dark() {
        // #c2410c: luminance 0.1529 by hand (0.2126 x 0.5395 + 0.7152 x
        // 0.0529 + 0.0722 x 0.0037); on white 1.05 / 0.2029 = 5.18:1, on the
        // light panel a little less, still above 4.5:1: kept as it is, with
        // white text on it. On the dark panel (#1f2127, luminance 0.0152)
        // 0.2029 / 0.0652 = 3.11:1: too dark, so it is lightened.
        let p = accent_palette("#c2410c").unwrap();
        assert_eq!(p.light.fill, Rgb(0xc2, 0x41, 0x0c));
        assert_eq!(p.light.text, Rgb(0xc2, 0x41, 0x0c));
        assert_eq!(p.light.on_fill, WHITE);
        assert!(wcag_contrast(Rgb(0xc2, 0x41, 0x0c), Rgb(0x1f, 0x21, 0x27)) < 4.5);
        assert_ne!(p.dark.fill, Rgb(0xc2, 0x41, 0x0c));
        assert_eq!(p.dark.on_fill, BLACK);
        // Still orange: red stays the largest channel, blue the smallest.
        assert!(
            p.dark.fill.0 > p.dark.fill.1 && p.dark.fill.1 > p.dark.fill.2,
            "{:?}",
            p.dark.fill
        );
    }

    #[test]
    fn a_light_accent_is_darkened_for_text_and_keeps_its_fill() {
        // Yellow on white is 1.07:1; as a fill it takes black text (19.6:1).
        let p = accent_palette("yellow").unwrap();
        assert_eq!(p.light.fill, Rgb(255, 255, 0));
        assert_eq!(p.light.on_fill, BLACK);
        assert_ne!(p.light.text, Rgb(255, 255, 0));
        // Darkening towards black keeps the hue: red = green, no blue.
        assert_eq!(p.light.text.0, p.light.text.1);
        assert_eq!(p.light.text.2, 0);
    }

    /// The numbers of colour functions read as CSS writes them, and
    /// nothing else: what `str::parse::<f64>` accepted before, without it.
    #[test]
    fn css_numbers_in_every_written_form() {
        for (text, value) in [
            ("12", 12.0),
            ("-0.5", -0.5),
            ("+3", 3.0),
            (".5", 0.5),
            ("5.", 5.0),
            ("1e2", 100.0),
            ("2.5E-1", 0.25),
            ("62.8", 62.8),
        ] {
            assert_eq!(css_number(text), Some(value), "{text}");
        }
        for text in [
            "", ".", "e5", "1e", "1_0", "inf", "NaN", "0x10", "1.2.3", "--1", "1e400",
        ] {
            assert_eq!(css_number(text), None, "{text}");
        }
        assert_eq!(parse("rgb(1e2 0 0)").map(|c| c.rgb), Ok(Rgb(100, 0, 0)));
    }

    /// Against the standard library's cos and sin (libm), every quarter
    /// degree of the hue circle.
    #[test]
    fn hue_cosines_and_sines_match_the_standard_library() {
        for step in 0..1440 {
            let degrees = f64::from(step) / 4.0;
            let (cos, sin) = cos_sin_degrees(degrees);
            let r = degrees.to_radians();
            assert!(
                (cos - r.cos()).abs() < 1e-10,
                "cos {degrees}: {cos} vs {}",
                r.cos()
            );
            assert!(
                (sin - r.sin()).abs() < 1e-10,
                "sin {degrees}: {sin} vs {}",
                r.sin()
            );
        }
    }
}
