//! Take the result away: the year-by-year table as CSV and the result card
//! as an SVG image, made in the browser and saved through the host's
//! download action (no request). The texts come from `publish`.

use std::rc::Rc;

use yew::prelude::*;

use crate::model::Projection;
use crate::publish;
use crate::ui::format;
use crate::ui::host::{Download, Host};

#[derive(Properties, PartialEq)]
pub struct TakeAwayProps {
    pub projection: Rc<Projection>,
    pub cur: AttrValue,
    pub years: u32,
}

#[function_component(TakeAway)]
pub fn take_away(p: &TakeAwayProps) -> Html {
    let host = use_context::<Host>().unwrap_or_default();
    let lang = host.lang;
    // Built on click only: a render costs nothing for a file nobody saves.
    let csv = {
        let download = host.download.clone();
        let projection = p.projection.clone();
        Callback::from(move |_: MouseEvent| {
            download.emit(Download {
                name: "tokenworth-years.csv".to_string(),
                mime: "text/csv;charset=utf-8",
                text: publish::years_csv(&projection, lang),
            })
        })
    };
    let card = {
        let download = host.download.clone();
        let projection = p.projection.clone();
        let cur = p.cur.clone();
        let loc = format::use_locale();
        let years = p.years;
        Callback::from(move |_: MouseEvent| {
            let money = |d| format::money(d, &cur, &loc);
            let percent = |r| format::percent(r, &loc);
            download.emit(Download {
                name: "tokenworth-result.svg".to_string(),
                mime: "image/svg+xml",
                text: publish::result_card_svg(&projection, years, lang, &money, &percent),
            })
        })
    };
    html! {
        <div class="takeaway">
            <button type="button" class="secondary" data-action="csv" onclick={csv}>{ lang.say("takeaway.csv") }</button>
            <button type="button" class="secondary" data-action="card" onclick={card}>{ lang.say("takeaway.card") }</button>
        </div>
    }
}
