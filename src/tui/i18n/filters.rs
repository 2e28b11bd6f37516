//! The interface's words for the checklist's filters, in the three languages.

use crate::domain::lang::Lang;

pub struct FilterTexts {
    /// The filter menu's title.
    pub title: &'static str,
    /// Each filter's name, in the order of `ItemFilter::ALL`.
    pub names: [&'static str; 5],
    /// The pane title's mark of the filters on: "filter: open, critical".
    pub shown: &'static str,
    /// After a change: how many items are listed.
    pub msg_listed: &'static str,
}

const EN: FilterTexts = FilterTexts {
    title: "Filter the items (Enter switches one on or off, Esc closes)",
    names: ["open", "critical", "with notes", "N/A", "below target"],
    shown: "filter",
    msg_listed: "Items listed: {n}.",
};

const ES: FilterTexts = FilterTexts {
    title: "Filtrar los ítems (Enter activa o desactiva uno, Esc cierra)",
    names: [
        "abiertos",
        "críticos",
        "con observaciones",
        "N/A",
        "bajo el objetivo",
    ],
    shown: "filtro",
    msg_listed: "Ítems listados: {n}.",
};

const PT: FilterTexts = FilterTexts {
    title: "Filtrar os itens (Enter ativa ou desativa um, Esc fecha)",
    names: [
        "abertos",
        "críticos",
        "com observações",
        "N/A",
        "abaixo do alvo",
    ],
    shown: "filtro",
    msg_listed: "Itens listados: {n}.",
};

pub fn filter_texts(lang: Lang) -> &'static FilterTexts {
    match lang {
        Lang::En => &EN,
        Lang::Es => &ES,
        Lang::Pt => &PT,
    }
}
