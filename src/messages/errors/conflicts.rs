//! Errors of the merge-conflict queue, in Spanish and Portuguese (English is
//! each error's `Display`).

use crate::domain::lang::Lang;
use crate::store::StoreError;

pub fn store(e: &StoreError, lang: Lang) -> String {
    match (e, lang) {
        (_, Lang::En) => e.to_string(),
        (StoreError::OpenConflicts { id, count }, Lang::Es) => format!(
            "la evaluación {id} no puede finalizarse mientras haya {count} conflictos de fusión abiertos; véalos con `frontera conflicts {id}` y resuelva cada uno con `frontera conflicts resolve {id} ÍTEM --take mine|theirs|VALOR --reason TEXTO`"
        ),
        (StoreError::OpenConflicts { id, count }, Lang::Pt) => format!(
            "a avaliação {id} não pode ser finalizada enquanto houver {count} conflitos de fusão abertos; veja-os com `frontera conflicts {id}` e resolva cada um com `frontera conflicts resolve {id} ITEM --take mine|theirs|VALOR --reason TEXTO`"
        ),
        (StoreError::UnknownConflict { id, item }, Lang::Es) => format!(
            "la evaluación {id} no tiene un conflicto abierto '{item}' (vea `frontera conflicts {id}`)"
        ),
        (StoreError::UnknownConflict { id, item }, Lang::Pt) => format!(
            "a avaliação {id} não tem um conflito aberto '{item}' (veja `frontera conflicts {id}`)"
        ),
        (StoreError::AmbiguousConflict { item, numbers }, Lang::Es) => format!(
            "'{item}' corresponde a varios conflictos abiertos ({}); indique el número del conflicto",
            numbers.join(", ")
        ),
        (StoreError::AmbiguousConflict { item, numbers }, Lang::Pt) => format!(
            "'{item}' corresponde a vários conflitos abertos ({}); indique o número do conflito",
            numbers.join(", ")
        ),
        (StoreError::BadConflictValue { field, value }, Lang::Es) => format!(
            "'{value}' no es un valor para {field} (una respuesta es 0 a 4 o `na: MOTIVO`, un recuento un número entero o -)"
        ),
        (StoreError::BadConflictValue { field, value }, Lang::Pt) => format!(
            "'{value}' não é um valor para {field} (uma resposta é 0 a 4 ou `na: MOTIVO`, uma contagem um número inteiro ou -)"
        ),
        _ => e.to_string(),
    }
}
