//! The Embed panel: the HTML snippet that puts this scenario on another
//! page (text from `crate::publish::snippet`), and a button to copy it.

use yew::prelude::*;

use crate::model::Scenario;
use crate::publish::{snippet, SnippetOptions, WidgetConfig, EMBED_SRI, VERSION};
use crate::ui::host::{use_copy_status, CopyStatus, Host};

#[derive(Properties, PartialEq)]
pub struct EmbedPanelProps {
    pub scenario: Scenario,
    pub config: WidgetConfig,
}

/// The snippet for this widget's scenario and look, loading the released,
/// versioned embed.js from where this page got it.
fn snippet_for(scenario: &Scenario, config: &WidgetConfig, host: &Host) -> String {
    let mut config = config.clone();
    // The default link (the page beside embed.js) need not be written.
    if config.link.as_deref() == Some(host.files.as_str()) {
        config.link = None;
    }
    let integrity = if host.loader_integrity.is_empty() {
        EMBED_SRI
    } else {
        host.loader_integrity.as_str()
    };
    let options = SnippetOptions {
        base_url: host.files.to_string(),
        version: VERSION.to_string(),
        integrity: integrity.to_string(),
        config,
    };
    snippet(scenario, &options)
}

#[function_component(EmbedPanel)]
pub fn embed_panel(p: &EmbedPanelProps) -> Html {
    let host = use_context::<Host>().unwrap_or_default();
    let text = use_memo((p.scenario.clone(), p.config.clone(), host), |(s, c, h)| {
        snippet_for(s, c, h)
    });
    let (status, copy) = use_copy_status(text.clone());
    let onclick = {
        let text = text.clone();
        Callback::from(move |_: MouseEvent| copy.emit((*text).clone()))
    };
    let id = format!(
        "{}-embed",
        if p.config.id.is_empty() {
            "tw"
        } else {
            &p.config.id
        }
    );
    html! {
        <details class="embed-panel">
            <summary>{ "Embed" }</summary>
            <p class="hint">{ "Paste this where the calculator should appear on your page. It loads this release of embed.js, checked by its hash." }</p>
            <label for={id.clone()} class="visually-hidden">{ "Embed code" }</label>
            <textarea id={id} readonly=true rows="6" spellcheck="false" value={(*text).clone()} />
            <div class="embed-actions">
                <button type="button" class="secondary" {onclick}>{ "Copy embed code" }</button>
                <p class="copy-status" role="status">
                    { match status {
                        CopyStatus::Idle => Html::default(),
                        CopyStatus::Copied => html! { { "Embed code copied." } },
                        CopyStatus::Failed(_) => html! { { "Could not copy; select the code above." } },
                    } }
                </p>
            </div>
        </details>
    }
}
