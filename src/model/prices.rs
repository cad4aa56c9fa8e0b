//! Price presets: list prices of AI models in USD per million tokens.
//!
//! This table is the one place to update when prices change: edit the rows,
//! then `PRICES_READ_ON` and `PRICES_SOURCE`.

use rust_decimal::Decimal;

/// When the prices below were read (PRICES.md: a mirror of that day,
/// checked against copies of August and September 2026).
pub const PRICES_READ_ON: &str = "2026-07-24";
/// Where they were read from.
pub const PRICES_SOURCE: &str = "LiteLLM model_prices_and_context_window.json (BerriAI/litellm, MIT), standard non-batch list prices";
/// Some providers charge more above a long-context threshold; the presets
/// use the standard tier.
pub const LONG_CONTEXT_NOTE: &str = "Standard short-context prices: GPT-5.x above 272k tokens and Gemini Pro above 200k tokens of context cost more.";

/// The preset used when a scenario names none.
pub const DEFAULT_PRESET: &str = "claude-sonnet-5";

/// A model's list prices and the token mix it is usually used with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Preset {
    pub id: &'static str,
    pub name: &'static str,
    pub provider: &'static str,
    /// USD per million fresh input tokens.
    pub input: Decimal,
    /// USD per million input tokens read from the prompt cache.
    pub cache_read: Decimal,
    /// USD per million output tokens.
    pub output: Decimal,
    /// Percent of tokens that are input.
    pub default_input_share: Decimal,
    /// Percent of input tokens read from the cache.
    pub default_cache_share: Decimal,
    /// A caveat about the price ("introductory price"), if any.
    pub note: Option<&'static str>,
}

/// `n` thousandths of a dollar, built at compile time (no parsing, no panic).
const fn mills(n: u32) -> Decimal {
    Decimal::from_parts(n, 0, 0, false, 3)
}

/// Agentic coding re-sends its whole context on every call: nearly every
/// token is input, and most input is a cache read.
const AGENTIC_INPUT: Decimal = Decimal::from_parts(95, 0, 0, false, 0);
const AGENTIC_CACHE: Decimal = Decimal::from_parts(80, 0, 0, false, 0);

const fn row(
    id: &'static str,
    name: &'static str,
    provider: &'static str,
    prices_in_mills: [u32; 3],
) -> Preset {
    Preset {
        id,
        name,
        provider,
        input: mills(prices_in_mills[0]),
        cache_read: mills(prices_in_mills[1]),
        output: mills(prices_in_mills[2]),
        default_input_share: AGENTIC_INPUT,
        default_cache_share: AGENTIC_CACHE,
        note: None,
    }
}

/// A row with a caveat about its price.
const fn noted(preset: Preset, note: &'static str) -> Preset {
    Preset {
        note: Some(note),
        ..preset
    }
}

/// Every preset; prices in thousandths of a USD per million tokens:
/// [input, cache read, output].
pub const PRESETS: &[Preset] = &[
    row(
        "claude-opus-5",
        "Claude Opus 5",
        "Anthropic",
        [5_000, 500, 25_000],
    ),
    noted(
        row(
            "claude-sonnet-5",
            "Claude Sonnet 5",
            "Anthropic",
            [2_000, 200, 10_000],
        ),
        "introductory price",
    ),
    row(
        "claude-opus-4-7",
        "Claude Opus 4.7",
        "Anthropic",
        [5_000, 500, 25_000],
    ),
    row(
        "claude-sonnet-4-6",
        "Claude Sonnet 4.6",
        "Anthropic",
        [3_000, 300, 15_000],
    ),
    row(
        "claude-haiku-4-5",
        "Claude Haiku 4.5",
        "Anthropic",
        [1_000, 100, 5_000],
    ),
    row(
        "gpt-6-astra",
        "GPT-6 Astra",
        "OpenAI",
        [10_000, 1_000, 50_000],
    ),
    noted(
        row("gpt-5.6", "GPT-5.6", "OpenAI", [4_000, 400, 20_000]),
        "promotional price",
    ),
    row("gpt-5.5", "GPT-5.5", "OpenAI", [5_000, 500, 30_000]),
    row("gpt-5.4", "GPT-5.4", "OpenAI", [2_500, 250, 15_000]),
    row("gpt-5-mini", "GPT-5 mini", "OpenAI", [250, 25, 2_000]),
    row(
        "gemini-3.1-pro-preview",
        "Gemini 3.1 Pro (preview)",
        "Google",
        [2_000, 200, 12_000],
    ),
    row(
        "gemini-3.5-flash",
        "Gemini 3.5 Flash",
        "Google",
        [1_500, 150, 9_000],
    ),
    row(
        "gemini-3-flash-preview",
        "Gemini 3 Flash (preview)",
        "Google",
        [500, 50, 3_000],
    ),
    row("grok-4.5", "Grok 4.5", "xAI", [2_000, 500, 6_000]),
    row(
        "deepseek-chat",
        "DeepSeek V3 chat",
        "DeepSeek",
        [280, 28, 420],
    ),
];

/// The preset with this id.
pub fn preset(id: &str) -> Option<&'static Preset> {
    PRESETS.iter().find(|p| p.id == id)
}

impl Preset {
    /// USD per million tokens for a mix of `input_share` percent input tokens,
    /// `cache_share` percent of which are cache reads (MODEL.md, "Prices").
    pub fn blended_per_million(&self, input_share: Decimal, cache_share: Decimal) -> Decimal {
        let input = input_share / Decimal::ONE_HUNDRED;
        let cache = cache_share / Decimal::ONE_HUNDRED;
        let input_price = cache * self.cache_read + (Decimal::ONE - cache) * self.input;
        input * input_price + (Decimal::ONE - input) * self.output
    }
}
