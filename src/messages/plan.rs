//! The words of the action plan in the three languages: what a proposed
//! action says, why it has its priority (also printed in the annex), and the
//! problems with what a person typed.

use super::{count, fill, pick, terms};
use crate::domain::assessment::EquipmentCounts;
use crate::domain::lang::Lang;
use crate::domain::pack::Pack;
use crate::domain::plan::check::PlanProblem;
use crate::domain::plan::propose::{Basis, PriorityRule, Proposal};
use crate::domain::scoring::Flag;

/// The longest title made from a recommendation, in characters.
const TITLE_CHARS: usize = 110;
/// Where a title too long is cut (at a word boundary, with an ellipsis).
const CUT_CHARS: usize = 80;

/// Words that do not end a cut title ("… and…", "… y…").
const DANGLING: &[&str] = &[
    "and", "or", "the", "of", "to", "y", "o", "el", "la", "los", "las", "de", "del", "a", "e",
    "ou", "os", "as", "do", "da", "dos", "das", "com", "con", "with", "for", "para", "por", "en",
    "em", "in",
];

/// A short title from a recommendation: its first sentence (or part before
/// a semicolon) when short enough, else its first words with an ellipsis.
pub fn short_title(text: &str) -> String {
    let text = text.trim();
    let end = text
        .char_indices()
        .find(|(i, c)| matches!(c, ';' | '.') && text[*i + c.len_utf8()..].starts_with(' '))
        .map_or(text.len(), |(i, _)| i);
    let first = text[..end].trim_end_matches('.');
    if first.chars().count() <= TITLE_CHARS {
        return first.to_string();
    }
    let mut words: Vec<&str> = Vec::new();
    let mut length = 0;
    for word in first.split_whitespace() {
        if length + word.chars().count() + 1 > CUT_CHARS {
            break;
        }
        length += word.chars().count() + 1;
        words.push(word);
    }
    while words.len() > 1
        && words
            .last()
            .is_some_and(|w| DANGLING.contains(&w.trim_end_matches(',').to_lowercase().as_str()))
    {
        words.pop();
    }
    let cut = words.join(" ");
    format!("{}…", cut.trim_end_matches([',', ':']))
}

fn units(lang: Lang, n: u32) -> String {
    count(
        n,
        pick(
            lang,
            [
                ["unit", "units"],
                ["unidad", "unidades"],
                ["unidade", "unidades"],
            ],
        ),
    )
}

fn operators(lang: Lang, n: u32) -> String {
    count(
        n,
        pick(
            lang,
            [
                ["operator", "operators"],
                ["operador", "operadores"],
                ["operador", "operadores"],
            ],
        ),
    )
}

/// One sentence per flag, naming the counts behind it.
fn flag_sentence(lang: Lang, name: &str, flag: Flag, c: &EquipmentCounts) -> String {
    let n = |v: Option<u32>| v.unwrap_or(0);
    let short = |a: Option<u32>, b: Option<u32>| n(b).saturating_sub(n(a));
    let template = match flag {
        Flag::Missing => pick(
            lang,
            [
                "{name}: add {more} ({present} of {required} required are present)",
                "{name}: dotar de {more} más (hay {present} de {required} requeridas)",
                "{name}: prover mais {more} (há {present} de {required} necessárias)",
            ],
        ),
        Flag::Broken => pick(
            lang,
            [
                "{name}: repair or replace {broken} out of service",
                "{name}: reparar o reemplazar {broken} fuera de servicio",
                "{name}: reparar ou substituir {broken} fora de serviço",
            ],
        ),
        Flag::Idle => pick(
            lang,
            [
                "{name}: put the idle units into regular use ({in_use} of {functional} in use)",
                "{name}: poner en uso regular las unidades ociosas ({in_use} de {functional} en uso)",
                "{name}: colocar em uso regular as unidades ociosas ({in_use} de {functional} em uso)",
            ],
        ),
        Flag::Untrained => pick(
            lang,
            [
                "{name}: train {more_operators} ({trained} of {needed} trained)",
                "{name}: capacitar a {train} más ({trained} de {needed} capacitados)",
                "{name}: capacitar mais {train} ({trained} de {needed} capacitados)",
            ],
        ),
        Flag::Unmaintained => pick(
            lang,
            [
                "{name}: bring {unmaintained} under planned maintenance ({maintained} of {present} maintained)",
                "{name}: incluir {unmaintained} en el mantenimiento programado ({maintained} de {present} con mantenimiento)",
                "{name}: incluir {unmaintained} na manutenção programada ({maintained} de {present} com manutenção)",
            ],
        ),
    };
    let values = [
        ("more", units(lang, short(c.present, c.required))),
        ("broken", units(lang, short(c.functional, c.present))),
        ("train", operators(lang, short(c.trained, c.needed))),
        // English puts "more" before the noun: "train 5 more operators".
        ("more_operators", {
            let k = short(c.trained, c.needed);
            format!("{k} more {}", if k == 1 { "operator" } else { "operators" })
        }),
        ("unmaintained", units(lang, short(c.maintained, c.present))),
        ("present", n(c.present).to_string()),
        ("required", n(c.required).to_string()),
        ("in_use", n(c.in_use).to_string()),
        ("functional", n(c.functional).to_string()),
        ("trained", n(c.trained).to_string()),
        ("needed", n(c.needed).to_string()),
        ("maintained", n(c.maintained).to_string()),
        ("name", name.to_string()),
    ];
    let pairs: Vec<(&str, &str)> = values.iter().map(|(k, v)| (*k, v.as_str())).collect();
    fill(template, &pairs)
}

/// What an item about equipment calls for, from the audit of its types
/// (`audited`: (type, flags, counts) of each type the audit recorded): the
/// audit's sentences when a type has a problem the item is about, else that
/// the audit finds none and what the target level asks; `None` when none of
/// its types was audited (the item's own recommendation then stands).
pub fn equipment_recommendation(
    pack: &Pack,
    item: &crate::domain::pack::Item,
    audited: &[(&str, &[Flag], &EquipmentCounts)],
    target: u8,
    lang: Lang,
) -> Option<String> {
    if item.equipment.is_empty() || audited.is_empty() {
        return None;
    }
    let name = |type_id: &str| {
        pack.catalogue
            .get(type_id)
            .map_or_else(|| type_id.to_string(), |t| t.name.get(lang).clone())
    };
    let wanted = |f: &Flag| item.equipment_flags.is_empty() || item.equipment_flags.contains(f);
    let sentences: Vec<String> = audited
        .iter()
        .flat_map(|(type_id, flags, counts)| {
            let name = name(type_id);
            flags
                .iter()
                .filter(|f| wanted(f))
                .map(move |f| format!("{}.", flag_sentence(lang, &name, *f, counts)))
                .collect::<Vec<_>>()
        })
        .collect();
    if !sentences.is_empty() {
        return Some(sentences.join(" "));
    }
    let types: Vec<String> = audited.iter().map(|(t, _, _)| name(t)).collect();
    let criterion = item
        .text
        .get(lang)
        .levels
        .get(usize::from(target.min(4)))
        .cloned()
        .unwrap_or_default();
    Some(fill(
        pick(
            lang,
            [
                "The equipment audit shows no shortfall in {types}. To reach level {target}: {criterion}",
                "La auditoría de equipamiento no muestra carencias en {types}. Para alcanzar el nivel {target}: {criterion}",
                "A auditoria de equipamento não mostra carências em {types}. Para alcançar o nível {target}: {criterion}",
            ],
        ),
        &[
            ("types", &types.join(", ")),
            ("target", &target.to_string()),
            ("criterion", criterion.trim()),
        ],
    ))
}

/// The title and text of a proposed action in `lang`: an item's
/// recommendation (or, for an item about equipment, what the audit calls
/// for: `audit_text`), or an equipment type's flags with their counts.
pub fn proposal_words(
    pack: &Pack,
    proposal: &Proposal,
    audit_text: Option<&str>,
    lang: Lang,
) -> (String, String) {
    match &proposal.basis {
        Basis::Item { item, .. } => {
            let Some(found) = pack.item(item) else {
                return (item.clone(), String::new());
            };
            let text = found.text.get(lang);
            let recommendation = audit_text.unwrap_or(text.recommendation.trim());
            if recommendation.is_empty() {
                (short_title(&text.question), String::new())
            } else {
                (short_title(recommendation), recommendation.to_string())
            }
        }
        Basis::Equipment { flag, types } => {
            let work = pick(
                lang,
                match flag {
                    Flag::Missing => [
                        "Procure the missing equipment",
                        "Adquirir el equipamiento faltante",
                        "Adquirir o equipamento em falta",
                    ],
                    Flag::Broken => [
                        "Repair or replace equipment out of service",
                        "Reparar o reemplazar el equipamiento fuera de servicio",
                        "Reparar ou substituir o equipamento fora de serviço",
                    ],
                    Flag::Idle => [
                        "Put idle equipment into regular use",
                        "Poner en uso regular el equipamiento ocioso",
                        "Colocar em uso regular o equipamento ocioso",
                    ],
                    Flag::Untrained => [
                        "Train equipment operators",
                        "Capacitar a los operadores de equipamiento",
                        "Capacitar os operadores de equipamento",
                    ],
                    Flag::Unmaintained => [
                        "Bring equipment under planned maintenance",
                        "Incluir el equipamiento en el mantenimiento programado",
                        "Incluir o equipamento na manutenção programada",
                    ],
                },
            );
            let name = |type_id: &str| {
                pack.catalogue
                    .get(type_id)
                    .map_or_else(|| type_id.to_string(), |t| t.name.get(lang).clone())
            };
            let names: Vec<String> = types.iter().map(|t| name(&t.type_id)).collect();
            let listed = format!("{work}: {}", names.join(", "));
            let title = if listed.chars().count() <= TITLE_CHARS {
                listed
            } else {
                let kinds = pick(
                    lang,
                    [["type", "types"], ["tipo", "tipos"], ["tipo", "tipos"]],
                );
                format!("{work} ({})", count(names.len() as u32, kinds))
            };
            let body = types
                .iter()
                .zip(&names)
                .map(|(t, n)| format!("{}.", flag_sentence(lang, n, *flag, &t.counts)))
                .collect::<Vec<_>>()
                .join("\n");
            (title, body)
        }
    }
}

/// Why a proposal has its priority, in a few words.
pub fn rule_reason(lang: Lang, rule: PriorityRule) -> String {
    match rule {
        PriorityRule::SeriousDeficiency => pick(
            lang,
            [
                "critical item at the serious-deficiency level",
                "ítem crítico en el nivel de deficiencia grave",
                "item crítico no nível de deficiência grave",
            ],
        )
        .into(),
        PriorityRule::CriticalGate => pick(
            lang,
            [
                "critical item holding its pillar below target",
                "ítem crítico que mantiene su pilar por debajo del objetivo",
                "item crítico que mantém seu pilar abaixo do alvo",
            ],
        )
        .into(),
        PriorityRule::CriticalBelowTarget => pick(
            lang,
            [
                "critical item below target",
                "ítem crítico por debajo del objetivo",
                "item crítico abaixo do alvo",
            ],
        )
        .into(),
        PriorityRule::WeightedGap(n) => format!(
            "{} {n}",
            pick(
                lang,
                [
                    "weight × gap to target =",
                    "peso × brecha hasta el objetivo =",
                    "peso × lacuna até o alvo =",
                ]
            )
        ),
        PriorityRule::NoneWorking => pick(
            lang,
            [
                "essential equipment with no unit working",
                "equipamiento esencial sin ninguna unidad en funcionamiento",
                "equipamento essencial sem nenhuma unidade em funcionamento",
            ],
        )
        .into(),
        PriorityRule::EquipmentSeverity(n) => format!(
            "{} {n}",
            pick(
                lang,
                [
                    "criticality × severity =",
                    "criticidad × gravedad =",
                    "criticidade × gravidade =",
                ]
            )
        ),
    }
}

/// The rule that proposes actions and gives their priority, as the annex
/// prints it: one line per priority.
pub fn priority_rules(lang: Lang) -> Vec<String> {
    use crate::domain::plan::Priority;
    let lines = [
        (
            Priority::Critical,
            [
                "a critical item at or below the serious-deficiency level, or whose level holds its pillar below the target (level + 1 < target); essential equipment (criticality 3) with no unit working",
                "un ítem crítico en el nivel de deficiencia grave o por debajo, o cuyo nivel mantiene su pilar por debajo del objetivo (nivel + 1 < objetivo); equipamiento esencial (criticidad 3) sin ninguna unidad en funcionamiento",
                "um item crítico no nível de deficiência grave ou abaixo, ou cujo nível mantém seu pilar abaixo do alvo (nível + 1 < alvo); equipamento essencial (criticidade 3) sem nenhuma unidade em funcionamento",
            ],
        ),
        (
            Priority::High,
            [
                "any other critical item below the target; weight × (target − level) of 6 or more; equipment whose criticality × severity of a flag is 6 or more (missing or broken units 3, idle units or untrained operators 2, unmaintained units 1; one less when less than half is short, 1 when less than a fifth is)",
                "cualquier otro ítem crítico por debajo del objetivo; peso × (objetivo − nivel) de 6 o más; equipamiento cuya criticidad × gravedad de una alerta es 6 o más (unidades faltantes o averiadas 3, unidades ociosas u operadores sin capacitación 2, unidades sin mantenimiento 1; uno menos cuando falta menos de la mitad, 1 cuando falta menos de una quinta parte)",
                "qualquer outro item crítico abaixo do alvo; peso × (alvo − nível) de 6 ou mais; equipamento cuja criticidade × gravidade de um alerta é 6 ou mais (unidades em falta ou avariadas 3, unidades ociosas ou operadores sem capacitação 2, unidades sem manutenção 1; um a menos quando falta menos da metade, 1 quando falta menos de um quinto)",
            ],
        ),
        (
            Priority::Medium,
            [
                "the same products from 3 to 5",
                "los mismos productos de 3 a 5",
                "os mesmos produtos de 3 a 5",
            ],
        ),
        (
            Priority::Low,
            [
                "the same products of 1 or 2",
                "los mismos productos de 1 o 2",
                "os mesmos produtos de 1 ou 2",
            ],
        ),
    ];
    lines
        .iter()
        .map(|(priority, text)| {
            format!(
                "{}: {}",
                terms::priority(lang, *priority),
                pick(lang, *text)
            )
        })
        .collect()
}

/// The placeholders of a follow-up's figures ({reviewed}, {done}…), with the
/// closure rate already written as `rate`.
pub fn followup_values(
    s: &crate::domain::plan::FollowUpSummary,
    rate: &str,
) -> Vec<(&'static str, String)> {
    vec![
        ("reviewed", s.reviewed.to_string()),
        ("actions", s.actions.to_string()),
        ("done", s.done.to_string()),
        ("partly", s.partly.to_string()),
        ("not_done", s.not_done.to_string()),
        ("not_relevant", s.not_relevant.to_string()),
        ("overdue", s.overdue.to_string()),
        ("pending", s.pending().to_string()),
        ("rate", rate.to_string()),
    ]
}

/// `template` filled with [`followup_values`].
pub fn fill_followup(
    template: &str,
    s: &crate::domain::plan::FollowUpSummary,
    rate: &str,
) -> String {
    let values = followup_values(s, rate);
    let pairs: Vec<(&str, &str)> = values.iter().map(|(k, v)| (*k, v.as_str())).collect();
    fill(template, &pairs)
}

/// One problem with an action's fields, for a person.
pub fn problem(lang: Lang, problem: &PlanProblem) -> String {
    match problem {
        PlanProblem::EmptyTitle => pick(
            lang,
            [
                "an action needs a title",
                "una acción necesita un título",
                "uma ação precisa de um título",
            ],
        )
        .into(),
        PlanProblem::TooLong { field, chars, max } => {
            let name = match *field {
                "title" => pick(lang, ["the title", "el título", "o título"]),
                "agency" => pick(
                    lang,
                    [
                        "the agency",
                        "el organismo responsable",
                        "o órgão responsável",
                    ],
                ),
                _ => pick(lang, ["the text", "el texto", "o texto"]),
            };
            fill(
                pick(
                    lang,
                    [
                        "{name} may hold at most {max} characters; this one has {chars}",
                        "{name} admite como máximo {max} caracteres; este tiene {chars}",
                        "{name} admite no máximo {max} caracteres; este tem {chars}",
                    ],
                ),
                &[
                    ("name", name),
                    ("max", &max.to_string()),
                    ("chars", &chars.to_string()),
                ],
            )
        }
        PlanProblem::BadDate(text) => fill(
            pick(
                lang,
                [
                    "'{text}' is not a date: write it YYYY-MM-DD, e.g. 2027-06-30",
                    "'{text}' no es una fecha: escríbala AAAA-MM-DD, p. ej. 2027-06-30",
                    "'{text}' não é uma data: escreva-a AAAA-MM-DD, p. ex. 2027-06-30",
                ],
            ),
            &[("text", text)],
        ),
        PlanProblem::DueBeforeVisit { due, visit } => fill(
            pick(
                lang,
                [
                    "the due date {due} is before the visit ({visit})",
                    "el plazo {due} es anterior a la visita ({visit})",
                    "o prazo {due} é anterior à visita ({visit})",
                ],
            ),
            &[("due", due), ("visit", visit)],
        ),
        PlanProblem::BadAmount(text) => fill(
            pick(
                lang,
                [
                    "'{text}' is not an amount in whole units (e.g. 12500 or 12 500)",
                    "'{text}' no es un importe en unidades enteras (p. ej. 12500 o 12 500)",
                    "'{text}' não é um valor em unidades inteiras (p. ex. 12500 ou 12 500)",
                ],
            ),
            &[("text", text)],
        ),
        PlanProblem::BadCurrency(text) => fill(
            pick(
                lang,
                [
                    "'{text}' is not a currency code: use three letters (ISO 4217), e.g. EUR, USD, PEN",
                    "'{text}' no es un código de moneda: use tres letras (ISO 4217), p. ej. EUR, USD, PEN",
                    "'{text}' não é um código de moeda: use três letras (ISO 4217), p. ex. EUR, USD, BRL",
                ],
            ),
            &[("text", text)],
        ),
        PlanProblem::NoCites => pick(
            lang,
            [
                "an action cites at least one item or equipment type (equipment:TYPE)",
                "una acción cita al menos un ítem o un tipo de equipamiento (equipment:TIPO)",
                "uma ação cita pelo menos um item ou um tipo de equipamento (equipment:TIPO)",
            ],
        )
        .into(),
        PlanProblem::UnknownItem(id) => fill(
            pick(
                lang,
                [
                    "there is no item '{id}' in this assessment's pack",
                    "no hay ningún ítem '{id}' en el paquete de esta evaluación",
                    "não há nenhum item '{id}' no pacote desta avaliação",
                ],
            ),
            &[("id", id)],
        ),
        PlanProblem::ItemNotHere(id) => fill(
            pick(
                lang,
                [
                    "item '{id}' is not asked at this post (or at this depth)",
                    "el ítem '{id}' no se evalúa en este puesto (o con esta profundidad)",
                    "o item '{id}' não é avaliado neste posto (ou com esta profundidade)",
                ],
            ),
            &[("id", id)],
        ),
        PlanProblem::UnknownType(id) => fill(
            pick(
                lang,
                [
                    "there is no equipment type '{id}' in the catalogue",
                    "no hay ningún tipo de equipamiento '{id}' en el catálogo",
                    "não há nenhum tipo de equipamento '{id}' no catálogo",
                ],
            ),
            &[("id", id)],
        ),
    }
}

/// A problem with a visit's dates, for a person.
pub fn method_problem(
    lang: Lang,
    problem: crate::domain::assessment::MethodProblem,
) -> &'static str {
    use crate::domain::assessment::MethodProblem as M;
    match problem {
        M::BadFrom => pick(
            lang,
            [
                "the first day of the visit is not a date: write it YYYY-MM-DD",
                "el primer día de la visita no es una fecha: escríbalo AAAA-MM-DD",
                "o primeiro dia da visita não é uma data: escreva-o AAAA-MM-DD",
            ],
        ),
        M::BadTo => pick(
            lang,
            [
                "the last day of the visit is not a date: write it YYYY-MM-DD",
                "el último día de la visita no es una fecha: escríbalo AAAA-MM-DD",
                "o último dia da visita não é uma data: escreva-o AAAA-MM-DD",
            ],
        ),
        M::ToBeforeFrom => pick(
            lang,
            [
                "the last day of the visit is before the first",
                "el último día de la visita es anterior al primero",
                "o último dia da visita é anterior ao primeiro",
            ],
        ),
    }
}

/// Every problem, joined for one message line.
pub fn problems(lang: Lang, found: &[PlanProblem]) -> String {
    found
        .iter()
        .map(|p| problem(lang, p))
        .collect::<Vec<_>>()
        .join("; ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_are_the_first_sentence_or_its_first_words() {
        assert_eq!(
            short_title("Name a shift supervisor with written duties. Review them yearly."),
            "Name a shift supervisor with written duties"
        );
        assert_eq!(
            short_title(
                "Recruit border staff through open, merit-based competitions, vet every candidate under written rules before appointment, and document each step."
            ),
            "Recruit border staff through open, merit-based competitions, vet every…"
        );
        assert_eq!(
            short_title(
                "Arrange query access to the national registry and, through bilateral or regional agreements with safeguards, to the registries of the neighbours."
            ),
            "Arrange query access to the national registry and, through bilateral…"
        );
        let long = "word ".repeat(60);
        let title = short_title(&long);
        assert!(
            title.ends_with('…') && title.chars().count() <= TITLE_CHARS,
            "{title}"
        );
        assert_eq!(short_title("Fix it."), "Fix it");
    }

    #[test]
    fn equipment_words_name_the_shortfall_in_the_right_number() {
        let c = EquipmentCounts {
            required: Some(4),
            present: Some(3),
            functional: Some(2),
            ..EquipmentCounts::default()
        };
        assert_eq!(
            flag_sentence(Lang::Es, "Lector de documentos", Flag::Missing, &c),
            "Lector de documentos: dotar de 1 unidad más (hay 3 de 4 requeridas)"
        );
        assert_eq!(
            flag_sentence(Lang::Pt, "Leitor", Flag::Broken, &c),
            "Leitor: reparar ou substituir 1 unidade fora de serviço"
        );
        assert_eq!(
            flag_sentence(Lang::En, "Reader", Flag::Missing, &c),
            "Reader: add 1 unit (3 of 4 required are present)"
        );
    }

    #[test]
    fn every_problem_and_rule_reads_in_every_language() {
        let all = [
            PlanProblem::EmptyTitle,
            PlanProblem::TooLong {
                field: "title",
                chars: 300,
                max: 200,
            },
            PlanProblem::BadDate("x".into()),
            PlanProblem::DueBeforeVisit {
                due: "2026-01-01".into(),
                visit: "2026-02-02".into(),
            },
            PlanProblem::BadAmount("1,2".into()),
            PlanProblem::BadCurrency("eu".into()),
            PlanProblem::NoCites,
            PlanProblem::UnknownItem("p9".into()),
            PlanProblem::ItemNotHere("p1".into()),
            PlanProblem::UnknownType("radar".into()),
        ];
        for p in &all {
            let en = problem(Lang::En, p);
            for lang in [Lang::Es, Lang::Pt] {
                let text = problem(lang, p);
                assert!(!text.contains('{') && text != en, "{lang}: {text}");
            }
        }
        for lang in Lang::ALL {
            assert_eq!(priority_rules(lang).len(), 4);
        }
    }
}
