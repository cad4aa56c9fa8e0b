//! Share: copy a link to this scenario; in an embed, open the full calculator.

use yew::prelude::*;

use crate::web::url;

#[derive(Properties, PartialEq)]
pub struct ShareProps {
    pub query: AttrValue,
    pub standalone: bool,
    /// Where "Open the full calculator" points (embeds only).
    pub link: Option<AttrValue>,
    /// `data-link-scenario`: the scenario goes with `link` to another origin.
    #[prop_or_default]
    pub link_scenario: bool,
    pub hide_share: bool,
}

#[derive(Clone, PartialEq)]
enum Copy {
    Idle,
    Done,
    Failed(String),
}

#[function_component(Share)]
pub fn share(p: &ShareProps) -> Html {
    let status = use_state(|| Copy::Idle);
    {
        let status = status.clone();
        use_effect_with(p.query.clone(), move |_| status.set(Copy::Idle));
    }
    let share_url = url::share_url(
        &p.query,
        p.link.as_deref().filter(|_| !p.standalone),
        p.link_scenario,
    );
    let onclick = {
        let status = status.clone();
        let share_url = share_url.clone();
        Callback::from(move |_: MouseEvent| {
            let status = status.clone();
            let share_url = share_url.clone();
            wasm_bindgen_futures::spawn_local(async move {
                match url::copy_text(&share_url).await {
                    Ok(()) => status.set(Copy::Done),
                    Err(_) => status.set(Copy::Failed(share_url)),
                }
            });
        })
    };
    let full = p
        .link
        .as_ref()
        .filter(|_| !p.standalone)
        .map(|l| url::scenario_link(l, &p.query, p.link_scenario));
    html! {
        <div class="share">
            if !p.hide_share {
                <button type="button" class="primary" {onclick}>{ "Copy link" }</button>
            }
            if let Some(href) = full {
                <a class="full" href={href} target="_blank" rel="noopener">{ "Open the full calculator" }</a>
            }
            <p class="copy-status" role="status">
                { match &*status {
                    Copy::Idle => Html::default(),
                    Copy::Done => html! { { "Link copied." } },
                    Copy::Failed(u) => html! { <>{ "Could not copy; select the link: " }<input type="text" readonly=true aria-label="Link to this calculation" value={u.clone()} /></> },
                } }
            </p>
        </div>
    }
}
