//! Share: copy a link to this scenario; in an embed, open the full calculator.

use yew::prelude::*;

use crate::publish::{link_with_scenario, with_query};
use crate::ui::host::{use_copy_status, CopyStatus, Host};

#[derive(Properties, PartialEq)]
pub struct ShareProps {
    pub query: AttrValue,
    pub standalone: bool,
    /// Where "Open the full calculator" points (embeds only).
    pub link: Option<AttrValue>,
    /// The publisher lets the scenario go with a link to another origin.
    #[prop_or_default]
    pub link_scenario: bool,
    pub hide_share: bool,
}

#[function_component(Share)]
pub fn share(p: &ShareProps) -> Html {
    let host = use_context::<Host>().unwrap_or_default();
    let lang = host.lang;
    let (status, copy) = use_copy_status(p.query.clone());
    // An embed's full calculator: the scenario goes along only on this
    // page's origin, or where the publisher said so (publish::link_with_scenario).
    let full = p
        .link
        .as_ref()
        .filter(|_| !p.standalone)
        .map(|l| link_with_scenario(l, &p.query, &host.origin, p.link_scenario));
    let share_url = full
        .clone()
        .unwrap_or_else(|| with_query(&host.page, &p.query));
    let onclick = {
        let share_url = share_url.clone();
        Callback::from(move |_: MouseEvent| copy.emit(share_url.clone()))
    };
    html! {
        <div class="share">
            if !p.hide_share {
                <button type="button" class="primary" {onclick}>{ lang.say("share.copy") }</button>
            }
            if let Some(href) = full {
                <a class="full" href={href} target="_blank" rel="noopener">{ lang.say("share.open") }</a>
            }
            <p class="copy-status" role="status">
                { match status {
                    CopyStatus::Idle => Html::default(),
                    CopyStatus::Copied => html! { { lang.say("share.copied") } },
                    CopyStatus::Failed(u) => html! { <>{ lang.say("share.failed") }{ " " }<input type="text" readonly=true aria-label={lang.say("share.link")} value={u} /></> },
                } }
            </p>
        </div>
    }
}
