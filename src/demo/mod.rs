//! Demo data: the four EUROFRONT pilot crossings with believable assessments in
//! every state. Idempotent: posts and assessments that exist are left alone, so
//! loading it twice (or from several processes at once) duplicates nothing.
//! Demo posts have codes of their own (`DEMO-…`), so invented assessments never
//! attach to a real post and never enter a real programme report. Used by
//! `frontera demo` and the interface.

mod plan;

use sha2::{Digest, Sha256};

use crate::content::PackSource;
use crate::domain::assessment::{AssessmentId, AssessmentKind, Response, Transition};
use crate::domain::lang::Lang;
use crate::domain::pack::Pack;
use crate::domain::post::{ControlModel, CountryCode, Post, PostCode, PostKind, PostProfile};
use crate::store::{EquipmentUpdate, NewAssessment, Store, StoreError};

/// Why the demo data could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum DemoError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(
        "a post with the demo's code {0} exists but is not the demo's; the demo data was not loaded"
    )]
    CodeTaken(String),
}

type Result<T> = std::result::Result<T, DemoError>;

struct DemoPost {
    code: &'static str,
    name: &'static str,
    country: &'static str,
    neighbour: &'static str,
    kind: PostKind,
    model: ControlModel,
    profile: PostProfile,
    agencies: &'static [&'static str],
}

const POSTS: [DemoPost; 4] = [
    DemoPost {
        code: "DEMO-EC-RUM",
        name: "Rumichaca (Tulcán – Ipiales)",
        country: "EC",
        neighbour: "CO",
        kind: PostKind::Land,
        model: ControlModel::Juxtaposed,
        profile: PostProfile {
            lanes: 6,
            cargo_lanes: 4,
            booths: 8,
            shifts: 3,
        },
        agencies: &[
            "Ministerio del Interior (Ecuador)",
            "Migración Colombia",
            "Policía Nacional",
        ],
    },
    DemoPost {
        code: "DEMO-PE-DES",
        name: "Desaguadero CEBAF",
        country: "PE",
        neighbour: "BO",
        kind: PostKind::Land,
        model: ControlModel::SingleHead,
        profile: PostProfile {
            lanes: 4,
            cargo_lanes: 3,
            booths: 6,
            shifts: 3,
        },
        agencies: &[
            "Superintendencia Nacional de Migraciones",
            "Policía Nacional del Perú",
            "SUNAT",
            "SENASA",
            "DIGESA",
            "Dirección General de Migración (Bolivia)",
        ],
    },
    DemoPost {
        code: "DEMO-BR-FOZ",
        name: "Ponte da Amizade (Foz do Iguaçu – Ciudad del Este)",
        country: "BR",
        neighbour: "PY",
        kind: PostKind::Land,
        model: ControlModel::None,
        profile: PostProfile {
            lanes: 8,
            cargo_lanes: 4,
            booths: 10,
            shifts: 3,
        },
        agencies: &["Polícia Federal", "Receita Federal"],
    },
    DemoPost {
        code: "DEMO-AR-AGB",
        name: "Aguas Blancas – Bermejo",
        country: "AR",
        neighbour: "BO",
        kind: PostKind::Land,
        model: ControlModel::None,
        profile: PostProfile {
            lanes: 2,
            cargo_lanes: 1,
            booths: 2,
            shifts: 2,
        },
        agencies: &[
            "Dirección Nacional de Migraciones",
            "Gendarmería Nacional",
            "Dirección General de Migración (Bolivia)",
        ],
    },
];

/// One demo assessment: whose, when, how mature per pillar, how far it got.
struct DemoAssessment {
    post: &'static str,
    kind: AssessmentKind,
    created_at: &'static str,
    evaluators: &'static [&'static str],
    /// Typical level per pillar 1..4.
    maturity: [u8; 4],
    /// Share of items answered, in percent.
    answered: u8,
    /// Each move of the life cycle with the day it happened.
    transitions: &'static [(Transition, &'static str)],
}

const ASSESSMENTS: [DemoAssessment; 6] = [
    DemoAssessment {
        post: "DEMO-PE-DES",
        kind: AssessmentKind::Baseline,
        created_at: "2025-05-12T14:00:00Z",
        evaluators: &["Lucía Mamani", "Tomasz Nowak"],
        maturity: [2, 2, 1, 2],
        answered: 100,
        transitions: &[
            (Transition::Submit, "2025-05-23T16:00:00Z"),
            (Transition::Finalise, "2025-06-20T15:00:00Z"),
        ],
    },
    DemoAssessment {
        post: "DEMO-PE-DES",
        kind: AssessmentKind::FollowUp,
        created_at: "2026-10-06T13:30:00Z",
        evaluators: &["Lucía Mamani", "Rui Almeida"],
        maturity: [3, 3, 2, 3],
        answered: 100,
        transitions: &[
            (Transition::Submit, "2026-10-16T18:00:00Z"),
            (Transition::Finalise, "2026-11-06T14:00:00Z"),
        ],
    },
    DemoAssessment {
        post: "DEMO-EC-RUM",
        kind: AssessmentKind::Baseline,
        created_at: "2025-08-18T15:00:00Z",
        evaluators: &["Andrés Quishpe", "Marta Kowalczyk"],
        maturity: [2, 3, 2, 3],
        answered: 100,
        transitions: &[
            (Transition::Submit, "2025-08-29T17:00:00Z"),
            (Transition::Finalise, "2025-09-26T15:00:00Z"),
        ],
    },
    DemoAssessment {
        post: "DEMO-EC-RUM",
        kind: AssessmentKind::FollowUp,
        created_at: "2026-11-10T14:00:00Z",
        evaluators: &["Andrés Quishpe"],
        maturity: [3, 3, 2, 3],
        answered: 55,
        transitions: &[],
    },
    DemoAssessment {
        post: "DEMO-BR-FOZ",
        kind: AssessmentKind::Baseline,
        created_at: "2026-03-23T12:00:00Z",
        evaluators: &["Renata Souza", "Jonas Petrauskas"],
        maturity: [3, 2, 3, 3],
        answered: 100,
        transitions: &[(Transition::Submit, "2026-04-02T19:00:00Z")],
    },
    DemoAssessment {
        post: "DEMO-AR-AGB",
        kind: AssessmentKind::Baseline,
        created_at: "2026-09-14T13:00:00Z",
        evaluators: &["Carolina Ríos"],
        maturity: [1, 1, 1, 1],
        answered: 80,
        transitions: &[],
    },
];

/// A stable number 0..=255 for a pair of names: demo data must not change
/// between runs.
fn dice(a: &str, b: &str) -> u8 {
    let digest = Sha256::digest(format!("{a}\u{0}{b}").as_bytes());
    digest[0]
}

/// Evaluators write their notes in the post's working language.
fn working_language(post: &Post) -> Lang {
    if post.country.as_str() == "BR" {
        Lang::Pt
    } else {
        Lang::Es
    }
}

fn demo_id(a: &DemoAssessment) -> AssessmentId {
    let digest = Sha256::digest(format!("frontera-demo:{}:{}", a.post, a.created_at).as_bytes());
    AssessmentId::from_hex(
        &digest
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect::<String>(),
    )
}

fn post_of(d: &DemoPost) -> Post {
    Post {
        // The codes and countries above are constants known to be valid.
        code: PostCode::parse(d.code).unwrap_or_else(|e| unreachable!("{e}")),
        name: d.name.to_string(),
        country: CountryCode::parse(d.country).unwrap_or_else(|e| unreachable!("{e}")),
        neighbour: CountryCode::parse(d.neighbour).unwrap_or_else(|e| unreachable!("{e}")),
        kind: d.kind,
        cargo: d.profile.cargo_lanes > 0,
        model: d.model,
        profile: d.profile,
        agencies: d.agencies.iter().map(|s| s.to_string()).collect(),
    }
}

fn answer_items(
    store: &mut Store,
    id: &AssessmentId,
    pack: &Pack,
    post: &Post,
    demo: &DemoAssessment,
) -> Result<()> {
    for item in pack.applicable_items(post) {
        let roll = dice(id.as_str(), &item.id);
        if u32::from(roll) * 100 >= u32::from(demo.answered) * 256 {
            continue;
        }
        // Items about a shared or integrated control do not apply where each state
        // controls on its own side.
        let shared_control = [
            "shared-control",
            "binational",
            "joint-sequential",
            "joint-control",
        ]
        .iter()
        .any(|word| item.id.contains(word));
        let lang = working_language(post);
        let response = if shared_control && post.model == ControlModel::None {
            let reason = match lang {
                Lang::Pt => {
                    "Ainda não funciona um controle compartilhado ou integrado neste posto."
                }
                _ => "Todavía no funciona un control compartido o integrado en este paso.",
            };
            Response::NotApplicable {
                reason: reason.into(),
            }
        } else {
            let base = i16::from(demo.maturity[usize::from(item.pillar - 1)]);
            let shift = match roll % 6 {
                0 => -1,
                5 => 1,
                _ => 0,
            };
            Response::Level((base + shift).clamp(0, 4) as u8)
        };
        let note = match &response {
            Response::Level(level) => Some(evidence(lang, *level, roll)),
            _ => None,
        };
        let writer = store.writer_lang();
        store.set_lang(lang);
        let saved = store.set_answer(id, &item.id, &response, note.as_deref());
        store.set_writer_lang(writer);
        saved?;
    }
    Ok(())
}

/// How the demo visit was carried out: three days from its start, the
/// people and places a team sees, the traffic the post reports.
fn visit(post: &Post, demo: &DemoAssessment) -> crate::domain::assessment::Method {
    let start = crate::domain::time::parse_rfc3339(demo.created_at).unwrap_or(0);
    let day = |offset: i64| {
        crate::domain::time::date_of(&crate::domain::time::rfc3339(start + offset * 86_400))
            .to_string()
    };
    let pt = working_language(post) == Lang::Pt;
    let (interviewed, sites) = if pt {
        (
            "Chefe do posto e supervisores de turno; 6 agentes de primeira linha; responsáveis da Receita e da Vigilância Sanitária; 12 viajantes.",
            "As cabines de entrada e saída nos três turnos; a segunda linha e a sala de entrevistas; a área de inspeção de carga; a sala de servidores.",
        )
    } else {
        (
            "Jefe del puesto y supervisores de turno; 6 agentes de primera línea; responsables de aduana y de sanidad agropecuaria; 12 viajeros.",
            "Los módulos de entrada y salida en los tres turnos; la segunda línea y la sala de entrevistas; la zona de inspección de carga; la sala de servidores.",
        )
    };
    let traffic = match post.code.as_str() {
        "DEMO-PE-DES" => "≈ 4 500 viajeros y 350 camiones por día (registro del puesto, 2025)",
        "DEMO-EC-RUM" => "≈ 6 000 viajeros y 500 camiones por día (registro del puesto, 2025)",
        "DEMO-BR-FOZ" => "≈ 40 000 viajantes e 1 200 caminhões por dia (registro do posto, 2025)",
        _ => "≈ 1 500 viajeros y 120 camiones por día (registro del puesto, 2025)",
    };
    crate::domain::assessment::Method {
        visit_from: Some(day(0)),
        visit_to: Some(day(2)),
        interviewed: interviewed.into(),
        sites_seen: sites.into(),
        traffic: traffic.into(),
    }
}

/// A short evidence note such as evaluators write: what was seen, read or
/// heard, in the post's working language. Three of each level, picked by
/// `roll`, so the demo's notes differ from item to item.
fn evidence(lang: Lang, level: u8, roll: u8) -> String {
    const ES: [[&str; 3]; 5] = [
        [
            "No existe; el jefe de puesto lo confirmó en la entrevista.",
            "No se encontró ningún documento ni práctica; ningún agente lo conoce.",
            "Ausente: no figura en las instrucciones ni se observó en los turnos visitados.",
        ],
        [
            "Depende del agente de turno; no hay norma escrita (entrevista con 3 agentes).",
            "Se hace a veces, sin registro; dos agentes describieron prácticas distintas.",
            "Práctica informal: nadie supo mostrar una instrucción ni un registro.",
        ],
        [
            "Hay una instrucción escrita, pero el turno de noche no la aplica (registro de marzo).",
            "Documentado en 2024; se observó en 2 de los 4 módulos.",
            "El procedimiento existe; el registro está incompleto en la mitad de los días revisados.",
        ],
        [
            "Se aplica en los tres turnos; verificado en el registro y en 20 cruces observados.",
            "Instrucción vigente, conocida por los agentes entrevistados y aplicada en todos los módulos.",
            "Cumplido: el registro de los últimos tres meses está completo y firmado por el supervisor.",
        ],
        [
            "Se mide y revisa cada año; el último informe de revisión (octubre) propuso mejoras ya aplicadas.",
            "Indicadores mensuales en el tablero del puesto; la práctica se compartió con otros pasos.",
            "Revisión trimestral documentada, con indicadores y correcciones aplicadas.",
        ],
    ];
    const PT: [[&str; 3]; 5] = [
        [
            "Não existe; o chefe do posto confirmou na entrevista.",
            "Não se encontrou documento nem prática; nenhum agente conhece.",
            "Ausente: não consta das instruções nem foi observado nos turnos visitados.",
        ],
        [
            "Depende do agente de turno; não há norma escrita (entrevista com 3 agentes).",
            "Feito às vezes, sem registro; dois agentes descreveram práticas diferentes.",
            "Prática informal: ninguém soube mostrar uma instrução nem um registro.",
        ],
        [
            "Há uma instrução escrita, mas o turno da noite não a aplica (registro de março).",
            "Documentado em 2024; observado em 2 das 4 cabines.",
            "O procedimento existe; o registro está incompleto em metade dos dias examinados.",
        ],
        [
            "Aplicado nos três turnos; verificado no registro e em 20 passagens observadas.",
            "Instrução vigente, conhecida pelos agentes entrevistados e aplicada em todas as cabines.",
            "Cumprido: o registro dos últimos três meses está completo e assinado pelo supervisor.",
        ],
        [
            "Medido e revisado todo ano; o último relatório de revisão (outubro) propôs melhorias já aplicadas.",
            "Indicadores mensais no painel do posto; a prática foi compartilhada com outros postos.",
            "Revisão trimestral documentada, com indicadores e correções aplicadas.",
        ],
    ];
    let table = if lang == Lang::Pt { &PT } else { &ES };
    table[usize::from(level.min(4))][usize::from(roll / 7) % 3].to_string()
}

fn audit_equipment(
    store: &mut Store,
    id: &AssessmentId,
    pack: &Pack,
    post: &Post,
    demo: &DemoAssessment,
) -> Result<()> {
    let strength = u32::from(demo.maturity[3]);
    for kind in pack
        .catalogue
        .types
        .iter()
        .filter(|t| t.applicability.applies_to(post))
    {
        let roll = u32::from(dice(id.as_str(), &kind.id));
        if roll % 4 == 0 || demo.answered < 100 && roll % 2 == 0 {
            continue;
        }
        let required = kind.need.required(&post.profile);
        let present = if roll % 5 == 0 {
            required.saturating_sub(1)
        } else {
            required + roll % 2
        };
        let functional = present.saturating_sub(u32::from(roll % 7 < 4 - strength.min(3)));
        let in_use = if roll % 9 == 0 {
            functional / 3
        } else {
            functional
        };
        let needed = kind.need.operators(required, &post.profile);
        let trained = needed * (2 + strength) / 5;
        let maintained = present.saturating_sub(roll % 3);
        let update = EquipmentUpdate {
            present: Some(Some(present)),
            functional: Some(Some(functional)),
            in_use: Some(Some(in_use)),
            trained: Some(Some(trained)),
            maintained: Some(Some(maintained)),
            note: (functional < present).then(|| {
                match working_language(post) {
                    Lang::Pt => "As unidades fora de serviço aguardam peças de reposição.",
                    _ => "Las unidades fuera de servicio esperan repuestos.",
                }
                .to_string()
            }),
            ..EquipmentUpdate::default()
        };
        let writer = store.writer_lang();
        store.set_lang(working_language(post));
        let saved = store.update_equipment(id, &kind.id, &update);
        store.set_writer_lang(writer);
        saved?;
    }
    if post.code.as_str() == "DEMO-EC-RUM" {
        let cameras = EquipmentUpdate {
            present: Some(Some(24)),
            functional: Some(Some(24)),
            in_use: Some(Some(24)),
            note: Some(
                "CCTV con reconocimiento facial y de placas y conteo de personas, donado en 2023."
                    .into(),
            ),
            ..EquipmentUpdate::default()
        };
        store.update_equipment(id, "other:CCTV analytics server", &cameras)?;
    }
    Ok(())
}

/// Loads the demo data into `store` with `pack`; returns (posts, assessments) added.
pub fn load_demo(store: &mut Store, source: &PackSource, pack: &Pack) -> Result<(usize, usize)> {
    let mut posts_added = 0;
    for d in &POSTS {
        let post = post_of(d);
        match store.add_post(&post) {
            Ok(()) => posts_added += 1,
            // Loaded before, or by another process just now.
            Err(StoreError::DuplicatePost(_)) => {
                let stored = store.post(&post.code)?;
                if stored.name != post.name || stored.country != post.country {
                    return Err(DemoError::CodeTaken(post.code.to_string()));
                }
            }
            Err(e) => return Err(e.into()),
        }
    }
    let mut assessments_added = 0;
    for demo in &ASSESSMENTS {
        let id = demo_id(demo);
        if store.assessment_exists(&id)? {
            continue;
        }
        let post =
            store.post(&PostCode::parse(demo.post).unwrap_or_else(|e| unreachable!("{e}")))?;
        let new = NewAssessment {
            post: post.code.clone(),
            kind: demo.kind,
            evaluators: demo.evaluators.iter().map(|s| s.to_string()).collect(),
            id: Some(id.clone()),
            created_at: Some(demo.created_at.to_string()),
            depth: crate::domain::assessment::Depth::Full,
        };
        match store.create_assessment(&new, source, pack) {
            Ok(_) => {}
            // Another process made it between the check and now: it fills it.
            Err(_) if store.assessment_exists(&id)? => continue,
            Err(e) => return Err(e.into()),
        }
        store.set_clock(Some(demo.created_at));
        let recorded = store.set_method(&id, &visit(&post, demo));
        store.set_clock(None);
        recorded?;
        answer_items(store, &id, pack, &post, demo)?;
        audit_equipment(store, &id, pack, &post, demo)?;
        // What the visit found of the previous plan, as far as it got.
        plan::follow_up(store, &id, &post, demo.answered)?;
        for (t, at) in demo.transitions {
            store.transition_at(&id, t, Some(at))?;
        }
        match demo.transitions.last() {
            Some((Transition::Finalise, at)) => plan::plan_final(store, &id, pack, &post, at)?,
            Some((Transition::Submit, at)) => plan::review(store, &id, &post, at)?,
            _ => {}
        }
        assessments_added += 1;
    }
    Ok((posts_added, assessments_added))
}

/// The ids of the demo assessments, in the order they are loaded.
pub fn demo_ids() -> Vec<AssessmentId> {
    ASSESSMENTS.iter().map(demo_id).collect()
}
