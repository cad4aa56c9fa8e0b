//! What a reader is told about a bad value, in their language: the field as
//! the form labels it (never its key, which goes to the console and the JS
//! API through `codec::FieldError`'s `Display`), what was wrong and what is
//! accepted. Native, like `form`, so it is tested without a browser.

use rust_decimal::Decimal;

use crate::codec::{code_point, money, money::NumberStyle, visible, Accepts, FieldError, Why};
use crate::lang::Lang;
use crate::model::input::{self, FullKey, Kind, RangeProblem, PERCENT_OF_BASE};
use crate::model::prices::PRESETS;
use crate::ui::field_name;
use crate::ui::form::{FieldProblem, Notice};

/// The message under a field in error.
pub fn field_problem(lang: Lang, key: FullKey, problem: &FieldProblem) -> String {
    let name = |key: FullKey| field_name(lang, key.field);
    match problem {
        FieldProblem::Refused(e) => refused(lang, e),
        FieldProblem::CannotSet => lang.fill("error.cannot_set", &[("field", name(key))]),
        FieldProblem::Range(bad, RangeProblem::FxMissing { currency }) => lang.fill(
            "error.fx_missing",
            &[("field", name(*bad)), ("currency", currency)],
        ),
        FieldProblem::Range(bad, problem) => lang.fill(
            "error.range",
            &[("field", name(*bad)), ("problem", &range(lang, problem))],
        ),
        FieldProblem::NotComputed(_) => lang.fill("error.not_computed", &[("field", name(key))]),
    }
}

/// One line of the notice of a link with parts that could not be applied.
pub fn notice(lang: Lang, notice: &Notice) -> String {
    match notice {
        Notice::Field(e) => refused(lang, e),
        Notice::Text(text) => text.clone(),
        Notice::NotComputed(_) => lang.say("notice.not_computed").to_string(),
    }
}

/// A value the codec refused: `Base salary: "lots" is not a number.
/// Accepted: …`. A key that names no field (a link's `scenario` as a
/// whole) is shown as given.
fn refused(lang: Lang, e: &FieldError) -> String {
    let field = FullKey::parse(&e.key)
        .map(|key| field_name(lang, key.field).to_string())
        .unwrap_or_else(|_| e.key.clone());
    let given = visible(&e.given);
    let problem = why(lang, &e.why).unwrap_or_else(|| e.problem.clone());
    let accepted = accepts(lang, &e.accepts).unwrap_or_else(|| e.accepted.clone());
    let values = [
        ("field", field.as_str()),
        ("given", given.as_str()),
        ("problem", problem.as_str()),
        ("accepted", accepted.as_str()),
    ];
    if e.given.is_empty() {
        lang.fill("error.refused.nothing", &values)
    } else {
        lang.fill("error.refused", &values)
    }
}

fn why(lang: Lang, why: &Why) -> Option<String> {
    use money::NumberProblem as N;
    Some(match why {
        Why::Number(N::Empty) => lang.say("problem.empty").to_string(),
        Why::Number(N::NotANumber) => lang.say("problem.not_a_number").to_string(),
        Why::Number(N::BadGrouping) => lang.say("problem.bad_grouping").to_string(),
        Why::Number(N::TooLong) => lang.say("problem.too_long").to_string(),
        Why::Number(N::Ambiguous) => lang.say("problem.ambiguous").to_string(),
        Why::Ambiguous { grouped, decimal } => lang.fill(
            "problem.ambiguous.readings",
            &[("grouped", grouped), ("decimal", decimal)],
        ),
        Why::Range(problem) => range(lang, problem),
        Why::NotWhole => lang.say("problem.not_whole").to_string(),
        Why::NotYesNo => lang.say("problem.not_yes_no").to_string(),
        Why::VestEntry { entry, text } => lang.fill(
            "problem.vest_entry",
            &[("entry", &entry.to_string()), ("text", &visible(text))],
        ),
        Why::TooLarge => lang.say("problem.too_large").to_string(),
        Why::Other => return None,
    })
}

fn range(lang: Lang, problem: &RangeProblem) -> String {
    let say = |key: &str| lang.say(key).to_string();
    match problem {
        RangeProblem::WrongKind => say("problem.wrong_kind"),
        RangeProblem::Negative => say("problem.negative"),
        RangeProblem::NotPositive => say("problem.not_positive"),
        RangeProblem::TooManyDecimals { max } => {
            lang.fill("problem.decimals", &[("max", &max.to_string())])
        }
        RangeProblem::BelowMin { .. } | RangeProblem::AboveMax { .. } => {
            say("problem.out_of_range")
        }
        RangeProblem::VestEntries { count } => {
            lang.fill("problem.vest_entries", &[("count", &count.to_string())])
        }
        RangeProblem::VestNegative { entry } => {
            lang.fill("problem.vest_negative", &[("entry", &entry.to_string())])
        }
        RangeProblem::VestDecimals { entry } => {
            lang.fill("problem.vest_decimals", &[("entry", &entry.to_string())])
        }
        RangeProblem::VestSum { sum } => {
            lang.fill("problem.vest_sum", &[("sum", &money::plain_number(*sum))])
        }
        RangeProblem::LabelEmpty => say("problem.empty"),
        RangeProblem::LabelTooLong { chars } => {
            lang.fill("problem.label_too_long", &[("chars", &chars.to_string())])
        }
        RangeProblem::LabelSpaces => say("problem.label_spaces"),
        RangeProblem::LabelControlChars { ch } => {
            lang.fill("problem.label_control", &[("char", &code_point(*ch))])
        }
        RangeProblem::LabelFormatChars { ch } => {
            lang.fill("problem.label_format", &[("char", &code_point(*ch))])
        }
        RangeProblem::UnknownCurrency => say("problem.unknown_currency"),
        RangeProblem::UnknownModel => say("problem.unknown_model"),
        RangeProblem::FxMissing { currency } => {
            lang.fill("problem.fx_missing", &[("currency", currency)])
        }
    }
}

fn accepts(lang: Lang, accepts: &Accepts) -> Option<String> {
    // Examples are written the way the reader types numbers (4,5 in de-DE).
    let example = |whole: &str, fraction: &str, style: NumberStyle| {
        format!("{whole}{}{fraction}", style.decimal)
    };
    Some(match *accepts {
        Accepts::Kind { kind, fx, style } => match kind {
            // Money ranges are dollar figures converted, as codec::accepted.
            Kind::Money { max } => lang.fill(
                "accepted.money",
                &[
                    (
                        "max",
                        &style.write(Decimal::from(max).checked_mul(fx).unwrap_or(Decimal::MAX)),
                    ),
                    ("grouped", &style.write(Decimal::from(375_000))),
                    (
                        "millions",
                        &if style == NumberStyle::EN_US {
                            "$1.2m".to_string()
                        } else {
                            example("1", "2m", style)
                        },
                    ),
                ],
            ),
            Kind::Percent { min, max } => lang.fill(
                "accepted.percent",
                &[
                    ("min", &min.to_string()),
                    ("max", &max.to_string()),
                    ("example", &example("4", "5", style)),
                ],
            ),
            Kind::Whole { min, max, unit } => lang.fill(
                "accepted.whole",
                &[
                    ("min", &min.to_string()),
                    ("max", &max.to_string()),
                    ("unit", lang.say(&format!("unit.{unit}"))),
                ],
            ),
            Kind::Bool => lang.say("accepted.bool").to_string(),
            Kind::Vest => lang.say("accepted.vest").to_string(),
            Kind::Label => lang.say("accepted.label").to_string(),
            Kind::Currency => lang.say("accepted.currency").to_string(),
            Kind::Model => lang.fill(
                "accepted.model",
                &[(
                    "models",
                    &PRESETS.iter().map(|p| p.id).collect::<Vec<_>>().join(", "),
                )],
            ),
            Kind::Fx => lang.fill(
                "accepted.fx",
                &[
                    ("max", &style.write(Decimal::from(input::FX_MAX))),
                    ("decimals", &input::FX_DECIMALS.to_string()),
                    ("example", &example("0", "87868", style)),
                ],
            ),
        },
        Accepts::PercentOfBase { style } => match PERCENT_OF_BASE {
            Kind::Percent { min, max } => lang.fill(
                "accepted.percent_of_base",
                &[
                    ("min", &min.to_string()),
                    ("max", &max.to_string()),
                    ("example", &example("26", "5", style)),
                ],
            ),
            _ => return None,
        },
        Accepts::Other => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codec::{parse, parse_field, parse_percent_of};
    use crate::model::input::FieldId;

    fn refused_in(lang: Lang, key: &str, given: &str) -> String {
        let key = FullKey::parse(key).unwrap();
        let e = parse_field(key, given, Decimal::ONE).unwrap_err();
        field_problem(lang, key, &FieldProblem::Refused(e))
    }

    /// The key stays in the console's and the API's message (`Display`),
    /// and only there.
    #[test]
    fn the_reader_sees_the_label_the_console_the_key() {
        let key = FullKey::parse("tax").unwrap();
        let e = parse_field(key, "150", Decimal::ONE).unwrap_err();
        assert!(e
            .to_string()
            .starts_with("Tax rate (tax): \"150\" is out of range."));
        assert_eq!(
            field_problem(Lang::En, key, &FieldProblem::Refused(e)),
            "Tax rate: \"150\" is out of range. Accepted: a percent from 0 to 99, written as a \
             plain number such as 3 or 4.5 (at most 4 decimals)."
        );
    }

    #[test]
    fn errors_in_each_language_name_the_field_and_what_is_accepted() {
        // Typed by a de-DE reader: the examples are written the German way.
        let key = FullKey::parse("base").unwrap();
        let de = NumberStyle::new('.', ',').unwrap();
        let e = crate::codec::parse_typed_field(key, "viel", Decimal::ONE, de).unwrap_err();
        assert_eq!(
            field_problem(Lang::De, key, &FieldProblem::Refused(e)),
            "Grundgehalt: „viel“ ist keine Zahl. Zulässig: ein Betrag von 0 bis 1.000.000.000, \
             etwa 375000, 375.000, 375k oder 1,2m, mit höchstens zwei Nachkommastellen."
        );
        assert!(refused_in(Lang::Fr, "years", "3.5").starts_with(
            "Horizon\u{202f}: «\u{202f}3.5\u{202f}» n’est pas un nombre entier. Accepté\u{202f}: un nombre entier entre 1 et"
        ));
        assert!(refused_in(Lang::Es, "b.vest", "50-50-x")
            .starts_with("Calendario de consolidación: «50-50-x» tiene en la posición 3 «x», que no es un número."));
        // An empty field: no quotes around nothing.
        assert!(refused_in(Lang::De, "base", "")
            .starts_with("Grundgehalt: Das Feld ist leer. Zulässig:"));
        for lang in Lang::ALL {
            let message = refused_in(lang, "base", "lots");
            assert!(!message.contains("(base)"), "{message}");
            assert!(
                message.starts_with(field_name(lang, FieldId::Base)),
                "{message}"
            );
        }
    }

    #[test]
    fn a_budget_typed_as_percent_of_base_says_so() {
        let key = FullKey::parse("tokens").unwrap();
        let e = parse_percent_of(
            key,
            "2000",
            Decimal::from(100),
            Decimal::ONE,
            NumberStyle::EN_US,
        )
        .unwrap_err();
        assert_eq!(
            field_problem(Lang::Fr, key, &FieldProblem::Refused(e)),
            "Budget de tokens\u{202f}: «\u{202f}2000\u{202f}» est hors de la plage autorisée. Accepté\u{202f}: un pourcentage \
             du salaire de base de 0 à 1000, par exemple 25 ou 26.5."
        );
    }

    #[test]
    fn a_link_notice_of_a_refused_value_is_in_the_readers_words() {
        let parsed = parse("tax=150&colour=red");
        let form = crate::ui::form::Form::new(&parsed);
        let lines: Vec<String> = form.notices.iter().map(|n| notice(Lang::Es, n)).collect();
        assert!(
            lines[0].starts_with("Tipo impositivo: «150» está fuera del rango permitido."),
            "{lines:?}"
        );
        // The unknown key is named as the link has it (the codec's words).
        assert!(lines[1].contains("colour"), "{lines:?}");
    }
}
