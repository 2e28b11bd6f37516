//! The checklist's filter menu: each Enter switches one filter on or off and
//! relists the pillar tabs at once, the menu staying open to combine more.

use crate::tui::effect::Effect;
use crate::tui::i18n::{fill, filter_texts};
use crate::tui::state::filters::ItemFilter;
use crate::tui::state::{AppState, Choice, ChoiceKind, Overlay};

/// Opens the menu with `selected` highlighted, each filter marked on or off.
pub fn open_menu(state: &mut AppState, selected: usize) -> Vec<Effect> {
    let f = filter_texts(state.lang);
    let Some(ws) = state.workspace.as_ref() else {
        return Vec::new();
    };
    let options = ItemFilter::ALL
        .iter()
        .zip(f.names)
        .map(|(filter, name)| {
            let mark = if ws.filters.is_on(*filter) {
                "[x]"
            } else {
                "[ ]"
            };
            format!("{mark} {name}")
        })
        .collect();
    state.overlay = Some(Overlay::Choice(Choice {
        kind: ChoiceKind::ItemFilters,
        title: f.title.into(),
        options,
        selected,
    }));
    Vec::new()
}

/// Switches the filter at `index` and relists; says how many items remain.
pub fn toggle(state: &mut AppState, index: usize) -> Vec<Effect> {
    let Some(filter) = ItemFilter::ALL.get(index).copied() else {
        return Vec::new();
    };
    let Some(ws) = state.workspace.as_mut() else {
        return Vec::new();
    };
    let mut filters = ws.filters.clone();
    filters.toggle(filter);
    let listed = ws.set_filters(filters);
    let f = filter_texts(state.lang);
    state.info(fill(f.msg_listed, &[("n", &listed.to_string())]));
    open_menu(state, index)
}
