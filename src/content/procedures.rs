//! Reference procedure files → procedures.

use crate::domain::lang::Localized;
use crate::domain::pack::{Procedure, ProcedureText};

use super::diagnostics::FileDiagnostics;
use super::dto::{ProcedureFile, ProcedureTextDto};
use super::localize::{Versions, list, text};

pub fn procedure(
    file: &ProcedureFile,
    file_stem: &str,
    diags: &mut FileDiagnostics<'_>,
) -> Option<Procedure> {
    let id = file.id.get_ref();
    let span = file.id.span();
    if id != file_stem {
        diags.error(
            span.clone(),
            format!("procedure id '{id}' must match its file name '{file_stem}.toml'"),
        );
    }
    if file.sources.is_empty() {
        diags.error(
            span.clone(),
            format!("procedure {id}: give at least one source in sources"),
        );
    }
    let blocks = [file.en.as_ref(), file.es.as_ref(), file.pt.as_ref()];
    let what = |f: &str| format!("procedure {id}: {f}");
    let mut one = |get: fn(&ProcedureTextDto) -> Option<String>, f: &str| {
        Versions::of(blocks, get).require(diags, span.clone(), &what(f))
    };
    let title = one(|b| text(&b.title), "title");
    let purpose = one(|b| text(&b.purpose), "purpose");
    let basis = one(|b| text(&b.basis), "basis");
    let mut many = |get: fn(&ProcedureTextDto) -> Option<Vec<String>>, f: &str| {
        Versions::of(blocks, get).require(diags, span.clone(), &what(f))
    };
    let roles = many(|b| list(&b.roles), "roles");
    let steps = many(|b| list(&b.steps), "steps");
    let records = many(|b| list(&b.records), "records");
    let failures = many(|b| list(&b.common_failures), "common_failures");
    let (title, purpose, basis) = (title?, purpose?, basis?);
    let (roles, steps, records, failures) = (roles?, steps?, records?, failures?);
    let build = |l: crate::domain::lang::Lang| ProcedureText {
        title: title.get(l).clone(),
        purpose: purpose.get(l).clone(),
        basis: basis.get(l).clone(),
        roles: roles.get(l).clone(),
        steps: steps.get(l).clone(),
        records: records.get(l).clone(),
        common_failures: failures.get(l).clone(),
    };
    use crate::domain::lang::Lang;
    Some(Procedure {
        id: id.clone(),
        sources: file.sources.clone(),
        text: Localized {
            en: build(Lang::En),
            es: build(Lang::Es),
            pt: build(Lang::Pt),
        },
    })
}
