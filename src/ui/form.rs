//! The calculator's form state: the last valid scenario, what the reader
//! typed in each field, and each field's error. Pure (no web), so it is
//! tested natively as well as through the components.
//!
//! On each keystroke the field's text goes through `codec::parse_value`; a
//! value that parses is set on a copy of the scenario, which becomes the
//! scenario only when `model::project` accepts it. Otherwise the field keeps
//! the text and an error, and the results keep showing the last valid
//! scenario (marked stale while any field is in error).

use std::collections::BTreeMap;
use std::rc::Rc;

use crate::codec::{self, money::NumberStyle, FieldError, Parsed};
use crate::lang::Lang;
use crate::model::input::RangeProblem;
use crate::model::input::{FieldId, FullKey, Kind, Offer, Side};
use crate::model::{project, Projection, Scenario, Value};
use crate::ui::words;

/// A text box of the form: a field, or an offer's token budget typed as a
/// percent of its base salary.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Entry {
    Field(FullKey),
    TokensPercentOfBase(Side),
}

fn side_index(side: Side) -> usize {
    match side {
        Side::A => 0,
        Side::B => 1,
    }
}

fn tokens_key(side: Side) -> FullKey {
    FullKey::of(side, FieldId::Tokens)
}

/// The calculator's state.
#[derive(Debug, Clone, PartialEq)]
pub struct Form {
    /// The last scenario that parsed and computed.
    pub scenario: Scenario,
    /// Its projection (always `Ok` for a scenario kept here, but the model
    /// is asked, not assumed).
    pub projection: Result<Rc<Projection>, String>,
    /// Text typed in a box and not yet settled (being edited, or bad).
    texts: BTreeMap<Entry, String>,
    /// Why each field in error is (the "% of base" box reports on its
    /// offer's token budget); `ui::words` words it for the reader.
    errors: BTreeMap<FullKey, FieldProblem>,
    /// Token budget typed as a percent of base, per offer.
    pct_mode: [bool; 2],
    /// What the link had that could not be applied, and why.
    pub notices: Vec<Notice>,
    /// Offer B as it was when the reader removed it: adding an offer again
    /// brings it back (a link's locked B values and label, or the reader's
    /// own), instead of a copy of A.
    removed_b: Option<Offer>,
    /// The scenario the form started from (the link's or the publisher's):
    /// what Reset goes back to.
    initial: Scenario,
    /// How the reader's locale writes numbers: typed text is read this way
    /// and settled values are shown this way.
    style: NumberStyle,
}

/// Why a field shows an error (worded for the reader by `ui::words`; the
/// codec's `FieldError` also has English with the key, for the console).
#[derive(Debug, Clone, PartialEq)]
pub enum FieldProblem {
    /// The codec refused the typed text.
    Refused(FieldError),
    /// The field cannot be set in this scenario.
    CannotSet,
    /// The edit leaves a field out of range (`bad`, which may be another
    /// one: a new currency without a rate needs `fx`).
    Range(FullKey, RangeProblem),
    /// The model could not compute the scenario (its reason, in English).
    NotComputed(String),
}

/// Something the link or the attributes had that could not be applied.
#[derive(Debug, Clone, PartialEq)]
pub enum Notice {
    /// A value refused by the codec.
    Field(FieldError),
    /// A problem the codec or `publish` worded (unknown keys, options).
    Text(String),
    /// The link's scenario could not be computed; the defaults are shown.
    NotComputed(String),
}

impl Form {
    /// The form for a parsed link or attribute set: the valid part applied,
    /// everything else listed in `notices`.
    pub fn new(parsed: &Parsed) -> Form {
        let mut notices: Vec<Notice> = parsed.errors.iter().cloned().map(Notice::Field).collect();
        notices.extend(parsed.notices.iter().cloned().map(Notice::Text));
        let projection = project(&parsed.scenario).map_err(|e| e.to_string());
        let (scenario, projection) = match projection {
            Ok(p) => (parsed.scenario.clone(), Ok(p)),
            Err(e) => {
                notices.push(Notice::NotComputed(e));
                let s = Scenario::default();
                let p = project(&s).map_err(|e| e.to_string());
                (s, p)
            }
        };
        Form {
            initial: scenario.clone(),
            scenario,
            projection: projection.map(Rc::new),
            texts: BTreeMap::new(),
            errors: BTreeMap::new(),
            pct_mode: [false; 2],
            notices,
            removed_b: None,
            style: NumberStyle::EN_US,
        }
    }

    /// How the reader's locale writes numbers (for hints beside the fields).
    pub fn style(&self) -> NumberStyle {
        self.style
    }

    /// The same form, reading and writing numbers in `style`.
    pub fn with_style(self, style: NumberStyle) -> Form {
        Form { style, ..self }
    }

    /// The shortest query string of the current (valid) scenario.
    pub fn query(&self) -> String {
        codec::write(&self.scenario)
    }

    /// True while some field is in error: the results are of an earlier scenario.
    pub fn stale(&self) -> bool {
        !self.errors.is_empty()
    }

    /// Why a field is in error, if it is.
    pub fn error(&self, key: FullKey) -> Option<&FieldProblem> {
        self.errors.get(&key)
    }

    /// A field's error as the reader reads it, in their language.
    pub fn error_message(&self, key: FullKey, lang: Lang) -> Option<String> {
        self.error(key)
            .map(|problem| words::field_problem(lang, key, problem))
    }

    /// Every field error, in field order.
    pub fn errors(&self) -> impl Iterator<Item = (&FullKey, &FieldProblem)> {
        self.errors.iter()
    }

    /// What a field shows: the reader's own text while it is unsettled,
    /// otherwise the scenario's value written for reading (money grouped).
    pub fn text(&self, key: FullKey) -> String {
        if let Some(t) = self.texts.get(&Entry::Field(key)) {
            return t.clone();
        }
        match self.scenario.get(key) {
            // Input and cache shares left to the preset show the preset's value.
            // and an exchange rate left to the table shows the table's rate.
            Some(Value::Auto) => {
                let preset = crate::model::prices::preset(&self.scenario.model);
                let shown = match (key.field, preset) {
                    (FieldId::Input, Some(p)) => Some(p.default_input_share),
                    (FieldId::Cache, Some(p)) => Some(p.default_cache_share),
                    (FieldId::Fx, _) => self.scenario.fx_rate(),
                    _ => None,
                };
                shown
                    .map(|d| self.style.write_ungrouped(d))
                    .unwrap_or_default()
            }
            Some(value) => display_value(key, &value, self.style),
            None => String::new(),
        }
    }

    /// Whether the token budget of an offer is typed as a percent of base.
    pub fn pct_mode(&self, side: Side) -> bool {
        self.pct_mode
            .get(side_index(side))
            .copied()
            .unwrap_or(false)
    }

    /// The "% of base" text of an offer's token budget.
    pub fn pct_text(&self, side: Side) -> String {
        if let Some(t) = self.texts.get(&Entry::TokensPercentOfBase(side)) {
            return t.clone();
        }
        let ratio = self.projection.as_ref().ok().and_then(|p| {
            p.offers
                .iter()
                .find(|o| o.side == side)
                .and_then(|o| o.compute_to_base)
        });
        match ratio {
            Some(r) => self.style.write_ungrouped(crate::numbers::percent_one(r)),
            None => String::new(),
        }
    }

    /// The reader typed `text` in a field. Returns true when the scenario changed.
    pub fn edit(&mut self, key: FullKey, text: &str) -> bool {
        // The percent the budget is at before the base changes.
        let follow = (key.field == FieldId::Base && self.pct_mode(key.side))
            .then(|| self.pct_text(key.side));
        self.texts.insert(Entry::Field(key), text.to_string());
        let fx = self.scenario.money_fx();
        let changed = match codec::parse_typed_field(key, text, fx, self.style) {
            Ok(value) => self.apply(key, value),
            Err(e) => {
                self.errors.insert(key, FieldProblem::Refused(e));
                false
            }
        };
        if let (true, Some(pct)) = (changed, follow) {
            // The budget follows the base while it is typed as a percent of it.
            self.edit_pct(key.side, &pct);
        }
        let cur = FullKey::a(FieldId::Cur);
        if changed && key.field == FieldId::Fx && self.errors.contains_key(&cur) {
            // A currency refused for want of a rate is tried again with it.
            if let Some(text) = self.texts.get(&Entry::Field(cur)).cloned() {
                self.edit(cur, &text);
            }
        }
        changed
    }

    /// The reader typed a percent of base for an offer's token budget.
    pub fn edit_pct(&mut self, side: Side, text: &str) -> bool {
        let tokens = tokens_key(side);
        self.texts
            .insert(Entry::TokensPercentOfBase(side), text.to_string());
        let Some(base) = self.scenario.offer(side).map(|o| o.base) else {
            return false;
        };
        match codec::parse_percent_of(tokens, text, base, self.scenario.money_fx(), self.style) {
            Ok(value) => {
                let changed = self.apply(tokens, value);
                self.texts.remove(&Entry::Field(tokens));
                changed
            }
            Err(e) => {
                self.errors.insert(tokens, FieldProblem::Refused(e));
                false
            }
        }
    }

    /// Switches an offer's token budget between an amount and a percent of base.
    pub fn set_pct_mode(&mut self, side: Side, on: bool) {
        let tokens = tokens_key(side);
        // Whatever was unsettled in the other mode is dropped; the budget
        // keeps its last valid value.
        self.texts.remove(&Entry::Field(tokens));
        self.texts.remove(&Entry::TokensPercentOfBase(side));
        self.errors.remove(&tokens);
        if let Some(mode) = self.pct_mode.get_mut(side_index(side)) {
            *mode = on;
        }
    }

    /// Sets a parsed value on a copy of the scenario and keeps it if the
    /// model computes it; otherwise the field shows why.
    fn apply(&mut self, key: FullKey, value: Value) -> bool {
        let mut candidate = self.scenario.clone();
        if !candidate.set(key, value) {
            self.errors.insert(key, FieldProblem::CannotSet);
            return false;
        }
        match project(&candidate) {
            Ok(p) => {
                self.errors.remove(&key);
                let changed = candidate != self.scenario;
                self.scenario = candidate;
                self.projection = Ok(Rc::new(p));
                changed
            }
            Err(e) => {
                // A field out of range because of this edit (`fx` needed
                // for a new currency) is named with the model's reason.
                let problem = match candidate.problems().into_iter().next() {
                    Some((bad, problem)) => FieldProblem::Range(bad, problem),
                    None => FieldProblem::NotComputed(e.to_string()),
                };
                self.errors.insert(key, problem);
                false
            }
        }
    }

    /// The field lost focus: a settled value is shown formatted; a bad one
    /// keeps exactly what was typed.
    pub fn blur(&mut self, key: FullKey) {
        if !self.errors.contains_key(&key) {
            self.texts.remove(&Entry::Field(key));
        }
    }

    /// Same as [`Form::blur`] for the "% of base" field.
    pub fn blur_pct(&mut self, side: Side) {
        if !self.errors.contains_key(&tokens_key(side)) {
            self.texts.remove(&Entry::TokensPercentOfBase(side));
        }
    }

    /// Offer B, prefilled from offer A.
    pub fn add_offer_b(&mut self) {
        if self.scenario.b.is_some() {
            return;
        }
        let mut candidate = self.scenario.clone();
        let restored = self.removed_b.is_some();
        candidate.b = Some(self.removed_b.clone().unwrap_or_else(|| Offer {
            label: Offer::default_for(Side::B).label,
            ..self.scenario.a.clone()
        }));
        if let Ok(p) = project(&candidate) {
            self.scenario = candidate;
            self.projection = Ok(Rc::new(p));
            self.removed_b = None;
            if !restored {
                self.pct_mode[1] = self.pct_mode[0];
            }
        }
    }

    /// Drops offer B with its unsettled texts and errors.
    pub fn remove_offer_b(&mut self) {
        let mut candidate = self.scenario.clone();
        let removed = candidate.b.take();
        if let Ok(p) = project(&candidate) {
            self.removed_b = removed;
            self.scenario = candidate;
            self.projection = Ok(Rc::new(p));
            self.texts.retain(|entry, _| match entry {
                Entry::Field(key) => key.side != Side::B,
                Entry::TokensPercentOfBase(side) => *side != Side::B,
            });
            self.errors.retain(|key, _| key.side != Side::B);
            self.pct_mode[1] = false;
        }
    }

    /// Forgets the link notices once the reader has read them.
    pub fn dismiss_notices(&mut self) {
        self.notices.clear();
    }

    /// Whether the reader changed anything since the start (a figure, or a
    /// field with text not yet settled).
    pub fn is_changed(&self) -> bool {
        self.scenario != self.initial || !self.texts.is_empty() || !self.errors.is_empty()
    }

    /// Back to the scenario the form started from, every typed text and
    /// error dropped.
    pub fn reset(&mut self) {
        if let Ok(p) = project(&self.initial) {
            self.scenario = self.initial.clone();
            self.projection = Ok(Rc::new(p));
            self.texts.clear();
            self.errors.clear();
            self.pct_mode = [false; 2];
            self.removed_b = None;
        }
    }

    /// The label of the offer B the reader removed, while adding an offer
    /// would bring it back (Undo).
    pub fn removed_b(&self) -> Option<&str> {
        self.removed_b.as_ref().map(|b| b.label.as_str())
    }

    /// Whether a field differs from its default (a link set it, or the
    /// reader did) or is in error: its disclosure section opens.
    pub fn is_set(&self, key: FullKey) -> bool {
        if self.errors.contains_key(&key) {
            return true;
        }
        let default_value = key.def().default_value(key.side, self.scenario.money_fx());
        self.scenario.get(key).is_some_and(|v| v != default_value)
    }
}

/// A value as a field shows it when not being edited, in the reader's
/// `style`: money with thousands separators ("375,000", "375.000"), other
/// numbers with its decimal mark ("4,5"), everything else as the codec
/// writes it. What is shown always parses back to the same value.
pub fn display_value(key: FullKey, value: &Value, style: NumberStyle) -> String {
    match (key.def().kind, value) {
        (Kind::Money { .. }, Value::Number(d)) => style.write(*d),
        (Kind::Percent { .. } | Kind::Fx, Value::Number(d)) => style.write_ungrouped(*d),
        _ => codec::write_value(key, value),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::Decimal;

    fn k(key: &str) -> FullKey {
        FullKey::parse(key).unwrap()
    }

    fn form(query: &str) -> Form {
        Form::new(&codec::parse(query))
    }

    /// Issue 11 point 5: re-adding offer B after removing it brings back the
    /// link's B (its locked values and its label), not a copy of A.
    #[test]
    fn removing_and_re_adding_offer_b_restores_it() {
        let mut f = form("base=500k&tokens=250k&b.label=Plain%20offer&b.base=560k&b.tokens=0");
        f.remove_offer_b();
        assert!(f.scenario.b.is_none());
        f.add_offer_b();
        let b = f.scenario.b.as_ref().unwrap();
        assert_eq!(b.label, "Plain offer");
        assert_eq!(b.base, Decimal::from(560_000));
        assert_eq!(b.tokens, Decimal::ZERO);
        // With no B before, adding one still starts from A.
        let mut g = form("base=500k&tokens=250k");
        g.add_offer_b();
        let b = g.scenario.b.as_ref().unwrap();
        assert_eq!(
            (b.label.as_str(), b.base),
            ("Offer B", Decimal::from(500_000))
        );
    }

    #[test]
    fn reset_goes_back_to_the_starting_scenario() {
        let mut f = form("base=500k&tax=30");
        assert!(!f.is_changed());
        f.edit(k("tax"), "45");
        f.edit(k("bonus"), "lots");
        f.add_offer_b();
        assert!(f.is_changed());
        f.reset();
        assert!(!f.is_changed());
        assert_eq!(f.scenario, form("base=500k&tax=30").scenario);
        assert_eq!(f.text(k("bonus")), "0");
        assert!(f.error(k("bonus")).is_none());
    }

    fn headline_1(f: &Form) -> Decimal {
        f.projection.as_ref().unwrap().offers[0].years[0].headline
    }

    #[test]
    fn typed_money_updates_the_scenario_and_shows_grouped_after_blur() {
        let mut f = form("");
        assert!(f.edit(k("base"), "400k"));
        assert_eq!(f.text(k("base")), "400k");
        // 400,000 + 100,000 tokens
        assert_eq!(headline_1(&f), Decimal::from(500_000));
        f.blur(k("base"));
        assert_eq!(f.text(k("base")), "400,000");
        assert_eq!(f.query(), "base=400k");
    }

    /// Issue 12 point 2: in en-US "375.000" could be 375 or a grouped
    /// 375,000 (written the German way); it was silently $375. It is refused
    /// with a message naming the field, the text and what is accepted, and
    /// the text stays in the box.
    #[test]
    fn a_dot_and_three_digits_is_ambiguous_in_en_us() {
        let mut f = form("base=400k");
        assert!(!f.edit(k("base"), "375.000"));
        f.blur(k("base"));
        assert_eq!(f.text(k("base")), "375.000");
        assert_eq!(f.scenario.a.base, Decimal::from(400_000));
        let problem = f.error(k("base")).unwrap();
        let msg = crate::ui::words::field_problem(Lang::En, k("base"), problem);
        assert!(msg.starts_with("Base salary: \"375.000\""), "{msg}");
        assert!(msg.contains("write 375,000 or 375"), "{msg}");
        // Settled by a grouping comma or by the number of decimals.
        assert!(f.edit(k("base"), "1,375.000"));
        assert_eq!(f.scenario.a.base, Decimal::from(1375));
        assert!(f.edit(k("base"), "375.5"));
        assert_eq!(f.scenario.a.base, "375.5".parse::<Decimal>().unwrap());
    }

    #[test]
    fn bad_text_is_kept_with_the_codec_message_and_results_go_stale() {
        let mut f = form("base=375k");
        assert!(!f.edit(k("base"), "lots"));
        f.blur(k("base"));
        assert_eq!(f.text(k("base")), "lots");
        let msg = f.error_message(k("base"), Lang::En).unwrap();
        assert!(msg.starts_with("Base salary: \"lots\""), "{msg}");
        assert!(msg.contains("1,000,000,000"), "{msg}");
        assert!(f.stale());
        assert_eq!(f.scenario.a.base, Decimal::from(375_000));
        // Another field still works; the bad one keeps its text.
        assert!(f.edit(k("tokens"), "50k"));
        assert_eq!(f.text(k("base")), "lots");
        // Back to the value it had: nothing changes, the error is gone.
        assert!(!f.edit(k("base"), "375000"));
        assert!(f.error(k("base")).is_none());
        assert!(!f.stale());
    }

    #[test]
    fn percent_of_base_sets_the_budget_and_follows_the_base() {
        let mut f = form("");
        f.set_pct_mode(Side::A, true);
        assert!(f.edit_pct(Side::A, "20"));
        // 20 % of 375,000
        assert_eq!(f.scenario.a.tokens, Decimal::from(75_000));
        assert!(f.edit(k("base"), "500k"));
        assert_eq!(f.scenario.a.tokens, Decimal::from(100_000));
        // Also when the percent was not typed but shown (26.7 % from the defaults
        // would drift; 20 % set above stays 20 % after blur).
        f.blur_pct(Side::A);
        assert!(f.edit(k("base"), "400k"));
        assert_eq!(f.scenario.a.tokens, Decimal::from(80_000));
        assert!(!f.edit_pct(Side::A, "2000"));
        assert!(f
            .error_message(k("tokens"), Lang::En)
            .unwrap()
            .contains("Token budget"));
    }

    #[test]
    fn offer_b_is_prefilled_from_a_and_written_to_the_link() {
        let mut f = form("base=400k&tokens=50k");
        f.add_offer_b();
        let b = f.scenario.b.as_ref().unwrap();
        assert_eq!(b.base, Decimal::from(400_000));
        assert_eq!(b.label, "Offer B");
        assert_eq!(f.query(), "base=400k&tokens=50k&b.base=400k&b.tokens=50k");
        assert!(f.edit(k("b.label"), "Startup"));
        assert_eq!(f.scenario.b.as_ref().unwrap().label, "Startup");
        f.remove_offer_b();
        assert!(f.scenario.b.is_none());
    }

    /// The reader sees the field as the form labels it, never its key
    /// (`base` goes to the console and the API), and still what was wrong
    /// and what is accepted.
    #[test]
    fn a_reader_error_names_the_field_by_its_label_not_its_key() {
        let mut f = form("");
        assert!(!f.edit(k("base"), "lots"));
        let msg = f.error_message(k("base"), Lang::En).unwrap();
        assert_eq!(
            msg,
            "Base salary: \"lots\" is not a number. Accepted: an amount from 0 to \
             1,000,000,000, such as 375000, 375,000, 375k or $1.2m, with at most 2 decimals."
        );
        assert!(!f.edit(k("tax"), "150"));
        let msg = f.error_message(k("tax"), Lang::En).unwrap();
        assert!(
            msg.starts_with("Tax rate: \"150\" is out of range."),
            "{msg}"
        );
        assert!(!msg.contains("(tax)"), "{msg}");
    }

    #[test]
    fn overflow_is_an_error_on_the_field_not_a_panic() {
        // $1bn of tokens at a price falling 99 % a year: after 9 years the
        // tokens it buys (about 1e9 / 1.5e-24) no longer fit a Decimal.
        let mut f = form("years=10&tokens=1000m");
        assert!(!f.edit(k("decline"), "99"));
        let msg = f.error_message(k("decline"), Lang::En).unwrap();
        assert!(msg.starts_with("Yearly price decline: "), "{msg}");
        assert!(msg.contains("too large"), "{msg}");
        assert_eq!(f.scenario.decline, Decimal::ZERO);
        assert!(f.projection.is_ok());
        assert!(f.stale());
    }

    #[test]
    fn token_mix_left_to_the_preset_shows_the_preset_value() {
        // PRICES.md: every preset defaults to 95 % input, 80 % of it cached.
        let f = form("");
        assert_eq!(f.text(k("input")), "95");
        assert_eq!(f.text(k("cache")), "80");
        assert_eq!(f.query(), "");
    }

    #[test]
    fn a_link_with_bad_keys_applies_the_rest_and_says_why() {
        let f = form("base=400k&tokens=abc&colour=red");
        assert_eq!(f.scenario.a.base, Decimal::from(400_000));
        assert_eq!(f.scenario.a.tokens, Decimal::from(100_000));
        assert_eq!(f.notices.len(), 2);
        let notices: Vec<String> = f
            .notices
            .iter()
            .map(|n| words::notice(Lang::En, n))
            .collect();
        assert!(
            notices[0].starts_with("Token budget: \"abc\""),
            "{notices:?}"
        );
        assert!(notices[1].contains("colour"), "{notices:?}");
    }

    #[test]
    fn a_typed_label_with_a_bidi_override_keeps_the_text_and_says_why() {
        let mut f = form("");
        assert!(!f.edit(k("label"), "Big\u{202E}Co"));
        f.blur(k("label"));
        assert_eq!(f.text(k("label")), "Big\u{202E}Co");
        assert_eq!(f.scenario.a.label, "Offer A");
        let msg = f.error_message(k("label"), Lang::En).unwrap();
        assert!(msg.starts_with("Offer name: "), "{msg}");
        assert!(msg.contains("U+202E"), "{msg}");
    }

    #[test]
    fn a_new_currency_converts_the_defaults_and_asks_for_a_missing_rate() {
        let mut f = form("");
        // 375000 * 0.87868 = 329505 -> 330000 (MODEL.md, "Currencies").
        assert!(f.edit(k("cur"), "EUR"));
        assert_eq!(f.scenario.a.base, Decimal::from(330_000));
        assert_eq!(f.query(), "cur=EUR");
        // ISK has no built-in rate: refused, naming fx and the currency.
        assert!(!f.edit(k("cur"), "ISK"));
        let msg = f.error_message(k("cur"), Lang::En).unwrap();
        assert!(msg.starts_with("Exchange rate: "), "{msg}");
        assert!(msg.contains("ISK"), "{msg}");
        // Giving the rate settles the currency typed before: 375000 * 140.
        assert!(f.edit(k("fx"), "140"));
        assert_eq!(f.scenario.cur, "ISK");
        assert_eq!(f.scenario.a.base, Decimal::from(52_500_000));
        assert!(!f.stale());
    }
}
